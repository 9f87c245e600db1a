package cn.lantu.assessment;

import java.util.List;

/**
 * The English wording of the explanation sentences, for the English interface. Units and names are the plan's own
 * (Chinese) and pass through unchanged, apart from the engine's own "个百分点", which is "percentage points".
 */
final class EnglishPhrases implements Phrasebook {

    static final EnglishPhrases INSTANCE = new EnglishPhrases();

    private static final String TO_REACH_TARGET = " needed to reach the target";

    private EnglishPhrases() {
    }

    @Override
    public String comma() {
        return ", ";
    }

    @Override
    public String semicolon() {
        return "; ";
    }

    @Override
    public String bracket(String inner) {
        return " (" + inner + ")";
    }

    @Override
    public String list(List<String> items) {
        return String.join(", ", items);
    }

    @Override
    public String sentence(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public String amount(String value, String unit) {
        if (unit == null || unit.isEmpty() || "%".equals(unit)) {
            return value + (unit == null ? "" : unit);
        }
        return CatchUp.POINTS.equals(unit) ? points(value) : value + " " + unit;
    }

    @Override
    public String years(int first, int last) {
        return first == last ? String.valueOf(first) : first + "–" + last;
    }

    @Override
    public String bound(boolean atLeast, String amount) {
        return (atLeast ? "at least " : "at most ") + amount;
    }

    @Override
    public String done(boolean met) {
        return met ? "achieved" : "not achieved";
    }

    @Override
    public String status(Status status) {
        return status.labelEn();
    }

    @Override
    public String verdict(Verdict verdict) {
        return done(verdict == Verdict.ACHIEVED);
    }

    @Override
    public String noBase() {
        return "base value not yet entered";
    }

    @Override
    public String noTarget() {
        return "target value not yet entered";
    }

    @Override
    public String zeroTarget() {
        return "the target is zero, so progress cannot be computed";
    }

    @Override
    public String noVerdict() {
        return "qualitative indicator, no verdict yet";
    }

    @Override
    public String noAssignedResult() {
        return "result against the target assigned by the higher level not yet entered";
    }

    @Override
    public String noIssuedTarget() {
        return "target issued by the higher level not yet entered";
    }

    @Override
    public String linearFallback() {
        return "non-positive values, computed on a linear path";
    }

    @Override
    public String noDataSince(int firstYear) {
        return "no data for " + firstYear + " onwards yet";
    }

    @Override
    public String noRelatedData(String related) {
        return "no data for the same years yet for the related indicator" + (related == null ? "" : " " + related);
    }

    @Override
    public String schedule(String elapsedPct, String progressPct) {
        return "time elapsed " + elapsedPct + "%, progress " + progressPct + "%";
    }

    @Override
    public String targetAchieved() {
        return "target achieved";
    }

    @Override
    public String targetAchievedEarly() {
        return "target achieved ahead of time";
    }

    @Override
    public String reversed() {
        return "moving in the wrong direction";
    }

    @Override
    public String levelWithSchedule() {
        return "in step with the time elapsed";
    }

    @Override
    public String behindBy(String points) {
        return points(points) + " behind schedule";
    }

    @Override
    public String aheadBy(String points) {
        return points(points) + " ahead of schedule";
    }

    @Override
    public String requirement(boolean met) {
        return met ? "requirement met" : "requirement not met";
    }

    @Override
    public String levelWithinBand(String expected, String band) {
        return "within ±" + band + " of the scheduled value " + expected;
    }

    @Override
    public String needCompound(boolean growth, String rate) {
        return "average annual " + (growth ? "growth" : "decline") + " of " + rate + "% from now on" + TO_REACH_TARGET;
    }

    @Override
    public String needStep(boolean up, boolean pctUnit, String amount) {
        String noun = up ? (pctUnit ? "rise" : "addition") : (pctUnit ? "fall" : "reduction");
        return "an average " + noun + " of " + amount + " a year" + TO_REACH_TARGET;
    }

    @Override
    public String growthPeriod(String years, String average, String target, Comparator comparator) {
        return "average annual growth of " + average + "% in " + years + ", target " + target + "%"
                + (comparator.labelEn().isEmpty() ? "" : " " + comparator.labelEn());
    }

    @Override
    public String growthWithinBand(String years, String average, String target, String band) {
        return "average annual growth of " + average + "% in " + years + ", within ±" + points(band)
                + " of the target of about " + target + "%, taken as broadly on track";
    }

    @Override
    public String needGrowth(String rate) {
        return "average annual growth of " + rate + "% from now on" + TO_REACH_TARGET;
    }

    @Override
    public String cumulativePeriod(String years, String sum, String total) {
        return "total of " + sum + " in " + years + ", target " + total;
    }

    @Override
    public String needAddition(String amount) {
        return "an average addition of " + amount + " a year from now on" + TO_REACH_TARGET;
    }

    @Override
    public String declinePeriod(String years, String cumulative, String target) {
        return "cumulative decline of " + cumulative + "% in " + years + ", target decline " + target + "%";
    }

    @Override
    public String needDecline(String rate) {
        return "average annual decline of " + rate + "% from now on" + TO_REACH_TARGET;
    }

    @Override
    public String valueInYear(int year, String amount) {
        return amount + " in " + year;
    }

    @Override
    public String boundMet(String bound) {
        return "meeting the requirement of " + bound;
    }

    @Override
    public String metAtBase(String base) {
        return "the base value " + base + " already met the target";
    }

    @Override
    public String boundMissed(String bound, String gap) {
        return "short of the requirement of " + bound + " by " + gap;
    }

    @Override
    public String restoreTo(String bound) {
        return "needs to return to " + bound;
    }

    @Override
    public String earlierBreaches(String years) {
        return "not met in " + years;
    }

    @Override
    public String stable(int year, String value, String base, String change, String band, boolean met) {
        return value + " in " + year + ", " + (change == null ? "a change" : "a change of " + change + "%")
                + " from the base " + base + ", " + (met ? "within" : "outside") + " the stable band of ±" + band + "%";
    }

    @Override
    public String relational(String years, String averageOwn, String related, String averageRelated, String gap,
                             String bandText) {
        return "average annual growth of " + averageOwn + "% in " + years + " against " + averageRelated + "% for "
                + relatedName(related) + " over the same years, a gap of " + points(gap) + ", " + bandText;
    }

    @Override
    public String relationalBand(Comparator comparator, String related, String band, boolean met) {
        String rel = relatedName(related);
        return switch (comparator) {
            case AT_LEAST -> met
                    ? "meeting the requirement of growth not more than " + points(band) + " below " + rel
                    : "more than " + points(band) + " below the growth of " + rel;
            case AT_MOST -> met
                    ? "meeting the requirement of growth not more than " + points(band) + " above " + rel
                    : "more than " + points(band) + " above the growth of " + rel;
            default -> (met ? "within" : "outside") + " ±" + points(band);
        };
    }

    private static String relatedName(String related) {
        return related == null ? "the related indicator" : related;
    }

    @Override
    public String verdict(int year, boolean assigned, Verdict verdict, String amount) {
        return year + (assigned ? " target assigned by the higher level: " : " verdict: ") + verdict(verdict)
                + (amount != null ? bracket(amount) : "");
    }

    @Override
    public String issuedNumber(int year, String amount, String bound, boolean met) {
        return amount + " in " + year + ", against the target of " + bound + " assigned by the higher level: "
                + done(met);
    }

    @Override
    public String annualTarget(int year, String target, boolean met) {
        return year + " annual plan target " + target + ": " + done(met);
    }

    @Override
    public String missingYears(String years) {
        return "no data for " + years + ", computed from the years available";
    }

    @Override
    public String latestEstimate(int year) {
        return "the " + year + " figure is an estimate";
    }

    @Override
    public String someEstimates() {
        return "includes estimates";
    }

    @Override
    public String provisional() {
        return "first year of the plan period, the verdict is provisional";
    }

    @Override
    public String revisedTarget(String revised, String original, String reason) {
        return "assessed against the revised target " + revised + (original != null ? ", original target " + original : "")
                + (reason != null ? ", reason for the revision: " + reason : "");
    }

    @Override
    public String override(Status effective, Status computed, String reason) {
        return " (status set by the plan office to " + lowerFirst(effective.labelEn()) + ", computed status "
                + lowerFirst(computed.labelEn()) + "; reason: " + reason + ")";
    }

    @Override
    public String statusCount(int count, Status status) {
        return count + " " + switch (status) {
            case ACHIEVED_EARLY -> "achieved early";
            case AHEAD -> "ahead of schedule";
            case ON_TRACK -> "broadly on track";
            case LAGGING -> "behind schedule";
            case SEVERELY_LAGGING -> "seriously behind schedule";
            case NO_DATA -> "without data";
        };
    }

    @Override
    public String planSentence(int items, String terms) {
        return "Of the " + items + (items == 1 ? " main indicator, " : " main indicators, ") + terms;
    }

    @Override
    public String noBinding() {
        return "No binding indicators";
    }

    @Override
    public String bindingSentence(int count, String terms) {
        return count + (count == 1 ? " binding indicator: " : " binding indicators: ") + terms;
    }

    @Override
    public String laggingBinding(String names) {
        return "; binding indicators behind schedule: " + names;
    }

    @Override
    public String nameWithStatus(String name, Status status) {
        return name + " (" + lowerFirst(status.labelEn()) + ")";
    }

    /** "1 percentage point", "5.2 percentage points". */
    static String points(String value) {
        return value + ("1".equals(value) || "-1".equals(value) ? " percentage point" : " percentage points");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
