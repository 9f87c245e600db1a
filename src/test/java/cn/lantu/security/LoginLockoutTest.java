package cn.lantu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.audit.LoginBurstRecorder;
import cn.lantu.support.Http;

/**
 * Item B (等保 身份鉴别: 登录失败处理; 安全审计): after 5 failed logins the account is locked for the configured time
 * (8 s here, 15 minutes by default), form login and HTTP Basic alike; an address with many failures is answered 429
 * before any password check; a burst of failures is a few audit entries, not one per attempt.
 */
class LoginLockoutTest extends IsolatedSecurityContext {

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired LoginBurstRecorder bursts;
    @Autowired JdbcClient jdbc;

    static void sleepUntilUnlocked() throws InterruptedException {
        Thread.sleep(9_000);
    }

    @Test
    void fiveWrongFormLoginsLockTheAccountEvenForTheRightPassword() throws Exception {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = Http.browser(port).tryLogin(u.name(), "Wrong-password-" + i);
            assertThat(Accounts.location(wrong)).as("attempt %d", i).contains("/login?error");
        }
        HttpResponse<String> right = Http.browser(port).tryLogin(u.name(), u.password());
        assertThat(Accounts.location(right)).contains("/login?locked");
        String page = Http.ok(Http.anonymous(port).page("/login?locked"));
        assertThat(Jsoup.parse(page).select("#login-locked").text()).isEqualTo("账号已锁定，请1分钟后再试");

        sleepUntilUnlocked();
        HttpResponse<String> later = Http.browser(port).tryLogin(u.name(), u.password());
        assertThat(later.statusCode()).isEqualTo(302);
        assertThat(Accounts.location(later)).doesNotContain("/login");
        assertThat(jdbc.sql("SELECT failed_logins FROM app_user WHERE username = ?").param(u.name())
                .query(Integer.class).single()).as("a success clears the count").isZero();
    }

    @Test
    void fiveWrongBasicLoginsLockTheAccountForTheApiToo() throws Exception {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        for (int i = 0; i < 5; i++) {
            assertThat(Http.basic(port, u.name(), "Wrong-password-" + i).status("/api/v1/plans")).isEqualTo(401);
        }
        HttpResponse<String> right = Http.basic(port, u.name(), u.password()).get("/api/v1/plans");
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).contains("账号已锁定");
        assertThat(Accounts.location(Http.browser(port).tryLogin(u.name(), u.password()))).contains("locked");

        sleepUntilUnlocked();
        assertThat(Http.basic(port, u.name(), u.password()).status("/api/v1/plans")).isEqualTo(200);
    }

    @Test
    void manyFailuresFromOneAddressAreAnswered429BeforeAnyPasswordCheck() {
        int first429 = -1;
        for (int i = 0; i < 20 && first429 < 0; i++) {
            HttpResponse<String> r = Http.basic(port, "nobody" + i, "Wrong-password-" + i).get("/api/v1/plans");
            if (r.statusCode() == 429) {
                first429 = i;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                assertThat(r.body()).contains("登录尝试过于频繁");
            }
        }
        assertThat(first429).isEqualTo(12);
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        assertThat(Http.basic(port, u.name(), u.password()).status("/api/v1/plans")).as("the right password too")
                .isEqualTo(429);
        HttpResponse<String> form = Http.browser(port).tryLogin(u.name(), u.password());
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.body()).contains("登录尝试过于频繁");
        assertThat(Http.anonymous(port).page("/public/plans/zhuji-15th").statusCode()).as("reading is not throttled")
                .isEqualTo(200);
        attempts.clearAddresses();
        assertThat(Http.basic(port, u.name(), u.password()).status("/api/v1/plans")).isEqualTo(200);
    }

    @Test
    void fiftyFailuresAreAFewAuditEntries() {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        bursts.flushAll(); // the bursts of the other tests
        long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_log").query(Long.class).single();
        for (int i = 0; i < 50; i++) {
            int status = Http.basic(port, u.name(), "Wrong-password-" + i).status("/api/v1/plans");
            assertThat(status).isIn(401, 429);
        }
        bursts.flushAll();
        long forUser = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE id > ? AND actor = ?").params(before, u.name())
                .query(Long.class).single();
        long all = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE id > ?").param(before).query(Long.class).single();
        assertThat(forUser).as("first failure, lock, one burst entry").isBetween(2L, 3L);
        assertThat(all).as("with the throttle's entries").isLessThanOrEqualTo(5);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE id > ? AND actor = ? AND action = 'LOGIN_FAILURE' "
                + "ORDER BY id DESC").params(before, u.name()).query(String.class).list().get(0))
                .contains("的连续失败又11次");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE id > ? AND action = 'ACCOUNT_LOCKED'")
                .param(before).query(Long.class).single()).isEqualTo(1);
    }
}
