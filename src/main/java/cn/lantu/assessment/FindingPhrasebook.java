package cn.lantu.assessment;

import java.util.List;

/**
 * The words of the feasibility and consistency findings ({@link Feasibility}), one method per piece, as
 * {@link Phrasebook} is for verdicts: {@link ChineseFindingPhrases} and {@link EnglishFindingPhrases}. Amounts arrive
 * formatted with their unit; names and notes are the plan's own and pass through.
 */
interface FindingPhrasebook {

    /** A value with its unit. */
    String amount(String value, String unit);

    /** "A、B" / "A, B". */
    String list(List<String> items);

    String bracket(String inner);

    // ---------------------------------------------------------------- compound goal

    String compoundGoalTitle(String subject);

    String compoundBase(int baseYear, String subject, String base);

    String compoundLowerBound(String base);

    String compoundNeed(int goalYear, String goal, String neededRate, String plannedRate, String reached);

    String compoundReaches(String goal);

    String compoundShort(String goal, String levelGap, String rateGap, String priceRise);

    // ---------------------------------------------------------------- component and portfolio sums

    /** "智能视觉650亿元". */
    String part(String name, String amount);

    String partsTotal(String sum);

    String totalTarget(String totalName, String total);

    /** {@code note} and {@code difference} may be null. */
    String differentScope(String note, String difference);

    String agree();

    String componentGap(boolean componentsLess, String difference);

    String measureSum(String measure, String sum);

    String measureGap(String measure, boolean itemsLess, String difference);

    String portfolio(int rows, String sums, String totals);

    String gaps(List<String> gaps);

    // ---------------------------------------------------------------- target met at base

    String metAtBaseTitle(String name);

    String metAtBasePending(String name);

    /** {@code precision} is the stated precision when the base met the target only at it, else null. */
    String metAtBase(String name, int baseYear, String base, boolean atLeast, String target, boolean met,
                     Integer precision);
}
