package cn.lantu.ingest;

import cn.lantu.outline.NodeType;
import cn.lantu.outline.ParsedOutlineNode;
import cn.lantu.outline.ParsedOutline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** Outlines written for the tests in other layouts: 第X章/第X节 with a Markdown table split across pages, .docx, PDF. */
class OtherLayoutsTest {

    @Test
    void markdownTableSplitAcrossTwoPages() throws Exception {
        Extraction x = new OutlineExtractor().extract(IngestTestSupport.testResource("qingxi-15th.md"));
        ParsedOutline o = x.outline();
        assertThat(o.title()).isEqualTo("青溪县国民经济和社会发展第十五个五年规划纲要");
        assertThat(o.chapters()).extracting(ParsedOutlineNode::number).containsExactly("一", "二", "三", "四", "五");
        assertThat(o.chapters().get(2).title()).isEqualTo("建设现代化产业体系");
        assertThat(o.sections()).hasSize(10);
        assertThat(o.columns()).extracting(ParsedOutlineNode::title).containsExactly("重大产业平台", "交通重大工程", "镇街发展定位");
        assertThat(o.warnings()).anyMatch(w -> w.contains("running header"));
        assertThat(o.appliedCorrections()).anyMatch(a -> a.contains("推进商贸 + 流通网络"));
        assertThat(o.appliedCorrections()).anyMatch(a -> a.contains("TABLE_PAGE_BREAK"));

        Map<Integer, ExtractedIndicator> rows = x.indicators().stream()
                .collect(Collectors.toMap(ExtractedIndicator::tableNumber, i -> i));
        assertThat(rows).hasSize(10);
        assertThat(rows.get(1).comparator()).isEqualTo("ABOUT");
        assertThat(rows.get(1).targetValue()).isEqualTo(6.0);
        assertThat(rows.get(1).targetHorizon()).isEqualTo("ANNUAL");
        assertThat(rows.get(2).baseYear()).isEqualTo(2024);
        assertThat(rows.get(2).markers()).containsExactly("STAR");
        assertThat(rows.get(2).targetValue()).isEqualTo(65.0);
        assertThat(rows.get(4).baseStatus()).isEqualTo("ESTIMATE");
        assertThat(rows.get(6).comparator()).isEqualTo("AT_MOST");
        assertThat(rows.get(6).direction()).isEqualTo("DOWN");
        assertThat(rows.get(7).kind()).isEqualTo("CUMULATIVE");
        assertThat(rows.get(7).targetValue()).isEqualTo(4.5);
        assertThat(rows.get(8).kind()).isEqualTo("DECLINE");
        assertThat(rows.get(8).baseRole()).isEqualTo("PREVIOUS_PLAN_TOTAL");
        assertThat(rows.get(8).attribute()).isEqualTo("BINDING");
        assertThat(rows.get(9).kind()).isEqualTo("FLOOR");
        assertThat(rows.get(10).unit()).isEqualTo("万吨");
        assertThat(rows.get(10).category()).isEqualTo("SECURITY");
        assertThat(x.text().substring(rows.get(7).start(), rows.get(7).end())).contains("城镇新增就业人数");

        Benchmark.Score s = Benchmark.score(x, Gold.QINGXI_TARGETS, Gold.QINGXI_FACTS);
        assertThat(s.missed()).isEmpty();
        assertThat(s.falsePositives()).isEmpty();
        assertThat(x.projects()).extracting(ExtractedProject::name)
                .containsExactly("青溪至临江城际铁路", "青溪站改造", "G235青溪段改建工程", "青临快速路", "东山隧道");
        assertThat(x.areas()).filteredOn(a -> a.kind().equals("TOWN")).extracting(ExtractedArea::type)
                .containsExactly("街道", "镇", "镇", "乡");
    }

