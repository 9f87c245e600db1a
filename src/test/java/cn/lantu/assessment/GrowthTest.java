package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GrowthTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    private static IndicatorSpec gdpGrowth(Comparator c) {
        return IndicatorSpec.growth("gdp-growth", 6.5).name("地区生产总值年均增长").unit("%").comparator(c).band(0.5).build();
    }

    private static List<Observation> rates(double... r) {
        List<Observation> out = new java.util.ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            out.add(Observation.of(2026 + i, r[i]));
        }
        return out;
    }

    /**
     * Worked example (GROWTH, 6.5%左右 ±0.5): growth 6.0% in each of 2026–2028.
     * I = 1.06³; P = 3·ln1.06/(5·ln1.065) = 0.5552; τ = 0.6; R = ln1.06/ln1.065 = 0.925 → by R alone 滞后于预期,
     * but the average 6.0% is within 6.5 ± 0.5, so "左右" is met → 基本符合预期.
     * Catch-up: (1.065⁵/1.06³)^(1/2) − 1 = 7.25% a year in 2029–2030.
     */
    @Test
    void aboutBandCountsAsOnTarget() {
        Assessment a = engine.assess(gdpGrowth(Comparator.ABOUT), rates(6.0, 6.0, 6.0), 2028);
        assertThat(a.progress()).isCloseTo(3 * Math.log(1.06) / (5 * Math.log(1.065)), within(1e-12));
        assertThat(a.scheduleRatio()).isCloseTo(0.925, within(0.001));
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        assertThat(a.expected()).isCloseTo((Math.pow(1.065, 3) - 1) * 100, within(1e-9));
        double need = (Math.sqrt(Math.pow(1.065, 5) / Math.pow(1.06, 3)) - 1) * 100;
        assertThat(a.catchUp()).isCloseTo(need, within(1e-9));
        assertThat(a.explanation()).contains("2026—2028年年均增长6%，在目标6.5%左右±0.5个百分点范围内，视为基本符合预期").contains("需今后年均增长7.25%");
        // constant growth → projected average ≈ 6.0, anticipated progress ≈ R
        assertThat(a.projection()).isCloseTo(6.0, within(1e-6));
        assertThat(a.anticipatedProgress()).isCloseTo(Math.log(1.06) / Math.log(1.065), within(1e-6));

        // same figures against "6.5%以上": lagging
        assertThat(engine.assess(gdpGrowth(Comparator.AT_LEAST), rates(6.0, 6.0, 6.0), 2028).status())
                .isEqualTo(Status.LAGGING);
    }

    /** Average 6.2% within 6.5 ± 0.5 → 基本符合预期 (R = ln1.062/ln1.065 = 0.955 as well). */
    @Test
    void averageSixPointTwoIsOnTrack() {
        Assessment a = engine.assess(gdpGrowth(Comparator.ABOUT), rates(6.4, 6.1, 6.1), 2028);
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        assertThat(a.warning()).isEqualTo(Warning.GREEN);
    }

    /** Average 5.8% is below the band (6.0–7.0): R = ln1.058/ln1.065 = 0.893 → 滞后于预期. */
    @Test
    void belowTheBandLags() {
        Assessment a = engine.assess(gdpGrowth(Comparator.ABOUT), rates(5.8, 5.8, 5.8), 2028);
        assertThat(a.scheduleRatio()).isCloseTo(Math.log(1.058) / Math.log(1.065), within(1e-12));
        assertThat(a.status()).isEqualTo(Status.LAGGING);
    }

    /** 8% a year against 6.5%: R = ln1.08/ln1.065 = 1.225 → 快于预期. Negative growth → 严重滞后. */
    @Test
    void aheadAndWrongWay() {
        assertThat(engine.assess(gdpGrowth(Comparator.ABOUT), rates(8, 8), 2027).status()).isEqualTo(Status.AHEAD);
        assertThat(engine.assess(gdpGrowth(Comparator.ABOUT), rates(-1), 2026).status())
                .isEqualTo(Status.SEVERELY_LAGGING);
    }

    /**
     * Issue 17, rule 3 (official verdict 符合预期, engine had said 提前实现): R&D spending growing 10.2% a year on
     * average against 年均增长7% after four years. P = 4·ln1.102/(5·ln1.07) = 1.148 ≥ 1, but an average target is not
     * reached before its last year: R = 1.148/0.8 = 1.435 ≥ 1.15 → 快于预期. In the last year it is 提前实现/完成.
     */
    @Test
    void averageGrowthNotAchievedBeforeLastYear() {
        IndicatorSpec rd = IndicatorSpec.growth("rd-growth", 7).name("研发经费投入年均增长").unit("%").build();
        Assessment four = engine.assess(rd, rates(10.2, 10.2, 10.2, 10.2), 2029);
        assertThat(four.progress()).isCloseTo(4 * Math.log(1.102) / (5 * Math.log(1.07)), within(1e-12))
                .isGreaterThan(1.0);
        assertThat(four.status()).isNotEqualTo(Status.ACHIEVED_EARLY).isEqualTo(Status.AHEAD);
        assertThat(four.status().label()).isEqualTo("快于预期");
        assertThat(four.explanation()).doesNotContain("实现目标");
        assertThat(four.catchUp()).isNull();
        Assessment five = engine.assess(rd, rates(10.2, 10.2, 10.2, 10.2, 10.2), 2030);
        assertThat(five.status()).isEqualTo(Status.ACHIEVED_EARLY);
        assertThat(five.explanation()).contains("已实现目标");
        // a level target already reached can be 提前实现 before its year
        IndicatorSpec level = IndicatorSpec.level("urban", Path.LINEAR, 70, 75).unit("%").build();
        assertThat(engine.assess(level, List.of(Observation.of(2028, 75.2)), 2028).status())
                .isEqualTo(Status.ACHIEVED_EARLY);
    }

    /** A missing year: the flow kinds count observed years only and say so. */
    @Test
    void missingYearIsNoted() {
        List<Observation> obs = List.of(Observation.of(2026, 6.5), Observation.of(2028, 6.5));
        Assessment a = engine.assess(gdpGrowth(Comparator.ABOUT), obs, 2028);
        assertThat(a.elapsed()).isCloseTo(0.4, within(1e-12));
        assertThat(a.scheduleRatio()).isCloseTo(1.0, within(1e-12));
        assertThat(a.explanation()).contains("缺2027年数据");
    }

    @Test
    void annualTargetOnTheYearsRate() {
        IndicatorSpec s = gdpGrowth(Comparator.ABOUT).toBuilder().annualTarget(2026, 6.5).build();
        assertThat(engine.assess(s, rates(6.3), 2026).annualTargetMet()).isFalse();
        assertThat(engine.assess(s, rates(6.6), 2026).annualTargetMet()).isTrue();
    }
}
