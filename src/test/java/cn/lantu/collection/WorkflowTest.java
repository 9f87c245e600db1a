package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/** Concurrency (optimistic locking), revision history with "as of" assessment, validation and the audit trail. */
@LantuTest
class WorkflowTest {

    static final int YEAR = 2026;
    static final String API = "/api/v1/plans/zhuji-15th";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService userService;

    Map<String, Object> entry(String code, Object value, Integer version, String reason) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("indicator", code, "year", YEAR, "period", "Y",
                "value", String.valueOf(value)));
        if (version != null) {
            m.put("version", version);
        }
        if (reason != null) {
            m.put("reason", reason);
        }
        return m;
    }

    @Test
    void twoParallelEditsOfTheSameFigureGiveOneSuccessAndOneConflict() throws Exception {
        ReportingFixture fx = new ReportingFixture(port, jdbc, userService);
        fx.openPeriod(YEAR, "Y");
        long unit = fx.leadOf("ZJT001");
        Http one = fx.as(fx.user("conc1", Role.REPORTER, unit));
        Http two = fx.as(fx.user("conc2", Role.REPORTER, unit));
        HttpResponse<String> created = one.postJson(API + "/figures", entry("ZJT001", 1500, null, null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        long id = ReportingFixture.figureId(created);
        int version = jdbc.sql("SELECT version FROM figure WHERE id = ?").param(id).query(Integer.class).single();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<HttpResponse<String>> a = pool.submit(() -> {
            start.await();
            return one.postJson(API + "/figures", entry("ZJT001", 1510, version, null));
        });
        Future<HttpResponse<String>> b = pool.submit(() -> {
            start.await();
            return two.postJson(API + "/figures", entry("ZJT001", 1520, version, null));
        });
        start.countDown();
        List<Integer> statuses = new ArrayList<>(List.of(a.get().statusCode(), b.get().statusCode()));
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> loser = statuses.get(0) == 409 ? a.get() : b.get();
        assertThat(loser.body()).contains("版本冲突");
        double stored = jdbc.sql("SELECT num_value FROM figure WHERE id = ?").param(id).query(Double.class).single();
        HttpResponse<String> winner = statuses.get(0) == 200 ? a.get() : b.get();
        assertThat(winner.body()).contains(String.valueOf(stored));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM figure_revision WHERE figure_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> assessed(String code, Instant asOf) {
        Map<String, Object> plan = Http.admin(port).getMap(API + "/assessment?year=" + YEAR
                + (asOf == null ? "" : "&asOf=" + asOf));
        return ((List<Map<String, Object>>) plan.get("indicators")).stream()
                .filter(i -> code.equals(i.get("code"))).findFirst().orElseThrow();
    }

    long approve(Http reporter, Http approver, String code, Object value, Integer version, String reason) {
        HttpResponse<String> saved = reporter.postJson(API + "/figures", entry(code, value, version, reason));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        long id = ReportingFixture.figureId(saved);
        assertThat(reporter.move(id, "submit", Map.of("explanation", "核实无误"))
                .statusCode()).isEqualTo(200);
        assertThat(approver.move(id, "sign-off", Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> ok = Http.admin(port).move(id, "approve", Map.of());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        return id;
    }

    @Test
    void changingAnApprovedFigureKeepsTheOldRevisionAndAsOfShowsTheOldStatus() throws Exception {
        ReportingFixture fx = new ReportingFixture(port, jdbc, userService);
        fx.openPeriod(YEAR, "Y");
        String code = "ZJ03";
        long unit = fx.leadOf(code);
        Http reporter = fx.as(fx.user("rev", Role.REPORTER, unit));
        Http approver = fx.as(fx.user("revapp", Role.APPROVER, unit));
        Map<String, Object> indicator = Http.admin(port).getList(API + "/indicators").stream()
                .filter(i -> code.equals(i.get("code"))).findFirst().orElseThrow();
        double base = ((Number) indicator.get("baseValue")).doubleValue();
        double target = ((Number) indicator.get("targetValue")).doubleValue();

        double good = Math.min(100, target);
        long id = approve(reporter, approver, code, good, null, null);
        Map<String, Object> first = assessed(code, null);
        assertThat(((Number) first.get("latestValue")).doubleValue()).isEqualTo(good);
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);

        double bad = Math.max(0, base - 2 * Math.abs(target - base) - 1);
        int version = jdbc.sql("SELECT version FROM figure WHERE id = ?").param(id).query(Integer.class).single();
        HttpResponse<String> noReason = reporter.postJson(API + "/figures", entry(code, bad, version, null));
        assertThat(noReason.statusCode()).isEqualTo(422);
        approve(reporter, approver, code, bad, version, "统计局年报修订");

        Map<String, Object> now = assessed(code, null);
        Map<String, Object> then = assessed(code, between);
        assertThat(((Number) now.get("latestValue")).doubleValue()).isEqualTo(bad);
        assertThat(((Number) then.get("latestValue")).doubleValue()).isEqualTo(good);
        assertThat(then.get("status")).isEqualTo(first.get("status")).isNotEqualTo(now.get("status"));
        List<Map<String, Object>> revisions = ReportingFixture.jsonList(reporter.get("/api/v1/figures/" + id + "/revisions"));
        assertThat(revisions).extracting(r -> r.get("state")).containsExactly("DRAFT", "SUBMITTED", "SIGNED_OFF",
                "APPROVED", "DRAFT", "SUBMITTED", "SIGNED_OFF", "APPROVED");
        assertThat(revisions.get(3).get("value")).isEqualTo(good);
        assertThat(revisions.get(4).get("reason")).isEqualTo("统计局年报修订");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE subject LIKE ? AND action = 'FIGURE_UPDATE'")
                .param("figure:" + id + " %").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void hardErrorsAreRefusedAndSoftWarningsNeedAnExplanation() {
        ReportingFixture fx = new ReportingFixture(port, jdbc, userService);
        fx.openPeriod(YEAR, "Y");
        long unit = fx.leadOf("ZJ09");
        Http reporter = fx.as(fx.user("val", Role.REPORTER, unit));
        HttpResponse<String> text = reporter.postJson(API + "/figures", entry("ZJ09", "abc", null, null));
        assertThat(text.statusCode()).isEqualTo(422);
        assertThat(text.body()).contains("不是数字");
        HttpResponse<String> share = reporter.postJson(API + "/figures", entry("ZJ09", 120, null, null));
        assertThat(share.statusCode()).isEqualTo(422);
        assertThat(share.body()).contains("0–100");
        long countUnit = fx.leadOf("ZJ08");
        Http r2 = fx.as(fx.user("val2", Role.REPORTER, countUnit));
        HttpResponse<String> negative = r2.postJson(API + "/figures", entry("ZJ08", -3, null, null));
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(negative.body()).contains("不能为负数");

        // a sharp change against the base year: saved as a draft with a warning, submit refused until explained
        Map<String, Object> indicator = Http.admin(port).getList(API + "/indicators").stream()
                .filter(i -> "ZJ09".equals(i.get("code"))).findFirst().orElseThrow();
        double base = ((Number) indicator.get("baseValue")).doubleValue();
        double sharp = Math.min(100, base * 1.8 + 10);
        HttpResponse<String> saved = reporter.postJson(API + "/figures", entry("ZJ09", sharp, null, null));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("变化较大");
        long id = ReportingFixture.figureId(saved);
        HttpResponse<String> refused = reporter.move(id, "submit", Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("须填写说明");
        assertThat(reporter.move(id, "submit", Map.of("explanation", "新增龙头企业投产"))
                .statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT explanation FROM figure WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("新增龙头企业投产");
    }

    @Test
    void failedLoginsAreAuditedAndTheAuditLogIsExportableButNotEditable() {
        String name = "ghost" + System.nanoTime();
        assertThat(Http.basic(port, name, "wrong-password-123").status(API + "/figures")).isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_FAILURE' AND actor = ?")
                .param(name).query(Long.class).single()).isEqualTo(1);
        HttpResponse<String> csv = Http.initialSession(port, "auditadmin").get("/admin/audit.csv?action=LOGIN_FAILURE");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(name).doesNotContain("FIGURE_CREATE");
        // no route edits or deletes an entry
        long id = jdbc.sql("SELECT MAX(id) FROM audit_log").query(Long.class).single();
        assertThat(Http.initialSession(port, "auditadmin").postJson("/admin/audit/" + id + "/delete", Map.of()).statusCode())
                .isIn(404, 405);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
    }
}
