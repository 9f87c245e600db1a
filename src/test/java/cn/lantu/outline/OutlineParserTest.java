package cn.lantu.outline;

import cn.lantu.ingest.IngestTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutlineParserTest {

    static String source;
    static ParsedOutline outline;

    @BeforeAll
    static void parse() {
        source = IngestTestSupport.zhujiOutline();
        outline = new OutlineParser().parse(source, List.of());
    }

    @Test
    void title() {
        assertThat(outline.title()).isEqualTo("诸暨市国民经济和社会发展第十五个五年规划纲要");
    }

    @Test
    void twelveChaptersWithTheirNumbers() {
        List<ParsedOutlineNode> chapters = outline.chapters();
        assertThat(chapters).extracting(ParsedOutlineNode::number)
                .containsExactly("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二");
        assertThat(chapters).extracting(ParsedOutlineNode::key)
                .containsExactly("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12");
        assertThat(chapters.get(1).title()).isEqualTo("壮大实体经济根基，构建特色现代化产业体系");
        assertThat(chapters.get(11).title()).isEqualTo("加强规划实施保障");
        // markdown markers are stripped
        assertThat(chapters.get(3).text()).isEqualTo("四、坚定不移扩内需稳外贸，构建高能级开放新格局");
    }

    @Test
    void sectionsPerChapter() {
        int[] expected = {3, 4, 3, 5, 2, 4, 3, 4, 5, 3, 4, 4};
        for (int i = 0; i < 12; i++) {
            String key = "c" + (i + 1);
            assertThat(outline.children(key).stream().filter(n -> n.type() == NodeType.SECTION))
                    .as(key).hasSize(expected[i]);
        }
        assertThat(outline.get("c4.s2").title()).isEqualTo("积极扩大有效投资");
    }

    @Test
    void sixteenColumnsNumberedWithTitles() {
        List<ParsedOutlineNode> columns = outline.columns();
        assertThat(columns).hasSize(16);
        for (int i = 0; i < 16; i++) {
            assertThat(columns.get(i).number()).isEqualTo(String.valueOf(i + 1));
            assertThat(columns.get(i).key()).isEqualTo("col" + (i + 1));
        }
        assertThat(columns).extracting(ParsedOutlineNode::title).containsExactly(
                "先进制造业集群培育工程", "现代服务业发展重点", "六大片区发展导向", "未来产业社区试点",
                "“人工智能+”赋能导向", "科技创新重大平台", "消费提质扩容重点", "扩大有效投资重大工程项目",
                "七大专项领域重点改革项目清单", "各镇街发展定位与建设重点", "城市更新与韧性提升行动", "交通强市重大工程",
                "重点村片区组团", "高水平文化强市“八大行动”", "高水平打造教育强市十条举措",
                "坚持和发展新时代“枫桥经验”重点工作");
        assertThat(outline.get("col1").parentKey()).isEqualTo("c2.s1");
        assertThat(outline.get("col16").parentKey()).isEqualTo("c11.s1");
    }

    @Test
    void columnItemCounts() {
        Map<Integer, Integer> expected = Map.ofEntries(
                Map.entry(1, 9), Map.entry(2, 5), Map.entry(3, 6), Map.entry(4, 8), Map.entry(5, 5),
                Map.entry(6, 3), Map.entry(8, 10), Map.entry(9, 20), Map.entry(10, 23), Map.entry(11, 4),
                Map.entry(12, 26), Map.entry(13, 23), Map.entry(14, 8), Map.entry(15, 10), Map.entry(16, 23));
        expected.forEach((n, count) ->
                assertThat(outline.columnItems("col" + n)).as("专栏" + n).hasSize(count));
        // groups
        assertThat(outline.children("col9")).filteredOn(n -> n.type() == NodeType.COLUMN_GROUP).hasSize(7)
                .extracting(ParsedOutlineNode::title).containsExactly("经济体制改革", "民主法制领域和社会治理体制改革",
                        "文化体制改革", "社会事业领域改革", "生态文明体制改革", "党的建设制度改革",
                        "纪检监察体制和公权力大数据监督改革");
        assertThat(outline.children("col9.g1")).hasSize(10);
        assertThat(outline.children("col12")).filteredOn(n -> n.type() == NodeType.COLUMN_GROUP)
                .extracting(ParsedOutlineNode::title).containsExactly("铁路及轨道交通", "高速公路", "国省道", "干线公路及快速路",
                        "内河航运", "通用机场", "枢纽");
        assertThat(outline.children("col1")).filteredOn(n -> n.type() == NodeType.COLUMN_GROUP)
                .extracting(ParsedOutlineNode::title).containsExactly("传统优势产业", "新兴产业");
        assertThat(outline.get("col1.g1.i4").title()).isEqualTo("精密制造（汽车零部件）");
        assertThat(outline.get("col12.g1.i3").title()).isEqualTo("湄池、牌头站恢复客运功能");
        assertThat(outline.get("col12.g4.i4").title()).isEqualTo("同城高架（诸浦快速路）");
        assertThat(outline.get("col12.g4.i4").text()).isEqualTo("同城高架（诸浦快速路）（实施）");
        assertThat(outline.get("col10.i1").title()).isEqualTo("暨阳街道");
        assertThat(outline.get("col10.i23").title()).isEqualTo("马剑镇");
        assertThat(outline.get("col13.i23").title()).isEqualTo("悠闲三都共富片区");
        assertThat(outline.get("col15.i9").title()).isEqualTo("迭代强化教育研究支撑，完善科学评价体系");
        assertThat(outline.get("col16.i23").number()).isEqualTo("23");
        assertThat(outline.get("col14.i8").title()).isEqualTo("实施文化英才引育行动");
        // the intro of 专栏8 with the totals is a paragraph of the column, not an item
        assertThat(outline.get("col8.p1").text()).contains("139个重大项目");
    }

    @Test
    void columnsEndWhereProseResumes() {
        assertThat(outline.get("c2.s1.m3").title()).isEqualTo("前瞻布局未来产业");
        assertThat(outline.get("c2.s3.m2").title()).isEqualTo("因地制宜建设未来产业社区");
        assertThat(outline.get("c3.s1.m4").title()).isEqualTo("发挥人才第一资源作用");
        assertThat(outline.get("c4.s2.m3").title()).isEqualTo("强化产业链精准招商");
        assertThat(outline.get("c6.s2.m2").title()).isEqualTo("加强城市精细化管理");
        assertThat(outline.get("c7.s3.m3").title()).isEqualTo("推动公共服务设施共享");
        assertThat(outline.get("c9.s3.m4").title()).isEqualTo("推进“人工智能+教育”战略行动");
        assertThat(outline.get("c2.s2.m2").title()).isEqualTo("提质发展生活性服务业");
    }

    @Test
    void pageBreakSplitIsJoined() {
        ParsedOutlineNode m = outline.get("c1.s1.m4");
        assertThat(m.title()).isEqualTo("创新驱动步伐加快");
        assertThat(m.text()).contains("西交网络空间安全研究院获首批全省重点实验室认定");
        assertThat(outline.appliedCorrections()).anyMatch(a -> a.contains("西交网络空间安全 + 研究院"));
        assertThat(outline.get("col13.i13").text()).contains("项目落地炒货产业园");
        assertThat(outline.get("col12.g4.i6").text()).isEqualTo("诸暨市数字强基融合发展共富项目（一期）一檀溪村至三江村公路建设工程（实施）");
        // no paragraph outside headings ends mid-sentence
        assertThat(outline.nodes()).filteredOn(n -> n.type() == NodeType.MEASURE && n.text().length() > 40)
                .allMatch(n -> PageBreakRepair.endsSentence(n.text()), "measures end with terminal punctuation");
    }

    @Test
    void explicitCorrectionsAreApplied() {
        List<TextCorrection> corrections = List.of(
                TextCorrection.join("fix-1", "西交网络空间安全"),
                TextCorrection.replace("fix-2", "湮浦镇", "璜浦镇", true),
                new TextCorrection("fix-3", "LOST_TEXT", "委会+”管理模式", null, false, "beginning lost at page break"));
        ParsedOutline o = new OutlineParser().parse(source, corrections);
        assertThat(o.get("c1.s1.m4").text()).contains("西交网络空间安全研究院");
        assertThat(o.get("col10.i15").title()).isEqualTo("璜浦镇");
        assertThat(o.appliedCorrections()).anyMatch(a -> a.startsWith("fix-1"))
                .anyMatch(a -> a.startsWith("fix-2")).anyMatch(a -> a.startsWith("fix-3"));
    }

    @Test
    void offsetsMapBackToTheSource() {
        for (ParsedOutlineNode n : outline.nodes()) {
            assertThat(n.start()).isLessThan(n.end());
            String span = source.substring(n.start(), n.end()).replaceAll("\\s+", "");
            String first = n.text().substring(0, Math.min(2, n.text().length()));
            assertThat(span).as(n.key()).contains(first);
        }
        ParsedOutlineNode col12 = outline.get("col12.g2.i1");
        assertThat(source.substring(col12.start(), col12.end())).isEqualTo("诸永高速改扩建（在建）");
        ParsedOutlineNode chapter = outline.get("c3");
        assertThat(source.substring(chapter.start(), chapter.end())).startsWith("三、推进教科人融合发展")
                .contains("专栏 6").endsWith("累计建有5个以上科技公共服务平台。");
    }

    @Test
    void measuresOfASectionHaveTheirLeadPhrases() {
        assertThat(outline.children("c2.s1")).filteredOn(n -> n.type() == NodeType.MEASURE)
                .extracting(ParsedOutlineNode::title)
                .containsExactly("焕新升级传统产业", "发展壮大新兴产业", "前瞻布局未来产业", "打造“诸暨智造”品牌矩阵");
        assertThat(outline.children("c9.s2")).filteredOn(n -> n.type() == NodeType.MEASURE)
                .extracting(ParsedOutlineNode::title)
                .containsExactly("建设生育友好型城市", "实施青年优先发展战略", "建设老年友好型社会", "保障重点群体权益");
        ParsedOutlineNode guiding = outline.get("c1.s3.m1");
        assertThat(guiding.number()).isEqualTo("1");
        assertThat(guiding.title()).isEqualTo("指导思想");
    }

    @Test
    void tableAndFigure() {
        ParsedOutlineNode table = outline.get("tab1");
        assertThat(table.type()).isEqualTo(NodeType.TABLE);
        assertThat(table.title()).isEqualTo("诸暨市“十五五”时期经济社会发展主要指标");
        assertThat(table.text()).contains("粮食综合生产能力").contains("地区生产总值");
        assertThat(table.text().split("类型\t序号", -1)).hasSize(2); // repeated header dropped
        assertThat(outline.appliedCorrections()).anyMatch(a -> a.contains("TABLE_PAGE_BREAK"));
        assertThat(outline.get("fig2").type()).isEqualTo(NodeType.FIGURE_CAPTION);
        assertThat(outline.warnings()).anyMatch(w -> w.contains("lost text"));
    }

    @Test
    void keysAreUnique() {
        assertThat(outline.nodes()).extracting(ParsedOutlineNode::key).doesNotHaveDuplicates();
    }
}
