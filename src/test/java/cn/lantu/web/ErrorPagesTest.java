package cn.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * Every error a person can meet is a page in the layout, in Chinese, with a way back; a server fault shows an
 * incident id. No Whitelabel page, no exception class, no framework phrase.
 */
@LantuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPagesTest {

    static final String READER = "error-pages-reader";
    static final String PASSWORD = "Err0r-pages-Pass!";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired cn.lantu.security.UserRepository userRows;

    Http admin;
    Http reporter;

    @BeforeAll
    void users() {
        if (userRows.findByUsername(READER).isEmpty()) {
            users.createUser(READER, "错误页测试", PASSWORD, Role.LEADER, null);
        }
        admin = Http.session(port, "admin", TestUsers.adminPassword());
        reporter = Http.session(port, READER, PASSWORD);
    }

    @Test
    void notFound() {
        assertErrorPage(admin.page("/plans/no-such-plan"), 404, "页面不存在");
        assertErrorPage(admin.page("/no/such/page"), 404, "页面不存在");
    }

    @Test
    void forbidden() {
        assertErrorPage(reporter.page("/admin/users"), 403, "无权访问");
    }

    @Test
    void badRequest() {
        assertErrorPage(admin.page("/plans/zhuji-15th/assessment?year=abc"), 400, "请求有误");
    }

    @Test
    void conflictOnAStaleReformStage() {
        HttpResponse<String> r = admin.postForm("/plans/zhuji-15th/reforms/R01/move",
                Map.of("to", "EVALUATING", "version", "999"));
        assertThat(r.statusCode()).isIn(302, 303, 409, 200);
        if (r.statusCode() == 409) {
            assertErrorPage(r, 409, "操作冲突");
        } else {
            assertThat(r.body()).doesNotContain("Whitelabel");
        }
    }

    @Test
    void serverFaultShowsAnIncidentId() {
        HttpResponse<String> r = admin.page("/plans/zhuji-15th/test-fault");
        assertErrorPage(r, 500, "系统出错");
        assertThat(r.body()).contains("id=\"error-incident\"").doesNotContain("simulated bug")
                .doesNotContain("IllegalStateException");
    }

    @Test
    void anInvalidLanguageParameterDoesNotBreakPages() {
        assertThat(Http.anonymous(port).page("/public/plans/zhuji-15th?lang='").statusCode()).isEqualTo(200);
        assertThat(Http.anonymous(port).page("/?lang=%27%22").statusCode()).isEqualTo(200);
    }

    @Test
    void englishErrorPages() {
        HttpResponse<String> r = admin.page("/plans/no-such-plan?lang=en");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Page not found").doesNotContain("页面不存在");
        admin.page("/plans?lang=zh_CN");
    }

    static void assertErrorPage(HttpResponse<String> r, int status, String title) {
        assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(status);
        assertThat(r.body()).as("layout, title and a way back for " + r.uri())
                .contains("id=\"error-page\"", title, "id=\"error-back\"", "navbar")
                .doesNotContain("Whitelabel", "Exception", "No static resource", "Failed to convert");
    }
}
