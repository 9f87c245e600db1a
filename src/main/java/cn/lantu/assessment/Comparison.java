package cn.lantu.assessment;

/**
 * The two numbers a verdict weighs, in the same terms: what has been achieved by the latest year and what the
 * schedule (or the benchmark) asks for by then. Tables set these two side by side, never a single year's reading
 * (one year's growth rate, addition or reduction) beside a multi-year expectation. The texts are the ready-made
 * Chinese cells ("2026—2028年年均增长6.9%" against "年均增长6.5%左右"), so every page and report prints the same
 * figures.
 *
 * <ul>
 *   <li>{@link Basis#LEVEL}: the level in the latest year against the level due then (LEVEL), the floor or ceiling
 *       (FLOOR, or a LEVEL target already met at the base), the base (STABLE) or the issued number (ASSIGNED).</li>
 *   <li>{@link Basis#AVERAGE_GROWTH}: the average annual growth over the observed years, in %, against the target
 *       rate in force (GROWTH) or the related series' average growth over the same years (RELATIONAL).</li>
 *   <li>{@link Basis#TOTAL}: the running total since the base year against the total due on schedule, C·τ
 *       (CUMULATIVE).</li>
 *   <li>{@link Basis#REDUCTION}: the cumulative reduction since the base year, in %, against the reduction due on
 *       schedule, 1 − (1 − D*)^τ (DECLINE).</li>
 *   <li>{@link Basis#VERDICT}: an entered verdict (完成 / 未完成) against the requirement; no numbers.</li>
 * </ul>
 *
 * <p>For LEVEL, CUMULATIVE and DECLINE, {@code expected} is {@link Assessment#expected()}; for GROWTH it is the
 * target rate (the assessment's {@code expected} is the cumulative growth the schedule asks for).
 */
public record Comparison(Basis basis, Double achieved, Double expected, String achievedText, String expectedText,
                         String achievedTextEn, String expectedTextEn) {

    /** The achieved cell in the reader's language (English for an English locale). */
    public String achievedText(java.util.Locale locale) {
        return Phrasebook.english(locale) && achievedTextEn != null ? achievedTextEn : achievedText;
    }

    /** The due cell in the reader's language. */
    public String expectedText(java.util.Locale locale) {
        return Phrasebook.english(locale) && expectedTextEn != null ? expectedTextEn : expectedText;
    }

    /** What the two numbers measure. */
    public enum Basis { LEVEL, AVERAGE_GROWTH, TOTAL, REDUCTION, VERDICT }
}
