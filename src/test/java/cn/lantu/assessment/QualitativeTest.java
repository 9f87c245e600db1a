package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualitativeTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    /** Worked example (QUALITATIVE): no numbers are assessed; NO_DATA until a verdict, then the verdict decides. */
    @Test
    void noDataUntilVerdict() {
        IndicatorSpec s = IndicatorSpec.builder("reform", Kind.QUALITATIVE).build();
        Assessment none = engine.assess(s, List.of(Observation.of(2026, 12.0)), 2026);
        assertThat(none.status()).isEqualTo(Status.NO_DATA);
        assertThat(none.warning()).isNull();
        assertThat(none.progress()).isNull();
        Assessment yes = engine.assess(s, List.of(Observation.verdict(2026, Verdict.ACHIEVED)), 2026);
        assertThat(yes.status()).isEqualTo(Status.ON_TRACK);
        assertThat(yes.annualTargetMet()).isNull();
        assertThat(engine.assess(s, List.of(Observation.verdict(2026, Verdict.NOT_ACHIEVED)), 2026).status())
                .isEqualTo(Status.LAGGING);
    }
}
