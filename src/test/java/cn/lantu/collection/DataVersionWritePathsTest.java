package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.monitoring.ReassessmentService;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * Every write path that can change what leaders, the region and the public see raises the plan's data version,
 * and the cockpit, the region roll-up and the portal then serve the new state (issue: the cockpit stayed at
 * "26项暂无数据" after an approval because one path forgot to raise the version). A new write path belongs here.
 */
@LantuTest
class DataVersionWritePathsTest {

    static final int YEAR = 2029;
    static final String API = "/api/v1/plans/zhuji-15th";
    static final String COCKPIT = API + "/cockpit?year=" + YEAR;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;
    @Autowired PlanRepository plans;
    @Autowired ReassessmentService reassessment;

    final List<String> walked = new ArrayList<>();
    Plan zhuji;
    long version;
    String etag;

    @SuppressWarnings("unchecked")
    @Test
    void everyWritePathRefreshesCockpitRollupAndPortal() throws Exception {
        zhuji = plans.findByCode("zhuji-15th").orElseThrow();
        ReportingFixture fx = new ReportingFixture(port, jdbc, users);
        fx.openPeriod(YEAR, "Y");
        Http admin = Http.admin(port);
        String code = noDataIndicator(admin);
        long unit = fx.leadOf(code);
        String reporterName = fx.user("dv", Role.REPORTER, unit);
        Http reporter = fx.as(reporterName);
        Http approver = fx.as(fx.user("dvapp", Role.APPROVER, unit));
        mark();
        Map<String, Object> cockpitBefore = admin.getMap(COCKPIT);
        int noDataBefore = ((Map<String, Integer>) cockpitBefore.get("counts")).get("NO_DATA");

        // Excel template upload: the department's template, its row filled in, saved as a draft
        byte[] template = reporter.getBytes(API + "/reporting/template.xlsx?year=" + YEAR + "&period=Y").body();
        byte[] filled = ExcelRoundTripTest.edit(template, s -> {
            Row r = ExcelRoundTripTest.row(s, code);
            r.getCell(5).setCellValue(plausible(code));
            r.getCell(8).setCellValue("年报");
        });
        HttpResponse<String> uploaded = fx.upload(reporterName, "dv.xlsx", filled);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        changed("Excel template upload");
        long id = jdbc.sql("SELECT f.id FROM figure f JOIN indicator i ON i.id = f.indicator_id WHERE i.code = ? "
                + "AND f.report_year = ? AND f.demo = FALSE").params(code, YEAR).query(Long.class).single();
        int draftVersion = jdbc.sql("SELECT version FROM figure WHERE id = ?").param(id).query(Integer.class).single();

        // form: the page a department fills in, with the session and CSRF token of a browser
        Http page = Http.session(port, reporterName, ReportingFixture.PASSWORD);
        HttpResponse<String> form = page.postForm("/plans/zhuji-15th/reporting/form", Map.of("indicator", code,
                "year", String.valueOf(YEAR), "period", "Y", "value", String.valueOf(plausible(code) * 1.001),
                "reason", "核实", "explanation", "核实", "version", String.valueOf(draftVersion)));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(302);
        changed("form save");

        Http.ok(reporter.move(id, "submit", Map.of("explanation", "核实无误")));
        changed("submit");
        Http.ok(approver.move(id, "sign-off", Map.of()));
        changed("sign-off");
        Http.ok(admin.move(id, "return", Map.of("comment", "请补充口径说明")));
        changed("return");
        Http.ok(reporter.move(id, "submit", Map.of("explanation", "已补充口径")));
        Http.ok(approver.move(id, "sign-off", Map.of()));
        mark();
        Http.ok(admin.move(id, "approve", Map.of()));
        changed("approval");
        Map<String, Object> cockpitAfter = admin.getMap(COCKPIT);
        assertThat(((Map<String, Integer>) cockpitAfter.get("counts")).get("NO_DATA"))
                .as("the approved figure leaves 暂无数据 in the cockpit").isLessThan(noDataBefore);

        // revision of an approved figure (through the API, as a department would correct it)
        int figureVersion = jdbc.sql("SELECT version FROM figure WHERE id = ?").param(id).query(Integer.class).single();
        Http.ok(reporter.postJson(API + "/figures", Map.of("indicator", code, "year", YEAR, "period", "Y",
                "value", String.valueOf(plausible(code) * 1.002), "version", figureVersion, "reason", "统计局反馈后更正")));
        changed("revision of an approved figure");

        // bulk import by the plan office
        String city = jdbc.sql("SELECT code FROM org_unit o WHERE o.plan_id = ? AND o.unit_type = 'CITY'")
                .param(zhuji.id()).query(String.class).single();
        byte[] bulk = BulkFigureImportTest.workbook(List.<Object[]>of(
                new Object[] {code, city, YEAR - 1, "Y", plausible(code), "统计年鉴"}), null);
        HttpResponse<String> imported = admin.postMultipart(BulkFigureImportTest.URL, "file", "dv-bulk.xlsx",
                BulkFigureImportTest.XLSX, bulk);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        changed("bulk import");

        Http.ok(admin.postJson(API + "/indicators/" + code + "/status-override",
                Map.of("year", YEAR, "status", "SEVERELY_LAGGING", "reason", "规划办审定")));
        changed("status override");
        assertThat((List<String>) admin.getMap(COCKPIT).get("red")).contains(code);

        Http.ok(admin.putJson(API + "/indicators/" + code + "/annual-targets/" + YEAR, Map.of("value", plausible(code))));
        changed("annual target");
        Http.ok(admin.postJson(API + "/indicators/" + code + "/target-revisions",
                Map.of("value", String.valueOf(plausible(code) * 1.1), "reason", "中期调整", "approval", "诸人大〔2028〕1号",
                        "documentDate", "2026-11-10", "effectiveYear", String.valueOf(YEAR))));
        changed("target revision");

        // task progress and its approval
        String task = jdbc.sql("SELECT code FROM task WHERE plan_id = ? ORDER BY id").param(zhuji.id())
                .query(String.class).list().get(0);
        Map<String, Object> update = ReportingFixture.json(admin.postJson(API + "/tasks/" + task + "/updates",
                Map.of("year", YEAR, "period", "Q1", "percent", 10, "narrative", "已启动", "submit", true)));
        changed("task progress");
        Http.ok(admin.postJson(API + "/task-updates/" + update.get("id") + "/transition",
                Map.of("action", "SIGN_OFF", "version", update.get("version"))));
        Http.ok(admin.postJson(API + "/task-updates/" + update.get("id") + "/transition",
                Map.of("action", "APPROVE", "version", ((Number) update.get("version")).intValue() + 1)));
        changed("task approval");

        // project investment report and its approval
        String project = jdbc.sql("SELECT code FROM project WHERE plan_id = ? ORDER BY id").param(zhuji.id())
                .query(String.class).list().get(0);
        Map<String, Object> report = ReportingFixture.json(admin.postJson(API + "/projects/" + project + "/reports",
                Map.of("year", YEAR, "period", "M01", "amount", 1.0, "submit", true)));
        changed("project report");
        Http.ok(admin.postJson(API + "/project-reports/" + report.get("id") + "/transition",
                Map.of("action", "APPROVE", "version", report.get("version"))));
        changed("project report approval");

        // withdrawing and publishing: the portal follows at once
        String publicUrl = "/public/plans/zhuji-15th/indicators/" + code;
        Http.ok(admin.putJson(API + "/indicators/" + code + "/published", Map.of("published", false)));
        changed("withdrawing");
        assertThat(Http.anonymous(port).status(publicUrl)).isEqualTo(404);
        Http.ok(admin.putJson(API + "/indicators/" + code + "/published", Map.of("published", true)));
        changed("publishing");
        assertThat(Http.anonymous(port).status(publicUrl)).isEqualTo(200);

        assertThat(walked).hasSize(17);
    }

