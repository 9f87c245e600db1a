package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssignedTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    /**
     * Worked example (ASSIGNED, 完成上级下达指标): the latest verdict decides. 2027 achieved → 基本符合预期 (GREEN);
     * 2028 not achieved on a binding indicator → 严重滞后 (RED); anticipatory → 滞后于预期.
     */
    @Test
    void verdicts() {
        IndicatorSpec s = IndicatorSpec.builder("pollutant", Kind.ASSIGNED).binding().build();
        Assessment ok = engine.assess(s, List.of(Observation.verdict(2027, Verdict.ACHIEVED)), 2027);
        assertThat(ok.status()).isEqualTo(Status.ON_TRACK);
        assertThat(ok.warning()).isEqualTo(Warning.GREEN);
        assertThat(ok.explanation()).isEqualTo("2027年上级下达指标完成");
        List<Observation> both = List.of(Observation.verdict(2027, Verdict.ACHIEVED),
                Observation.verdict(2028, Verdict.NOT_ACHIEVED));
        Assessment failed = engine.assess(s, both, 2028);
        assertThat(failed.status()).isEqualTo(Status.SEVERELY_LAGGING);
        assertThat(failed.warning()).isEqualTo(Warning.RED);
        assertThat(failed.annualTargetMet()).isFalse();
        IndicatorSpec ant = s.toBuilder().attribute(Attribute.ANTICIPATORY).build();
        assertThat(engine.assess(ant, both, 2028).status()).isEqualTo(Status.LAGGING);
        assertThat(engine.assess(s, List.of(), 2028).status()).isEqualTo(Status.NO_DATA);
    }

    /** Once a number is issued (reduce by ≥ 3.0 this year), the year's value is judged numerically: 3.2 met, 2.9 not. */
    @Test
    void issuedNumberIsJudgedNumerically() {
        IndicatorSpec s = IndicatorSpec.builder("reduction", Kind.ASSIGNED).annualTarget(2026, 3.0).precision(1)
                .binding().build();
        Assessment met = engine.assess(s, List.of(Observation.of(2026, 3.2)), 2026);
        assertThat(met.status()).isEqualTo(Status.ON_TRACK);
        assertThat(met.annualTargetMet()).isTrue();
        Assessment miss = engine.assess(s, List.of(Observation.of(2026, 2.9)), 2026);
        assertThat(miss.status()).isEqualTo(Status.SEVERELY_LAGGING);
        assertThat(miss.explanation()).contains("未完成");
    }
}
