package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.notify.Notifier;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Browser;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * In a real browser: the plan office selects a late department on the overdue list, sends a 催报 in the app with a
 * note, and sees it on the department's page, not yet answered; the department's reporter has it in the app.
 */
@LantuTest
class ReminderBrowserTest {

    static final String API = "/api/v1/plans/zhuji-15th";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService userService;
    @Autowired Notifier notifier;

    @AfterEach
    void closePeriod() {
        Http.ok(Http.admin(port).postJson(API + "/reporting/periods",
                Map.of("year", 2029, "period", "Q1", "dueDate", "2029-04-20", "open", false)));
    }

    @Test
    void thePlanOfficeRemindsALateDepartmentAndSeesItOnTheDepartmentsPage() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        ReportingFixture fx = new ReportingFixture(port, jdbc, userService);
        Http.ok(Http.admin(port).postJson(API + "/reporting/periods",
                Map.of("year", 2029, "period", "Q1", "dueDate", "2020-04-20", "open", true)));
        long unit = fx.leadOf("ZJ01");
        String code = fx.unitCode(unit);
        String reporter = fx.user("cuibao", Role.REPORTER, unit);

        try (Browser b = new Browser("http://localhost:" + port)) {
            WebDriver d = b.driver();
            b.login("admin", TestUsers.adminPassword());
            b.open("/plans/zhuji-15th/reporting/calendar");
            // nothing selected: refused, with the reason beside the list
            scrollTo(d, By.id("send-reminders"));
            b.clickAndLoad(By.id("send-reminders"));
            assertThat(d.findElement(By.id("targets-error")).getText()).contains("请选择要催报的单位");
            scrollTo(d, By.id("target-" + code + "-2029-Q1"));
            d.findElement(By.id("target-" + code + "-2029-Q1")).click();
            assertThat(d.findElement(By.id("channel-APP")).isSelected()).isTrue();
            assertThat(d.findElement(By.id("channel-MAIL")).isEnabled()).isFalse(); // no SMTP server here
            d.findElement(By.id("note")).sendKeys("一季度数据请本周内报送");
            scrollTo(d, By.id("send-reminders"));
            b.clickAndLoad(By.id("send-reminders"));
            assertThat(d.findElement(By.id("flash-message")).getText()).contains("已催报 1 个单位");
            b.screenshot("reminder-sent");

            scrollTo(d, By.id("send-reminders"));
            b.screenshot("reminder-form");
            scrollTo(d, By.cssSelector("#overdue a[href$='/units/" + code + "']"));
            b.clickAndLoad(By.cssSelector("#overdue a[href$='/units/" + code + "']"));
            String history = d.findElement(By.id("reminder-history")).getText();
            assertThat(history).contains("规划办催报", "2029年一季度", "站内通知", reporter, "admin", "未回应",
                    "一季度数据请本周内报送");
            scrollTo(d, By.id("reminder-history"));
            b.screenshot("reminder-unit-page");
        }
        assertThat(notifier.forUser(reporter, 5)).anyMatch(n -> n.title().contains("规划办催报")
                && n.body().contains("一季度数据请本周内报送"));
    }

    /**
     * The overdue list of a shared test database is long: bring the element to the middle of the window at once
     * (Bootstrap's smooth scrolling would still be moving when the click lands).
     */
    private static void scrollTo(WebDriver d, By target) {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", d.findElement(target));
    }
}
