package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;

/**
 * Only the plan office assigns responsibilities and publishes: every other role gets 403 on each write, in the
 * pages and the API, and nothing changes. The API mirrors the pages (validation by field, optimistic locking,
 * bulk confirmation), and an indicator withdrawn through it leaves the portal's counts and the public report.
 */
@LantuDemoTest
class ResponsibilitiesAndPublishingHttpTest {

    static final String PLAN = "zhuji-15th";
    static final String API = "/api/v1/plans/" + PLAN;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    @Test
    void nonAdminRolesAreRefusedEveryWrite() {
        ReportingFixture fx = new ReportingFixture(port, jdbc, users);
        long unit = fx.leadOf("ZJ02");
        long task = jdbc.sql("SELECT id FROM task WHERE active ORDER BY ordinal LIMIT 1").query(Long.class).single();
        String taskCode = jdbc.sql("SELECT code FROM task WHERE id = ?").param(task).query(String.class).single();
        long version = ((Number) ReportingFixture.json(Http.demoAdmin(port).postJson(API
                + "/reports/annual/versions?year=2027", Map.of())).get("id")).longValue();
        String before = snapshot();
        for (String user : List.of(fx.user("rep", Role.REPORTER, unit), fx.user("appr", Role.APPROVER, unit),
                fx.user("lead", Role.LEADER, null), fx.user("sup", Role.SUPERVISOR, null))) {
            Http page = Http.pageSession(port, user, ReportingFixture.PASSWORD);
            Http api = Http.basic(port, user, ReportingFixture.PASSWORD);
            assertThat(List.of(
                    page.postForm("/admin/responsibilities/task/" + task, Map.of("lead", String.valueOf(unit)))
                            .statusCode(),
                    page.postForm("/admin/responsibilities/confirm", Map.of("kind", "task", "scope", "shown"))
                            .statusCode(),
                    page.postForm("/plans/" + PLAN + "/publishing", Map.of("code", "ZJ02", "published", "false"))
                            .statusCode(),
                    page.postForm("/plans/" + PLAN + "/reports/versions/" + version + "/publish", Map.of())
                            .statusCode(),
                    api.putJson(API + "/responsibilities/task/" + taskCode, Map.of("lead", fx.unitCode(unit)))
                            .statusCode(),
                    api.postJson(API + "/responsibilities/task/confirm", Map.of("all", true)).statusCode(),
                    api.putJson(API + "/publishing", Map.of("codes", List.of("ZJ02"), "published", false))
                            .statusCode(),
                    api.postJson("/api/v1/reports/versions/" + version + "/publish", Map.of()).statusCode()))
                    .as(user).containsOnly(403);
        }
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
        assertThat(jdbc.sql("SELECT published FROM report_version WHERE id = ?").param(version).query(Boolean.class)
                .single()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiMirrorsThePage() {
        Http admin = Http.demoAdmin(port);
        Map<String, Object> item = ReportingFixture.jsonList(admin.get(API + "/responsibilities/task")).get(3);
        String code = (String) item.get("code");
        String lead = (String) ((Map<String, Object>) item.get("lead")).get("unitCode");
        String other = jdbc.sql("SELECT code FROM org_unit WHERE unit_type = 'DEPARTMENT' AND code <> ? "
                + "ORDER BY ordinal DESC LIMIT 1").param(lead).query(String.class).single();
        String path = API + "/responsibilities/task/" + code;

        HttpResponse<String> noLead = admin.putJson(path, Map.of("cooperating", List.of(other),
                "version", item.get("version")));
        assertThat(noLead.statusCode()).isEqualTo(422);
        assertThat(noLead.body()).contains("\"lead\"", "有且只有一个牵头单位");
        HttpResponse<String> twice = admin.putJson(path, Map.of("lead", lead, "cooperating", List.of(lead),
                "version", item.get("version")));
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("\"cooperating\"");

        Map<String, Object> saved = ReportingFixture.json(admin.putJson(path, Map.of("lead", lead,
                "cooperating", List.of(other), "version", item.get("version"))));
        assertThat((List<Map<String, Object>>) saved.get("cooperating")).extracting(p -> p.get("unitCode"))
                .containsExactly(other);
        assertThat(saved.get("pending")).isEqualTo(false);
        HttpResponse<String> stale = admin.putJson(path, Map.of("lead", lead, "version", item.get("version")));
        assertThat(stale.statusCode()).as("a change from an old read is refused").isEqualTo(422);
        assertThat(stale.body()).contains("\"version\"");
        assertThat(ReportingFixture.jsonList(admin.get(API + "/responsibilities/task?unit=" + other)))
                .extracting(i -> i.get("code")).contains(code);

        List<Map<String, Object>> pending = ReportingFixture.jsonList(admin.get(API
                + "/responsibilities/indicator?pending=true"));
        String first = (String) pending.get(pending.size() - 1).get("code");
        HttpResponse<String> confirmed = admin.postJson(API + "/responsibilities/indicator/confirm",
                Map.of("codes", List.of(first)));
        assertThat(ReportingFixture.json(confirmed).get("confirmed")).as(confirmed.body()).isEqualTo(List.of(first));
        assertThat(ReportingFixture.jsonList(admin.get(API + "/responsibilities/indicator?pending=true")))
                .extracting(i -> i.get("code")).doesNotContain(first).hasSize(pending.size() - 1);
    }

    @Test
    void anIndicatorWithdrawnInBulkLeavesThePortalCountsAndThePublicReport() {
        Http admin = Http.demoAdmin(port);
        Http anonymous = Http.anonymous(port);
        String code = "ZJ05";
        String name = jdbc.sql("SELECT name FROM indicator WHERE code = ?").param(code).query(String.class).single();
        long version = ((Number) ReportingFixture.json(admin.postJson(API + "/reports/annual/versions?year=2027",
                Map.of())).get("id")).longValue();
        Http.ok(admin.postJson("/api/v1/reports/versions/" + version + "/publish", Map.of()));
        String report = "/api/v1/public/reports/" + version + "?format=html";
        assertThat(Http.ok(anonymous.get(report))).contains(name);
        String portal = Http.ok(anonymous.page("/public/plans/" + PLAN));
        assertThat(portal).contains(name);

        assertThat(admin.putJson(API + "/publishing", Map.of("codes", List.of(), "published", false)).statusCode())
                .isEqualTo(422);
        assertThat(admin.putJson(API + "/publishing", Map.of("codes", List.of(code, "NO-SUCH"), "published", false))
                .statusCode()).as("all or none").isEqualTo(422);
        assertThat(Http.ok(anonymous.page("/public/plans/" + PLAN))).contains(name);
        try {
            assertThat(Http.ok(admin.putJson(API + "/publishing", Map.of("codes", List.of(code),
                    "published", false)))).contains(name);
            String after = Http.ok(anonymous.page("/public/plans/" + PLAN));
            assertThat(after).doesNotContain(name);
            assertThat(counts(after)).as("the portal's counts no longer include it").isNotEqualTo(counts(portal));
            assertThat(Http.ok(anonymous.get(report))).doesNotContain(name);
            assertThat(Http.ok(admin.get("/api/v1/reports/versions/" + version + "/public-preview?format=html")))
                    .doesNotContain(name);
        } finally {
            Http.ok(admin.putJson(API + "/publishing", Map.of("codes", List.of(code), "published", true)));
        }
    }

    private String snapshot() {
        return jdbc.sql("SELECT COUNT(*) || '/' || SUM(CASE WHEN is_default THEN 1 ELSE 0 END) FROM task_org")
                .query(String.class).single() + " " + jdbc.sql("SELECT COUNT(*) FROM indicator WHERE published")
                .query(Long.class).single() + " " + jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action IN "
                + "('RESPONSIBILITY_UPDATE','RESPONSIBILITY_CONFIRM','INDICATOR_WITHDRAW','REPORT_PUBLISH')")
                .query(Long.class).single();
    }

    private static String counts(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)项").matcher(html);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(m.group(1)).append(',');
        }
        return sb.toString();
    }
}
