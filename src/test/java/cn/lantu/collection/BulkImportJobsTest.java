package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * The bulk import as a background job through the API (the page's twin): started with 202, polled until done, the
 * progress counted against the rows the sheet declares; one job per user at a time; a job is its user's only; the
 * plan office only. Files here are refused or write one history row of 2015, which no other test uses.
 */
@LantuTest
class BulkImportJobsTest {

    static final String JOBS = "/api/v1/plans/zhuji-15th/reporting/bulk-jobs";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    private static Map<String, Object> json(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return ReportingFixture.json(r);
    }

    private Map<String, Object> awaitDone(Http who, String id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(until)) {
            Map<String, Object> job = json(who.get(JOBS + "/" + id), 200);
            if (!(Boolean) job.get("running")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private String aLevelIndicator() {
        return jdbc.sql("""
                SELECT i.code FROM indicator i JOIN plan p ON p.id = i.plan_id
                  JOIN responsibility r ON r.indicator_id = i.id AND r.role = 'LEAD'
                 WHERE p.code = 'zhuji-15th' AND i.kind = 'LEVEL' AND i.base_value > 0 ORDER BY i.code""")
                .query(String.class).list().get(0);
    }

    private String city() {
        return jdbc.sql("SELECT o.code FROM org_unit o JOIN plan p ON p.id = o.plan_id WHERE p.code = 'zhuji-15th' "
                + "AND o.unit_type = 'CITY'").query(String.class).single();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aJobRunsInTheBackgroundOnePerUserAndReportsEveryRow() throws Exception {
        // 100,000 copies of one row: every copy after the first is a duplicate, so nothing is ever written
        String code = aLevelIndicator();
        String city = city();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            rows.add(new Object[] {code, city, 2015, "Y", 1.5, "重复"});
        }
        byte[] duplicates = BulkFigureImportTest.workbook(rows, null);
        long figures = jdbc.sql("SELECT COUNT(*) FROM figure").query(Long.class).single();
        Http admin = Http.admin(port);
        HttpResponse<String> started = admin.postMultipart(JOBS, "file", "duplicates.xlsx", ExcelController.XLSX,
                duplicates);
        Map<String, Object> job = json(started, 202);
        String id = (String) job.get("id");
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/bulk-jobs/" + id);

        // the same user cannot start a second import while the first runs
        HttpResponse<String> second = admin.postMultipart(JOBS, "file", "again.xlsx", ExcelController.XLSX,
                duplicates);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(second.body()).contains("仍在进行");

        // nor can another user read it
        String other = "bulkjob-admin-" + System.nanoTime() % 1_000_000;
        users.createUser(other, "另一规划办用户", "bulk-job-pass-1", Role.ADMIN, null);
        assertThat(Http.basic(port, other, "bulk-job-pass-1").get(JOBS + "/" + id).statusCode()).isEqualTo(404);

        Map<String, Object> done = awaitDone(admin, id);
        assertThat(done.get("phase")).isEqualTo("FAILED");
        assertThat(done.get("rowsTotal")).as("the rows the sheet declares").isEqualTo(100_000);
        assertThat(done.get("rowsRead")).isEqualTo(100_000);
        assertThat(done.get("problemCount")).isEqualTo(99_999);
        List<Map<String, Object>> problems = (List<Map<String, Object>>) done.get("problems");
        assertThat(problems).hasSize(BulkFigureImport.MAX_LISTED);
        assertThat(problems.get(0)).containsEntry("sheet", BulkFigureImport.SHEET).containsEntry("row", 3)
                .containsEntry("column", "");
        assertThat(problems.get(0).get("message").toString()).contains("重复");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM figure").query(Long.class).single()).isEqualTo(figures);

        // once it has finished, the next file goes through: one row of 2015 history written
        // (an indicator with a town breakdown whose values need not be whole, as the bulk import test uses)
        String good = jdbc.sql("""
                SELECT i.code, i.unit FROM indicator i JOIN plan p ON p.id = i.plan_id
                  JOIN responsibility r ON r.indicator_id = i.id AND r.role = 'LEAD' AND r.town_breakdown <> 'NONE'
                 WHERE p.code = 'zhuji-15th' AND i.kind IN ('LEVEL', 'GROWTH', 'CUMULATIVE', 'FLOOR')
                 ORDER BY i.code""").query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list().stream()
                .filter(i -> !BulkFigureImportTest.WHOLE.contains(String.valueOf(i[1]).trim())).map(i -> i[0])
                .findFirst().orElseThrow();
        Map<String, Object> next = json(admin.postMultipart(JOBS, "file", "history-2015.xlsx", ExcelController.XLSX,
                BulkFigureImportTest.workbook(List.<Object[]>of(new Object[] {good, city, 2015, "Y", 20.15, "年鉴"}),
                        null)), 202);
        Map<String, Object> written = awaitDone(admin, (String) next.get("id"));
        assertThat(written.get("phase")).as(written.get("error") + " " + written.get("problems")).isEqualTo("DONE");
        assertThat(written.get("percent")).isEqualTo(100);
        assertThat((Map<String, Object>) written.get("result")).containsEntry("inserted", 1)
                .containsEntry("unchanged", 0).containsEntry("file", "history-2015.xlsx");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM figure").query(Long.class).single()).isEqualTo(figures + 1);
    }

    @Test
    void onlyThePlanOfficeMayStartAJob() throws Exception {
        long unit = jdbc.sql("SELECT id FROM org_unit WHERE unit_type = 'DEPARTMENT' ORDER BY id").query(Long.class)
                .list().get(0);
        String reporter = "bulkjob-rep-" + System.nanoTime() % 1_000_000;
        users.createUser(reporter, "填报员", "bulk-job-pass-1", Role.REPORTER, unit);
        HttpResponse<String> refused = Http.basic(port, reporter, "bulk-job-pass-1").postMultipart(JOBS, "file",
                "x.xlsx", ExcelController.XLSX, BulkFigureImportTest.workbook(List.of(), null));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Http.session(port, reporter, "bulk-job-pass-1").page("/plans/zhuji-15th/reporting/bulk")
                .statusCode()).isEqualTo(403);
    }
}
