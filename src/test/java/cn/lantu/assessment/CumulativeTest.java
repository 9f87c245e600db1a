package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CumulativeTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    private static IndicatorSpec jobs() {
        return IndicatorSpec.cumulative("new-jobs", 7).name("城镇新增就业").unit("万人").build();
    }

    /**
     * Worked example (CUMULATIVE, [7]万人 new urban jobs): additions 1.5, 1.4, 1.3 in 2026–2028.
     * S = 4.2; P = 4.2/7 = 0.6; τ = 0.6; R = 1.0 → 基本符合预期; expected C·τ = 4.2;
     * catch-up = (7 − 4.2)/2 = 1.4 万人 a year.
     */
    @Test
    void onSchedule() {
        List<Observation> obs = List.of(Observation.of(2026, 1.5), Observation.of(2027, 1.4), Observation.of(2028, 1.3));
        Assessment a = engine.assess(jobs(), obs, 2028);
        assertThat(a.progress()).isCloseTo(0.6, within(1e-12));
        assertThat(a.scheduleRatio()).isCloseTo(1.0, within(1e-12));
        assertThat(a.expected()).isCloseTo(4.2, within(1e-12));
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        assertThat(a.catchUp()).isCloseTo(1.4, within(1e-12));
        assertThat(a.catchUpUnit()).isEqualTo("万人");
        assertThat(a.explanation()).isEqualTo(
                "序时进度60%，完成进度60%（2026—2028年累计4.2万人，目标7万人），与序时进度持平；需今后年均新增1.4万人方可实现目标");
        // the running total is projected: additions shrink by 0.1 a year → about 6.8 by 2030
        assertThat(a.projection()).isBetween(6.0, 7.2);
        assertThat(a.anticipatedProgress()).isCloseTo(a.projection() / 7, within(1e-12));
    }

    /** 1.0 + 1.0: P = 2/7 = 0.286, τ = 0.4, R = 0.714 → 滞后于预期. */
    @Test
    void lagging() {
        Assessment a = engine.assess(jobs(), List.of(Observation.of(2026, 1.0), Observation.of(2027, 1.0)), 2027);
        assertThat(a.scheduleRatio()).isCloseTo(2 / 7.0 / 0.4, within(1e-12));
        assertThat(a.status()).isEqualTo(Status.LAGGING);
        assertThat(a.warning()).isEqualTo(Warning.YELLOW);
    }

    /** 7.5 by 2028 → 提前实现. */
    @Test
    void achievedEarly() {
        List<Observation> obs = List.of(Observation.of(2026, 3), Observation.of(2027, 2.5), Observation.of(2028, 2));
        assertThat(engine.assess(jobs(), obs, 2028).status()).isEqualTo(Status.ACHIEVED_EARLY);
    }
}
