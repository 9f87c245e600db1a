package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeasibilityTest {

    /**
     * GDP 力争3000亿元 by 2030 from "突破2000亿元" in 2025: needed (3000/2000)^(1/5) − 1 = 8.45% a year; 6.5% a year
     * reaches 2000 × 1.065⁵ = 2740; gap 260 亿元 and 1.95 points.
     */
    @Test
    void compoundGoal() {
        Finding f = Feasibility.compoundGoal("gdp-3000", "地区生产总值", "亿元", 2025, 2000, true, 2030, 3000, 6.5);
        assertThat(f.kind()).isEqualTo(FindingKind.COMPOUND_GOAL);
        assertThat(f.severity()).isEqualTo(FindingSeverity.GAP);
        assertThat(f.number("neededRatePct")).isCloseTo(8.45, within(0.005));
        assertThat(f.number("reachedAtPlannedRate")).isCloseTo(2740, within(1.0));
        assertThat(f.number("levelGap")).isCloseTo(260, within(1.0));
        assertThat(f.number("rateGapPts")).isCloseTo(1.95, within(0.005));
        assertThat(f.number("impliedPriceRisePct")).isCloseTo(1.83, within(0.01));
        assertThat(f.text()).contains("需年均增长8.45%").contains("约为2740亿元").contains("按下限测算");
        // with an entered level of 2050 (not a bound): 7.91% needed, ≈2809
        Finding g = Feasibility.compoundGoal("gdp-3000", "地区生产总值", "亿元", 2025, 2050, false, 2030, 3000, 6.5);
        assertThat(g.number("neededRatePct")).isCloseTo(7.91, within(0.005));
        assertThat(g.number("reachedAtPlannedRate")).isCloseTo(2809, within(1.0));
        assertThat(g.text()).doesNotContain("下限");
        Finding ok = Feasibility.compoundGoal("x", "产值", "亿元", 2025, 2000, false, 2030, 2500, 6.5);
        assertThat(ok.severity()).isEqualTo(FindingSeverity.OK);
    }

    /** 智能视觉650 + 航空航天100 + 生命健康200 = 950 against 新兴产业产值1000: a real gap of 50. */
    @Test
    void componentSumSameScope() {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("智能视觉", 650.0);
        parts.put("航空航天", 100.0);
        parts.put("生命健康", 200.0);
        Finding f = Feasibility.componentSum("emerging", "新兴产业分项与总量", parts, "新兴产业产值", 1000,
                Feasibility.Scope.SAME, null, "亿元");
        assertThat(f.severity()).isEqualTo(FindingSeverity.GAP);
        assertThat(f.number("sum")).isEqualTo(950.0);
        assertThat(f.number("difference")).isEqualTo(50.0);
        assertThat(f.text()).isEqualTo("智能视觉650亿元、航空航天100亿元、生命健康200亿元合计950亿元，新兴产业产值目标1000亿元；分项合计比总量目标少50亿元");
    }

    /** Six traditional industries 4450 against 规上工业总产值 3000: a difference of scope, not an inconsistency. */
    @Test
    void componentSumDifferentScope() {
        Finding f = Feasibility.componentSum("traditional", "传统产业与规上工业", Map.of("六大传统产业", 4450.0),
                "规上工业总产值", 3000, Feasibility.Scope.DIFFERENT, "全口径产业产值与规模以上工业企业产值", "亿元");
        assertThat(f.severity()).isEqualTo(FindingSeverity.SCOPE_DIFFERENCE);
        assertThat(f.number("difference")).isEqualTo(-1450.0);
        assertThat(f.text()).contains("口径不同").contains("不属于目标间不一致");
    }

    /** Ten domains against 139 projects / 3006 / 1670 亿元: they agree. */
    @Test
    void portfolioSum() {
        List<Feasibility.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rows.add(Feasibility.Row.of("领域" + (i + 1), 14, 300, 167));
        }
        rows.add(Feasibility.Row.of("领域10", 13, 306, 167));
        List<Feasibility.Measure> measures = List.of(new Feasibility.Measure("项目数", "个", 139),
                new Feasibility.Measure("总投资", "亿元", 3006), new Feasibility.Measure("“十五五”投资", "亿元", 1670));
        Finding f = Feasibility.portfolioSum("col8", "专栏8重大项目", rows, measures);
        assertThat(f.severity()).isEqualTo(FindingSeverity.OK);
        assertThat(f.number("sum:总投资")).isEqualTo(3006.0);
        assertThat(f.text()).endsWith("二者一致");
        rows.set(0, Feasibility.Row.of("领域1", 14, 290, 167));
        Finding g = Feasibility.portfolioSum("col8", "专栏8重大项目", rows, measures);
        assertThat(g.severity()).isEqualTo(FindingSeverity.GAP);
        assertThat(g.number("difference:总投资")).isEqualTo(10.0);
        assertThat(g.text()).contains("总投资分项合计比所列合计少10亿元");
    }

    /** Forest cover 55.96 against ≥ 56.0 (one decimal): met at the stated precision. */
    @Test
    void targetMetAtBase() {
        IndicatorSpec forest = IndicatorSpec.floor("forest", 56.0, 1).name("森林覆盖率").unit("%").baseValue(55.96).build();
        Finding f = Feasibility.targetMetAtBase(forest);
        assertThat(f.severity()).isEqualTo(FindingSeverity.INFO);
        assertThat(f.text()).contains("基期已达到目标").contains("精度");
        IndicatorSpec clean = IndicatorSpec.level("clean", Path.LINEAR, 140.67, 300.0).build();
        assertThat(Feasibility.targetMetAtBase(clean).severity()).isEqualTo(FindingSeverity.OK);
    }
}
