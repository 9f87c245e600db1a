package cn.lantu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * Item C (等保 入侵防范): the CSRF token is skipped only for requests that authenticated by a credential in their own
 * header (API token, or HTTP Basic on /api/**); HTTP Basic is offered on the API only, never on pages.
 */
@LantuTest
class CsrfTest {

    @LocalServerPort int port;
    @Autowired UserService users;

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSessionWithAnArbitraryAuthorizationHeaderStillNeedsTheToken() {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        Http browser = Http.session(port, u.name(), u.password());
        HttpResponse<String> forged = browser.postFormWithoutCsrf("/account/tokens", Map.of("name", "forged"),
                "Authorization", "Foo bar");
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> forgedBasic = browser.postFormWithoutCsrf("/account/tokens", Map.of("name", "forged2"),
                "Authorization", basic(u.name(), u.password()));
        assertThat(forgedBasic.statusCode()).as("Basic does not count on pages").isEqualTo(403);
        HttpResponse<String> api = browser.postJsonWithoutCsrf("/api/v1/me/tokens", Map.of("name", "forged3"),
                "Authorization", "Foo bar");
        assertThat(api.statusCode()).as("the session on the API needs the token too").isEqualTo(403);
        assertThat(users.tokens(u.name())).isEmpty();
        assertThat(browser.postForm("/account/tokens", Map.of("name", "real")).statusCode()).isEqualTo(200);
        assertThat(browser.postJson("/api/v1/me/tokens", Map.of("name", "real-api")).statusCode()).isEqualTo(200);
        assertThat(users.tokens(u.name())).extracting(UserRepository.TokenInfo::name)
                .containsExactly("real", "real-api");
    }

    @Test
    void httpBasicIsOfferedOnTheApiOnlyNeverOnPages() {
        Accounts.Account u = Accounts.create(users, Role.ADMIN);
        Http basic = Http.basic(port, u.name(), u.password());
        assertThat(basic.status("/api/v1/plans")).isEqualTo(200);
        HttpResponse<String> page = basic.page("/admin/users");
        assertThat(page.statusCode()).as("a page with Basic: to the login").isEqualTo(302);
        assertThat(Accounts.location(page)).contains("/login");
        assertThat(basic.get("/admin/users").statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(Http.basic(port, u.name(), "wrong").get("/api/v1/plans").headers()
                .firstValue("WWW-Authenticate")).as("no browser prompt").isEmpty();
    }

    @Test
    void headerCredentialsOnTheApiSkipTheTokenAndAreAlwaysChecked() {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        String token = users.createToken(u.name(), "rw");
        long id = users.tokens(u.name()).get(0).id();
        assertThat(Http.basic(port, u.name(), u.password()).postJson("/api/v1/me/tokens", Map.of("name", "by-basic"))
                .statusCode()).isEqualTo(200);
        assertThat(Http.bearer(port, token).delete("/api/v1/me/tokens/" + users.tokens(u.name()).get(1).id())
                .statusCode()).isEqualTo(204);
        // a session plus a wrong Basic header is not taken for the session's user
        Http browser = Http.session(port, u.name(), u.password());
        HttpResponse<String> wrong = browser.postJsonWithoutCsrf("/api/v1/me/tokens", Map.of("name", "x"),
                "Authorization", basic(u.name(), "not-the-password"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(users.tokens(u.name())).extracting(UserRepository.TokenInfo::id).containsExactly(id);
    }
}
