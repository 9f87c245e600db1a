package cn.lantu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/** Item G (等保 入侵防范): security headers, HSTS and Secure cookies behind an HTTPS proxy, API docs for users only. */
@LantuTest
class HeadersTest {

    @LocalServerPort int port;
    @Autowired UserService users;

    @Test
    void pagesAndTheApiSendReferrerAndPermissionsPolicies() {
        for (HttpResponse<String> r : new HttpResponse[] {Http.anonymous(port).page("/public/plans/zhuji-15th"),
                Http.anonymous(port).get("/api/v1/plans"), Http.adminSession(port).page("/plans")}) {
            assertThat(r.headers().firstValue("Referrer-Policy")).as(r.uri().toString())
                    .contains("strict-origin-when-cross-origin");
            assertThat(r.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
        }
    }

    @Test
    void behindAnHttpsProxyHstsIsSentAndTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> r = Http.anonymous(port).get("/public/plans/zhuji-15th", "Accept", "text/html",
                "X-Forwarded-Proto", "https");
        assertThat(r.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=31536000");

        Accounts.Account u = Accounts.create(users, Role.LEADER);
        // the cookies come back Secure, so this client (plain HTTP to the test server) sends them by hand
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        HttpResponse<String> loginPage = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        String csrfCookie = loginPage.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        assertThat(csrfCookie).contains("Secure");
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(m.find()).isTrue();
        HttpResponse<String> in = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-Proto", "https").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + u.name() + "&password="
                        + URLEncoder.encode(u.password(), StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(in.statusCode()).isEqualTo(302);
        String session = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(session).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> plain = Http.session(port, u.name(), u.password()).page("/plans");
        assertThat(plain.statusCode()).isEqualTo(200);
    }

    @Test
    void theApiDocumentationIsForSignedInUsersOnly() {
        assertThat(Http.anonymous(port).status("/v3/api-docs")).isEqualTo(401);
        HttpResponse<String> ui = Http.anonymous(port).page("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(302);
        assertThat(Accounts.location(ui)).contains("/login");
        Accounts.Account u = Accounts.create(users, Role.SUPERVISOR);
        Http browser = Http.session(port, u.name(), u.password());
        assertThat(browser.get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(browser.page("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }
}