    /** Remembers the current data version and cockpit validator. */
    private void mark() {
        version = plans.dataVersion(zhuji.id());
        etag = Http.admin(port).get(COCKPIT).headers().firstValue("ETag").orElseThrow();
    }

    /** The version rose, the cockpit was recomputed for it, and the region roll-up refreshed the stored results. */
    private void changed(String path) {
        long now = plans.dataVersion(zhuji.id());
        assertThat(now).as("data version after " + path).isGreaterThan(version);
        HttpResponse<String> cockpit = Http.admin(port).get(COCKPIT);
        String newTag = cockpit.headers().firstValue("ETag").orElseThrow();
        assertThat(newTag).as("cockpit after " + path).isNotEqualTo(etag).contains("-" + now + "-");
        Http.ok(Http.admin(port).get("/api/v1/regions/" + zhuji.regionCode() + "/rollup?year=" + YEAR));
        assertThat(reassessment.fresh(zhuji.id(), YEAR)).as("region roll-up after " + path).isTrue();
        walked.add(path);
        version = now;
        etag = newTag;
    }

    /** A city-level indicator with no data in {@link #YEAR} (so an approval is visible), outside the worst-of row. */
    @SuppressWarnings("unchecked")
    private String noDataIndicator(Http admin) {
        Map<String, Object> plan = admin.getMap(API + "/assessment?year=" + YEAR);
        return ((List<Map<String, Object>>) plan.get("indicators")).stream()
                .filter(i -> "NO_DATA".equals(i.get("status")) && i.get("tableNumber") != null
                        && ((Number) i.get("tableNumber")).intValue() != 12
                        && List.of("GROWTH", "LEVEL", "CUMULATIVE").contains(String.valueOf(i.get("kind"))))
                .filter(i -> jdbc.sql("SELECT COUNT(*) FROM indicator WHERE code = ? AND base_value IS NOT NULL").param(i.get("code")).query(Long.class).single() > 0)
                .map(i -> (String) i.get("code")).findFirst().orElseThrow();
    }

    /** Last known value of the indicator (its base), so the validator sees no implausible jump. */
    private double plausible(String code) {
        return jdbc.sql("SELECT base_value FROM indicator WHERE code = ?").param(code).query(Double.class).single();
    }
}
