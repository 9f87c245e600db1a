package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeclineTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    private static IndicatorSpec waterUse() {
        return IndicatorSpec.decline("water-per-gdp", 14).name("万元地区生产总值用水量下降").unit("%").binding().build();
    }

    /**
     * Worked example (DECLINE, binding [14]): yearly declines 3.5%, 2.0%, 1.8% in 2026–2028.
     * 1 − D = 0.965 × 0.980 × 0.982 = 0.92867, so D = 7.13%; P = D/D* = 7.133/14 = 0.510 (the plain share);
     * τ = 0.6; R = 0.849 → binding 0.80 ≤ R < 1.00 → 滞后于预期, and a lagging binding indicator is RED.
     * Expected cumulative decline 14 × 0.6 = 8.4%. Catch-up (log form): 1 − (0.86/0.92867)^(1/2) = 3.77% a year.
     */
    @Test
    void waterUsePerGdpIsLaggingRed() {
        List<Observation> obs = List.of(Observation.of(2026, 3.5), Observation.of(2027, 2.0), Observation.of(2028, 1.8));
        Assessment a = engine.assess(waterUse(), obs, 2028);
        double lnR = Math.log(0.965) + Math.log(0.98) + Math.log(0.982);
        double cut = -Math.expm1(lnR) * 100;
        assertThat(a.progress()).isCloseTo(cut / 14, within(1e-12));
        assertThat(a.scheduleRatio()).isCloseTo(0.849, within(0.001));
        assertThat(a.status()).isEqualTo(Status.LAGGING);
        assertThat(a.status().label()).isEqualTo("滞后于预期");
        assertThat(a.warning()).isEqualTo(Warning.RED);
        assertThat(a.expected()).isCloseTo(14 * 0.6, within(1e-9));
        assertThat(a.catchUp()).isCloseTo((1 - Math.sqrt(0.86 / Math.exp(lnR))) * 100, within(1e-9));
        assertThat(a.catchUp()).isCloseTo(3.77, within(0.01));
        assertThat(a.explanation()).startsWith("序时进度60%，完成进度50.9%（2026—2028年累计下降7.1%，目标下降14%），滞后9.1个百分点")
                .contains("需今后年均下降3.77%方可实现目标");
        // projection of ln(1 − D) to 2030 → cumulative decline in %, below 14 on this trend
        assertThat(a.projection()).isBetween(9.0, 14.0);
        assertThat(a.anticipatedProgress()).isCloseTo(a.projection() / 14, within(1e-9)).isLessThan(1.0);
    }

    /**
     * Issue 17, rule 1 (official verdict): a 4.1% cut after two years against a 10% five-year cut is on schedule,
     * because the NDRC's checks ask for 40% of the targeted reduction by the second year: 4.1/10 = 0.41 ≥ 0.40,
     * R = 1.025 → 基本符合预期. The log form said 滞后 (ln 0.959/ln 0.90 = 0.397, R = 0.993 < 1.00).
     */
    @Test
    void shareOfTargetedReductionIsOnSchedule() {
        IndicatorSpec s = IndicatorSpec.decline("energy-intensity", 10).name("单位GDP能耗降低").unit("%").binding().build();
        double second = (1 - 0.959 / 0.98) * 100; // 2.0% then the rest: 1 − 0.98·x = 0.041 in all
        Assessment a = engine.assess(s, List.of(Observation.of(2026, 2.0), Observation.of(2027, second)), 2027);
        assertThat(a.progress()).isCloseTo(0.41, within(1e-9));
        assertThat(a.elapsed()).isCloseTo(0.40, within(1e-12));
        assertThat(a.scheduleRatio()).isCloseTo(1.025, within(1e-9));
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        assertThat(a.warning()).isEqualTo(Warning.GREEN);
        assertThat(a.expected()).isCloseTo(4.0, within(1e-9));
        // what the log form gave, and why it called this lagging
        assertThat(Math.log(0.959) / Math.log(0.90)).isCloseTo(0.397, within(0.0005));
        assertThat(engine.classify(Math.log(0.959) / Math.log(0.90), Math.log(0.959) / Math.log(0.90) / 0.4,
                Attribute.BINDING)).isEqualTo(Status.LAGGING);
        // a 3.9% cut is 0.39 of the target against 0.40: binding → lagging
        double less = (1 - 0.961 / 0.98) * 100;
        assertThat(engine.assess(s, List.of(Observation.of(2026, 2.0), Observation.of(2027, less)), 2027).status())
                .isEqualTo(Status.LAGGING);
    }
    /** The same declines anticipatory: R = 0.818 ≥ 0.60 → LAGGING but YELLOW. */
    @Test
    void anticipatoryIsYellow() {
        IndicatorSpec s = waterUse().toBuilder().attribute(Attribute.ANTICIPATORY).build();
        List<Observation> obs = List.of(Observation.of(2026, 3.5), Observation.of(2027, 2.0), Observation.of(2028, 1.8));
        Assessment a = engine.assess(s, obs, 2028);
        assertThat(a.status()).isEqualTo(Status.LAGGING);
        assertThat(a.warning()).isEqualTo(Warning.YELLOW);
    }

    /** Energy intensity [16.4]: 3.2% a year for two years: P = (1 − 0.968²)/0.164 = 0.384, R = 0.960 → binding lagging. */
    @Test
    void bindingNeedsFullSchedule() {
        IndicatorSpec s = IndicatorSpec.decline("energy-intensity", 16.4).binding().build();
        Assessment a = engine.assess(s, List.of(Observation.of(2026, 3.2), Observation.of(2027, 3.2)), 2027);
        assertThat(a.scheduleRatio()).isCloseTo((1 - 0.968 * 0.968) / 0.164 / 0.4, within(1e-12));
        assertThat(a.status()).isEqualTo(Status.LAGGING);
        assertThat(a.warning()).isEqualTo(Warning.RED);
        // 3.5% a year: R = (1 − 0.965²)/0.164/0.4 = 1.048 → on track
        Assessment b = engine.assess(s, List.of(Observation.of(2026, 3.5), Observation.of(2027, 3.5)), 2027);
        assertThat(b.status()).isEqualTo(Status.ON_TRACK);
    }

    /** The whole reduction reached before the last year is 提前实现 (a cumulative target, unlike an average). */
    @Test
    void wholeReductionReachedEarly() {
        IndicatorSpec s = IndicatorSpec.decline("co2-intensity", 10).binding().build();
        Assessment a = engine.assess(s, List.of(Observation.of(2026, 6), Observation.of(2027, 5)), 2027);
        assertThat(a.progress()).isCloseTo((1 - 0.94 * 0.95) / 0.10, within(1e-12)).isGreaterThan(1.0);
        assertThat(a.status()).isEqualTo(Status.ACHIEVED_EARLY);
        assertThat(a.catchUp()).isNull();
    }

    /** Intensity rising (a negative decline) → moving the wrong way → 严重滞后. */
    @Test
    void risingIsWrongWay() {
        Assessment a = engine.assess(waterUse(), List.of(Observation.of(2026, -1.0)), 2026);
        assertThat(a.status()).isEqualTo(Status.SEVERELY_LAGGING);
    }
}