    static Path writeDocx(Path dir) throws Exception {
        Path file = dir.resolve("jiangchuan.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (String p : Gold.DOCX_BEFORE_TABLE) {
                doc.createParagraph().createRun().setText(p);
            }
            XWPFTable t = doc.createTable(6, 8);
            String[][] cells = {
                {"类别", "序号", "指标", "单位", "2025年", "2030年", "年均增长/累计", "属性"},
                {"经济发展（2项）", "1", "地区生产总值", "亿元", "650", "900左右", "—", "预期性"},
                {"", "2", "常住人口城镇化率", "%", "62*", "66", "—", "预期性"},
                {"绿色生态（2项）", "3", "单位GDP能耗降低", "%", "—", "—", "[13]", "约束性"},
                {"", "4", "空气质量优良天数比率", "%", "90.5", "92以上", "—", "约束性"},
                {"", "5", "规上工业增加值增长", "%", "7.1", "—", "7以上", "预期性"},
            };
            cells[5][0] = "";
            for (int r = 0; r < cells.length; r++) {
                XWPFTableRow row = t.getRow(r);
                for (int c = 0; c < 8; c++) {
                    row.getCell(c).setText(cells[r][c]);
                }
            }
            // category cells merged vertically, as Word does
            mergeVertically(t, 0, 1, 2);
            mergeVertically(t, 0, 3, 5);
            for (String p : Gold.DOCX_AFTER_TABLE) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
        }
        return file;
    }

    private static void mergeVertically(XWPFTable t, int col, int from, int to) {
        for (int r = from; r <= to; r++) {
            var tcPr = t.getRow(r).getCell(col).getCTTc().isSetTcPr() ? t.getRow(r).getCell(col).getCTTc().getTcPr()
                    : t.getRow(r).getCell(col).getCTTc().addNewTcPr();
            tcPr.addNewVMerge().setVal(r == from ? STMerge.RESTART : STMerge.CONTINUE);
        }
    }

    @Test
    void docxOutlineWithAWordTable(@TempDir Path dir) throws Exception {
        Path file = writeDocx(dir);
        Extraction x = new OutlineExtractor().codePrefix("JC").extract(file);
        assertThat(x.outline().chapters()).hasSize(3);
        assertThat(x.indicators()).extracting(ExtractedIndicator::code).containsExactly("JC01", "JC02", "JC03", "JC04", "JC05");
        ExtractedIndicator gdp = x.indicators().get(0);
        assertThat(gdp.unit()).isEqualTo("亿元");
        assertThat(gdp.category()).isEqualTo("ECONOMY");
        assertThat(gdp.comparator()).isEqualTo("ABOUT");
        assertThat(gdp.targetValue()).isEqualTo(900.0);
        assertThat(gdp.kind()).isEqualTo("LEVEL");
        ExtractedIndicator urban = x.indicators().get(1);
        assertThat(urban.category()).isEqualTo("ECONOMY");
        assertThat(urban.baseYear()).isEqualTo(2024);
        ExtractedIndicator energy = x.indicators().get(2);
        assertThat(energy.category()).isEqualTo("GREEN");
        assertThat(energy.kind()).isEqualTo("DECLINE");
        assertThat(energy.targetHorizon()).isEqualTo("PERIOD");
        assertThat(energy.attribute()).isEqualTo("BINDING");
        assertThat(x.indicators().get(3).kind()).isEqualTo("FLOOR");
        assertThat(x.indicators().get(4).kind()).isEqualTo("GROWTH");
        assertThat(x.indicators().get(4).category()).isEqualTo("GREEN"); // merged cell continues the category
        Benchmark.Score s = Benchmark.score(x, Gold.DOCX_TARGETS, Gold.DOCX_FACTS);
        assertThat(s.missed()).isEmpty();
        assertThat(s.falsePositives()).isEmpty();
        for (ProseTarget t : x.targets()) {
            assertThat(x.text().substring(t.quoteStart(), t.quoteEnd())).isEqualTo(t.quote());
        }
    }

    @Test
    void textPdf(@TempDir Path dir) throws Exception {
        File font = new File("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        assumeTrue(font.isFile(), "needs a CJK font to build the test PDF");
        Path pdf = dir.resolve("outline.pdf");
        try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(font)) {
            List<TrueTypeFont> fonts = new ArrayList<>();
            ttc.processAllFonts(fonts::add);
            PDType0Font f = PDType0Font.load(doc, fonts.get(0), true);
            for (String[] page : Gold.PDF_PAGES) {
                PDPage p = new PDPage();
                doc.addPage(p);
                try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                    float y = 740;
                    for (String line : page) {
                        cs.beginText();
                        cs.setFont(f, 12);
                        cs.newLineAtOffset(60, y);
                        cs.showText(line);
                        cs.endText();
                        y -= 20;
                    }
                }
            }
            doc.save(pdf.toFile());
        }
        Extraction x = new OutlineExtractor().extract(pdf);
        assertThat(x.outline().chapters()).extracting(ParsedOutlineNode::title).containsExactly("发展基础", "主要任务");
        assertThat(x.outline().title()).isEqualTo("河阳县国民经济和社会发展第十五个五年规划纲要");
        assertThat(x.outline().nodes()).filteredOn(n -> n.type() == NodeType.MEASURE)
                .noneMatch(n -> n.text().contains("规划纲要") || n.text().contains("- 2 -"));
        assertThat(x.targets()).anyMatch(t -> t.name().contains("数字经济核心产业增加值") && t.value() == 120);
        assertThat(x.targets()).anyMatch(t -> t.name().contains("城市公园") && t.value() == 15);
        assertThat(x.baselineFacts()).anyMatch(b -> b.value() == 380);
        ParsedOutlineNode m = x.outline().get("c2.s1.m1");
        assertThat(m.text()).contains("培育数字经济新动能。到2030年，数字经济核心产业增加值突破120亿元").contains("新建城市公园15个");
    }
}
