package cn.lantu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/** Item D (等保 身份鉴别, 口令复杂度): the password rules, on user creation, reset and the user's own change. */
@LantuTest
class PasswordRulesTest {

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired UserRepository rows;

    final PasswordPolicy policy = new PasswordPolicy();

    void refused(String user, String password, String message) {
        assertThatThrownBy(() -> policy.check(user, password)).isInstanceOf(PasswordPolicy.Rejected.class)
                .hasMessageContaining(message);
    }

    @Test
    void theRules() {
        refused("zhang", "Short1!", "至少12位");
        refused("zhang", "alllowercaseletters", "至少三类");
        refused("zhang", "lowercase12345", "至少三类");
        policy.check("zhang", "lowercase-12345");
        policy.check("zhang", "Lowercase12345");
        refused("zhangsan", "my-Zhangsan-2025", "用户名");
        refused("zhang", "P@ssw0rd1234", "常见");
        refused("zhang", "1qaz@WSX3edc", "常见");
        refused("zhang", "规划".repeat(12) + "Aa1", "72字节");
        policy.check("zhang", "规划监测评估系统口令Aa1"); // 13 characters, 33 bytes
        assertThat(PasswordPolicy.classes(UserService.randomPassword(12))).isGreaterThanOrEqualTo(3);
    }

    @Test
    void weakPasswordsAreRefusedWhenAUserIsCreatedWithTheMessageBesideTheField() {
        String name = "weak" + System.nanoTime();
        Http admin = Accounts.admin(port);
        HttpResponse<String> r = admin.postForm("/admin/users", Map.of("username", name, "displayName", "弱口令",
                "password", "password1234", "role", "LEADER", "orgUnitId", "", "email", ""));
        assertThat(r.statusCode()).isEqualTo(302);
        Document page = Jsoup.parse(Http.ok(admin.page("/admin/users")));
        assertThat(page.select("#new-user #new-password-error").text()).contains("至少三类");
        assertThat(page.select("#new-user input[name=password]").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#new-user input[name=username]").val()).isEqualTo(name);
        assertThat(rows.findByUsername(name)).isEmpty();
        assertThatThrownBy(() -> users.createUser(name, "弱口令", name + "-Ab1", Role.LEADER, null))
                .hasMessageContaining("用户名");
    }

    @Test
    void aResetByTheAdministratorFollowsTheRules() {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        Http admin = Accounts.admin(port);
        admin.postForm("/admin/users/" + u.id(), Accounts.form("安全测试", Role.LEADER, true, "Aa1" + "字".repeat(24)));
        Document page = Jsoup.parse(Http.ok(admin.page("/admin/users")));
        assertThat(page.select(".reset-password-error").text()).contains("72字节");
        admin.postForm("/admin/users/" + u.id(), Accounts.form("安全测试", Role.LEADER, true, u.password()));
        assertThat(Jsoup.parse(Http.ok(admin.page("/admin/users"))).select(".reset-password-error").text())
                .contains("最近5次");
        assertThat(Http.basic(port, u.name(), u.password()).status("/api/v1/plans")).as("unchanged").isEqualTo(200);
    }

    @Test
    void theUsersOwnChangeRefusesWeakAndReusedPasswordsInThePageAndTheApi() {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        Http browser = Http.session(port, u.name(), u.password());
        Document weak = Jsoup.parse(Http.ok(browser.postForm("/account/password", Map.of("currentPassword",
                u.password(), "newPassword", "Qwertyuiop123", "confirmPassword", "Qwertyuiop123"))));
        assertThat(weak.select("#new-password-error").text()).contains("常见");
        assertThat(weak.select("#new-password").hasClass("is-invalid")).isTrue();

        String second = UserService.randomPassword(14) + "!";
        Document ok = Jsoup.parse(Http.ok(browser.postForm("/account/password", Map.of("currentPassword",
                u.password(), "newPassword", second, "confirmPassword", second))));
        assertThat(ok.select("#password-changed").text()).contains("密码已修改");
        assertThat(browser.page("/plans").statusCode()).as("this session goes on").isEqualTo(200);

        Document reuse = Jsoup.parse(Http.ok(browser.postForm("/account/password", Map.of("currentPassword",
                second, "newPassword", u.password(), "confirmPassword", u.password()))));
        assertThat(reuse.select("#new-password-error").text()).contains("最近5次");

        HttpResponse<String> api = Http.basic(port, u.name(), second).postJson("/api/v1/me/password",
                Map.of("currentPassword", second, "newPassword", "short"));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("至少12位");
        String third = UserService.randomPassword(14) + "?";
        assertThat(Http.basic(port, u.name(), second).postJson("/api/v1/me/password",
                Map.of("currentPassword", second, "newPassword", third)).statusCode()).isEqualTo(200);
        assertThat(Http.basic(port, u.name(), third).status("/api/v1/plans")).isEqualTo(200);
        assertThat(rows.passwordHistory(u.id(), 10)).hasSize(3);
    }
}
