package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The authorisation table: each role's allowed and forbidden actions, walked in order at the HTTP level.
 * Dept A leads the indicator; dept B does not. The same table is in docs/ARCHITECTURE.md ("Data collection").
 */
@LantuTest
class AuthorisationTableTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService userService;

    /** One row: who does what, and the HTTP status the server must answer. */
    record Step(String who, String action, String method, String path, Object body, int expected) {}

    static final String INDICATOR = "ZJ02";
    static final int YEAR = 2026;

    static List<Step> table(String f) {
        String p = "/api/v1/plans/zhuji-15th";
        Map<String, Object> draft = new LinkedHashMap<>(Map.of("indicator", INDICATOR, "year", YEAR, "period", "Y",
                "value", "6.1", "note", "测试", "source", "统计局快报"));
        return List.of(
                new Step("anonymous", "landing page", "GET", "/", null, 200),
                new Step("anonymous", "login page", "GET", "/login", null, 200),
                new Step("anonymous", "list figures", "GET", p + "/figures", null, 401),
                new Step("anonymous", "reporting page", "GET", "/plans/zhuji-15th/reporting", null, 401),
                new Step("anonymous", "audit log", "GET", "/admin/audit", null, 401),
                new Step("reporterA", "save own draft", "POST", p + "/figures", draft, 200),
                new Step("reporterA", "read own draft", "GET", "/api/v1/figures/" + f, null, 200),
                new Step("approverA", "read own unit's draft", "GET", "/api/v1/figures/" + f, null, 200),
                new Step("reporterB", "read dept A's draft", "GET", "/api/v1/figures/" + f, null, 403),
                new Step("reporterB", "read dept A's revisions", "GET", "/api/v1/figures/" + f + "/revisions", null, 403),
                new Step("reporterB", "change dept A's draft", "POST", p + "/figures", draft, 403),
                new Step("reporterB", "submit dept A's draft", "POST", "/api/v1/figures/" + f + "/submit", Map.of(), 403),
                new Step("leader", "read any draft", "GET", "/api/v1/figures/" + f, null, 200),
                new Step("leader", "change a draft", "POST", p + "/figures", draft, 403),
                new Step("supervisor", "read an unapproved draft", "GET", "/api/v1/figures/" + f, null, 403),
                new Step("approverA", "change the draft", "POST", p + "/figures", draft, 403),
                new Step("reporterA", "approve", "POST", "/api/v1/figures/" + f + "/approve", Map.of(), 403),
                new Step("reporterA", "sign off", "POST", "/api/v1/figures/" + f + "/sign-off", Map.of(), 403),
                new Step("reporterA", "submit own draft", "POST", "/api/v1/figures/" + f + "/submit",
                        Map.of("explanation", "测试说明"), 200),
                new Step("reporterA", "change while submitted", "POST", p + "/figures",
                        Map.of("indicator", INDICATOR, "year", YEAR, "period", "Y", "value", "7"), 409),
                new Step("reporterA", "sign off own submission", "POST", "/api/v1/figures/" + f + "/sign-off", Map.of(), 403),
                new Step("approverB", "sign off dept A's submission", "POST", "/api/v1/figures/" + f + "/sign-off", Map.of(), 403),
                new Step("approverA", "approve (not sign off)", "POST", "/api/v1/figures/" + f + "/approve", Map.of(), 403),
                new Step("approverA", "sign off own unit", "POST", "/api/v1/figures/" + f + "/sign-off", Map.of(), 200),
                new Step("approverB", "approve", "POST", "/api/v1/figures/" + f + "/approve", Map.of(), 403),
                new Step("leader", "approve", "POST", "/api/v1/figures/" + f + "/approve", Map.of(), 403),
                new Step("supervisor", "approve", "POST", "/api/v1/figures/" + f + "/approve", Map.of(), 403),
                new Step("sysadmin", "approve", "POST", "/api/v1/figures/" + f + "/approve", Map.of(), 403),
                new Step("secadmin", "approve", "POST", "/api/v1/figures/" + f + "/approve", Map.of(), 403),
                new Step("auditadmin", "approve", "POST", "/api/v1/figures/" + f + "/approve", Map.of(), 403),
                new Step("admin", "approve", "POST", "/api/v1/figures/" + f + "/approve", Map.of(), 200),
                new Step("supervisor", "read approved figure", "GET", "/api/v1/figures/" + f, null, 200),
                new Step("supervisor", "read the assessment", "GET", p + "/assessment?year=" + YEAR, null, 200),
                new Step("reporterB", "read approved figure of dept A", "GET", "/api/v1/figures/" + f, null, 403),
                new Step("reporterA", "download own template", "GET",
                        p + "/reporting/template.xlsx?year=" + YEAR, null, 200),
                new Step("reporterA", "download dept B's template", "GET",
                        p + "/reporting/template.xlsx?year=" + YEAR + "&unit={B}", null, 403),
                new Step("supervisor", "download a template", "GET", p + "/reporting/template.xlsx?year=" + YEAR, null, 403),
                new Step("reporterA", "open a period", "POST", p + "/reporting/periods",
                        Map.of("year", YEAR, "period", "Y", "dueDate", "2027-01-31", "open", true), 403),
                new Step("reporterA", "manage users", "GET", "/admin/users", null, 403),
                new Step("leader", "read the audit log", "GET", "/admin/audit", null, 403),
                new Step("reporterA", "edit responsibilities", "GET", "/admin/responsibilities", null, 403),
                new Step("admin", "manage users", "GET", "/admin/users", null, 403),
                new Step("admin", "manage org units", "GET", "/admin/org-units", null, 403),
                new Step("admin", "grant roles", "GET", "/admin/security", null, 403),
                new Step("admin", "edit responsibilities", "GET", "/admin/responsibilities", null, 200),
                new Step("admin", "read the audit log", "GET", "/admin/audit", null, 403),
                new Step("admin", "export the audit log", "GET", "/admin/audit.csv", null, 403),
                new Step("sysadmin", "manage users", "GET", "/admin/users", null, 200),
                new Step("sysadmin", "manage org units", "GET", "/admin/org-units", null, 200),
                new Step("sysadmin", "grant roles", "GET", "/admin/security", null, 403),
                new Step("sysadmin", "edit responsibilities", "GET", "/admin/responsibilities", null, 403),
                new Step("sysadmin", "read the audit log", "GET", "/admin/audit", null, 403),
                new Step("secadmin", "grant roles", "GET", "/admin/security", null, 200),
                new Step("secadmin", "list accounts by API", "GET", "/api/v1/admin/security/accounts", null, 200),
                new Step("secadmin", "manage users", "GET", "/admin/users", null, 403),
                new Step("secadmin", "read the audit log", "GET", "/admin/audit", null, 403),
                new Step("auditadmin", "read the audit log", "GET", "/admin/audit", null, 200),
                new Step("auditadmin", "verify the audit log", "GET", "/admin/audit/verify", null, 200),
                new Step("auditadmin", "export the audit log", "GET", "/admin/audit.csv", null, 200),
                new Step("auditadmin", "manage users", "GET", "/admin/users", null, 403),
                new Step("auditadmin", "grant roles", "GET", "/admin/security", null, 403),
                new Step("auditadmin", "open a period", "POST", p + "/reporting/periods",
                        Map.of("year", YEAR, "period", "Y", "dueDate", "2027-01-31", "open", true), 403));
    }

    /** A workflow move of a figure: sent with the version the client read first. */
    static final java.util.regex.Pattern MOVE = java.util.regex.Pattern.compile(
            "/api/v1/figures/(\\d+)/(submit|sign-off|approve|return)");

    /** The table as walked, for docs/security.md: {@code target/authorisation-matrix.md}. */
    static void writeMatrix(List<String> rows) {
        StringBuilder md = new StringBuilder("| who | action | request | answer |\n| --- | --- | --- | --- |\n");
        rows.forEach(r -> md.append("| ").append(r.replace("|", " | ")).append(" |\n"));
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/authorisation-matrix.md"), md);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyRoleCanDoExactlyWhatTheTableAllows() {
        ReportingFixture fx = new ReportingFixture(port, jdbc, userService);
        fx.openPeriod(YEAR, "Y");
        long unitA = fx.leadOf(INDICATOR);
        long unitB = fx.leadOf("ZJ22");
        assertThat(unitB).isNotEqualTo(unitA);
        Map<String, Http> who = new LinkedHashMap<>();
        who.put("anonymous", Http.anonymous(port));
        who.put("admin", Http.adminHybrid(port));
        for (String administrator : List.of("sysadmin", "secadmin", "auditadmin")) {
            who.put(administrator, Http.hybrid(port, administrator, cn.lantu.support.TestUsers.initialPassword(administrator)));
        }
        who.put("reporterA", fx.as(fx.user("repA", Role.REPORTER, unitA)));
        who.put("approverA", fx.as(fx.user("appA", Role.APPROVER, unitA)));
        who.put("reporterB", fx.as(fx.user("repB", Role.REPORTER, unitB)));
        who.put("approverB", fx.as(fx.user("appB", Role.APPROVER, unitB)));
        who.put("leader", fx.as(fx.user("lead", Role.LEADER, null)));
        who.put("supervisor", fx.as(fx.user("sup", Role.SUPERVISOR, null)));

        // the figure id is known once reporter A has saved it; the first rows do not need it
        String figure = "0";
        List<String> failures = new ArrayList<>();
        List<String> matrix = new ArrayList<>();
        for (Step template : table("{F}")) {
            String path = template.path().replace("{F}", figure).replace("{B}", fx.unitCode(unitB));
            java.util.regex.Matcher move = MOVE.matcher(path);
            HttpResponse<String> r = template.method().equals("GET") ? who.get(template.who()).get(path)
                    : move.matches() ? who.get(template.who()).move(Long.parseLong(move.group(1)), move.group(2),
                            (Map<String, ?>) template.body())
                    : who.get(template.who()).postJson(path, template.body());
            matrix.add(template.who() + "|" + template.action() + "|" + template.method() + " "
                    + template.path().replace("{F}", "{id}") + "|" + r.statusCode());
            if (r.statusCode() != template.expected()) {
                failures.add(template.who() + " / " + template.action() + ": expected " + template.expected()
                        + " got " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
            if (template.action().equals("save own draft") && r.statusCode() == 200) {
                figure = String.valueOf(ReportingFixture.figureId(r));
            }
        }
        assertThat(failures).isEmpty();
        writeMatrix(matrix);
        // reporter B's list never contains dept A's figure, the leader's does
        long id = Long.parseLong(figure);
        assertThat(ReportingFixture.jsonList(who.get("reporterB").get("/api/v1/plans/zhuji-15th/figures?year=" + YEAR)))
                .noneMatch(m -> ((Number) m.get("id")).longValue() == id);
        assertThat(ReportingFixture.jsonList(who.get("leader").get("/api/v1/plans/zhuji-15th/figures?year=" + YEAR)))
                .anyMatch(m -> ((Number) m.get("id")).longValue() == id);
        // every state change wrote a revision row with the new state
        assertThat(jdbc.sql("SELECT state FROM figure_revision WHERE figure_id = ? ORDER BY version").param(id)
                .query(String.class).list()).containsExactly("DRAFT", "SUBMITTED", "SIGNED_OFF", "APPROVED");
    }
}
