package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StableTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    /**
     * Worked example (STABLE, default ±3% of base): manufacturing share base 30.0. 30.8 is +2.67% → within the band →
     * 基本符合预期; 31.0 is +3.33% → outside → 滞后于预期 (anticipatory), 严重滞后 if binding. A band of 0.05 widens it.
     */
    @Test
    void relativeBandAroundBase() {
        IndicatorSpec s = IndicatorSpec.stable("mfg-share", 30.0).unit("%").build();
        Assessment in = engine.assess(s, List.of(Observation.of(2027, 30.8)), 2027);
        assertThat(in.status()).isEqualTo(Status.ON_TRACK);
        assertThat(in.expected()).isEqualTo(30.0);
        assertThat(in.explanation()).isEqualTo("2027年为30.8%，较基期30%变动2.7%，在±3%的稳定区间内");
        Assessment out = engine.assess(s, List.of(Observation.of(2027, 31.0)), 2027);
        assertThat(out.status()).isEqualTo(Status.LAGGING);
        assertThat(out.explanation()).contains("超出±3%的稳定区间");
        assertThat(engine.assess(s.toBuilder().binding().build(), List.of(Observation.of(2027, 29.0)), 2027).status())
                .isEqualTo(Status.SEVERELY_LAGGING);
        assertThat(engine.assess(s.toBuilder().band(0.05).build(), List.of(Observation.of(2027, 31.0)), 2027).status())
                .isEqualTo(Status.ON_TRACK);
    }

    @Test
    void defaultBandIsConfigurable() {
        Thresholds wide = new Thresholds(1.15, 0.95, 0.60, 1.00, 0.80, 0.2, 0.05, 1.0);
        IndicatorSpec s = IndicatorSpec.stable("mfg-share", 30.0).build();
        assertThat(new AssessmentEngine(wide).assess(s, List.of(Observation.of(2027, 31.0)), 2027).status())
                .isEqualTo(Status.ON_TRACK);
    }

    @Test
    void missingBase() {
        IndicatorSpec s = IndicatorSpec.builder("share", Kind.STABLE).build();
        Assessment a = engine.assess(s, List.of(Observation.of(2027, 31.0)), 2027);
        assertThat(a.status()).isEqualTo(Status.NO_DATA);
        assertThat(a.explanation()).isEqualTo("基期值待录入");
    }
}
