package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.PostgresSchemas;

/**
 * The reporting endpoints over HTTP on a real PostgreSQL server (a whole application on a fresh schema): list
 * endpoints without their optional parameters (PostgreSQL cannot type a bare {@code :year IS NULL}, so the figure
 * list and the approvers' reporting page answered 500), and inputs that only PostgreSQL refuses (NUL bytes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+",
        disabledReason = "PostgreSQL is not configured: set LANTU_TEST_PG_URL (and _USER, _PASSWORD); .ci/run does")
class ReportingPostgresTest {

    static final String PLAN = "/plans/zhuji-15th";
    static final String API = "/api/v1/plans/zhuji-15th";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String schema = PostgresSchemas.fresh();
        registry.add("spring.datasource.url", () -> PostgresSchemas.url(schema));
        registry.add("spring.datasource.username", () -> System.getenv("LANTU_TEST_PG_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("LANTU_TEST_PG_PASSWORD") == null ? ""
                : System.getenv("LANTU_TEST_PG_PASSWORD"));
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
        // its own data folder: the shared H2 context's administrator password file must not be overwritten
        registry.add("lantu.data-dir", () -> "target/test-data-pg-reporting");
        registry.add("lantu.reporting.reminder-cron", () -> "-");
        registry.add("lantu.scale.reminder-cron", () -> "-");
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    ReportingFixture fx;
    String admin;
    String approver;
    String reporter;
    String leader;
    long unit;

    @BeforeEach
    void setUp() {
        fx = new ReportingFixture(port, jdbc, users);
        admin = fx.user("pgadm", Role.ADMIN, null);
        unit = fx.leadOf("ZJ13");
        approver = fx.user("pgapp", Role.APPROVER, unit);
        reporter = fx.user("pgrep", Role.REPORTER, unit);
        leader = fx.user("pglead", Role.LEADER, null);
        Http.ok(fx.as(admin).postJson(API + "/reporting/periods",
                Map.of("year", 2026, "period", "Y", "dueDate", "2027-01-31", "open", true)));
        if (jdbc.sql("SELECT COUNT(*) FROM figure").query(Long.class).single() == 0) {
            // one submitted figure, so that the lists and the approver's queue have a row to show
            HttpResponse<String> saved = fx.as(reporter).postJson(API + "/figures",
                    Map.of("indicator", "ZJ13", "year", 2026, "period", "Y", "value", "66.5"));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            long id = ReportingFixture.figureId(saved);
            Http.ok(fx.as(reporter).move(id, "submit", Map.of("version", 1, "explanation", "核实")));
        }
    }

    @Test
    void figureListsAnswerWithoutTheirOptionalParameters() {
        for (String who : List.of(admin, approver, reporter, leader)) {
            for (String query : List.of("", "?year=2026", "?period=Y", "?year=2026&period=Y")) {
                HttpResponse<String> r = fx.as(who).get(API + "/figures" + query);
                assertThat(r.statusCode()).as(who + " " + query + ": " + r.body()).isEqualTo(200);
            }
        }
        List<Map<String, Object>> all = ReportingFixture.jsonList(fx.as(admin).get(API + "/figures"));
        assertThat(all).anyMatch(f -> "ZJ13".equals(f.get("indicatorCode")));
        assertThat(ReportingFixture.jsonList(fx.as(admin).get(API + "/figures?year=2025"))).isEmpty();
    }

    @Test
    void theReportingPageOfApproversAndThePlanOfficeAnswers() {
        for (String who : List.of(approver, admin, reporter, leader)) {
            Http page = Http.session(port, who, ReportingFixture.PASSWORD);
            HttpResponse<String> r = page.page(PLAN + "/reporting");
            assertThat(r.statusCode()).as(who + ": " + r.body()).isEqualTo(200);
        }
        assertThat(Http.session(port, approver, ReportingFixture.PASSWORD).page(PLAN + "/reporting").body())
                .as("the submitted figure waits in the approver's queue").contains("ZJ13");
    }

    @Test
    void aSampleOfOtherListsAnswersWithoutOptionalParameters() {
        List<String> api = List.of("/api/v1/plans", API + "/indicators", API + "/assessment", API + "/feasibility",
                API + "/reporting/periods", API + "/reporting/overdue", API + "/org-units", API + "/tasks",
                API + "/projects", API + "/projects/list", API + "/reforms", API + "/cockpit",
                "/api/v1/notifications", API + "/indicators/ZJ01/towns?year=2026");
        List<String> failures = new ArrayList<>();
        for (String path : api) {
            HttpResponse<String> r = fx.as(admin).get(path);
            if (r.statusCode() != 200) {
                failures.add(path + " → " + r.statusCode() + " " + cut(r.body()));
            }
        }
        Http page = Http.session(port, admin, ReportingFixture.PASSWORD);
        for (String path : List.of(PLAN, PLAN + "/indicators", PLAN + "/assessment", PLAN + "/reporting/calendar",
                PLAN + "/tasks", PLAN + "/projects", PLAN + "/reforms", PLAN + "/cockpit", PLAN + "/reports",
                PLAN + "/towns", "/notifications")) {
            HttpResponse<String> r = page.page(path);
            if (r.statusCode() != 200) {
                failures.add(path + " → " + r.statusCode() + " " + cut(r.body()));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void nulBytesAreRefusedWith400NotPassedToPostgres() {
        Http who = fx.as(reporter);
        for (String field : List.of("indicator", "unit", "period", "note", "source", "explanation", "reason")) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("indicator", "ZJ13", "year", 2026,
                    "period", "Y", "value", "66.5"));
            body.put(field, String.valueOf(body.getOrDefault(field, "文字")) + "\u0000");
            HttpResponse<String> r = who.postJson(API + "/figures", body);
            assertThat(r.statusCode()).as(field + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("控制字符");
        }
        for (String path : List.of(API + "/figures?period=Y%00", API + "/indicators/ZJ01/towns?year=2026&period=Y%00",
                API + "/reporting/template.xlsx?year=2026&period=Y%00")) {
            HttpResponse<String> r = who.get(path);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
        }
        Http page = Http.session(port, reporter, ReportingFixture.PASSWORD);
        HttpResponse<String> form = page.page(PLAN + "/reporting/form?indicator=ZJ13%00&year=2026&period=Y");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(400);
    }

    static String cut(String s) {
        return s == null || s.length() < 300 ? s : s.substring(0, 300) + "…";
    }
}
