package cn.lantu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Browser;
import cn.lantu.support.Http;
import cn.lantu.support.TestUsers;

/**
 * 等保 身份鉴别: a generated password (the accounts created on first start) and a password an administrator set
 * must be replaced by their user at the first login, in the page, before anything else works — pages send the
 * browser to the password page, the API refuses. The initial password file goes once it is replaced.
 */
class FirstLoginTest extends IsolatedSecurityContext {

    @LocalServerPort int port;
    @Autowired UserRepository users;

    @Test
    void theAuditAdministratorSetsTheirOwnPasswordAtTheFirstLoginInThePage() throws Exception {
        String user = InitialPasswordFile.AUDIT_ADMIN;
        String initial = TestUsers.initialPasswordIn(DATA, user);
        assertThat(users.findAccount(user).orElseThrow().passwordChangeRequired()).isTrue();
        assertThat(Http.basic(port, user, initial).get("/api/v1/plans").statusCode())
                .as("the API refuses until the password is changed").isEqualTo(401);
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login(user, initial);
            assertThat(b.driver().getCurrentUrl()).contains("/account/password?first");
            assertThat(b.driver().findElement(By.id("password-first")).getText()).contains("初始密码");
            b.open("/admin/audit");
            assertThat(b.driver().getCurrentUrl()).as("nothing else opens first").contains("/account/password");

            String next = "Cd3-" + UserService.randomPassword(16);
            b.driver().findElement(By.id("current-password")).sendKeys(initial);
            b.driver().findElement(By.id("new-password")).sendKeys(initial);
            b.driver().findElement(By.id("confirm-password")).sendKeys(initial);
            b.clickAndLoad(By.cssSelector("#password-form button[type=submit]"));
            assertThat(b.driver().findElement(By.id("new-password-error")).getText())
                    .as("the generated password cannot be kept").contains("最近");

            b.driver().findElement(By.id("current-password")).sendKeys(initial);
            b.driver().findElement(By.id("new-password")).sendKeys(next);
            b.driver().findElement(By.id("confirm-password")).sendKeys(next);
            b.clickAndLoad(By.cssSelector("#password-form button[type=submit]"));
            assertThat(b.driver().findElement(By.id("password-changed")).getText()).contains("密码已修改");
            b.screenshot("first-login-changed");
            b.open("/admin/audit");
            assertThat(b.driver().getCurrentUrl()).endsWith("/admin/audit");
            assertThat(b.driver().findElement(By.tagName("h1")).getText()).contains("审计");
        }
        assertThat(Path.of(DATA, "initial-" + user + "-password")).doesNotExist();
        assertThat(users.findAccount(user).orElseThrow().passwordChangeRequired()).isFalse();
    }

    @Test
    void anAccountTheSystemAdministratorCreatedMustChangeItsPasswordFirst() {
        Http sys = Http.session(port, InitialPasswordFile.SYSTEM_ADMIN,
                TestUsers.initialPasswordIn(DATA, InitialPasswordFile.SYSTEM_ADMIN));
        // the system administrator itself is sent to the password page first
        HttpResponse<String> first = sys.page("/admin/users");
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElse("")).contains("/account/password?first");
        String next = "Ef4-" + UserService.randomPassword(16);
        sys.postForm("/account/password", Map.of("currentPassword",
                TestUsers.initialPasswordIn(DATA, InitialPasswordFile.SYSTEM_ADMIN), "newPassword", next,
                "confirmPassword", next));
        assertThat(sys.page("/admin/users").statusCode()).isEqualTo(200);

        String name = "first" + Long.toString(System.nanoTime(), 36);
        String password = "Gh5-" + UserService.randomPassword(16);
        HttpResponse<String> created = sys.postForm("/admin/users", Map.of("username", name, "displayName", "首次登录",
                "password", password, "role", "LEADER", "orgUnitId", "", "email", ""));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(users.findAccount(name).orElseThrow().passwordChangeRequired()).isTrue();
        Http leader = Http.session(port, name, password);
        HttpResponse<String> landing = leader.page("/plans");
        assertThat(landing.headers().firstValue("Location").orElse("")).contains("/account/password?first");
    }
}
