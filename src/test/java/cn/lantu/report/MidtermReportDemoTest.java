package cn.lantu.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.assessment.Status;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;

/**
 * The mid-term report of the Zhuji plan in demo mode, re-read with POI and PDFBox and compared with the assessment
 * API: verdict counts, Table 1, the binding section, the 演示数据 watermark, embedded fonts, extracted text, and PNG
 * renderings of the first two PDF pages (target/screenshots/).
 */
@LantuDemoTest
class MidtermReportDemoTest {

    static final String PLAN = "zhuji-15th";
    static final Pattern TERM = Pattern.compile("(\\d+)项(" + java.util.Arrays.stream(Status.values())
            .map(Status::label).collect(Collectors.joining("|")) + ")");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http admin;
    Map<String, Object> assessment;

    @BeforeEach
    void setUp() {
        admin = Http.demoAdminHybrid(port);
        Long demoFigures = jdbc.sql("""
                SELECT COUNT(*) FROM figure f JOIN indicator i ON i.id = f.indicator_id JOIN plan p ON p.id = i.plan_id
                WHERE p.code = ? AND f.demo = TRUE AND f.state = 'APPROVED'
                """).param(PLAN).query(Long.class).single();
        assertThat(demoFigures).as("demo figures loaded").isGreaterThan(0);
        assessment = admin.getMap("/api/v1/plans/" + PLAN + "/assessment?year=2028");
    }

