package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LevelTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    private static IndicatorSpec cleanEnergy() {
        return IndicatorSpec.level("clean-energy", Path.LINEAR, 140.67, 300.0).name("清洁能源装机容量").unit("万千瓦").build();
    }

    private static final List<Observation> CLEAN = List.of(
            Observation.of(2026, 175), Observation.of(2027, 205), Observation.of(2028, 228));

    /**
     * Worked example (LEVEL, LINEAR): clean-energy capacity 140.67 (2025) → 300 (2030) 万千瓦.
     * 2028: τ = (2028 − 2025)/5 = 0.6; expected = 140.67 + 0.6 × 159.33 = 236.27;
     * P = (228 − 140.67)/(300 − 140.67) = 87.33/159.33 = 0.548; R = 0.548/0.6 = 0.913 → 0.60 ≤ R < 0.95 → 滞后于预期;
     * catch-up = (300 − 228)/2 = 36.0 万千瓦 a year.
     */
    @Test
    void cleanEnergyLinearIsLaggingWithR091() {
        Assessment a = engine.assess(cleanEnergy(), CLEAN, 2028);
        assertThat(a.elapsed()).isCloseTo(0.6, within(1e-12));
        assertThat(a.expected()).isCloseTo(236.268, within(1e-9));
        assertThat(a.progress()).isCloseTo(0.5481, within(1e-4));
        assertThat(a.scheduleRatio()).isCloseTo(0.91, within(0.005));
        assertThat(a.status()).isEqualTo(Status.LAGGING);
        assertThat(a.status().label()).isEqualTo("滞后于预期");
        assertThat(a.warning()).isEqualTo(Warning.YELLOW);
        assertThat(a.catchUp()).isCloseTo(36.0, within(1e-9));
        assertThat(a.catchUpUnit()).isEqualTo("万千瓦");
        assertThat(a.explanation()).isEqualTo("序时进度60%，完成进度54.8%，滞后5.2个百分点；需年均新增36.0万千瓦方可实现目标");
        assertThat(a.provisional()).isFalse();
        assertThat(a.latestYear()).isEqualTo(2028);
        assertThat(a.latestValue()).isEqualTo(228.0);
        assertThat(a.targetUsed()).isEqualTo(Assessment.ORIGINAL);
        // weighted trend through (2025,140.67) … (2028,228) with 4 points → band present
        assertThat(a.projection()).isBetween(280.0, 320.0);
        assertThat(a.projectionLow()).isLessThan(a.projection());
        assertThat(a.projectionHigh()).isGreaterThan(a.projection());
        assertThat(a.anticipatedProgress()).isCloseTo((a.projection() - 140.67) / (300 - 140.67), within(1e-12));
    }

    /**
     * Worked example (LEVEL, GEOMETRIC): GDP 2000 → 3000 亿元, 2027 = 2270.
     * τ = 0.4; P = ln(2270/2000)/ln(1.5) = 0.1266/0.4055 = 0.312; R = 0.781 → 滞后于预期;
     * expected = 2000 × 1.5^0.4 = 2352.2; catch-up rate = (3000/2270)^(1/3) − 1 = 9.74%.
     */
    @Test
    void geometricLevel() {
        IndicatorSpec s = IndicatorSpec.level("gdp", Path.GEOMETRIC, 2000, 3000).unit("亿元").build();
        Assessment a = engine.assess(s, List.of(Observation.of(2026, 2130), Observation.of(2027, 2270)), 2027);
        assertThat(a.progress()).isCloseTo(Math.log(2270 / 2000.0) / Math.log(1.5), within(1e-12));
        assertThat(a.scheduleRatio()).isCloseTo(0.781, within(0.001));
        assertThat(a.expected()).isCloseTo(2000 * Math.pow(1.5, 0.4), within(1e-9));
        assertThat(a.status()).isEqualTo(Status.LAGGING);
        assertThat(a.catchUp()).isCloseTo((Math.pow(3000 / 2270.0, 1 / 3.0) - 1) * 100, within(1e-9));
        assertThat(a.catchUpUnit()).isEqualTo("%");
        assertThat(a.explanation()).contains("需今后年均增长9.74%");
        // 3 points (base + 2) → a projection band in level space
        assertThat(a.projectionLow()).isNotNull();
    }

    /**
     * Worked example (lower is better, ABOUT): urban–rural income ratio 1.55 → 1.53 左右 (±0.01), 2026 = 1.548.
     * P = (1.55 − 1.548)/(1.55 − 1.53) = 0.1; τ = 0.2; R = 0.5 (< 0.60). Expected 1.546 and |1.548 − 1.546| ≤ 0.01,
     * so "左右" holds → 基本符合预期. Without the band (以内) it is 严重滞后. First year → provisional.
     */
    @Test
    void lowerIsBetterWithAboutBand() {
        IndicatorSpec.Builder b = IndicatorSpec.level("income-ratio", Path.LINEAR, 1.55, 1.53)
                .direction(Direction.DOWN).comparator(Comparator.ABOUT).band(0.01);
        List<Observation> obs = List.of(Observation.of(2026, 1.548));
        Assessment about = engine.assess(b.build(), obs, 2026);
        assertThat(about.progress()).isCloseTo(0.1, within(1e-9));
        assertThat(about.scheduleRatio()).isCloseTo(0.5, within(1e-9));
        assertThat(about.status()).isEqualTo(Status.ON_TRACK);
        assertThat(about.provisional()).isTrue();
        assertThat(about.explanation()).contains("初步判断");
        Assessment atMost = engine.assess(b.comparator(Comparator.AT_MOST).build(), obs, 2026);
        assertThat(atMost.status()).isEqualTo(Status.SEVERELY_LAGGING);
        assertThat(atMost.warning()).isEqualTo(Warning.RED);
    }

    /** Provisional only in the first year of the period: 2026 yes (τ = 0.2), 2027 no (τ = 0.4). */
    @Test
    void firstYearIsProvisional() {
        Assessment y1 = engine.assess(cleanEnergy(), CLEAN, 2026);
        assertThat(y1.elapsed()).isCloseTo(0.2, within(1e-12));
        assertThat(y1.provisional()).isTrue();
        assertThat(engine.assess(cleanEnergy(), CLEAN, 2027).provisional()).isFalse();
        // starred base 2024: 2026 is still the first plan year
        IndicatorSpec starred = cleanEnergy().toBuilder().baseYear(2024).build();
        Assessment s = engine.assess(starred, CLEAN, 2026);
        assertThat(s.elapsed()).isCloseTo(2 / 6.0, within(1e-12));
        assertThat(s.provisional()).isTrue();
    }

    /** Target already met at base (base 60, target ≥ 58): held → 提前实现; broken (binding) → 严重滞后. */
    @Test
    void targetAlreadyMetAtBaseIsABoundToHold() {
        IndicatorSpec s = IndicatorSpec.level("met", Path.LINEAR, 60, 58).comparator(Comparator.AT_LEAST).binding()
                .unit("%").build();
        assertThat(engine.assess(s, List.of(Observation.of(2026, 61)), 2026).status()).isEqualTo(Status.ACHIEVED_EARLY);
        Assessment broken = engine.assess(s, List.of(Observation.of(2026, 61), Observation.of(2027, 57)), 2027);
        assertThat(broken.status()).isEqualTo(Status.SEVERELY_LAGGING);
        assertThat(broken.warning()).isEqualTo(Warning.RED);
    }

    @Test
    void missingBaseGivesNoDataUnlessBaseYearObserved() {
        IndicatorSpec s = IndicatorSpec.builder("x", Kind.LEVEL).targetValue(300.0).build();
        Assessment a = engine.assess(s, CLEAN, 2028);
        assertThat(a.status()).isEqualTo(Status.NO_DATA);
        assertThat(a.warning()).isNull();
        assertThat(a.explanation()).isEqualTo("基期值待录入");
        List<Observation> withBase = new java.util.ArrayList<>(CLEAN);
        withBase.add(Observation.of(2025, 140.67));
        assertThat(engine.assess(s, withBase, 2028).status()).isEqualTo(Status.LAGGING);
    }

    @Test
    void noObservationsGiveNoData() {
        Assessment a = engine.assess(cleanEnergy(), List.of(), 2028);
        assertThat(a.status()).isEqualTo(Status.NO_DATA);
        assertThat(a.status().label()).isEqualTo("暂无数据");
        assertThat(a.explanation()).isEqualTo("暂无2026年以来数据");
    }

    /** Revised target 280: P = 87.33/139.33 = 0.627, R = 1.045 → 基本符合预期; against the original it lags. */
    @Test
    void revisedTargetIsUsedAndSaid() {
        IndicatorSpec s = cleanEnergy().toBuilder().revisedTarget(280.0, "中期评估调整").build();
        Assessment a = engine.assess(s, CLEAN, 2028);
        assertThat(a.targetUsed()).isEqualTo(Assessment.REVISED);
        assertThat(a.scheduleRatio()).isCloseTo(87.33 / 139.33 / 0.6, within(1e-9));
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        assertThat(a.explanation()).contains("按调整后目标280评估，原目标300").contains("中期评估调整");
        Assessment original = engine.assess(s.withoutRevision(), CLEAN, 2028);
        assertThat(original.targetUsed()).isEqualTo(Assessment.ORIGINAL);
        assertThat(original.status()).isEqualTo(Status.LAGGING);
    }

    @Test
    void annualPlanTarget() {
        IndicatorSpec s = cleanEnergy().toBuilder().annualTarget(2028, 230).annualTarget(2027, 200).build();
        Assessment a = engine.assess(s, CLEAN, 2028);
        assertThat(a.annualTargetMet()).isFalse();
        assertThat(a.annualTargetLabel()).isEqualTo("未完成");
        assertThat(a.explanation()).contains("2028年年度计划目标230，未完成");
        assertThat(engine.assess(s, CLEAN, 2027).annualTargetMet()).isTrue();
        assertThat(engine.assess(cleanEnergy(), CLEAN, 2028).annualTargetMet()).isNull();
    }

    @Test
    void estimatesCountAndAreFlaggedAndFinalWins() {
        List<Observation> obs = List.of(Observation.of(2026, 175), Observation.of(2027, 205),
                Observation.estimate(2028, 228));
        Assessment a = engine.assess(cleanEnergy(), obs, 2028);
        assertThat(a.latestEstimate()).isTrue();
        assertThat(a.status()).isEqualTo(Status.LAGGING);
        assertThat(a.explanation()).contains("2028年为预计数");
        List<Observation> both = List.of(Observation.estimate(2028, 260), Observation.of(2028, 228));
        Assessment f = engine.assess(cleanEnergy(), both, 2028);
        assertThat(f.latestValue()).isEqualTo(228.0);
        assertThat(f.latestEstimate()).isFalse();
    }

    @Test
    void observationsAfterAsOfAreIgnored() {
        Assessment a = engine.assess(cleanEnergy(), CLEAN, 2027);
        assertThat(a.latestYear()).isEqualTo(2027);
        assertThat(a.asOfYear()).isEqualTo(2027);
        // 2027: τ 0.4, P = 64.33/159.33 = 0.404, R = 1.01 → on track
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void wrongWayAndAchievedEarly() {
        Assessment wrong = engine.assess(cleanEnergy(), List.of(Observation.of(2026, 130)), 2026);
        assertThat(wrong.progress()).isNegative();
        assertThat(wrong.status()).isEqualTo(Status.SEVERELY_LAGGING);
        assertThat(wrong.explanation()).contains("逆向变化");
        Assessment done = engine.assess(cleanEnergy(), List.of(Observation.of(2027, 305)), 2027);
        assertThat(done.status()).isEqualTo(Status.ACHIEVED_EARLY);
        assertThat(done.status().label()).isEqualTo("提前实现");
        assertThat(done.catchUp()).isNull();
        assertThat(done.explanation()).contains("已提前实现目标");
    }

    /** R = 1.30 → 快于预期 (AHEAD). */
    @Test
    void ahead() {
        // τ 0.4; P = 0.52 → value 140.67 + 0.52 × 159.33
        double v = 140.67 + 0.52 * 159.33;
        Assessment a = engine.assess(cleanEnergy(), List.of(Observation.of(2027, v)), 2027);
        assertThat(a.status()).isEqualTo(Status.AHEAD);
        assertThat(a.explanation()).contains("超前12个百分点");
    }
}
