package cn.lantu.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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
import tools.jackson.core.type.TypeReference;

/**
 * The warning list and its acknowledgement on a real PostgreSQL server (the V34 tables, the first-seen insert and
 * the versioned acknowledgement, raised again by a new status).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+",
        disabledReason = "PostgreSQL is not configured: set LANTU_TEST_PG_URL (and _USER, _PASSWORD); .ci/run does")
class WarningsPostgresTest {

    static final String API = "/api/v1/plans/zhuji-15th/warnings";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchemas.register(registry, "target/test-data-pg-warnings");
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    private static List<Map<String, Object>> list(Http http) {
        var r = http.get(API + "?year=2026");
        assertThat(r.statusCode()).isEqualTo(200);
        return Http.JSON.readValue(r.body(), new TypeReference<List<Map<String, Object>>>() {});
    }

    @Test
    void listsAndAcknowledgesOnPostgres() {
        String name = "warn-pg-admin";
        users.createUser(name, "规划办测试", "warning-pg-pass-1", Role.ADMIN, null);
        Http admin = Http.basic(port, name, "warning-pg-pass-1");
        // no figures on a fresh schema: the plan office's verdict makes one indicator red
        assertThat(admin.postJson("/api/v1/plans/zhuji-15th/indicators/ZJ01/status-override", Map.of("year", 2026,
                "status", "SEVERELY_LAGGING", "reason", "预警测试")).statusCode()).isEqualTo(200);
        List<Map<String, Object>> all = list(admin);
        assertThat(all).isNotEmpty();
        long recorded = jdbc.sql("SELECT COUNT(*) FROM warning_status WHERE report_year = 2026").query(Long.class).single();
        assertThat(recorded).isEqualTo(all.size());
        // a second read records nothing new and keeps since when
        assertThat(list(admin)).extracting(w -> w.get("since")).isEqualTo(all.stream().map(w -> w.get("since")).toList());

        Map<String, Object> w = all.stream().filter(x -> "ZJ01".equals(x.get("code"))).findFirst().orElseThrow();
        assertThat(w.get("level")).isEqualTo("RED");
        String path = API + "/" + w.get("subject") + "/" + w.get("code") + "/acknowledgement";
        var ok = admin.postJson(path, Map.of("year", 2026, "note", "已知悉，原因：年底集中推进", "version", 0));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(admin.postJson(path, Map.of("year", 2026, "note", "再次", "version", 0)).statusCode()).isEqualTo(409);
        var again = admin.postJson(path, Map.of("year", 2026, "note", "已知悉，原因：已督办", "version", 1));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("已督办", "\"version\":2");
        Map<String, Object> listed = list(admin).stream()
                .filter(x -> x.get("code").equals(w.get("code")) && x.get("subject").equals(w.get("subject")))
                .findFirst().orElseThrow();
        assertThat(listed.get("acknowledged")).isEqualTo(true);
        assertThat(listed.get("note")).isEqualTo("已知悉，原因：已督办");
        // a new status raises it again
        assertThat(admin.postJson("/api/v1/plans/zhuji-15th/indicators/ZJ01/status-override", Map.of("year", 2026,
                "status", "LAGGING", "reason", "预警测试：状态变化")).statusCode()).isEqualTo(200);
        Map<String, Object> raised = list(admin).stream().filter(x -> "ZJ01".equals(x.get("code"))).findFirst()
                .orElseThrow();
        assertThat(raised.get("acknowledged")).isEqualTo(false);
        assertThat(raised.get("status")).asString().startsWith("LAGGING/");
    }
}
