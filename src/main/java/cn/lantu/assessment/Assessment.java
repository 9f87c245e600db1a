package cn.lantu.assessment;

import java.util.Locale;

/**
 * Result of assessing one indicator as of a year. Fractions are fractions (0.548), never percentages.
 *
 * <ul>
 *   <li>{@code elapsed} τ = (t − b)/(T − b) at the latest observed year t (for GROWTH/CUMULATIVE/DECLINE, the number of
 *       observed years over T − b, which is the same when no year is missing).</li>
 *   <li>{@code expected}: where the schedule says the indicator should be at t, in the natural unit of the kind —
 *       LEVEL the level; GROWTH the expected cumulative growth since b in %; CUMULATIVE the expected running total;
 *       DECLINE the expected cumulative reduction in %; FLOOR the floor; STABLE the base; RELATIONAL the related
 *       series' average growth in %.</li>
 *   <li>{@code progress} P (0 at base, 1 at target) and {@code scheduleRatio} R = P/τ; null for band/verdict kinds.</li>
 *   <li>{@code projection} (with ±1 standard error in {@code projectionLow}/{@code projectionHigh} when the fit has at
 *       least 3 points) is comparable with the target: LEVEL/FLOOR/STABLE the level in the target year; GROWTH the
 *       average annual growth over the period in %; CUMULATIVE the period total; DECLINE the cumulative reduction
 *       in %. {@code anticipatedProgress} is the projection expressed as P.</li>
 *   <li>{@code catchUp}: what is needed each remaining year to still reach the target, in {@code catchUpUnit}
 *       ("%" for rates, otherwise the indicator's unit or "个百分点").</li>
 *   <li>{@code annualTargetMet}: 完成 / 未完成 against the year's own annual-plan target, null when there is none.</li>
 *   <li>{@code targetUsed}: "ORIGINAL" or "REVISED".</li>
 *   <li>{@code explanation} is the Chinese sentence of evaluation reports, {@code explanationEn} the same sentence in
 *       English (units and names stay as the plan writes them); {@link #explanation(Locale)} picks one.</li>
 *   <li>{@code comparison}: the achieved value and the value due, in the same terms, for tables that set the two side
 *       by side (see {@link Comparison}); null when there is no data. {@code latestValue} is one year's reading
 *       (for GROWTH that year's rate) and is not to be compared with {@code expected}.</li>
 * </ul>
 */
public record Assessment(String code, int asOfYear, Status status, Warning warning, boolean provisional,
                         Double elapsed, Double expected, Double progress, Double scheduleRatio,
                         Integer latestYear, Double latestValue, boolean latestEstimate,
                         Double projection, Double projectionLow, Double projectionHigh, Double anticipatedProgress,
                         Double catchUp, String catchUpUnit, String explanation, Boolean annualTargetMet,
                         String targetUsed, String explanationEn, Comparison comparison) {

    public static final String ORIGINAL = "ORIGINAL";
    public static final String REVISED = "REVISED";

    /** An assessment made elsewhere than the engine: Chinese explanation only, no {@link Comparison}. */
    public Assessment(String code, int asOfYear, Status status, Warning warning, boolean provisional,
                      Double elapsed, Double expected, Double progress, Double scheduleRatio,
                      Integer latestYear, Double latestValue, boolean latestEstimate,
                      Double projection, Double projectionLow, Double projectionHigh, Double anticipatedProgress,
                      Double catchUp, String catchUpUnit, String explanation, Boolean annualTargetMet,
                      String targetUsed) {
        this(code, asOfYear, status, warning, provisional, elapsed, expected, progress, scheduleRatio, latestYear,
                latestValue, latestEstimate, projection, projectionLow, projectionHigh, anticipatedProgress, catchUp,
                catchUpUnit, explanation, annualTargetMet, targetUsed, null, null);
    }

    /** The explanation in the locale's language: English for an English locale, else Chinese. */
    public String explanation(Locale locale) {
        return Phrasebook.english(locale) && explanationEn != null ? explanationEn : explanation;
    }

    /** Chinese label of the status. */
    public String statusLabel() {
        return status.label();
    }

    /** Label of the status in the locale's language. */
    public String statusLabel(Locale locale) {
        return status.label(locale);
    }

    /** 完成 / 未完成 / null. */
    public String annualTargetLabel() {
        return annualTargetLabel(null);
    }

    /** 完成 / 未完成 (Achieved / Not achieved) / null. */
    public String annualTargetLabel(Locale locale) {
        if (annualTargetMet == null) {
            return null;
        }
        if (Phrasebook.english(locale)) {
            return annualTargetMet ? "Achieved" : "Not achieved";
        }
        return annualTargetMet ? "完成" : "未完成";
    }

    /** The unit of {@link #catchUp} in the locale's language ("个百分点" is "percentage points" in English). */
    public String catchUpUnit(Locale locale) {
        return Phrasebook.english(locale) && CatchUp.POINTS.equals(catchUpUnit) ? "percentage points" : catchUpUnit;
    }

    /**
     * This assessment with the override's status in force (warning recomputed for {@code attribute}); the
     * explanation notes the override. The computed status stays in the {@link StatusOverride}.
     */
    public Assessment withOverride(StatusOverride override, Attribute attribute) {
        if (override == null) {
            return this;
        }
        Status effective = override.effective();
        String text = explanation
                + ChinesePhrases.INSTANCE.override(effective, override.computed(), override.reason());
        String textEn = (explanationEn != null ? explanationEn : explanation)
                + EnglishPhrases.INSTANCE.override(effective, override.computed(), override.reason());
        return new Assessment(code, asOfYear, effective, Warning.of(effective, attribute), provisional, elapsed,
                expected, progress, scheduleRatio, latestYear, latestValue, latestEstimate, projection, projectionLow,
                projectionHigh, anticipatedProgress, catchUp, catchUpUnit, text, annualTargetMet, targetUsed, textEn,
                comparison);
    }
}
