package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Browser;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * In a real browser: a reporter fills the form, meets a soft warning, explains it and submits; the department
 * approver signs off; the administrator approves.
 */
@LantuTest
class ReportingBrowserTest {

    static final String CODE = "ZJ17";
    static final int YEAR = 2026;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService userService;

    @Test
    void reporterApproverAndAdministratorCarryAFigureThroughTheWorkflow() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        ReportingFixture fx = new ReportingFixture(port, jdbc, userService);
        fx.openPeriod(YEAR, "Y");
        long unit = fx.leadOf(CODE);
        String reporter = fx.user("brep", Role.REPORTER, unit);
        String approver = fx.user("bapp", Role.APPROVER, unit);
        String base = "http://localhost:" + port;

        try (Browser b = new Browser(base)) {
            WebDriver d = b.driver();
            b.login(reporter, ReportingFixture.PASSWORD);
            b.open("/plans/zhuji-15th/reporting");
            b.clickAndLoad(By.cssSelector("a.task-link[data-code='" + CODE + "'][data-period='Y']"));
            d.findElement(By.id("value")).sendKeys("15");
            d.findElement(By.id("source")).sendKeys("统计年鉴");
            b.clickAndLoad(By.id("save"));
            assertThat(d.findElement(By.id("warnings")).getText()).contains("变化较大");
            b.clickAndLoad(By.id("submit"));
            assertThat(d.findElement(By.id("flash-error")).getText()).contains("须填写说明");
            d.findElement(By.id("explanation")).sendKeys("新建文创园区投产，口径已核实");
            b.clickAndLoad(By.id("submit"));
            assertThat(d.findElement(By.id("flash-message")).getText()).contains("已提交");
            assertThat(d.findElement(By.id("figure-state")).getAttribute("data-state")).isEqualTo("SUBMITTED");
            b.screenshot("reporting-submitted");
        }
        try (Browser b = new Browser(base)) {
            WebDriver d = b.driver();
            b.login(approver, ReportingFixture.PASSWORD);
            b.open("/plans/zhuji-15th/reporting");
            b.clickAndLoad(By.cssSelector("#queue a.queue-link[data-code='" + CODE + "']"));
            b.clickAndLoad(By.id("sign-off"));
            assertThat(d.findElement(By.id("figure-state")).getAttribute("data-state")).isEqualTo("SIGNED_OFF");
        }
        try (Browser b = new Browser(base)) {
            WebDriver d = b.driver();
            b.login("admin", TestUsers.adminPassword());
            b.open("/plans/zhuji-15th/reporting");
            b.clickAndLoad(By.cssSelector("#queue a.queue-link[data-code='" + CODE + "']"));
            b.clickAndLoad(By.id("approve"));
            assertThat(d.findElement(By.id("figure-state")).getAttribute("data-state")).isEqualTo("APPROVED");
            assertThat(d.findElement(By.id("revisions")).getText()).contains(reporter, approver, "admin");
            b.screenshot("reporting-approved");
        }
        assertThat(jdbc.sql("""
                SELECT f.explanation FROM figure f JOIN indicator i ON i.id = f.indicator_id
                WHERE i.code = ? AND f.report_year = ? AND f.demo = FALSE""").params(CODE, YEAR)
                .query(String.class).single()).contains("文创园区");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_SUCCESS' AND actor = ?")
                .param(reporter).query(Long.class).single()).isEqualTo(1);
    }
}
