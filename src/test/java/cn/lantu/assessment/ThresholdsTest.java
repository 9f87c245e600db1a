package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    /** The default status table, for P = 0.5 and varying τ: R = P/τ. */
    @Test
    void defaultTable() {
        Attribute A = Attribute.ANTICIPATORY, B = Attribute.BINDING;
        assertThat(engine.classify(1.0, 1.67, A)).isEqualTo(Status.ACHIEVED_EARLY);
        assertThat(engine.classify(0.5, 1.15, A)).isEqualTo(Status.AHEAD);
        assertThat(engine.classify(0.5, 1.149, A)).isEqualTo(Status.ON_TRACK);
        assertThat(engine.classify(0.5, 0.95, A)).isEqualTo(Status.ON_TRACK);
        assertThat(engine.classify(0.5, 0.949, A)).isEqualTo(Status.LAGGING);
        assertThat(engine.classify(0.5, 0.60, A)).isEqualTo(Status.LAGGING);
        assertThat(engine.classify(0.5, 0.599, A)).isEqualTo(Status.SEVERELY_LAGGING);
        assertThat(engine.classify(-0.01, 1.0, A)).isEqualTo(Status.SEVERELY_LAGGING);
        assertThat(engine.classify(0.5, 0.99, B)).isEqualTo(Status.LAGGING);
        assertThat(engine.classify(0.5, 1.00, B)).isEqualTo(Status.ON_TRACK);
        assertThat(engine.classify(0.5, 0.80, B)).isEqualTo(Status.LAGGING);
        assertThat(engine.classify(0.5, 0.79, B)).isEqualTo(Status.SEVERELY_LAGGING);
    }

    @Test
    void labelsAndWarnings() {
        assertThat(Status.AHEAD.label()).isEqualTo("快于预期");
        assertThat(Status.SEVERELY_LAGGING.label()).isEqualTo("严重滞后");
        assertThat(Attribute.BINDING.label()).isEqualTo("约束性");
        assertThat(Attribute.ANTICIPATORY.label()).isEqualTo("预期性");
        assertThat(Warning.of(Status.LAGGING, Attribute.ANTICIPATORY)).isEqualTo(Warning.YELLOW);
        assertThat(Warning.of(Status.LAGGING, Attribute.BINDING)).isEqualTo(Warning.RED);
        assertThat(Warning.of(Status.AHEAD, Attribute.BINDING)).isEqualTo(Warning.GREEN);
        assertThat(Warning.of(Status.NO_DATA, Attribute.BINDING)).isNull();
        assertThat(Status.worse(Status.ON_TRACK, Status.LAGGING)).isEqualTo(Status.LAGGING);
        assertThat(Status.worse(Status.NO_DATA, Status.AHEAD)).isEqualTo(Status.AHEAD);
        assertThat(Status.worse(Status.NO_DATA, Status.NO_DATA)).isEqualTo(Status.NO_DATA);
    }

    @Test
    void customThresholdsAndValidation() {
        Thresholds strict = new Thresholds(1.2, 1.0, 0.7, 1.05, 0.9, 0.2, 0.03, 1.0);
        assertThat(new AssessmentEngine(strict).classify(0.5, 0.97, Attribute.ANTICIPATORY)).isEqualTo(Status.LAGGING);
        assertThatThrownBy(() -> new Thresholds(1.0, 1.2, 0.6, 1.0, 0.8, 0.2, 0.03, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
