package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A target revised from an effective year (规划调整): years before it are judged against the original target, that
 * year and later ones against the revised target. Worked example (LEVEL, LINEAR): 70 (2025) → 75 (2030), revised to
 * 80 from 2028.
 */
class RevisionByYearTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    private static IndicatorSpec revisedFrom2028() {
        return IndicatorSpec.level("forest", Path.LINEAR, 70, 75).unit("%").revisedTarget(80.0, "中期调整", 2028).build();
    }

    private static final List<Observation> SERIES = List.of(Observation.of(2026, 71), Observation.of(2027, 72),
            Observation.of(2028, 74));

    /** 2027, before the effective year: P = (72 − 70)/(75 − 70) = 0.4 against the original 75. */
    @Test
    void aYearBeforeTheEffectiveYearKeepsTheOriginalTarget() {
        Assessment a = engine.assess(revisedFrom2028(), SERIES, 2027);
        assertThat(a.progress()).isCloseTo(0.4, within(1e-12));
        assertThat(a.expected()).as("序时 70 + 0.4 × 5").isCloseTo(72.0, within(1e-9));
        assertThat(a.targetUsed()).isEqualTo(Assessment.ORIGINAL);
        assertThat(a.explanation()).doesNotContain("调整后目标");
    }

    /** 2028, the effective year: P = (74 − 70)/(80 − 70) = 0.4 against the revised 80 (0.8 against the original). */
    @Test
    void fromTheEffectiveYearTheRevisedTargetApplies() {
        Assessment a = engine.assess(revisedFrom2028(), SERIES, 2028);
        assertThat(a.progress()).isCloseTo(0.4, within(1e-12));
        assertThat(a.expected()).as("序时 70 + 0.6 × 10").isCloseTo(76.0, within(1e-9));
        assertThat(a.targetUsed()).isEqualTo(Assessment.REVISED);
        assertThat(a.explanation()).contains("调整后目标80");
        Assessment original = engine.assess(revisedFrom2028().withoutRevision(), SERIES, 2028);
        assertThat(original.progress()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void theSpecCarriesTheTargetOfEachYear() {
        IndicatorSpec s = revisedFrom2028();
        assertThat(s.targetFor(2026)).isEqualTo(75.0);
        assertThat(s.targetFor(2027)).isEqualTo(75.0);
        assertThat(s.targetFor(2028)).isEqualTo(80.0);
        assertThat(s.targetFor(2030)).isEqualTo(80.0);
        assertThat(YearSchedule.of(s, 2027).value()).as("the year's schedule level against 75").isCloseTo(72.0, within(1e-9));
        assertThat(YearSchedule.of(s, 2028).value()).as("against 80").isCloseTo(76.0, within(1e-9));
        IndicatorSpec everyYear = IndicatorSpec.level("x", Path.LINEAR, 70, 75).revisedTarget(80.0, "旧记录").build();
        assertThat(everyYear.targetFor(2026)).as("a revision without effective year applies to every year").isEqualTo(80.0);
    }
}
