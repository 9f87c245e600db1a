package cn.lantu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/** Item H (等保 身份鉴别, 访问控制, 安全审计): API tokens expire, can be revoked, are read-only or read-write. */
@LantuTest
class ApiTokensTest {

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    long audited(String action, String actor) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor = ?").params(action, actor)
                .query(Long.class).single();
    }

    @Test
    void theTokenPageListsTokensWithTheirExpiryAndRevokesThem() {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        Http browser = Http.session(port, u.name(), u.password());
        Document created = Jsoup.parse(Http.ok(browser.postForm("/account/tokens",
                Map.of("name", "统计局同步", "scope", "READ_ONLY", "days", "30"))));
        String token = created.select("#new-token").text();
        assertThat(token).startsWith("lt_");
        Element row = created.select("#tokens tr[data-token-id]").first();
        assertThat(row.select(".token-name").text()).isEqualTo("统计局同步");
        assertThat(row.text()).contains("只读");
        String expected = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        assertThat(row.select(".token-expires").text()).isEqualTo(expected);
        assertThat(Http.bearer(port, token).status("/api/v1/plans")).isEqualTo(200);

        HttpResponse<String> revoked = browser.postForm("/account/tokens/" + row.attr("data-token-id") + "/delete",
                Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(Http.ok(browser.page("/account/tokens"))).select("#tokens tr[data-token-id]")).isEmpty();
        assertThat(Http.bearer(port, token).status("/api/v1/plans")).isEqualTo(401);
        assertThat(audited("TOKEN_CREATE", u.name())).isEqualTo(1);
        assertThat(audited("TOKEN_REVOKE", u.name())).isEqualTo(1);
    }

    @Test
    void aReadOnlyTokenReadsButCannotChangeAnything() {
        Accounts.Account u = Accounts.create(users, Role.ADMIN);
        HttpResponse<String> r = Http.basic(port, u.name(), u.password()).postJson("/api/v1/me/tokens",
                Map.of("name", "reader", "scope", "READ_ONLY"));
        assertThat(r.statusCode()).isEqualTo(200);
        Map<?, ?> body = Http.JSON.readValue(r.body(), Map.class);
        assertThat(body.get("scope")).isEqualTo("READ_ONLY");
        Http reader = Http.bearer(port, (String) body.get("token"));
        assertThat(reader.status("/api/v1/plans")).isEqualTo(200);
        assertThat(reader.postJson("/api/v1/assessment/evaluate", Map.of()).statusCode()).isEqualTo(403);
        assertThat(reader.putJson("/api/v1/plans/zhuji-15th/indicators/ZJ13/published", Map.of("published", true))
                .statusCode()).isEqualTo(403);
        assertThat(reader.delete("/api/v1/me/tokens/" + body.get("id")).statusCode()).isEqualTo(403);
        assertThat(users.tokens(u.name())).hasSize(1);
    }

    @Test
    void tokensExpireByDefaultAfterNinetyDaysAndCannotMakeTokens() {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        Http basic = Http.basic(port, u.name(), u.password());
        Map<?, ?> body = Http.JSON.readValue(Http.ok(basic.postJson("/api/v1/me/tokens", Map.of("name", "rw"))),
                Map.class);
        Instant expires = Instant.parse((String) body.get("expiresAt"));
        assertThat(expires).isCloseTo(Instant.now().plus(Duration.ofDays(90)), within(Duration.ofMinutes(5)));
        Http token = Http.bearer(port, (String) body.get("token"));
        assertThat(token.postJson("/api/v1/me/tokens", Map.of("name", "child")).statusCode()).isEqualTo(403);
        assertThat(token.postJson("/api/v1/me/password", Map.of("currentPassword", u.password(),
                "newPassword", "Another-pass-123")).statusCode()).isEqualTo(403);
        List<Map<String, Object>> listed = token.getList("/api/v1/me/tokens");
        assertThat(listed).singleElement().satisfies(t -> {
            assertThat(t.get("name")).isEqualTo("rw");
            assertThat(t.get("scope")).isEqualTo("READ_WRITE");
            assertThat(t).containsKey("expiresAt").doesNotContainKey("token");
        });
        assertThat(basic.postJson("/api/v1/me/tokens", Map.of("name", "too-long", "days", 400)).statusCode())
                .isEqualTo(400);

        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), ((Number) body.get("id")).longValue())
                .update();
        assertThat(token.status("/api/v1/plans")).isEqualTo(401);
        assertThat(Http.ok(Http.session(port, u.name(), u.password()).page("/account/tokens"))).contains("已过期");

        assertThat(basic.delete("/api/v1/me/tokens/" + body.get("id")).statusCode()).isEqualTo(204);
        assertThat(basic.delete("/api/v1/me/tokens/" + body.get("id")).statusCode()).isEqualTo(404);
        assertThat(audited("TOKEN_REVOKE", u.name())).isEqualTo(1);
    }
}
