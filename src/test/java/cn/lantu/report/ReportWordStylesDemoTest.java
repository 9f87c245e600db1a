package cn.lantu.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;
import cn.lantu.support.OfficeFiles;

/**
 * Every generated .docx report is built on styles an officer can change: 标题 1–3 with the GB/T 9704 fonts, a body
 * style, a table style and an updatable 目录 field; and LibreOffice, standing in for a second office suite, lays it
 * out with every heading in the PDF's text layer.
 */
@LantuDemoTest
class ReportWordStylesDemoTest {

    static final String API = "/api/v1/plans/zhuji-15th/reports/";
    static final Map<String, String> REPORTS = Map.of("annual", "?year=2027&format=docx",
            "midterm", "?year=2028&format=docx", "final", "?format=docx");
    static final List<Pattern> NUMBERING = List.of(Pattern.compile("^([一二三四五六七八九十]+、|附件).*"),
            Pattern.compile("^（[一二三四五六七八九十]+）.*"), Pattern.compile("^\\d+\\.\\s?.*"));

    @LocalServerPort int port;

    byte[] report(String type) {
        HttpResponse<byte[]> r = Http.demoAdminHybrid(port).getBytes(API + type + REPORTS.get(type));
        assertThat(r.statusCode()).as(type).isEqualTo(200);
        return r.body();
    }

    static CTRPr styleRun(XWPFDocument doc, String id) {
        assertThat(doc.getStyles().styleExist(id)).as("style " + id).isTrue();
        return doc.getStyles().getStyle(id).getCTStyle().getRPr();
    }

    static void font(XWPFDocument doc, String id, String font, boolean bold) {
        CTRPr rPr = styleRun(doc, id);
        assertThat(rPr.getRFontsArray(0).getEastAsia()).as(id).isEqualTo(font);
        assertThat(((java.math.BigInteger) rPr.getSzArray(0).getVal()).intValue()).as(id + " size").isEqualTo(32);
        assertThat(rPr.sizeOfBArray() > 0 && !"0".equals(String.valueOf(rPr.getBArray(0).getVal())) 
                && !"false".equals(String.valueOf(rPr.getBArray(0).getVal()))).as(id + " bold").isEqualTo(bold);
    }

    /** The headings of the text (not of the 目录), checked against their numbering; returns their texts. */
    static List<String> headings(XWPFDocument doc, String type) {
        List<String> out = new ArrayList<>();
        for (XWPFParagraph p : doc.getParagraphs()) {
            String style = p.getStyle() == null ? "" : p.getStyle();
            int level = DocxStyles.HEADINGS.indexOf(style);
            if (level >= 0) {
                assertThat(p.getText()).as(type + " " + style).matches(NUMBERING.get(level));
                for (XWPFRun r : p.getRuns()) {
                    assertThat(r.getCTR().isSetRPr() && r.getCTR().getRPr().sizeOfRFontsArray() > 0)
                            .as("direct font on heading " + p.getText()).isFalse();
                }
                out.add(p.getText());
            } else if (!style.startsWith("TOC") && NUMBERING.get(0).matcher(p.getText()).matches()
                    && p.getText().length() < 30) {
                throw new AssertionError(type + ": 一级标题 without heading style: " + p.getText());
            }
        }
        return out;
    }

    @Test
    void everyReportUsesHeadingBodyAndTableStylesAndHasAnUpdatableToc() throws Exception {
        for (String type : REPORTS.keySet()) {
            byte[] bytes = report(type);
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
                assertThat(doc.getPackage().containPart(PackagingURIHelper.createPartName("/word/styles.xml")))
                        .as(type).isTrue();
                assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
                font(doc, "Heading1", "黑体", false);
                font(doc, "Heading2", "楷体_GB2312", false);
                font(doc, "Heading3", "仿宋_GB2312", true);
                font(doc, "Normal", "仿宋_GB2312", false);

                List<String> headings = headings(doc, type);
                assertThat(headings).as(type).anyMatch(h -> h.startsWith("一、")).anyMatch(h -> h.startsWith("（一）"));
                long body = doc.getParagraphs().stream().filter(p -> DocxStyles.BODY.equals(p.getStyle())).count();
                assertThat(body).as(type + " body paragraphs").isGreaterThan(5);
                assertThat(doc.getParagraphs().stream().filter(p -> p.getText().length() > 60))
                        .as(type + ": long text is body text").allMatch(p -> DocxStyles.BODY.equals(p.getStyle()));

                assertThat(doc.getTables()).as(type).isNotEmpty();
                for (XWPFTable t : doc.getTables()) {
                    assertThat(t.getStyleID()).isEqualTo(DocxStyles.TABLE);
                    assertThat(t.getCTTbl().getTblPr().isSetTblBorders()).as("no direct borders").isFalse();
                }
                String xml = doc.getDocument().xmlText();
                assertThat(xml).contains("TOC \\o \"1-3\" \\h \\z \\u").contains("w:dirty=\"true\"");
                List<String> toc = doc.getParagraphs().stream().filter(p -> p.getStyle() != null
                        && p.getStyle().matches("TOC[123]")).map(XWPFParagraph::getText).toList();
                assertThat(toc).as(type + " 目录 lists the headings").isEqualTo(headings);
                // the demo watermark: Word's own kind of header shape, light grey, half opaque, behind the text
                String header = doc.getHeaderFooterPolicy().getDefaultHeader()._getHdrFtr().xmlText();
                assertThat(header).contains(DocxWatermark.SHAPE_ID).contains("fillcolor=\"silver\"")
                        .contains("opacity=\".5\"").contains("rotation:315").containsPattern("z-index:-\\d+")
                        .contains("string=\"演示数据\"");
            }
        }
    }

    @Test
    void libreOfficeLaysOutEveryReportWithItsHeadingsInTheText() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(OfficeFiles.sofficeInstalled(), "LibreOffice installed");
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        for (String type : REPORTS.keySet()) {
            byte[] docx = report(type);
            List<String> headings;
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
                headings = headings(doc, type);
            }
            Path pdf = dir.resolve("report-" + type + "-libreoffice.pdf");
            Files.write(pdf, OfficeFiles.soffice(docx, "docx", "pdf"));
            String text = run("pdftotext", "-layout", pdf.toString(), "-").replaceAll("\\s+", "");
            for (String h : headings) {
                assertThat(text).as(type + ": heading in the PDF text").contains(h.replaceAll("\\s+", ""));
            }
            assertThat(text).contains("目录");
            int own;
            int libre;
            try (var mine = org.apache.pdfbox.Loader.loadPDF(Http.demoAdminHybrid(port)
                    .getBytes(API + type + REPORTS.get(type).replace("docx", "pdf")).body());
                 var theirs = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                own = mine.getNumberOfPages();
                libre = theirs.getNumberOfPages();
            }
            assertThat((double) libre).as(type + ": LibreOffice pages vs Lantu's PDF (" + own + ")")
                    .isBetween(own * 0.9, own * 1.1);
            if ("midterm".equals(type)) {
                run("pdftoppm", "-png", "-r", "50", "-f", "3", "-l", "3", pdf.toString(),
                        dir.resolve("report-midterm-libreoffice").toString());
            }
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
