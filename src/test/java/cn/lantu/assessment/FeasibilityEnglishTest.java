package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The findings of FeasibilityTest in English: the same numbers, names and units as the plan writes them. */
class FeasibilityEnglishTest {

    @Test
    void compoundGoal() {
        Finding f = Feasibility.compoundGoal("gdp-3000", "地区生产总值", "亿元", 2025, 2000, true, 2030, 3000, 6.5);
        assertThat(f.title(Locale.ENGLISH)).isEqualTo("地区生产总值: goal and growth target");
        assertThat(f.title(Locale.CHINA)).isEqualTo("地区生产总值目标与增速目标的衔接");
        assertThat(f.text(Locale.ENGLISH)).isEqualTo("From a 2025 base of 2000 亿元 for 地区生产总值 (the plan only says "
                + "“over 2000 亿元”, so the lower bound is used; a higher actual base needs a lower rate), reaching 3000 亿元 "
                + "by 2030 needs average annual growth of 8.45%; at the planned 6.5% a year, 2030 reaches about 2740 亿元, "
                + "260 亿元 short of 3000 亿元; the rate needed is 1.95 percentage points above the planned rate; if the "
                + "planned rate is in constant prices, a yearly price rise of about 1.83% would bring growth in current "
                + "prices to the rate needed");
        assertThat(f.text(Locale.CHINA)).isEqualTo(f.text());
        assertThat(Feasibility.compoundGoal("x", "产值", "亿元", 2025, 2000, false, 2030, 2500, 6.5).textEn())
                .endsWith(", which reaches 2500 亿元");
    }

    @Test
    void componentSums() {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("智能视觉", 650.0);
        parts.put("航空航天", 100.0);
        parts.put("生命健康", 200.0);
        Finding f = Feasibility.componentSum("emerging", "新兴产业分项与总量", parts, "新兴产业产值", 1000,
                Feasibility.Scope.SAME, null, "亿元");
        assertThat(f.textEn()).isEqualTo("智能视觉 650 亿元, 航空航天 100 亿元, 生命健康 200 亿元, together 950 亿元; target "
                + "for 新兴产业产值: 1000 亿元; the components come to 50 亿元 less than the total target");
        Finding d = Feasibility.componentSum("traditional", "传统产业与规上工业", Map.of("六大传统产业", 4450.0),
                "规上工业总产值", 3000, Feasibility.Scope.DIFFERENT, "全口径产业产值与规模以上工业企业产值", "亿元");
        assertThat(d.textEn()).isEqualTo("六大传统产业 4450 亿元; target for 规上工业总产值: 3000 亿元; the two are on "
                + "different scopes (全口径产业产值与规模以上工业企业产值), so the difference of 1450 亿元 is one of scope, "
                + "not an inconsistency between targets");
        assertThat(d.title(Locale.ENGLISH)).isEqualTo("传统产业与规上工业");
    }

    @Test
    void portfolioSum() {
        List<Feasibility.Row> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rows.add(Feasibility.Row.of("领域" + (i + 1), 14, 300, 167));
        }
        rows.add(Feasibility.Row.of("领域10", 13, 296, 167));
        List<Feasibility.Measure> measures = List.of(new Feasibility.Measure("项目数", "个", 139, "projects", ""),
                new Feasibility.Measure("总投资", "亿元", 3006, "total investment", "亿元"));
        Finding f = Feasibility.portfolioSum("col8", "专栏8重大项目", rows, measures);
        assertThat(f.text()).isEqualTo("10个分项项目数合计139个、总投资合计2996亿元，所列合计为139个、3006亿元；总投资分项合计比所列合计少10亿元");
        assertThat(f.textEn()).isEqualTo("10 items: projects 139, total investment 2996 亿元; stated totals 139, "
                + "3006 亿元; total investment: the items come to 10 亿元 less than the stated total");
    }

    @Test
    void targetMetAtBase() {
        Finding f = Feasibility.targetMetAtBase("forest", "森林覆盖率", "%", 2024, 55.96, 56.0, Direction.UP, 1);
        assertThat(f.text()).isEqualTo("森林覆盖率2024年基期值55.96%，目标不低于56.0%，基期已达到目标（按目标表述精度1位小数比较）");
        assertThat(f.textEn()).isEqualTo("森林覆盖率: base value 55.96% in 2024, target at least 56.0%, already met at "
                + "the base (compared at the precision the target is stated in, 1 decimal place)");
        assertThat(f.title(Locale.ENGLISH)).isEqualTo("森林覆盖率: base value and target");
        Finding pending = Feasibility.targetMetAtBase(IndicatorSpec.builder("x", Kind.LEVEL).name("某指标").build());
        assertThat(pending.text(Locale.ENGLISH)).isEqualTo("Base value or target of 某指标 not yet entered, not compared");
    }
}
