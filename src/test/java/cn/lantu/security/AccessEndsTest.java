package cn.lantu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * Item A (等保 访问控制): disabling a user, resetting their password or changing their role takes effect at once, for
 * open sessions and API tokens alike.
 */
@LantuTest
class AccessEndsTest {

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    long sessions(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").param(name)
                .query(Long.class).single();
    }

    @Test
    void aDisabledUsersOpenSessionAndTokensStopAtOnce() {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        Http browser = Http.session(port, u.name(), u.password());
        String token = users.createToken(u.name(), "before-disable");
        assertThat(browser.page("/plans").statusCode()).isEqualTo(200);
        assertThat(Http.bearer(port, token).status("/api/v1/plans")).isEqualTo(200);
        assertThat(sessions(u.name())).isEqualTo(1);

        HttpResponse<String> saved = Accounts.admin(port).postForm("/admin/users/" + u.id(),
                Accounts.form("安全测试", Role.LEADER, false, null));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(Accounts.location(saved)).endsWith("/admin/users");

        assertThat(sessions(u.name())).as("the session rows are gone").isZero();
        HttpResponse<String> page = browser.page("/plans");
        assertThat(Accounts.sentToLogin(page)).as("page: %s %s", page.statusCode(), Accounts.location(page)).isTrue();
        HttpResponse<String> save = browser.postForm("/account/tokens", Map.of("name", "after-disable"));
        assertThat(Accounts.sentToLogin(save)).as("save: %s", save.statusCode()).isTrue();
        assertThat(users.tokens(u.name())).as("nothing saved, tokens revoked").isEmpty();
        assertThat(Http.bearer(port, token).status("/api/v1/plans")).isEqualTo(401);
        assertThat(Http.basic(port, u.name(), u.password()).status("/api/v1/plans")).isEqualTo(401);
    }

    @Test
    void aPasswordResetEndsSessionsAndTokens() {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        Http browser = Http.session(port, u.name(), u.password());
        Http second = Http.session(port, u.name(), u.password());
        String token = users.createToken(u.name(), "before-reset");
        String next = UserService.randomPassword(15) + "#";

        HttpResponse<String> saved = Accounts.admin(port).postForm("/admin/users/" + u.id(),
                Accounts.form("安全测试", Role.LEADER, true, next));
        assertThat(saved.statusCode()).isEqualTo(302);

        assertThat(Accounts.sentToLogin(browser.page("/plans"))).isTrue();
        assertThat(Accounts.sentToLogin(second.page("/account/tokens"))).isTrue();
        assertThat(Http.bearer(port, token).status("/api/v1/plans")).isEqualTo(401);
        assertThat(Http.basic(port, u.name(), u.password()).status("/api/v1/plans")).isEqualTo(401);
        assertThat(Http.session(port, u.name(), next).page("/plans").statusCode()).isEqualTo(200);
    }

    @Test
    void aDemotedAdministratorsSessionGets403OnTheAdminPagesAtOnce() {
        Accounts.Account a = Accounts.create(users, Role.SYSTEM_ADMIN);
        Http browser = Http.session(port, a.name(), a.password());
        String token = users.createToken(a.name(), "admin-token");
        assertThat(browser.page("/admin/users").statusCode()).isEqualTo(200);
        assertThat(Http.bearer(port, token).status("/api/v1/plans")).isEqualTo(200);

        HttpResponse<String> saved = Accounts.security(port).postForm("/admin/security/" + a.id() + "/role",
                Map.of("role", "LEADER"));
        assertThat(saved.statusCode()).isEqualTo(302);

        assertThat(browser.page("/admin/users").statusCode()).isEqualTo(403);
        assertThat(browser.page("/admin/org-units").statusCode()).isEqualTo(403);
        assertThat(browser.page("/plans").statusCode()).as("still signed in, as a leader").isEqualTo(200);
        assertThat(Http.bearer(port, token).status("/api/v1/plans")).as("tokens revoked").isEqualTo(401);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'USER_ROLE' AND subject = ? ORDER BY id DESC")
                .param("user:" + a.id()).query(String.class).list().get(0)).contains("系统管理员→领导", "吊销令牌1个");
    }
}
