package cn.lantu.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Browser;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * After login each role lands on its own work (我的工作). One department's reporter and approver work in the
 * period 2030 全年, opened here already past due (no other test reports it): one figure returned with a comment,
 * one submitted, one signed off, the others not yet entered; a task the department leads has an overdue and a
 * later milestone and two progress reports, one submitted and one signed off. The reporter sees its figures to
 * fill and returned (soonest due first, overdue marked) and the task deadlines; the approver its sign-off queue;
 * the plan office the overview with the signed-off figure and report; a leader the cockpit; a supervisor the
 * reports.
 */
@LantuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkLandingTest {

    static final String PLAN = "zhuji-15th";
    static final String API = "/api/v1/plans/" + PLAN;
    static final int YEAR = 2030;
    static final String PASSWORD = "landing-test-pass-1";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    long unit;
    String reporter;
    String approver;
    List<String> indicators;
    String returned;
    String submitted;
    String signedOff;
    String task;
    final String nonce = "n" + System.nanoTime() % 1_000_000;

    private String user(String prefix, Role role, Long unitId) {
        String name = prefix + "-" + nonce;
        users.createUser(name, "测试" + prefix, PASSWORD, role, unitId);
        return name;
    }

    private static Map<String, Object> json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.JSON.readValue(r.body(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
    }

    private long figure(Http who, String code) {
        double base = jdbc.sql("SELECT base_value FROM indicator WHERE code = ?").param(code).query(Double.class)
                .single();
        Map<String, Object> saved = json(who.postJson(API + "/figures", Map.of("indicator", code, "year", YEAR,
                "period", "Y", "value", String.valueOf(base))));
        @SuppressWarnings("unchecked")
        Map<String, Object> f = saved.containsKey("figure") ? (Map<String, Object>) saved.get("figure") : saved;
        long id = ((Number) f.get("id")).longValue();
        json(who.move(id, "submit", Map.of("explanation", "核实无误")));
        return id;
    }

    private long taskReport(Http who, String period) {
        return ((Number) json(who.postJson(API + "/tasks/" + task + "/updates", Map.of("year", YEAR, "period", period,
                "percent", 40, "narrative", "按计划推进", "submit", true))).get("id")).longValue();
    }

    private int version(String table, long id) {
        return jdbc.sql("SELECT version FROM " + table + " WHERE id = ?").param(id).query(Integer.class).single();
    }

    @BeforeAll
    void oneDepartmentsWork() {
        // a department that leads at least three numeric indicators with a base value
        unit = jdbc.sql("""
                SELECT r.org_unit_id FROM responsibility r JOIN indicator i ON i.id = r.indicator_id
                  JOIN plan p ON p.id = i.plan_id JOIN org_unit o ON o.id = r.org_unit_id
                 WHERE p.code = ? AND r.role = 'LEAD' AND o.unit_type = 'DEPARTMENT' AND i.base_value IS NOT NULL
                   AND i.kind NOT IN ('QUALITATIVE', 'RELATIONAL', 'ASSIGNED') AND i.base_value > 0
                 GROUP BY r.org_unit_id HAVING COUNT(*) >= 3 ORDER BY COUNT(*) DESC, r.org_unit_id""").param(PLAN)
                .query(Long.class).list().get(0);
        indicators = jdbc.sql("""
                SELECT i.code FROM responsibility r JOIN indicator i ON i.id = r.indicator_id
                 WHERE r.org_unit_id = ? AND r.role = 'LEAD' AND i.base_value > 0
                   AND i.kind NOT IN ('QUALITATIVE', 'RELATIONAL', 'ASSIGNED')
                 ORDER BY i.code""").param(unit).query(String.class).list();
        returned = indicators.get(0);
        submitted = indicators.get(1);
        signedOff = indicators.get(2);
        String unitCode = jdbc.sql("SELECT code FROM org_unit WHERE id = ?").param(unit).query(String.class).single();
        // the plan office adds a key task the department leads, with a milestone overdue and one to come
        Map<String, Object> links = Map.of("version", 0, "lead", unitCode, "milestones", List.of(
                Map.of("title", "节点逾期" + nonce, "dueOn", LocalDate.now().minusDays(30).toString()),
                Map.of("title", "节点将至" + nonce, "dueOn", LocalDate.now().plusDays(60).toString())));
        task = (String) json(Http.admin(port).postJson(API + "/tasks", Map.of("title", "落地页测试任务" + nonce,
                "body", "测试用重点任务", "links", links))).get("code");
        reporter = user("land-rep", Role.REPORTER, unit);
        approver = user("land-appr", Role.APPROVER, unit);

        // 2030 全年 open and already due a week ago
        Http.ok(Http.admin(port).postJson(API + "/reporting/periods", Map.of("year", YEAR, "period", "Y",
                "dueDate", LocalDate.now().minusDays(7).toString(), "open", true)));
        Http rep = Http.basic(port, reporter, PASSWORD);
        Http appr = Http.basic(port, approver, PASSWORD);
        long r = figure(rep, returned);
        json(appr.move(r, "return", Map.of("version", version("figure", r),
                "comment", "请核对口径" + nonce)));
        figure(rep, submitted);
        long s = figure(rep, signedOff);
        json(appr.move(s, "sign-off", Map.of("version", version("figure", s))));

        taskReport(rep, "Q1");
        long q2 = taskReport(rep, "Q2");
        json(appr.postJson(API + "/task-updates/" + q2 + "/transition", Map.of("action", "SIGN_OFF",
                "version", version("task_update", q2))));
    }

    @AfterAll
    void closeThePeriodAgain() {
        Http.ok(Http.admin(port).postJson(API + "/reporting/periods", Map.of("year", YEAR, "period", "Y",
                "dueDate", (YEAR + 1) + "-01-31", "open", false)));
        jdbc.sql("DELETE FROM task_milestone WHERE title LIKE ?").param("%" + nonce).update();
    }

    /** Logs in through the form and returns where the login sends the browser. */
    private String landing(String user, String password) {
        HttpResponse<String> login = Http.browser(port).tryLogin(user, password);
        assertThat(login.statusCode()).isEqualTo(302);
        return login.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void everyRoleLandsOnItsOwnPage() {
        assertThat(landing(reporter, PASSWORD)).endsWith("/work");
        assertThat(landing("admin", TestUsers.adminPassword())).endsWith("/work");
        String leader = user("land-lead", Role.LEADER, null);
        String supervisor = user("land-sup", Role.SUPERVISOR, null);
        assertThat(landing(leader, PASSWORD)).endsWith("/work");
        HttpResponse<String> cockpit = Http.session(port, leader, PASSWORD).get("/work", "Accept", "text/html");
        assertThat(cockpit.statusCode()).isEqualTo(302);
        assertThat(cockpit.headers().firstValue("Location").orElseThrow()).endsWith("/plans/" + PLAN + "/cockpit");
        HttpResponse<String> reports = Http.session(port, supervisor, PASSWORD).get("/work", "Accept", "text/html");
        assertThat(reports.headers().firstValue("Location").orElseThrow()).endsWith("/plans/" + PLAN + "/reports");
        assertThat(Http.basic(port, leader, PASSWORD).getMap("/api/v1/work").get("home"))
                .isEqualTo("/plans/" + PLAN + "/cockpit");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theApproverSeesItsQueueAndNotOtherUnits() {
        String page = Http.ok(Http.session(port, approver, PASSWORD).page("/work"));
        assertThat(page).contains("待本单位审核的数据", "data-code=\"" + submitted + "\"");
        Map<String, Object> work = Http.basic(port, approver, PASSWORD).getMap("/api/v1/work");
        List<Map<String, Object>> queue = (List<Map<String, Object>>) work.get("figuresToReview");
        assertThat(queue).extracting(f -> f.get("indicatorCode")).containsExactly(submitted);
        List<Map<String, Object>> reports = (List<Map<String, Object>>) work.get("taskReportsToReview");
        assertThat(reports).extracting(u -> u.get("taskCode") + " " + u.get("period")).containsExactly(task + " Q1");
        assertThat(work.get("overview")).isNull();

        // an approver of another department has none of it
        long other = jdbc.sql("SELECT id FROM org_unit WHERE unit_type = 'DEPARTMENT' AND id <> ? ORDER BY id")
                .param(unit).query(Long.class).list().get(0);
        Map<String, Object> theirs = Http.basic(port, user("land-other", Role.APPROVER, other), PASSWORD)
                .getMap("/api/v1/work");
        assertThat((List<Map<String, Object>>) theirs.get("figuresToReview"))
                .extracting(f -> f.get("indicatorCode")).doesNotContain(submitted);
    }

    @Test
    void theReporterLandsOnItsFiguresAndTaskDeadlines() throws Exception {
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login(reporter, PASSWORD);
            assertThat(b.driver().getCurrentUrl()).endsWith("/work");
            List<WebElement> rows = b.driver().findElements(By.cssSelector("#work-report tr[data-year='2030']"));
            assertThat(rows).extracting(r -> r.getAttribute("data-code")).contains(returned)
                    .doesNotContain(submitted, signedOff).hasSizeGreaterThanOrEqualTo(1);
            List<String> due = b.driver().findElements(By.cssSelector("#work-report tbody tr")).stream()
                    .map(r -> r.getAttribute("data-due")).toList();
            assertThat(due).as("soonest due first").isSortedAccordingTo(String::compareTo);
            WebElement ret = b.driver().findElement(By.cssSelector(
                    "#work-report tr[data-code='" + returned + "'][data-year='2030']"));
            assertThat(ret.getText()).contains("已逾期", "已退回", "请核对口径" + nonce);
            assertThat(ret.getAttribute("data-overdue")).isEqualTo("true");
            assertThat(b.driver().findElement(By.id("work-report")).getText()).contains("未填报");

            List<WebElement> deadlines = b.driver().findElements(By.cssSelector("#work-tasks tbody tr"));
            List<String> texts = deadlines.stream().map(WebElement::getText).toList();
            int late = indexOf(texts, "节点逾期" + nonce);
            int soon = indexOf(texts, "节点将至" + nonce);
            assertThat(late).as(String.join("\n", texts)).isGreaterThanOrEqualTo(0).isLessThan(soon);
            assertThat(texts.get(late)).contains("已逾期");
            assertThat(texts.get(soon)).doesNotContain("已逾期");
            assertThat(b.driver().findElement(By.id("nav-work")).getText()).isEqualTo("我的工作");
            b.screenshot("work-reporter");

            b.clickAndLoad(By.cssSelector("#work-report tr[data-code='" + returned + "'][data-year='2030'] a"));
            assertThat(b.driver().getCurrentUrl()).contains("/reporting/form", "indicator=" + returned);
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void thePlanOfficeLandsOnTheOverviewOfWhatWaitsForIt() throws Exception {
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.adminPassword());
            assertThat(b.driver().getCurrentUrl()).endsWith("/work");

            assertThat(b.driver().findElement(By.cssSelector("#work-queue tr[data-code='" + signedOff
                    + "'][data-year='2030']")).getText()).contains(indicatorName(signedOff), "处理");
            assertThat(b.driver().findElements(By.cssSelector("#work-queue tr[data-code='" + submitted
                    + "'][data-year='2030']")))
                    .as("a figure still in the department's review is not the office's yet").isEmpty();
            assertThat(b.driver().findElement(By.cssSelector("#work-task-queue tr[data-code='" + task + "']"))
                    .getText()).contains("40%");
            int overdue = Integer.parseInt(b.driver().findElement(By.cssSelector("#ov-overdue .display-6")).getText());
            assertThat(overdue).as("the department is late for 2030").isGreaterThanOrEqualTo(1);
            b.screenshot("work-admin");
        }
        Map<String, Object> overview = (Map<String, Object>) Http.admin(port).getMap("/api/v1/work").get("overview");
        assertThat(((Number) overview.get("figuresToApprove")).intValue()).isEqualTo(jdbc.sql(
                "SELECT COUNT(*) FROM figure WHERE state = 'SIGNED_OFF' AND demo = FALSE").query(Integer.class).single());
        assertThat(((Number) overview.get("figuresAwaitingSignOff")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(((List<Map<String, Object>>) overview.get("overdue")))
                .extracting(o -> ((Number) o.get("orgUnitId")).longValue()).contains(unit);
    }

    private String indicatorName(String code) {
        return jdbc.sql("SELECT name FROM indicator WHERE code = ?").param(code).query(String.class).single();
    }

    private static int indexOf(List<String> texts, String part) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
