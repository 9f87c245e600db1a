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
     * 1 − D = 0.965 × 0.980 × 0.982 = 0.92867, so D = 7.13%; P = ln(0.92867)/ln(0.86) = 0.0740/0.1508 = 0.491;
     * τ = 0.6; R = 0.818 ≈ 0.82 → binding 0.80 ≤ R < 1.00 → 滞后于预期, and a lagging binding indicator is RED.
     * Expected cumulative decline 1 − 0.86^0.6 = 8.65%. Catch-up: 1 − (0.86/0.92867)^(1/2) = 3.77% a year.
     */
    @Test
    void waterUsePerGdpIsLaggingRed() {
        List<Observation> obs = List.of(Observation.of(2026, 3.5), Observation.of(2027, 2.0), Observation.of(2028, 1.8));
        Assessment a = engine.assess(waterUse(), obs, 2028);
        double lnR = Math.log(0.965) + Math.log(0.98) + Math.log(0.982);
        assertThat(a.progress()).isCloseTo(lnR / Math.log(0.86), within(1e-12));
        assertThat(a.scheduleRatio()).isCloseTo(0.82, within(0.005));
        assertThat(a.status()).isEqualTo(Status.LAGGING);
        assertThat(a.status().label()).isEqualTo("滞后于预期");
        assertThat(a.warning()).isEqualTo(Warning.RED);
        assertThat(a.expected()).isCloseTo((1 - Math.pow(0.86, 0.6)) * 100, within(1e-9));
        assertThat(a.catchUp()).isCloseTo((1 - Math.sqrt(0.86 / Math.exp(lnR))) * 100, within(1e-9));
        assertThat(a.catchUp()).isCloseTo(3.77, within(0.01));
        assertThat(a.explanation()).startsWith("序时进度60%，完成进度49.1%（2026—2028年累计下降7.1%，目标下降14%），滞后10.9个百分点")
                .contains("需今后年均下降3.77%方可实现目标");
        // projection of ln(1 − D) to 2030 → cumulative decline in %, below 14 on this trend
        assertThat(a.projection()).isBetween(9.0, 14.0);
        assertThat(a.anticipatedProgress()).isLessThan(1.0);
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

    /** Energy intensity [16.4]: 3.5% a year for two years: P = 2·ln0.965/ln0.836 = 0.399, R = 0.998 → binding lagging. */
    @Test
    void bindingNeedsFullSchedule() {
        IndicatorSpec s = IndicatorSpec.decline("energy-intensity", 16.4).binding().build();
        Assessment a = engine.assess(s, List.of(Observation.of(2026, 3.5), Observation.of(2027, 3.5)), 2027);
        assertThat(a.scheduleRatio()).isCloseTo(2 * Math.log(0.965) / Math.log(0.836) / 0.4, within(1e-12));
        assertThat(a.status()).isEqualTo(Status.LAGGING);
        assertThat(a.warning()).isEqualTo(Warning.RED);
        // 4% a year: R = 1.14 → on track
        Assessment b = engine.assess(s, List.of(Observation.of(2026, 4), Observation.of(2027, 4)), 2027);
        assertThat(b.status()).isEqualTo(Status.ON_TRACK);
    }

    /** Intensity rising (a negative decline) → moving the wrong way → 严重滞后. */
    @Test
    void risingIsWrongWay() {
        Assessment a = engine.assess(waterUse(), List.of(Observation.of(2026, -1.0)), 2026);
        assertThat(a.status()).isEqualTo(Status.SEVERELY_LAGGING);
    }
}
