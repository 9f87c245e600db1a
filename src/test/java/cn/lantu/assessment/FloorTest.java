package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FloorTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    private static IndicatorSpec forest() {
        return IndicatorSpec.floor("forest", 56.0, 1).name("森林覆盖率").unit("%").binding().baseValue(55.96).build();
    }

    /**
     * Worked example (FLOOR, stated precision): forest cover ≥ 56.0 (one decimal). 55.96 rounds to 56.0, so the
     * floor holds (tolerance ½ × 0.1 = 0.05): 基本符合预期. 55.94 rounds to 55.9: breached, and binding → 严重滞后.
     */
    @Test
    void floorComparedAtStatedPrecision() {
        Assessment held = engine.assess(forest(), List.of(Observation.of(2026, 55.96)), 2026);
        assertThat(held.status()).isEqualTo(Status.ON_TRACK);
        assertThat(held.status().label()).isEqualTo("基本符合预期");
        assertThat(held.warning()).isEqualTo(Warning.GREEN);
        assertThat(held.explanation()).startsWith("2026年为55.96%，达到不低于56.0%的要求");
        assertThat(held.progress()).isNull();
        assertThat(held.scheduleRatio()).isNull();
        assertThat(engine.assess(forest(), List.of(Observation.of(2026, 55.95)), 2026).status())
                .isEqualTo(Status.ON_TRACK);

        Assessment broken = engine.assess(forest(), List.of(Observation.of(2026, 55.94)), 2026);
        assertThat(broken.status()).isEqualTo(Status.SEVERELY_LAGGING);
        assertThat(broken.warning()).isEqualTo(Warning.RED);
        assertThat(broken.catchUp()).isEqualTo(56.0);
        assertThat(broken.explanation()).contains("未达到不低于56.0%的要求");
    }

    /** Without a stated precision the comparison is exact: 55.96 < 56 breaches. */
    @Test
    void exactWithoutPrecision() {
        IndicatorSpec s = forest().toBuilder().precision(null).build();
        assertThat(engine.assess(s, List.of(Observation.of(2026, 55.96)), 2026).status())
                .isEqualTo(Status.SEVERELY_LAGGING);
    }

    /** Grain output ≥ 42700 (anticipatory): 42500 breaches → 滞后于预期 (not severe); an earlier breach is noted. */
    @Test
    void anticipatoryBreachIsLagging() {
        IndicatorSpec grain = IndicatorSpec.floor("grain", 42700, 0).unit("万斤").build();
        Assessment a = engine.assess(grain, List.of(Observation.of(2026, 43000), Observation.of(2027, 42500)), 2027);
        assertThat(a.status()).isEqualTo(Status.LAGGING);
        assertThat(a.warning()).isEqualTo(Warning.YELLOW);
        Assessment b = engine.assess(grain, List.of(Observation.of(2026, 42500), Observation.of(2027, 43000)), 2027);
        assertThat(b.status()).isEqualTo(Status.ON_TRACK);
        assertThat(b.explanation()).contains("2026年曾未达到");
    }

    /** A lower-is-better floor is a ceiling: surveyed unemployment ≤ 5.5: 5.5 holds, 5.6 breaks. */
    @Test
    void ceiling() {
        IndicatorSpec s = IndicatorSpec.floor("unemployment", 5.5, 1).direction(Direction.DOWN).unit("%").build();
        assertThat(engine.assess(s, List.of(Observation.of(2026, 5.5)), 2026).status()).isEqualTo(Status.ON_TRACK);
        Assessment a = engine.assess(s, List.of(Observation.of(2026, 5.6)), 2026);
        assertThat(a.status()).isEqualTo(Status.LAGGING);
        assertThat(a.explanation()).contains("不高于5.5%");
    }

    /**
     * Issue 17, rule 2 (official verdict): CPI 100.7 against a 103 ceiling (控制在103以内) in the final year is 完成,
     * i.e. 提前实现 rather than 基本符合预期: nothing is left to hold. The same figure a year earlier is still 基本符合.
     */
    @Test
    void boundHeldInTargetYearIsCompleted() {
        IndicatorSpec cpi = IndicatorSpec.floor("cpi", 103, 0).name("居民消费价格指数").direction(Direction.DOWN).build();
        Assessment end = engine.assess(cpi, List.of(Observation.of(2029, 101.2), Observation.of(2030, 100.7)), 2030);
        assertThat(end.status()).isEqualTo(Status.ACHIEVED_EARLY);
        assertThat(end.warning()).isEqualTo(Warning.GREEN);
        assertThat(end.explanation()).startsWith("2030年为100.7，达到不高于103的要求，已实现目标");
        Assessment before = engine.assess(cpi, List.of(Observation.of(2029, 100.7)), 2029);
        assertThat(before.status()).isEqualTo(Status.ON_TRACK);
        assertThat(before.explanation()).doesNotContain("已实现目标");
        // broken in the final year stays broken
        assertThat(engine.assess(cpi, List.of(Observation.of(2030, 103.6)), 2030).status())
                .isEqualTo(Status.LAGGING);
        // an earlier breach is still named, the final year decides
        Assessment recovered = engine.assess(cpi, List.of(Observation.of(2028, 104), Observation.of(2030, 102)), 2030);
        assertThat(recovered.status()).isEqualTo(Status.ACHIEVED_EARLY);
        assertThat(recovered.explanation()).contains("2028年曾未达到");
    }

    @Test
    void noObservation() {
        assertThat(engine.assess(forest(), List.of(), 2026).status()).isEqualTo(Status.NO_DATA);
    }
}
