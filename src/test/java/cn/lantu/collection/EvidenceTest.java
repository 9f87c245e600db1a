package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/** Evidence files of a figure at the HTTP level: types by magic bytes, size limit, scoping, download headers. */
@LantuTest
class EvidenceTest {

    static final int YEAR = 2026;
    static final String CODE = "ZJT007";
    static final String API = "/api/v1/plans/" + ReportingFixture.PLAN;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService userService;
    @Autowired EvidenceService evidenceService;

    static byte[] pdf(String text) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(text);
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] image(String format, Color color) throws Exception {
        BufferedImage img = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 8; y++) {
                img.setRGB(x, y, (x + y) % 2 == 0 ? color.getRGB() : Color.WHITE.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    long stored(long figureId) {
        return jdbc.sql("SELECT COUNT(*) FROM figure_evidence WHERE figure_id = ?").param(figureId).query(Long.class)
                .single();
    }

    long audited(long figureId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'EVIDENCE_UPLOAD' AND subject LIKE ?")
                .param("figure:" + figureId + " %").query(Long.class).single();
    }

    @Test
    void reporterUploadsPdfAndImagesThatReadersDownloadUnchangedAndOtherUnitsCannotTouch() throws Exception {
        ReportingFixture fx = new ReportingFixture(port, jdbc, userService);
        fx.openPeriod(YEAR, "Y");
        long unit = fx.leadOf(CODE);
        long otherUnit = jdbc.sql("SELECT id FROM org_unit WHERE unit_type = 'DEPARTMENT' AND id <> ? ORDER BY ordinal")
                .param(unit).query(Long.class).list().get(0);
        Http reporter = fx.as(fx.user("evid", Role.REPORTER, unit));
        Http approver = fx.as(fx.user("evidapp", Role.APPROVER, unit));
        Http stranger = fx.as(fx.user("evidother", Role.REPORTER, otherUnit));
        Http strangerApprover = fx.as(fx.user("evidotherapp", Role.APPROVER, otherUnit));

        HttpResponse<String> saved = reporter.postJson(API + "/figures", Map.of("indicator", CODE, "year", YEAR,
                "period", "Y", "value", "123.4", "source", "统计年报"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        long id = ReportingFixture.figureId(saved);
        long auditedBefore = audited(id);

        byte[] pdf = pdf("Lantu evidence " + System.nanoTime());
        byte[] png = image("png", Color.RED);
        HttpResponse<String> up = reporter.postMultipart("/api/v1/figures/" + id + "/evidence", "file",
                "统计公报.pdf", "application/pdf", pdf);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        Map<String, Object> pdfRow = ReportingFixture.json(up);
        assertThat(pdfRow.get("contentType")).isEqualTo("application/pdf");
        assertThat(((Number) pdfRow.get("sizeBytes")).longValue()).isEqualTo(pdf.length);
        // the declared content type is ignored: the bytes decide
        HttpResponse<String> upPng = reporter.postMultipart("/api/v1/figures/" + id + "/evidence", "file",
                "chart.png", "application/octet-stream", png);
        assertThat(upPng.statusCode()).as(upPng.body()).isEqualTo(200);
        assertThat(ReportingFixture.json(upPng).get("contentType")).isEqualTo("image/png");
        assertThat(stored(id)).isEqualTo(2);
        assertThat(audited(id)).isEqualTo(auditedBefore + 2);

        long pdfId = ((Number) pdfRow.get("id")).longValue();
        long pngId = ((Number) ReportingFixture.json(upPng).get("id")).longValue();
        HttpResponse<byte[]> down = reporter.getBytes("/api/v1/evidence/" + pdfId);
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(down.body()).isEqualTo(pdf);
        assertThat(down.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(down.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String disposition = down.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''%E7%BB%9F%E8%AE%A1");
        HttpResponse<byte[]> downPng = approver.getBytes("/api/v1/evidence/" + pngId);
        assertThat(downPng.statusCode()).isEqualTo(200);
        assertThat(downPng.body()).isEqualTo(png);
        assertThat(downPng.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");

        // listed with the figure on the entry form
        String form = Http.ok(reporter.get("/plans/" + ReportingFixture.PLAN + "/reporting/form?indicator=" + CODE
                + "&year=" + YEAR + "&period=Y"));
        assertThat(form).contains("统计公报.pdf").contains("chart.png").contains("/api/v1/evidence/" + pdfId)
                .contains("evidence-form");

        // another unit: neither upload nor list nor download
        HttpResponse<String> foreignUpload = stranger.postMultipart("/api/v1/figures/" + id + "/evidence", "file",
                "x.pdf", "application/pdf", pdf);
        assertThat(foreignUpload.statusCode()).isEqualTo(403);
        assertThat(stranger.getBytes("/api/v1/evidence/" + pdfId).statusCode()).isEqualTo(403);
        assertThat(strangerApprover.getBytes("/api/v1/evidence/" + pngId).statusCode()).isEqualTo(403);
        assertThat(stranger.get("/api/v1/figures/" + id + "/evidence").statusCode()).isEqualTo(403);
        assertThat(stranger.postMultipart("/reporting/figures/" + id + "/evidence", "file", "x.pdf",
                "application/pdf", pdf).statusCode()).isEqualTo(403);
        // the unit's approver reads but does not upload; anonymous gets nothing
        assertThat(approver.postMultipart("/api/v1/figures/" + id + "/evidence", "file", "a.pdf",
                "application/pdf", pdf).statusCode()).isEqualTo(403);
        assertThat(Http.anonymous(port).getBytes("/api/v1/evidence/" + pdfId).statusCode()).isEqualTo(401);
        assertThat(stored(id)).isEqualTo(2);

        // the page form stores a JPEG and redirects back to the figure
        byte[] jpeg = image("jpg", Color.BLUE);
        HttpResponse<String> page = reporter.postMultipart("/reporting/figures/" + id + "/evidence", "file",
                "photo.jpg", "image/jpeg", jpeg);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/reporting/figures/" + id);
        List<Map<String, Object>> listed = ReportingFixture.jsonList(approver.get("/api/v1/figures/" + id
                + "/evidence"));
        assertThat(listed).extracting(m -> m.get("fileName")).containsExactly("统计公报.pdf", "chart.png",
                "photo.jpg");
        assertThat(listed.get(2).get("contentType")).isEqualTo("image/jpeg");

        // on the review page after submission: listed, downloadable, no more uploads while under review
        assertThat(reporter.move(id, "submit", Map.of("explanation", "核实"))
                .statusCode()).isEqualTo(200);
        String review = Http.ok(approver.get("/plans/" + ReportingFixture.PLAN + "/reporting/form?indicator="
                + CODE + "&year=" + YEAR + "&period=Y"));
        assertThat(review).contains("统计公报.pdf").contains("photo.jpg").contains("sign-off")
                .doesNotContain("evidence-form");
        HttpResponse<String> late = reporter.postMultipart("/api/v1/figures/" + id + "/evidence", "file", "late.png",
                "image/png", png);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(stored(id)).isEqualTo(3);
        assertThat(audited(id)).isEqualTo(auditedBefore + 3);
    }

    @Test
    void wrongTypesEmptyAndOversizedFilesAreRejectedWithAClearMessageAndNothingIsStored() throws Exception {
        ReportingFixture fx = new ReportingFixture(port, jdbc, userService);
        fx.openPeriod(YEAR, "Y");
        String code = "ZJT008";
        long unit = fx.leadOf(code);
        Http reporter = fx.as(fx.user("evidbad", Role.REPORTER, unit));
        HttpResponse<String> saved = reporter.postJson(API + "/figures", Map.of("indicator", code, "year", YEAR,
                "period", "Y", "value", "88"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        long id = ReportingFixture.figureId(saved);
        long before = stored(id);
        long auditedBefore = audited(id);
        String path = "/api/v1/figures/" + id + "/evidence";

        HttpResponse<String> text = reporter.postMultipart(path, "file", "report.pdf", "application/pdf",
                "这不是PDF，只是改了扩展名的文本".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(text.body()).contains("文件类型不支持").contains("PDF、PNG 或 JPEG");
        HttpResponse<String> html = reporter.postMultipart(path, "file", "x.png", "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.statusCode()).isEqualTo(422);
        HttpResponse<String> mismatch = reporter.postMultipart(path, "file", "scan.pdf", "application/pdf",
                image("png", Color.GREEN));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("扩展名与内容不符");
        HttpResponse<String> empty = reporter.postMultipart(path, "file", "empty.pdf", "application/pdf",
                new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("文件为空");

        byte[] big = new byte[(int) evidenceService.maxBytes() + 1];
        Arrays.fill(big, (byte) ' ');
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        HttpResponse<String> tooLarge = reporter.postMultipart(path, "file", "big.pdf", "application/pdf", big);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("文件过大").contains("不能超过 5.0 MB");

        // the page form shows the same message instead of storing anything
        HttpResponse<String> page = reporter.postMultipart("/reporting/figures/" + id + "/evidence", "file",
                "report.pdf", "application/pdf", "plain".getBytes(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(302);

        assertThat(stored(id)).isEqualTo(before);
        assertThat(audited(id)).isEqualTo(auditedBefore);
        // exactly at the limit is accepted
        byte[] atLimit = Arrays.copyOf(big, (int) evidenceService.maxBytes());
        assertThat(reporter.postMultipart(path, "file", "limit.pdf", "application/pdf", atLimit).statusCode())
                .isEqualTo(200);
        assertThat(stored(id)).isEqualTo(before + 1);
    }
}
