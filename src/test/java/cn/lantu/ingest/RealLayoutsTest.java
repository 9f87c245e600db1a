package cn.lantu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layouts real outlines come in (text copied from a PDF or a web page, Word tables, Markdown), each in a small
 * outline of its own under src/test/resources/ingest/layouts: every table row exact, prose targets and facts.
 */
class RealLayoutsTest {

    static Extraction x(String file) throws Exception {
        return new OutlineExtractor().extract(IngestTestSupport.testResource("layouts/" + file));
    }

    /** "name|unit|base|target|attribute" of every row, in table order (empty base/target: none). */
    static List<String> rows(Extraction x) {
        return x.indicators().stream().map(i -> i.name() + "|" + i.unit() + "|" + num(i.baseValue()) + "|"
                + num(i.targetValue()) + "|" + i.attribute()).toList();
    }

    static String num(Double d) {
        return d == null ? "" : RealOutlineGold.fmt(d);
    }

    static List<String> targets(Extraction x) {
        return x.targets().stream().map(t -> t.name() + "|" + RealOutlineGold.fmt(t.value())
                + (t.valueMax() == null ? "" : "-" + RealOutlineGold.fmt(t.valueMax())) + "|" + t.unit()).toList();
    }

    @Test
    void oneCellPerLineWithAndWithoutBlankLines() throws Exception {
        for (String f : List.of("cell-per-line.txt", "cell-per-line-blank.txt")) {
            Extraction x = x(f);
            assertThat(rows(x)).as(f).containsExactly("地区生产总值|亿元|500|700|ANTICIPATORY",
                    "研发经费投入强度|%|2.5|3.2|ANTICIPATORY", "城镇调查失业率|%|5|5.5|ANTICIPATORY");
            assertThat(x.indicators().get(2).comparator()).isEqualTo("AT_MOST");
            assertThat(x.indicators().get(2).category()).isNotEqualTo(x.indicators().get(0).category());
            assertThat(targets(x)).as(f).containsExactly("新建幼儿园|10|所");
        }
    }

    @Test
    void singleSpacedPdfTableWithPageBreakTwoRowHeaderAndWrappedCells() throws Exception {
        Extraction x = x("spaced-single.txt");
        assertThat(rows(x)).containsExactly("地区生产总值|亿元|500|700|ANTICIPATORY",
                "数字经济核心产业增加值占地区生产总值比重|%|10|15|ANTICIPATORY",
                "居民人均可支配收入|元|50000|70000|ANTICIPATORY",
                "每千人口拥有3岁以下婴幼儿托位数|个|3.5|4.5|ANTICIPATORY");
        assertThat(x.indicators().get(2).rateVerbatim()).isEqualTo("与经济增长保持同步");
        assertThat(x.indicators().get(1).markers()).contains("CUMULATIVE");
        assertThat(x.indicators()).extracting(ExtractedIndicator::categoryCount).containsExactly(2, 2, 2, 2);
        assertThat(targets(x)).containsExactlyInAnyOrder("数字经济核心产业增加值|120|亿元", "新建城市公园|15|个",
                "建成5G基站|3000|个");
        assertThat(x.text()).doesNotContain("— 12 —").doesNotContain("— 13 —");
        assertThat(x.warnings()).noneMatch(w -> w.contains("no main indicator table"));
    }

    @Test
    void markdownWithFootnoteMarksDoubleValuesSubItemsAndTotals() throws Exception {
        Extraction x = x("pipes-footnotes.md");
        assertThat(rows(x)).containsExactly("地区生产总值|亿元|500|700|ANTICIPATORY",
                "生产性服务业增加值占比|%|40|45|ANTICIPATORY", "城镇居民人均可支配收入|万元|6.5|8.5|ANTICIPATORY",
                "农村居民人均可支配收入|万元|3.2|4.6|ANTICIPATORY", "医疗床位数：a.每千人口床位数|张|5|6|ANTICIPATORY",
                "医疗床位数：b.每千人口护理床位|张|1|2|ANTICIPATORY", "单位GDP能耗下降|%|14|13.5|BINDING");
        assertThat(x.indicators()).extracting(ExtractedIndicator::code)
                .containsExactly("01", "02", "03A", "03B", "04A", "04B", "05");
        assertThat(x.indicators().get(1).baseYear()).isEqualTo(2024);
        assertThat(x.indicators().get(6).markers()).contains("CUMULATIVE");
    }

    @Test
    void tabColumnsInAnotherOrderWithoutBase() throws Exception {
        Extraction x = x("tab-columns.txt");
        assertThat(rows(x)).containsExactly("地区生产总值|亿元||700|ANTICIPATORY", "森林覆盖率|%||62|BINDING",
                "城乡居民收入比|||1.9|ANTICIPATORY");
        assertThat(x.indicators().get(0).comparator()).isEqualTo("ABOUT");
        assertThat(x.indicators().get(1).comparator()).isEqualTo("AT_LEAST");
    }

    @Test
    void paragraphsWithoutBlankLinesReviewWhateverItsTitleAndTargetForms() throws Exception {
        Extraction x = x("prose-no-blank.txt");
        assertThat(x.outline().chapters()).hasSize(3);
        assertThat(targets(x)).containsExactlyInAnyOrder("地区生产总值增长|5-6|%", "城乡居民收入比|1.9|",
                "规上工业产值比|0.7|", "人均地区生产总值在基础上|2|倍", "PM2.5平均浓度|25|微克/立方米",
                "保障性住房|2|万套（间）", "每万元地区生产总值用水量|15|立方米/万元", "算力规模|50|EFLOPS",
                "培育一人公司|100|家", "新增普惠托位|2000|个", "研发投入强度|3|%", "技术合同成交额增长|25-30|%");
        assertThat(x.targets()).filteredOn(t -> t.name().equals("PM2.5平均浓度")).extracting(ProseTarget::comparator)
                .containsExactly("AT_MOST");
        assertThat(x.targets()).filteredOn(t -> t.name().equals("算力规模")).extracting(ProseTarget::comparator)
                .containsExactly("ABOUT");
        // the review chapter "砥砺五载谱新篇": results, not targets
        assertThat(x.baselineFacts()).extracting(BaselineFact::value).contains(450.0, 6.2, 6.8, 5.2, 30.0);
        assertThat(x.warnings()).anyMatch(w -> w.contains("no main indicator table"));
    }

    @Test
    void hardWrappedPdfTextWithContentsAndFooters() throws Exception {
        Extraction x = x("hard-wrapped.txt");
        assertThat(x.outline().chapters()).extracting(n -> n.title())
                .containsExactly("发展基础", "主要任务", "保障措施");
        assertThat(targets(x)).contains("数字经济核心产业增加值|120|亿元", "新建城市公园|15|个", "建成5G基站|3000|个");
        assertThat(x.targets()).anyMatch(t -> t.value() == 1.2 && t.unit().equals("万人")
                && t.horizon().equals("ANNUAL"));
        assertThat(x.baselineFacts()).extracting(BaselineFact::value).contains(380.0, 50.0);
        assertThat(x.text()).doesNotContain("— 1 —").doesNotContain("......").contains("产业结构持续优化");
    }

    @Test
    void completionTableOfThePreviousPlanIsNotTheNewTable() throws Exception {
        Extraction x = x("completion-table.md");
        assertThat(rows(x)).containsExactly("地区生产总值|亿元|450|650|ANTICIPATORY");
        assertThat(x.warnings()).anyMatch(w -> w.contains("previous plan's results"));
    }
}
