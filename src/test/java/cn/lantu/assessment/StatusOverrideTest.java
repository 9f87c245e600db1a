package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusOverrideTest {

    @Test
    void overrideReplacesStatusAndKeepsComputed() {
        IndicatorSpec s = IndicatorSpec.level("clean-energy", Path.LINEAR, 140.67, 300.0).unit("万千瓦").build();
        Assessment a = new AssessmentEngine().assess(s,
                List.of(Observation.of(2026, 175), Observation.of(2027, 205), Observation.of(2028, 228)), 2028);
        StatusOverride o = StatusOverride.of(a, Status.ON_TRACK, "2029年两个项目并网，可补足缺口", "规划科");
        assertThat(o.computed()).isEqualTo(Status.LAGGING);
        assertThat(o.effective()).isEqualTo(Status.ON_TRACK);
        Assessment eff = a.withOverride(o, Attribute.ANTICIPATORY);
        assertThat(eff.status()).isEqualTo(Status.ON_TRACK);
        assertThat(eff.warning()).isEqualTo(Warning.GREEN);
        assertThat(eff.explanation()).contains("人工调整为基本符合预期").contains("原计算结论为滞后于预期");
        assertThatThrownBy(() -> new StatusOverride(Status.LAGGING, Status.ON_TRACK, " ", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
