package cn.lantu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;

/**
 * Yearly plan targets are judged 完成/未完成; a revised target, once a second plan officer approved it, is used from its
 * effective year and said to be used, earlier years and the original target kept.
 */
@LantuDemoTest
class TargetsTest {

    static final String PASSWORD = "revision-test-pass-7";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @SuppressWarnings("unchecked")
    @Test
    void anAnnualTargetIsJudgedBesideTheFiveYearSchedule() {
        Map<String, Object> before = row("ZJ03", 2027);
        double value = ((Number) before.get("latestValue")).doubleValue();
        Map<String, Object> met = Http.JSON.readValue(Http.ok(Http.demoAdmin(port).putJson(
                "/api/v1/plans/zhuji-15th/indicators/ZJ03/annual-targets/2027", Map.of("value", value - 0.5))), Map.class);
        assertThat(met.get("annualTargetMet")).isEqualTo(true);
        Map<String, Object> missed = Http.JSON.readValue(Http.ok(Http.demoAdmin(port).putJson(
                "/api/v1/plans/zhuji-15th/indicators/ZJ03/annual-targets/2027", Map.of("value", value + 0.5))), Map.class);
        assertThat(missed.get("annualTargetMet")).isEqualTo(false);
        assertThat(missed.get("status")).as("the five-year schedule status does not depend on the yearly target")
                .isEqualTo(before.get("status"));
    }