    byte[] get(String path) {
        HttpResponse<byte[]> r = admin.getBytes(path);
        assertThat(r.statusCode()).as(path + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        return r.body();
    }

    @Test
    @SuppressWarnings("unchecked")
    void midtermDocxMatchesTheAssessmentApi() throws IOException {
        byte[] bytes = get("/api/v1/plans/" + PLAN + "/reports/midterm?year=2028&format=docx");
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/report-midterm.docx"), bytes);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            // verdict counts = the API's counts
            String verdict = doc.getParagraphs().stream().map(XWPFParagraph::getText)
                    .filter(t -> t.contains("项主要指标中，")).findFirst().orElseThrow();
            assertThat(verdict).isEqualTo(assessment.get("sentence") + "。");
            Map<Status, Integer> counted = new EnumMap<>(Status.class);
            for (Status s : Status.values()) {
                counted.put(s, 0);
            }
            Matcher m = TERM.matcher(verdict.substring(verdict.indexOf('，') + 1));
            while (m.find()) {
                Status s = java.util.Arrays.stream(Status.values()).filter(x -> x.label().equals(m.group(2)))
                        .findFirst().orElseThrow();
                counted.put(s, Integer.parseInt(m.group(1)));
            }
            Map<String, Object> apiCounts = (Map<String, Object>) assessment.get("counts");
            for (Status s : Status.values()) {
                assertThat(counted.get(s)).as(s.label()).isEqualTo(((Number) apiCounts.get(s.name())).intValue());
            }
            assertThat(verdict).startsWith(assessment.get("items") + "项主要指标中，");

            // Table 1: 27 value rows, each with a status
            XWPFTable table1 = tableAfter(doc, "表1");
            List<XWPFTableRow> rows = table1.getRows().subList(1, table1.getRows().size());
            assertThat(rows).hasSize(27);
            Set<String> labels = java.util.Arrays.stream(Status.values()).map(Status::label).collect(Collectors.toSet());
            List<String> header = table1.getRow(0).getTableCells().stream().map(c -> c.getText()).toList();
            assertThat(header).contains("实际完成", "序时应达", "完成进度", "序时进度", "状态")
                    .doesNotContain("最新值", "进度预期值");
            int statusCol = header.indexOf("状态");
            for (XWPFTableRow r : rows) {
                String status = r.getCell(statusCol).getText().replace("（调整）", "");
                assertThat(labels).contains(status);
            }
            List<Map<String, Object>> indicators = (List<Map<String, Object>>) assessment.get("indicators");
            long tableRows = indicators.stream().filter(i -> i.get("tableNumber") != null).count();
            assertThat(rows).hasSize((int) tableRows);
            // row 12's two sub-rows: the second has no number of its own
            long twelve = rows.stream().filter(r -> r.getCell(0).getText().equals("12")).count();
            assertThat(twelve).isEqualTo(1);
            int idx12 = rows.indexOf(rows.stream().filter(r -> r.getCell(0).getText().equals("12")).findFirst().get());
            assertThat(rows.get(idx12 + 1).getCell(0).getText()).isEmpty();

            // the binding section lists exactly the binding indicators
            List<String> bindingCodes = (List<String>) assessment.get("binding");
            Set<String> bindingNames = indicators.stream().filter(i -> bindingCodes.contains(i.get("code")))
                    .map(i -> (String) i.get("name")).collect(Collectors.toSet());
            XWPFTable binding = tableAfter(doc, "表2");
            List<String> listed = binding.getRows().subList(1, binding.getRows().size()).stream()
                    .map(r -> r.getCell(1).getText()).toList();
            assertThat(listed).hasSize(bindingCodes.size());
            assertThat(new HashSet<>(listed)).isEqualTo(bindingNames);
            assertThat(bindingNames).isNotEmpty();

            // watermark on every page: the default header (no different first page) carries it
            XWPFHeader header0 = doc.getHeaderFooterPolicy().getDefaultHeader();
            assertThat(header0.getText()).contains("演示数据");
            assertThat(header0._getHdrFtr().xmlText()).contains("演示数据").contains("PowerPlusWaterMarkObject");
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.isSetTitlePg()).isFalse();

            // GB/T 9704 page: A4 with 37/35/28/26 mm margins; body 仿宋_GB2312 16 pt; page number field
            assertThat(sect.getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(sect.getPgSz().getH().toString()).isEqualTo("16838");
            CTPageMar mar = sect.getPgMar();
            assertThat(List.of(mar.getTop().toString(), mar.getBottom().toString(), mar.getLeft().toString(),
                    mar.getRight().toString())).containsExactly("2098", "1984", "1587", "1474");
            // body text 仿宋_GB2312 16 pt through the body style (see ReportWordStylesDemoTest)
            XWPFParagraph body = doc.getParagraphs().stream().filter(p -> p.getText().contains("项主要指标中，"))
                    .findFirst().orElseThrow();
            assertThat(body.getStyle()).isEqualTo("BodyText");
            assertThat(doc.getStyles().getStyle("Normal").getCTStyle().getRPr().getRFontsArray(0).getEastAsia())
                    .isEqualTo("仿宋_GB2312");
            assertThat(doc.getFooterList().get(0)._getHdrFtr().xmlText()).contains("PAGE");
            // headings numbered 一、（一）1.
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("一、总体评价", "（二）约束性指标", "1. 经济发展", "六、问题与建议");
            // mid-term: 2028 figures are estimates and marked as such in the trace appendix
            XWPFTable trace = tableAfter(doc, "附表");
            List<XWPFTableRow> traceRows = trace.getRows().subList(1, trace.getRows().size());
            assertThat(traceRows).isNotEmpty();
            assertThat(traceRows).allSatisfy(r -> assertThat(r.getCell(5).getText()).matches("F\\d+"));
            assertThat(traceRows.stream().filter(r -> r.getCell(2).getText().equals("2028"))
                    .map(r -> r.getCell(4).getText()).collect(Collectors.toSet())).isEqualTo(Set.of("预计"));
            assertThat(traceRows.stream().filter(r -> r.getCell(2).getText().equals("2026"))
                    .map(r -> r.getCell(4).getText()).collect(Collectors.toSet())).isEqualTo(Set.of("实际"));
            // charts embedded
            assertThat(doc.getAllPictures()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void pdfEmbedsTheCjkFontAndReadsBackTheVerdict() throws IOException, InterruptedException {
        byte[] bytes = get("/api/v1/plans/" + PLAN + "/reports/midterm?format=pdf");
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Path pdf = dir.resolve("report-midterm.pdf");
        Files.write(pdf, bytes);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(5);
            List<String> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (COSName n : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(n);
                    assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                    fonts.add(f.getName());
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(n -> assertThat(n).containsIgnoringCase("WenQuanYi"));
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            String title = (String) doc.getDocumentInformation().getTitle();
            assertThat(title).endsWith("实施中期评估报告");
            assertThat(text).contains(title.replaceAll("\\s+", ""));
            assertThat(text).contains(((String) assessment.get("sentence")).replaceAll("\\s+", "") + "。");
            // the watermark on every page
            PDFTextStripper perPage = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                perPage.setStartPage(p);
                perPage.setEndPage(p);
                assertThat(perPage.getText(doc)).as("page " + p).contains("演示数据");
            }
        }
        // the first two pages as PNG, to look at
        Process proc = new ProcessBuilder("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", pdf.toString(),
                dir.resolve("report-midterm-page").toString()).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes());
        assertThat(proc.waitFor()).as(out).isZero();
        try (var files = Files.list(dir)) {
            List<Path> pngs = files.filter(f -> f.getFileName().toString().startsWith("report-midterm-page")
                    && f.toString().endsWith(".png")).sorted().toList();
            assertThat(pngs).hasSize(2);
            for (Path png : pngs) {
                assertThat(Files.size(png)).isGreaterThan(10_000);
            }
        }
    }

    @Test
    void htmlPreviewShowsTheReportWithTheDemoBanner() {
        String html = new String(get("/api/v1/plans/" + PLAN + "/reports/midterm?format=html"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("实施中期评估报告").contains("演示数据").contains((String) assessment.get("sentence"))
                .contains("data:image/png;base64,");
        String page = Http.ok(admin.get("/plans/" + PLAN + "/reports?type=annual&year=2027"));
        assertThat(page).contains("2027年度监测分析报告").contains("保存版本").contains("演示数据");
        assertThat(admin.getBytes("/api/v1/plans/" + PLAN + "/reports/midterm?year=2027&format=pdf").statusCode())
                .isEqualTo(400);
        assertThat(admin.getBytes("/api/v1/plans/" + PLAN + "/reports/quarterly").statusCode()).isEqualTo(400);
    }

    static XWPFTable tableAfter(XWPFDocument doc, String captionPrefix) {
        String last = "";
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p && !p.getText().isBlank()) {
                last = p.getText();
            } else if (e instanceof XWPFTable t && last.startsWith(captionPrefix)) {
                return t;
            }
        }
        throw new AssertionError("no table after a caption starting with " + captionPrefix);
    }
}
