package cn.lantu.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.LantuApplication;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.PostgresSchemas;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Two application instances (two Spring contexts on random ports) on one PostgreSQL schema: a session made on A is
 * valid on B, a figure approved through A is visible through B's assessment API, and the scheduled reassessment
 * (firing every 2 s on both) runs once per slot across the two.
 */
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+",
        disabledReason = "PostgreSQL is not configured: set LANTU_TEST_PG_URL (and _USER, _PASSWORD); .ci/run does")
class TwoInstancesPostgresTest {

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static final String PW = "two-instances-pw-123";

    static ConfigurableApplicationContext start(String schema, String name) {
        return new SpringApplicationBuilder(LantuApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=" + PostgresSchemas.url(schema),
                "--spring.datasource.username=" + System.getenv("LANTU_TEST_PG_USER"),
                "--spring.datasource.password=" + (System.getenv("LANTU_TEST_PG_PASSWORD") == null ? ""
                        : System.getenv("LANTU_TEST_PG_PASSWORD")),
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema,
                "--lantu.data-dir=target/test-data-two-" + name,
                "--lantu.scale.reassess-cron=*/2 * * * * *",
                "--lantu.scale.slot-seconds=2",
                "--lantu.scale.reminder-cron=-",
                "--lantu.reporting.reminder-cron=-");
    }

    @BeforeAll
    static void startBoth() {
        String schema = PostgresSchemas.fresh();
        a = start(schema, "a");
        b = start(schema, "b");
    }

    @AfterAll
    static void stopBoth() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static int port(ConfigurableApplicationContext c) {
        return Integer.parseInt(c.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void sessionMadeOnAIsValidOnB() throws Exception {
        String user = "two" + Long.toString(System.nanoTime(), 36);
        a.getBean(UserService.class).createUser(user, "两实例", PW, Role.LEADER, null);
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(m.find()).isTrue();
        String form = "username=" + user + "&password=" + URLEncoder.encode(PW, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port(a) + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        // the same cookie jar on instance B: logged in, no redirect to the login page
        HttpResponse<String> onB = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port(b) + "/plans")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("诸暨");
        // a fresh client (no cookie) is sent to the login page by B
        HttpResponse<String> anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(b) + "/plans")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isIn(302, 401); // not served without the session
    }

    @Test
    @SuppressWarnings("unchecked")
    void figureApprovedThroughAIsVisibleThroughB() {
        String user = "twoadm" + Long.toString(System.nanoTime(), 36);
        a.getBean(UserService.class).createUser(user, "两实例管理员", PW, Role.ADMIN, null);
        JdbcClient jdbcA = a.getBean(JdbcClient.class);
        Map<String, Object> ind = jdbcA.sql("""
                SELECT i.id, i.code FROM indicator i JOIN plan p ON p.id = i.plan_id
                 WHERE p.code = 'zhuji-15th' AND i.kind = 'GROWTH' AND i.table_number IS NOT NULL ORDER BY i.code""")
                .query().listOfRows().get(0);
        long unit = jdbcA.sql("SELECT o.id FROM org_unit o JOIN plan p ON p.id = o.plan_id WHERE p.code = 'zhuji-15th' "
                + "AND o.unit_type = 'CITY'").query(Long.class).single();
        double value = 5.0 + (System.nanoTime() % 1000) / 1000.0;
        Timestamp at = Timestamp.from(Instant.now().minusSeconds(5));
        jdbcA.sql("""
                INSERT INTO figure (indicator_id, org_unit_id, report_year, period, num_value, estimate, state, demo, version,
                                    updated_by, updated_at) VALUES (?, ?, 2026, 'Y', ?, FALSE, 'APPROVED', FALSE, 1, ?, ?)""")
                .params(ind.get("id"), unit, value, user, at).update();
        long figureId = jdbcA.sql("SELECT id FROM figure WHERE indicator_id = ? AND report_year = 2026 AND period = 'Y' "
                + "AND demo = FALSE").param(ind.get("id")).query(Long.class).single();
        jdbcA.sql("""
                INSERT INTO figure_revision (figure_id, version, num_value, estimate, state, reason, changed_by, changed_at)
                VALUES (?, 1, ?, FALSE, 'APPROVED', 'two instances', ?, ?)""").params(figureId, value, user, at).update();

        Map<String, Object> result = Http.basic(port(b), user, PW).getMap("/api/v1/plans/zhuji-15th/assessment?year=2026");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) result.get("indicators");
        Map<String, Object> row = rows.stream().filter(r -> ind.get("code").equals(r.get("code"))).findFirst().orElseThrow();
        assertThat(((Number) row.get("latestValue")).doubleValue()).isEqualTo(value);
        assertThat(row.get("latestYear")).isEqualTo(2026);
    }

    @Test
    void scheduledReassessmentRunsOncePerSlot() throws Exception {
        Thread.sleep(7_000);
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        long runs = jdbc.sql("SELECT COUNT(*) FROM scheduled_run WHERE job_name = 'reassessment'").query(Long.class)
                .single();
        long executions = timerCount(a) + timerCount(b);
        assertThat(runs).isGreaterThanOrEqualTo(2);
        // every execution recorded its slot; no slot ran twice although both instances fire every 2 s
        assertThat(executions).isBetween(runs - 1, runs); // the last one may still be running
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT slot) FROM scheduled_run WHERE job_name = 'reassessment'")
                .query(Long.class).single()).isEqualTo(runs);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_result").query(Long.class).single()).isPositive();
    }

    static long timerCount(ConfigurableApplicationContext c) {
        var t = c.getBean(MeterRegistry.class).find("lantu.reassessment.duration").timer();
        return t == null ? 0 : t.count();
    }
}