    /**
     * A revision proposed by one plan officer applies only once a second one approves it, and only from its effective
     * year: 2027 keeps the original target and its progress, 2028 is judged against the revised one.
     */
    @SuppressWarnings("unchecked")
    @Test
    void aRevisedTargetAppliesFromItsEffectiveYearAfterASecondOfficerApproves() {
        String api = "/api/v1/plans/zhuji-15th";
        Map<String, Object> original2027 = row("ZJ09", 2027);
        Map<String, Object> original2028 = row("ZJ09", 2028);
        assertThat(original2028.get("targetUsed")).isEqualTo("ORIGINAL");
        Http a = Http.demoAdmin(port);

        var future = a.postJson(api + "/indicators/ZJ09/target-revisions", Map.of("value", "12", "reason", "中期评估后上调",
                "approval", "诸人大常〔2028〕5号", "documentDate", LocalDate.now().plusDays(2).toString(),
                "effectiveYear", "2035"));
        assertThat(future.statusCode()).isEqualTo(422);
        Map<String, Object> errors = (Map<String, Object>) Http.JSON.readValue(future.body(), Map.class).get("errors");
        assertThat(errors).containsEntry("documentDate", "批准日期不能晚于今天").containsKey("effectiveYear");

        List<Map<String, Object>> revisions = Http.JSON.readValue(Http.ok(a.postJson(api + "/indicators/ZJ09/target-revisions",
                Map.of("value", "12", "reason", "中期评估后上调目标", "approval", "诸人大常〔2028〕5号",
                        "documentDate", "2026-11-20", "effectiveYear", "2028"))), List.class);
        Map<String, Object> proposed = revisions.get(0);
        assertThat(proposed.get("state")).isEqualTo("PENDING");
        assertThat(row("ZJ09", 2028).get("targetUsed")).as("a pending revision changes nothing").isEqualTo("ORIGINAL");

        String id = String.valueOf(proposed.get("id"));
        var own = a.postJson(api + "/target-revisions/" + id + "/approve", Map.of("version", proposed.get("lockVersion")));
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("不能审核自己提出的目标调整");

        String second = "planner-b-" + System.nanoTime() % 1_000_000;
        users.createUser(second, "规划办乙", PASSWORD, Role.ADMIN, null);
        Map<String, Object> approved = Http.JSON.readValue(Http.ok(Http.basic(port, second, PASSWORD).postJson(
                api + "/target-revisions/" + id + "/approve", Map.of("version", proposed.get("lockVersion"),
                        "comment", "同意"))), Map.class);
        assertThat(approved.get("state")).isEqualTo("APPROVED");
        assertThat(approved.get("decidedBy")).isEqualTo(second);
        assertThat(Http.basic(port, second, PASSWORD).postJson(api + "/target-revisions/" + id + "/reject",
                Map.of("version", proposed.get("lockVersion"), "comment", "再议")).statusCode())
                .as("a decided revision cannot be decided again").isEqualTo(409);

        Map<String, Object> revised2027 = row("ZJ09", 2027);
        assertThat(revised2027.get("targetUsed")).as("2027 is before the effective year").isEqualTo("ORIGINAL");
        assertThat(revised2027.get("progress")).isEqualTo(original2027.get("progress"));
        assertThat(revised2027.get("status")).isEqualTo(original2027.get("status"));
        Map<String, Object> change = (Map<String, Object>) revised2027.get("targetChange");
        assertThat(change.get("revised")).isEqualTo(12.0);
        assertThat(change.get("original")).isEqualTo(8.0);
        assertThat(change.get("appliesThisYear")).isEqualTo(false);

        Map<String, Object> revised2028 = row("ZJ09", 2028);
        assertThat(revised2028.get("targetUsed")).isEqualTo("REVISED");
        assertThat(((Number) revised2028.get("progress")).doubleValue())
                .isLessThan(((Number) original2028.get("progress")).doubleValue());
        Map<String, Object> indicator = a.getMap(api + "/indicators/ZJ09");
        assertThat(((Number) indicator.get("targetValue")).doubleValue()).as("the original target stays").isEqualTo(8.0);

        // a second proposal rejected: a comment is required, and the target stays as approved before
        Map<String, Object> next = ((List<Map<String, Object>>) Http.JSON.readValue(Http.ok(a.postJson(
                api + "/indicators/ZJ09/target-revisions", Map.of("value", "15", "reason", "再次上调",
                        "approval", "诸发改〔2026〕3号", "documentDate", "2026-11-25", "effectiveYear", "2029"))),
                List.class)).get(0);
        Http b = Http.basic(port, second, PASSWORD);
        String nextId = String.valueOf(next.get("id"));
        var noComment = b.postJson(api + "/target-revisions/" + nextId + "/reject", Map.of("version", next.get("lockVersion")));
        assertThat(noComment.statusCode()).isEqualTo(422);
        assertThat(noComment.body()).contains("退回时请填写意见");
        Map<String, Object> rejected = Http.JSON.readValue(Http.ok(b.postJson(api + "/target-revisions/" + nextId
                + "/reject", Map.of("version", next.get("lockVersion"), "comment", "依据不足"))), Map.class);
        assertThat(rejected.get("state")).isEqualTo("REJECTED");
        assertThat(((Map<String, Object>) row("ZJ09", 2028).get("targetChange")).get("revised")).isEqualTo(12.0);
        assertThat(a.getList(api + "/target-revisions?state=REJECTED")).extracting(r -> r.get("comment"))
                .contains("依据不足");

        String report = Http.ok(Http.demoAdminHybrid(port).get(api + "/reports/annual?year=2028&format=html"));
        assertThat(report).as("the report names the revision beside the original").contains("原目标 8 → 调整后 12（自2028年起")
                .contains("（调整后 12）");

        long indicatorId = jdbc.sql("SELECT id FROM indicator WHERE code = 'ZJ09'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE subject = ? AND action LIKE 'REVISION_%' ORDER BY id")
                .param("indicator:" + indicatorId).query(String.class).list())
                .containsSubsequence("REVISION_PROPOSE", "REVISION_APPROVE");
        assertThat(Http.anonymous(port).postJson(api + "/indicators/ZJ09/target-revisions",
                Map.of("value", "1", "reason", "x", "approval", "y")).statusCode()).as("CSRF or login refuses it").isIn(401, 403);
    }

    /** The API mirror of the override: a reason required, a stale version refused, withdrawal kept in the history. */
    @SuppressWarnings("unchecked")
    @Test
    void anOverrideIsWithdrawnThroughTheApiAndBothStayInTheHistory() {
        String api = "/api/v1/plans/zhuji-15th/indicators/ZJ10";
        Http a = Http.demoAdmin(port);
        Object computed = row("ZJ10", 2028).get("status");
        var noReason = a.postJson(api + "/status-override", Map.of("year", 2028, "status", "SEVERELY_LAGGING", "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("请填写人工校核的理由");
        Map<String, Object> overridden = Http.JSON.readValue(Http.ok(a.postJson(api + "/status-override",
                Map.of("year", 2028, "status", "SEVERELY_LAGGING", "reason", "规划办审定", "version", 0))), Map.class);
        assertThat(overridden.get("status")).isEqualTo("SEVERELY_LAGGING");
        assertThat(overridden.get("computedStatus")).isEqualTo(computed);
        assertThat(overridden.get("overrideReason")).isEqualTo("规划办审定");
        assertThat(Http.ok(Http.demoAdminHybrid(port).get("/api/v1/plans/zhuji-15th/reports/annual?year=2028&format=html")))
                .contains("人工校核：", "测算结论：", "规划办审定");

        List<Map<String, Object>> history = a.getList(api + "/status-overrides");
        long version = ((Number) history.get(0).get("id")).longValue();
        assertThat(a.postJson(api + "/status-override/withdraw", Map.of("year", 2028, "version", version - 1,
                "reason", "误操作")).statusCode()).as("a stale version").isEqualTo(409);
        Map<String, Object> withdrawn = Http.JSON.readValue(Http.ok(a.postJson(api + "/status-override/withdraw",
                Map.of("year", 2028, "version", version, "reason", "统计局复核后恢复"))), Map.class);
        assertThat(withdrawn.get("status")).isEqualTo(computed);
        assertThat(withdrawn.get("overrideReason")).isNull();
        assertThat(a.getList(api + "/status-overrides")).extracting(e -> e.get("action"))
                .startsWith("WITHDRAW", "OVERRIDE");
        assertThat(Http.basic(port, "nobody", "x").postJson(api + "/status-override/withdraw", Map.of()).statusCode())
                .isEqualTo(401);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> row(String code, int year) {
        Map<String, Object> result = Http.demoAdmin(port).getMap("/api/v1/plans/zhuji-15th/assessment?year=" + year);
        return ((List<Map<String, Object>>) result.get("indicators")).stream()
                .filter(r -> code.equals(r.get("code"))).findFirst().orElseThrow();
    }
}
