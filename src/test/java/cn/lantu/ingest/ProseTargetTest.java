package cn.lantu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prose targets and baseline facts of the Zhuji outline. */
class ProseTargetTest {

    static Extraction x;

    @BeforeAll
    static void extract() {
        x = new OutlineExtractor().codePrefix("ZJ").extract(IngestTestSupport.zhujiOutline());
    }

    /** name fragment, value, unit, comparator, horizon. */
    static final Object[][] MUST_FIND = {
        {"规上工业总产值", 3000, "亿元", "AT_LEAST", "TARGET_YEAR"},
        {"地区生产总值", 3000, "亿元", "AT_LEAST", "TARGET_YEAR"},
        {"百强县", 10, "位", "AT_MOST", "TARGET_YEAR"},
        {"新兴产业产值", 1000, "亿元", "AT_LEAST", "TARGET_YEAR"},
        {"时尚袜艺", 1000, "亿元", "AT_LEAST", "TARGET_YEAR"},
        {"美丽珍珠", 700, "亿元", "AT_LEAST", "TARGET_YEAR"},
        {"金属材料加工", 1000, "亿元", "AT_LEAST", "TARGET_YEAR"},
        {"精密制造", 1100, "亿元", "AT_LEAST", "TARGET_YEAR"},
        {"纺织服装", 350, "亿元", "AT_LEAST", "TARGET_YEAR"},
        {"环保新能源", 300, "亿元", "AT_LEAST", "TARGET_YEAR"},
        {"智能视觉", 650, "亿元", "AT_LEAST", "TARGET_YEAR"},
        {"航空航天", 100, "亿元", "AT_LEAST", "TARGET_YEAR"},
        {"生命健康", 200, "亿元", "AT_LEAST", "TARGET_YEAR"},
        {"上市企业", 8, "家", "AT_LEAST", "PERIOD"},
        {"营收超10亿元", 25, "家", "AT_LEAST", "PERIOD"},
        {"规上企业", 100, "家", "AT_LEAST", "ANNUAL"},
        {"专精特新企业", 250, "家", "AT_LEAST", "PERIOD"},
        {"高新技术企业", 880, "家", "AT_LEAST", "TARGET_YEAR"},
        {"科技型中小企业", 3500, "家", "AT_LEAST", "TARGET_YEAR"},
        {"研发机构", 100, "%", "AT_LEAST", "TARGET_YEAR"},
        {"研发活动", 100, "%", "AT_LEAST", "TARGET_YEAR"},
        {"科技公共服务平台", 5, "个", "AT_LEAST", "TARGET_YEAR"},
        {"10亿元以上项目", 20, "个", "AT_LEAST", "ANNUAL"},
        {"工业用地", 3000, "亩", "AT_LEAST", "ANNUAL"},
        {"刺绣机", 85, "%", "AT_LEAST", "TARGET_YEAR"},
        {"农村居民人均可支配收入", 8, "万元", "AT_LEAST", "TARGET_YEAR"},
        {"和美乡村达标村", 100, "%", "AT_LEAST", "TARGET_YEAR"},
        {"老年友好型城乡社区覆盖率", 60, "%", "AT_LEAST", "TARGET_YEAR"},
        {"两癌", 100, "%", "AT_LEAST", "TARGET_YEAR"},
        {"随迁子女", 100, "%", "AT_LEAST", "TARGET_YEAR"},
        {"领军高中", 2, "所", "AT_LEAST", "TARGET_YEAR"},
        {"学校调整撤并", 15, "所", "EXACT", "TARGET_YEAR"},
        {"优共体", 3, "个", "AT_LEAST", "PERIOD"},
        {"普惠性幼儿园在园幼儿占比", 95, "%", "AT_LEAST", "TARGET_YEAR"},
        {"公办幼儿园在园幼儿占比", 80, "%", "AT_LEAST", "TARGET_YEAR"},
        {"省级优质专业", 3, "个", "AT_LEAST", "PERIOD"},
        {"集团化办学", 100, "%", "AT_LEAST", "TARGET_YEAR"},
        {"校园招聘", 15, "%", "AT_LEAST", "ANNUAL"},
        {"特级教师", 30, "名", "AT_LEAST", "PERIOD"},
        {"人工智能科创教室", 100, "%", "AT_LEAST", "TARGET_YEAR"},
        {"人工智能试点校", 20, "所", "AT_LEAST", "TARGET_YEAR"},
        {"AI+教学", 2, "所", "AT_LEAST", "PERIOD"},
        {"三级医院", 2, "个", "AT_LEAST", "PERIOD"},
        {"定点医药机构综合巡查", 100, "%", "AT_LEAST", "TARGET_YEAR"},
        {"黑臭水体", 0, "个", "AT_MOST", "TARGET_YEAR"},
        {"典型场景", 20, "个", "ABOUT", "TARGET_YEAR"},
        {"积案", 0, "个", "AT_MOST", "TARGET_YEAR"},
        {"合法性审查", 100, "%", "AT_LEAST", "TARGET_YEAR"},
    };

