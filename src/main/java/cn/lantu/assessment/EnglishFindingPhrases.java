package cn.lantu.assessment;

import java.util.List;

/** The English wording of the findings; names, notes and units stay as the plan writes them. */
final class EnglishFindingPhrases implements FindingPhrasebook {

    static final EnglishFindingPhrases INSTANCE = new EnglishFindingPhrases();

    private EnglishFindingPhrases() {
    }

    @Override
    public String amount(String value, String unit) {
        return EnglishPhrases.INSTANCE.amount(value, unit);
    }

    @Override
    public String list(List<String> items) {
        return String.join(", ", items);
    }

    @Override
    public String bracket(String inner) {
        return " (" + inner + ")";
    }

    @Override
    public String compoundGoalTitle(String subject) {
        return subject + ": goal and growth target";
    }

    @Override
    public String compoundBase(int baseYear, String subject, String base) {
        return "From a " + baseYear + " base of " + base + " for " + subject;
    }

    @Override
    public String compoundLowerBound(String base) {
        return " (the plan only says “over " + base + "”, so the lower bound is used; a higher actual base needs a "
                + "lower rate)";
    }

    @Override
    public String compoundNeed(int goalYear, String goal, String neededRate, String plannedRate, String reached) {
        return ", reaching " + goal + " by " + goalYear + " needs average annual growth of " + neededRate
                + "%; at the planned " + plannedRate + "% a year, " + goalYear + " reaches about " + reached;
    }

    @Override
    public String compoundReaches(String goal) {
        return ", which reaches " + goal;
    }

    @Override
    public String compoundShort(String goal, String levelGap, String rateGap, String priceRise) {
        return ", " + levelGap + " short of " + goal + "; the rate needed is " + EnglishPhrases.points(rateGap)
                + " above the planned rate; if the planned rate is in constant prices, a yearly price "
                + "rise of about " + priceRise + "% would bring growth in current prices to the rate needed";
    }

    @Override
    public String part(String name, String amount) {
        return name + " " + amount;
    }

    @Override
    public String partsTotal(String sum) {
        return ", together " + sum;
    }

    @Override
    public String totalTarget(String totalName, String total) {
        return "; target for " + totalName + ": " + total;
    }

    @Override
    public String differentScope(String note, String difference) {
        return "; the two are on different scopes" + (note != null ? bracket(note) : "")
                + (difference != null ? ", so the difference of " + difference
                + " is one of scope, not an inconsistency between targets" : "");
    }

    @Override
    public String agree() {
        return "; the two agree";
    }

    @Override
    public String componentGap(boolean componentsLess, String difference) {
        return "; the components come to " + difference + (componentsLess ? " less" : " more") + " than the total target";
    }

    @Override
    public String measureSum(String measure, String sum) {
        return measure + " " + sum;
    }

    @Override
    public String measureGap(String measure, boolean itemsLess, String difference) {
        return measure + ": the items come to " + difference + (itemsLess ? " less" : " more") + " than the stated total";
    }

    @Override
    public String portfolio(int rows, String sums, String totals) {
        return rows + " items: " + sums + "; stated totals " + totals;
    }

    @Override
    public String gaps(List<String> gaps) {
        return "; " + String.join("; ", gaps);
    }

    @Override
    public String metAtBaseTitle(String name) {
        return name + ": base value and target";
    }

    @Override
    public String metAtBasePending(String name) {
        return "Base value or target of " + name + " not yet entered, not compared";
    }

    @Override
    public String metAtBase(String name, int baseYear, String base, boolean atLeast, String target, boolean met,
                            Integer precision) {
        return name + ": base value " + base + " in " + baseYear + ", target " + (atLeast ? "at least " : "at most ")
                + target + (met ? ", already met at the base" + (precision != null
                ? " (compared at the precision the target is stated in, " + precision
                + (precision == 1 ? " decimal place)" : " decimal places)") : "")
                : ", not yet met at the base");
    }
}
