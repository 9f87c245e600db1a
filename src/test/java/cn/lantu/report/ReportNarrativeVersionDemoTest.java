package cn.lantu.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;

/**
 * The office's narrative survives regeneration while the numbers refresh (a new approved revision shows up in the
 * trace appendix); saved versions keep who/when/as-of and their narrative; a published version is on the public
 * API; only the plan office may write narrative or save versions.
 */
@LantuDemoTest
class ReportNarrativeVersionDemoTest {

    static final String PLAN = "zhuji-15th";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Autowired
    ReportService reports;

    @Test
    void narrativeIsKeptNumbersRefreshAndVersionsArePublished() throws IOException {
        Http admin = Http.demoAdmin(port);
        String text = "规划办意见：全市经济运行总体平稳，测试文字" + System.nanoTime();
        var put = admin.putJson("/api/v1/plans/" + PLAN + "/reports/annual/narratives/overall?year=2027",
                Map.of("text", text));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        // a reporter may read but not write
        String user = "rep-report-" + System.nanoTime();
        users.createUser(user, "报告测试填报员", "Reporter-pass-123", Role.REPORTER, null);
        Http reporter = Http.basic(port, user, "Reporter-pass-123");
        assertThat(reporter.putJson("/api/v1/plans/" + PLAN + "/reports/annual/narratives/overall?year=2027",
                Map.of("text", "x")).statusCode()).isEqualTo(403);
        assertThat(reporter.postJson("/api/v1/plans/" + PLAN + "/reports/annual/versions?year=2027", Map.of())
                .statusCode()).isEqualTo(403);
        assertThat(admin.putJson("/api/v1/plans/" + PLAN + "/reports/annual/narratives/nonsense?year=2027",
                Map.of("text", "x")).statusCode()).isEqualTo(400);

        // save version 1 (data as of now, narrative snapshot)
        var v1 = Http.JSON.readValue(Http.ok(admin.postJson("/api/v1/plans/" + PLAN
                + "/reports/annual/versions?year=2027", Map.of())), Map.class);
        assertThat(v1.get("generatedBy")).isEqualTo("admin");
        assertThat(v1.get("demo")).isEqualTo(true);
        assertThat(v1.get("published")).isEqualTo(false);
        Instant asOf1 = Instant.parse((String) v1.get("asOf"));

        // a new approved revision of a 2027 figure (same value, version 2)
        Map<String, Object> fig = jdbc.sql("""
                SELECT f.id, i.name, f.num_value, f.verdict, f.estimate FROM figure f JOIN indicator i ON i.id = f.indicator_id
                JOIN plan p ON p.id = i.plan_id
                WHERE p.code = ? AND f.demo = TRUE AND f.report_year = 2027 AND f.num_value IS NOT NULL
                  AND i.table_number IS NOT NULL ORDER BY i.table_number, i.table_row LIMIT 1
                """).param(PLAN).query().singleRow();
        long figureId = ((Number) fig.get("id")).longValue();
        int next = jdbc.sql("SELECT MAX(version) + 1 FROM figure_revision WHERE figure_id = ?").param(figureId)
                .query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO figure_revision (figure_id, version, num_value, verdict, estimate, state, reason, changed_by,
                  changed_at) VALUES (?, ?, ?, ?, ?, 'APPROVED', '复核', 'report-refresh', ?)
                """).params(figureId, next, fig.get("num_value"), fig.get("verdict"), fig.get("estimate"),
                Timestamp.from(Instant.now())).update();
        jdbc.sql("UPDATE figure SET version = ? WHERE id = ?").params(next, figureId).update();

        // regenerate: the narrative stays, the trace appendix shows the new revision
        byte[] now = bytes(admin, "/api/v1/plans/" + PLAN + "/reports/annual?year=2027&format=docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(now))) {
            assertThat(paragraphs(doc)).contains(text);
            assertThat(traceRow(doc, figureId).getCell(6).getText()).isEqualTo("v" + next);
            assertThat(traceRow(doc, figureId).getCell(7).getText()).isEqualTo("report-refresh");
        }
        // the saved version is regenerated as of its time: the earlier revision, the same narrative
        long id = ((Number) v1.get("id")).longValue();
        admin.putJson("/api/v1/plans/" + PLAN + "/reports/annual/narratives/overall?year=2027",
                Map.of("text", "之后改过的文字"));
        byte[] old = bytes(admin, "/api/v1/reports/versions/" + id + "?format=docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(old))) {
            assertThat(paragraphs(doc)).contains(text).doesNotContain("之后改过的文字");
            assertThat(traceRow(doc, figureId).getCell(6).getText()).isEqualTo("v" + (next - 1));
        }
        assertThat(asOf1).isBefore(Instant.now());

        // publishing: anonymous users see only published versions
        Http anonymous = Http.anonymous(port);
        assertThat(anonymous.getBytes("/api/v1/public/reports/" + id + "?format=pdf").statusCode()).isEqualTo(404);
        assertThat(reporter.postJson("/api/v1/reports/versions/" + id + "/publish", Map.of()).statusCode())
                .isEqualTo(403);
        Http.ok(admin.postJson("/api/v1/reports/versions/" + id + "/publish", Map.of()));
        List<Map<String, Object>> published = anonymous.getList("/api/v1/public/reports");
        assertThat(published).anySatisfy(v -> {
            assertThat(((Number) v.get("id")).longValue()).isEqualTo(id);
            assertThat(v.get("publishedBy")).isEqualTo("admin");
        });
        assertThat(reports.published()).extracting(ReportRepository.Version::id).contains(id);
        HttpResponse<byte[]> pdf = anonymous.getBytes("/api/v1/public/reports/" + id + "?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }

    static byte[] bytes(Http http, String path) {
        HttpResponse<byte[]> r = http.getBytes(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    static List<String> paragraphs(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }

    static XWPFTableRow traceRow(XWPFDocument doc, long figureId) {
        XWPFTable trace = MidtermReportDemoTest.tableAfter(doc, "附表");
        return trace.getRows().stream().filter(r -> r.getCell(5).getText().equals("F" + figureId)).findFirst()
                .orElseThrow();
    }
}