    @Test
    void findsTheListedTargets() {
        assertThat(MUST_FIND.length).isGreaterThanOrEqualTo(35);
        for (Object[] e : MUST_FIND) {
            List<ProseTarget> hits = x.targets().stream()
                    .filter(t -> t.name().contains((String) e[0]) && t.value() == ((Number) e[1]).doubleValue()
                            && t.unit().equals(e[2]))
                    .toList();
            assertThat(hits).as("target %s %s%s", e[0], e[1], e[2]).isNotEmpty();
            assertThat(hits.get(0).comparator()).as("comparator of " + e[0]).isEqualTo(e[3]);
            assertThat(hits.get(0).horizon()).as("horizon of " + e[0]).isEqualTo(e[4]);
        }
    }

    @Test
    void offsetsPointIntoTheInput() {
        String text = x.text();
        for (ProseTarget t : x.targets()) {
            assertThat(t.start()).isLessThan(t.end());
            assertThat(t.quoteStart()).isGreaterThanOrEqualTo(t.start());
            assertThat(t.quoteEnd()).isLessThanOrEqualTo(t.end());
            String span = text.substring(t.quoteStart(), t.quoteEnd()).replaceAll("\\s", "");
            String digits = ProseExtractor.fmt(t.value());
            String reason = t.reason() == null ? "" : t.reason();
            if (!reason.contains("implicit") && !reason.contains("Chinese")) {
                assertThat(span).as(t.code()).contains(digits);
            }
        }
        ProseTarget income = x.targets().stream().filter(t -> t.name().contains("农村居民人均可支配收入")).findFirst().orElseThrow();
        assertThat(text.substring(income.start(), income.end())).startsWith("到 2030 年，全市农村居民人均可支配收入突破 8 万元");
        assertThat(income.targetYear()).isEqualTo(2030);
    }

    @Test
    void namedNonTargetsAreNotTargets() {
        for (ProseTarget t : x.targets()) {
            assertThat(t.outlineKey()).as("no target in the review section").doesNotStartWith("c1.s1");
            assertThat(t.quote()).doesNotContain("3366").doesNotContain("5G").doesNotContain("G60")
                    .doesNotContain("大关").doesNotContain("第12位").doesNotContain("2500");
            assertThat(t.sourceText()).doesNotContain("交通圈");
        }
        assertThat(x.targets()).noneMatch(t -> t.value() == 2000 && t.unit().equals("亿元"));
        assertThat(x.targets()).noneMatch(t -> t.value() == 12 && t.unit().equals("位"));
        assertThat(x.targets()).noneMatch(t -> t.value() == 3366);
        // names and codes in quotes or glued to letters: “315”, “1+6+N”, 15分钟生活圈, G60, 5G-A
        assertThat(x.targets()).noneMatch(t -> t.value() == 315 || t.value() == 229 || t.unit().equals("分钟"));
        // a count restating an enumeration: "…、航空航天 8 个未来产业社区试点"
        assertThat(x.targets()).noneMatch(t -> t.value() == 8 && t.unit().equals("个"));
        // 专栏8 domain totals are project data, not targets
        assertThat(x.targets()).noneMatch(t -> t.value() == 3006 || t.value() == 763);
    }

    @Test
    void retrospectiveFactsAreBaseline() {
        List<BaselineFact> f = x.baselineFacts();
        assertThat(f).anyMatch(b -> b.value() == 2000 && b.unit().equals("亿元") && b.quote().contains("突破2000亿元"));
        assertThat(f).anyMatch(b -> b.value() == 12 && b.unit().equals("位"));
        assertThat(f).anyMatch(b -> b.value() == 2500 && "“十四五”期间".equals(b.period()) && "超".equals(b.qualifier()));
        assertThat(f).anyMatch(b -> b.value() == 750 && Integer.valueOf(2025).equals(b.year()));
        assertThat(f).anyMatch(b -> b.value() == 661 && b.unit().equals("家"));
        assertThat(f).allMatch(b -> b.outlineKey().startsWith("c1.s1"));
    }

    @Test
    void projectsAndAreas() {
        assertThat(x.projects()).hasSize(26);
        assertThat(x.projects().get(3).name()).isEqualTo("诸永高速改扩建");
        assertThat(x.projects().get(3).stage()).isEqualTo("UNDER_CONSTRUCTION");
        assertThat(x.projectDomains()).hasSize(11);
        assertThat(x.projectDomains().stream().filter(d -> d.number() != null).mapToInt(ExtractedProjectDomain::plannedCount).sum())
                .isEqualTo(139);
        assertThat(x.projectDomains().stream().filter(d -> d.number() != null).mapToDouble(ExtractedProjectDomain::totalInvestment).sum())
                .isEqualTo(3006.0);
        assertThat(x.areas().stream().filter(a -> a.kind().equals("TOWN"))).hasSize(23);
        assertThat(x.areas().stream().filter(a -> a.kind().equals("COMMON_PROSPERITY"))).hasSize(23);
        assertThat(x.areas().stream().filter(a -> a.kind().equals("FUTURE_COMMUNITY"))).hasSize(8);
        assertThat(x.areas().stream().filter(a -> a.kind().equals("DISTRICT"))).hasSize(6);
    }
}
