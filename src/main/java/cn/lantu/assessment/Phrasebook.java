package cn.lantu.assessment;

import java.util.List;
import java.util.Locale;

/**
 * The words of the explanation sentences, one method per piece. {@link VerdictExplanation} decides which pieces a
 * verdict needs and formats the numbers ({@link Fmt}); a phrasebook only words them: {@link ChinesePhrases} in the
 * wording of evaluation reports, {@link EnglishPhrases} for the English interface. Values reach the phrasebook as
 * formatted text; units and names are passed through as they are (they are content of the plan).
 */
interface Phrasebook {

    /** English for a locale whose language is English, Chinese otherwise (also for null). */
    static Phrasebook of(Locale locale) {
        return english(locale) ? EnglishPhrases.INSTANCE : ChinesePhrases.INSTANCE;
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    // ---------------------------------------------------------------- punctuation and small parts

    /** "，" / ", ". */
    String comma();

    /** "；" / "; ". */
    String semicolon();

    /** "（x）" / " (x)". */
    String bracket(String inner);

    /** "2026、2027" / "2026, 2027". */
    String list(List<String> items);

    /** The finished sentence (English starts with a capital). */
    String sentence(String text);

    /** A value with its unit: "36.0万千瓦" / "36.0 万千瓦", "5%" / "5%". */
    String amount(String value, String unit);

    /** "2026—2028年" / "2026–2028"; one year: "2026年" / "2026". */
    String years(int first, int last);

    /** "不低于56.0%" / "at least 56.0%". */
    String bound(boolean atLeast, String amount);

    /** 完成 / achieved. */
    String done(boolean met);

    String status(Status status);

    String verdict(Verdict verdict);

    // ---------------------------------------------------------------- no assessment possible

    String noBase();

    String noTarget();

    String zeroTarget();

    String noVerdict();

    String noAssignedResult();

    String noIssuedTarget();

    String linearFallback();

    /** "暂无2026年以来数据". */
    String noDataSince(int firstYear);

    /** {@code related} may be null. */
    String noRelatedData(String related);

    // ---------------------------------------------------------------- progress kinds

    /** "序时进度60%，完成进度54.8%". */
    String schedule(String elapsedPct, String progressPct);

    String targetAchieved();

    String targetAchievedEarly();

    String reversed();

    String levelWithSchedule();

    String behindBy(String points);

    String aheadBy(String points);

    /** 符合要求 / 未达到要求. */
    String requirement(boolean met);

    String levelWithinBand(String expected, String band);

    /** "需今后年均增长3.2%方可实现目标" ({@code growth} false: 下降). */
    String needCompound(boolean growth, String rate);

    /** "需年均新增36.0万千瓦方可实现目标"; {@code pctUnit}: 提高 / 降低 (a % indicator's points). */
    String needStep(boolean up, boolean pctUnit, String amount);

    String growthPeriod(String years, String average, String target, Comparator comparator);

    String growthWithinBand(String years, String average, String target, String band);

    String needGrowth(String rate);

    String cumulativePeriod(String years, String sum, String total);

    String needAddition(String amount);

    String declinePeriod(String years, String cumulative, String target);

    String needDecline(String rate);

    // ---------------------------------------------------------------- bound, band and verdict kinds

    /** "2028年为56.1%". */
    String valueInYear(int year, String amount);

    String boundMet(String bound);

    String metAtBase(String base);

    String boundMissed(String bound, String gap);

    String restoreTo(String bound);

    String earlierBreaches(String years);

    /** {@code change} null when the base is zero (no relative change). */
    String stable(int year, String value, String base, String change, String band, boolean met);

    /** {@code related} may be null. */
    String relational(String years, String averageOwn, String related, String averageRelated, String gap,
                      String bandText);

    /** The band test of a RELATIONAL indicator, in the comparator's terms. */
    String relationalBand(Comparator comparator, String related, String band, boolean met);

    /** {@code amount} null when no number came with the verdict. */
    String verdict(int year, boolean assigned, Verdict verdict, String amount);

    String issuedNumber(int year, String amount, String bound, boolean met);

    // ---------------------------------------------------------------- notes

    String annualTarget(int year, String target, boolean met);

    String missingYears(String years);

    String latestEstimate(int year);

    String someEstimates();

    String provisional();

    /** {@code original} and {@code reason} may be null. */
    String revisedTarget(String revised, String original, String reason);

    /** The notes of a sentence, in one bracket. */
    default String notes(List<String> notes) {
        return bracket(String.join(semicolon(), notes));
    }

    /** The bracketed note on a status set by hand. */
    String override(Status effective, Status computed, String reason);

    // ---------------------------------------------------------------- plan summary

    /** "3项提前实现" / "3 achieved early". */
    String statusCount(int count, Status status);

    String planSentence(int items, String terms);

    String noBinding();

    String bindingSentence(int count, String terms);

    String laggingBinding(String names);

    String nameWithStatus(String name, Status status);
}
