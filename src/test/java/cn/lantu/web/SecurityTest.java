package cn.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/** Login is required everywhere but the public pages; passwords are hashed; API tokens work. */
@LantuTest
class SecurityTest {

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void anonymousUsersReachOnlyThePublicPages() {
        Http anonymous = Http.anonymous(port);
        assertThat(anonymous.status("/")).isEqualTo(200);
        assertThat(anonymous.status("/login")).isEqualTo(200);
        assertThat(anonymous.status("/api/v1/plans")).isEqualTo(401);
        assertThat(anonymous.status("/plans/zhuji-15th/indicators")).isEqualTo(401);
        assertThat(anonymous.status("/v3/api-docs")).isEqualTo(401);
    }

    @Test
    void theAdministratorPasswordIsRandomOwnerReadableAndHashed() throws Exception {
        Path file = Path.of("target/test-data/initial-admin-password");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String password = TestUsers.adminPassword();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain(password);
        assertThat(Http.basic(port, "admin", "wrong-password").status("/api/v1/plans")).isEqualTo(401);
        assertThat(Http.basic(port, "admin", password).status("/api/v1/plans")).isEqualTo(200);
    }

    @Test
    void anApiTokenAuthenticatesAndAFakeOneDoesNot() {
        if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = 'token-user'").query(Long.class).single() == 0) {
            users.createUser("token-user", "接口用户", UserService.randomPassword(16), Role.LEADER, null);
        }
        String token = users.createToken("token-user", "test");
        assertThat(Http.bearer(port, token).status("/api/v1/plans")).isEqualTo(200);
        assertThat(Http.bearer(port, token + "x").status("/api/v1/plans")).isEqualTo(401);
        String stored = jdbc.sql("SELECT token_hash FROM api_token WHERE name = 'test' ORDER BY id DESC")
                .query(String.class).list().get(0);
        assertThat(stored).isNotEqualTo(token).hasSize(64);
    }

    @Test
    void aUserCreatesAnApiTokenThroughTheApiAndUsesIt() {
        String name = "sync-" + System.nanoTime();
        var created = Http.admin(port).postJson("/api/v1/me/tokens", java.util.Map.of("name", name));
        assertThat(created.statusCode()).isEqualTo(200);
        String token = (String) Http.JSON.readValue(created.body(), java.util.Map.class).get("token");
        assertThat(token).startsWith("lt_");
        assertThat(Http.bearer(port, token).getList("/api/v1/me/tokens")).extracting(t -> t.get("name"))
                .contains(name);
        assertThat(Http.anonymous(port).postJson("/api/v1/me/tokens", java.util.Map.of("name", "x")).statusCode())
                .as("CSRF or login refuses it").isIn(401, 403);
    }

    @Test
    void theOpenApiDocumentDescribesTheIndicatorApi() {
        String doc = Http.ok(Http.adminSession(port).get("/v3/api-docs"));
        assertThat(doc).contains("/api/v1/plans/{plan}/indicators", "tableNumber", "baseVerbatim");
    }

}
