package cn.lantu.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.lantu.assessment.Assessment;
import cn.lantu.assessment.AssessmentEngine;
import cn.lantu.assessment.Comparator;
import cn.lantu.assessment.Comparison;
import cn.lantu.assessment.IndicatorSpec;
import cn.lantu.assessment.Observation;
import cn.lantu.task.ReformService;

/**
 * The wording rules of the report without the application: one-year periods, reform stages in Chinese, and the
 * compared pair of a growth, a decline and a period-total indicator in the same terms (the worked examples of
 * docs/methodology.md §3).
 */
class ReportWordingTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    @Test
    void aOneYearPeriodIsNamedByItsYear() {
        assertThat(ProjectSection.period(2026, 2026)).isEqualTo("2026年完成投资");
        assertThat(ProjectSection.period(2026, 2028)).isEqualTo("2026—2028年累计完成投资");
    }

    @Test
    void everyReformStageHasItsChineseLabelAndNoCodeLeaks() {
        assertThat(List.of(ReformService.Stage.values()).stream().map(s -> TaskSection.stageLabel(s.name())))
                .containsExactly("征集申报", "评估立项", "过程管理", "成果转化");
        // an unknown stored value is never printed as it is
        assertThat(TaskSection.stageLabel("SOMETHING_ELSE")).doesNotContainPattern("[A-Z]{2,}");
        assertThat(TaskSection.stageLabel(null)).doesNotContainPattern("[A-Z]{2,}");
    }

    /** GDP 6.5%左右 with 7.32, 7.31, 7.32: the average rate against the target rate, not 7.32 against 20.79. */
    @Test
    void aGrowthIndicatorComparesItsAverageRateWithTheTargetRate() {
        IndicatorSpec gdp = IndicatorSpec.growth("gdp", 6.5).name("地区生产总值增长").unit("%")
                .comparator(Comparator.ABOUT).band(0.5).build();
        Assessment a = engine.assess(gdp, List.of(Observation.of(2026, 7.32), Observation.of(2027, 7.31),
                Observation.estimate(2028, 7.32)), 2028);
        // the schedule's own expectation is cumulative (20.79%), a different quantity from a year's rate
        assertThat(a.expected()).isCloseTo((Math.pow(1.065, 3) - 1) * 100, within(1e-9));
        Comparison c = a.comparison();
        assertThat(c.basis()).isEqualTo(Comparison.Basis.AVERAGE_GROWTH);
        double avg = (Math.cbrt(1.0732 * 1.0731 * 1.0732) - 1) * 100;
        assertThat(c.achieved()).isCloseTo(avg, within(1e-9));
        assertThat(c.expected()).isEqualTo(6.5);
        assertThat(c.achievedText()).isEqualTo("2026—2028年年均增长7.32%（含预计数）");
        assertThat(c.expectedText()).isEqualTo("年均增长6.5%左右");
        assertThat(a.explanation()).contains("年均增长7.32%");
    }

    /** Water use per unit of GDP [14] with 3.5, 2.0, 1.8: cumulative reduction against the reduction due. */
    @Test
    void aDeclineComparesCumulativeWithCumulative() {
        Assessment a = engine.assess(IndicatorSpec.decline("water", 14).unit("%").build(),
                List.of(Observation.of(2026, 3.5), Observation.of(2027, 2.0), Observation.of(2028, 1.8)), 2028);
        Comparison c = a.comparison();
        assertThat(c.basis()).isEqualTo(Comparison.Basis.REDUCTION);
        assertThat(c.achieved()).isCloseTo((1 - 0.965 * 0.98 * 0.982) * 100, within(1e-9));
        assertThat(c.expected()).isEqualTo(a.expected());
        assertThat(c.achievedText()).isEqualTo("2026—2028年累计下降7.1%");
        assertThat(c.expectedText()).isEqualTo("累计下降8.4%"); // 14% × 0.6: the share due by the third year
    }

    /** New urban jobs [7] 万人 with 1.5, 1.4, 1.3: the total so far against the total due. */
    @Test
    void aPeriodTotalComparesTotalWithTotal() {
        Assessment a = engine.assess(IndicatorSpec.cumulative("jobs", 7).unit("万人").build(),
                List.of(Observation.of(2026, 1.5), Observation.of(2027, 1.4), Observation.of(2028, 1.3)), 2028);
        Comparison c = a.comparison();
        assertThat(c.basis()).isEqualTo(Comparison.Basis.TOTAL);
        assertThat(c.achieved()).isCloseTo(4.2, within(1e-9));
        assertThat(c.expected()).isCloseTo(4.2, within(1e-9));
        assertThat(c.achievedText()).isEqualTo("2026—2028年累计4.2万人");
        assertThat(c.expectedText()).isEqualTo("累计4.2万人");
    }

    @Test
    void noDataHasNoComparison() {
        Assessment a = engine.assess(IndicatorSpec.growth("gdp", 6.5).unit("%").build(), List.of(), 2028);
        assertThat(a.comparison()).isNull();
        assertThat(ReportFormat.achieved(a)).isEqualTo("—");
        assertThat(ReportFormat.due(a)).isEqualTo("—");
    }
}
