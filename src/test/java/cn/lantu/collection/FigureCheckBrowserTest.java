package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Browser;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * In a real browser: the plan office adds a hard range check and a soft change check on the checks page; a reporter's
 * form then refuses a value out of range and asks for an explanation of a sharp change, each with the check's own
 * message beside the field.
 */
@LantuTest
class FigureCheckBrowserTest {

    static final String CODE = "ZJ19";
    static final int YEAR = 2026;
    static final String HARD = "园所占比不应超过90%";
    static final String SOFT = "园所占比较上年变化超过1个百分点，请说明原因";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService userService;

    @AfterEach
    void removeChecks() {
        jdbc.sql("DELETE FROM figure_check").update();
    }

    @Test
    void thePlanOfficeAddsChecksAndTheReportersFormAppliesThem() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        ReportingFixture fx = new ReportingFixture(port, jdbc, userService);
        fx.openPeriod(YEAR, "Y");
        String reporter = fx.user("cbrep", Role.REPORTER, fx.leadOf(CODE));
        String base = "http://localhost:" + port;

        try (Browser b = new Browser(base)) {
            WebDriver d = b.driver();
            b.login("admin", TestUsers.adminPassword());
            b.open("/plans/zhuji-15th/reporting");
            b.clickAndLoad(By.id("checks-link"));
            // a check without its message is refused, with the error beside the field and the input kept
            new Select(d.findElement(By.id("indicator"))).selectByValue(CODE);
            new Select(d.findElement(By.id("type"))).selectByValue("RANGE");
            d.findElement(By.id("max")).sendKeys("90");
            new Select(d.findElement(By.id("severity"))).selectByValue("HARD");
            b.clickAndLoad(By.id("save-check"));
            assertThat(d.findElement(By.id("message-error")).getText()).contains("请填写提示信息");
            assertThat(d.findElement(By.id("max")).getAttribute("value")).isEqualTo("90");
            d.findElement(By.id("message")).sendKeys(HARD);
            b.clickAndLoad(By.id("save-check"));
            assertThat(d.findElement(By.id("flash-message")).getText()).contains("已保存校验规则");

            new Select(d.findElement(By.id("indicator"))).selectByValue(CODE);
            new Select(d.findElement(By.id("type"))).selectByValue("CHANGE");
            d.findElement(By.id("maxChange")).sendKeys("1");
            new Select(d.findElement(By.id("severity"))).selectByValue("SOFT");
            d.findElement(By.id("message")).sendKeys(SOFT);
            b.clickAndLoad(By.id("save-check"));
            assertThat(d.findElement(By.id("checks")).getText()).contains(HARD, SOFT, "错误（拒绝保存）",
                    "提示（须填写说明）", "全部单位");
            b.screenshot("checks-page");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'FIGURE_CHECK_CREATE' AND actor = 'admin'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);

        try (Browser b = new Browser(base)) {
            WebDriver d = b.driver();
            b.login(reporter, ReportingFixture.PASSWORD);
            b.open("/plans/zhuji-15th/reporting");
            b.clickAndLoad(By.cssSelector("a.task-link[data-code='" + CODE + "'][data-period='Y']"));
            d.findElement(By.id("value")).sendKeys("95");
            b.clickAndLoad(By.id("save"));
            assertThat(d.findElement(By.id("value-error")).getText()).contains(HARD, "填入 95");
            assertThat(d.findElement(By.id("value")).getAttribute("value")).isEqualTo("95");
            b.screenshot("checks-form-refused");

            d.findElement(By.id("value")).clear();
            d.findElement(By.id("value")).sendKeys("62");
            b.clickAndLoad(By.id("submit"));
            // saved as a draft; 62 against the base 59.6 is 2.4 points: the soft check wants an explanation
            assertThat(d.findElement(By.id("explanation-error")).getText()).contains(SOFT, "2.40个百分点");
            assertThat(d.findElement(By.id("figure-state")).getAttribute("data-state")).isEqualTo("DRAFT");
            b.screenshot("checks-form-explain");
            d.findElement(By.id("explanation")).sendKeys("新增普惠园所12所");
            b.clickAndLoad(By.id("submit"));
            assertThat(d.findElement(By.id("flash-message")).getText()).contains("已提交");
            assertThat(d.findElement(By.id("figure-state")).getAttribute("data-state")).isEqualTo("SUBMITTED");
        }
    }
}
