package cn.lantu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Http;
import cn.lantu.support.TestUsers;

/**
 * Item F (等保 身份鉴别, 数据保密性): the first administrator's password is not in the log, only where its file is;
 * the file goes once that password is changed; the data folder is 0700 and the H2 file readable by its owner only.
 * Also the optional password expiry of item D (30 days in this context).
 */
class SecretsAndFilesTest extends IsolatedSecurityContext {

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void theDataFolderAndTheDatabaseAreForTheOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(DATA)))).isEqualTo("rwx------");
        Path db = Path.of(DATA, "lantu.mv.db");
        assertThat(db).exists();
        assertThat(Files.getPosixFilePermissions(db)).doesNotContain(PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.GROUP_WRITE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(DATA, "initial-admin-password"))))
                .isIn("rw-------", "r--------");
    }

    @Test
    void theInitialPasswordIsNotLoggedAndItsFileGoesWhenItIsChanged() throws Exception {
        String password = TestUsers.adminPasswordIn(DATA);
        String log = Files.readString(Path.of(LOG));
        assertThat(log).contains("Lantu account created: admin").contains("initial-admin-password")
                .doesNotContain(password);

        Http admin = Http.session(port, "admin", password);
        String next = UserService.randomPassword(18) + "%";
        String answer = Http.ok(admin.postForm("/account/password", Map.of("currentPassword", password,
                "newPassword", next, "confirmPassword", next)));
        assertThat(Jsoup.parse(answer).select("#password-changed").text()).contains("密码已修改");
        assertThat(Path.of(DATA, "initial-admin-password")).doesNotExist();
        assertThat(Http.basic(port, "admin", next).status("/api/v1/plans")).isEqualTo(200);
        assertThat(Files.readString(Path.of(LOG))).doesNotContain(next);
    }

    @Test
    void anExpiredPasswordMustBeChangedBeforeAnythingElse() {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        jdbc.sql("UPDATE app_user SET password_changed_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(31))), u.id()).update();
        Http browser = Http.browser(port);
        var login = browser.tryLogin(u.name(), u.password());
        assertThat(Accounts.location(login)).endsWith("/account/password?expired");
        var page = browser.page("/plans");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(Accounts.location(page)).endsWith("/account/password?expired");
        assertThat(Http.ok(browser.page("/account/password?expired"))).contains("密码已过期");
        var api = Http.basic(port, u.name(), u.password()).get("/api/v1/plans");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("密码已过期");

        Http changing = Http.browser(port);
        changing.tryLogin(u.name(), u.password());
        String csrf = Jsoup.parse(Http.ok(changing.page("/account/password"))).select("input[name=_csrf]").val();
        String next = UserService.randomPassword(15) + "+";
        var changed = changing.postForm("/account/password", Map.of("currentPassword", u.password(), "newPassword",
                next, "confirmPassword", next, "_csrf", csrf));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changing.page("/plans").statusCode()).isEqualTo(200);
        assertThat(Http.basic(port, u.name(), next).status("/api/v1/plans")).isEqualTo(200);
    }
}
