package cn.lantu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Browser;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;
import cn.lantu.support.TestUsers;

/**
 * The plan office checks an indicator's computed status for a year (人工校核) on the indicator page: a reason is
 * required; the year table, the cockpit and the page then show the override with the computed status and the
 * reason; it withdraws the override with a reason; both steps stay in the history.
 */
@LantuDemoTest
class StatusOverrideBrowserTest {

    static final int YEAR = 2027;
    static final String CODE = "ZJ08";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void thePlanOfficeOverridesAStatusAndWithdrawsItAndTheHistoryKeepsBoth() throws Exception {
        String page = "/plans/zhuji-15th/indicators/" + CODE + "?year=" + YEAR;
        long id = jdbc.sql("SELECT id FROM indicator WHERE code = ?").param(CODE).query(Long.class).single();
        long rowsBefore = rows(id);
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.demoAdminPassword());
            b.open(page);
            String computed = b.driver().findElement(By.cssSelector("#indicator-status .status-badge")).getText();
            assertThat(computed).isNotEqualTo("严重滞后");

            // no reason: the message beside the field, the choice kept, nothing saved
            new Select(b.driver().findElement(By.id("override-status"))).selectByValue("SEVERELY_LAGGING");
            TargetRevisionBrowserTest.submit(b, "override-submit");
            assertThat(b.driver().findElement(By.id("override-error-reason")).getText()).contains("请填写人工校核的理由");
            assertThat(new Select(b.driver().findElement(By.id("override-status"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("SEVERELY_LAGGING");
            assertThat(rows(id)).isEqualTo(rowsBefore);

            type(b, "override-reason", "专利统计口径调整，规划办审定为严重滞后");
            TargetRevisionBrowserTest.submit(b, "override-submit");
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains(YEAR + "年评估结论已人工校核");
            assertThat(b.driver().findElement(By.cssSelector("#indicator-status .status-badge")).getText()).isEqualTo("严重滞后");
            assertThat(b.driver().findElement(By.id("override-in-force")).getText())
                    .contains("专利统计口径调整", computed);
            b.screenshot("override-saved");

            b.open("/plans/zhuji-15th/assessment?year=" + YEAR);
            WebElement row = b.driver().findElement(By.cssSelector("#assessment-table tr[data-code='" + CODE + "']"));
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", row);
            String cell = row.getText();
            assertThat(cell).contains("严重滞后", computed, "专利统计口径调整");
            b.screenshot("override-year-table");

            b.open("/plans/zhuji-15th/cockpit?year=" + YEAR);
            WebElement red = b.driver().findElement(By.cssSelector("#red-warnings #red-list a[data-code='" + CODE + "']"))
                    .findElement(By.xpath(".."));
            assertThat(red.getText()).as("the explanation says the status was overridden, from what, and why")
                    .contains("人工调整为严重滞后", "原计算结论为" + computed, "专利统计口径调整");
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", red);
            b.screenshot("override-cockpit");

            // withdraw: a reason is required, then the computed status applies again
            b.open(page);
            TargetRevisionBrowserTest.submit(b, "withdraw-submit");
            assertThat(b.driver().findElement(By.id("withdraw-error-reason")).getText()).contains("请填写撤销校核的理由");
            type(b, "withdraw-reason", "统计局确认口径未变，恢复测算结论");
            TargetRevisionBrowserTest.submit(b, "withdraw-submit");
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("已撤销");
            assertThat(b.driver().findElement(By.cssSelector("#indicator-status .status-badge")).getText()).isEqualTo(computed);
            assertThat(b.driver().findElements(By.id("override-in-force"))).isEmpty();
            List<WebElement> history = b.driver().findElements(By.cssSelector("#override-history tbody tr"));
            assertThat(history.get(0).getText()).contains("撤销校核", "统计局确认口径未变");
            assertThat(history.get(1).getText()).contains("人工校核", "严重滞后", computed, "专利统计口径调整");
            b.screenshot("override-withdrawn-history");
        }
        assertThat(rows(id)).as("the override and its withdrawal are both kept").isEqualTo(rowsBefore + 2);
        List<Map<String, Object>> api = Http.demoAdmin(port).getList("/api/v1/plans/zhuji-15th/indicators/" + CODE
                + "/status-overrides");
        assertThat(api).extracting(e -> e.get("action")).startsWith("WITHDRAW", "OVERRIDE");
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE subject = ? AND action IN ('STATUS_OVERRIDE', "
                + "'STATUS_OVERRIDE_WITHDRAW') ORDER BY id").param("indicator:" + id).query(String.class).list())
                .anyMatch(d -> d.contains("→ 严重滞后") && d.contains("专利统计口径调整"))
                .anyMatch(d -> d.contains("严重滞后（人工校核") && d.contains("恢复测算结论"));
    }

    private long rows(long indicatorId) {
        return jdbc.sql("SELECT COUNT(*) FROM status_override WHERE indicator_id = ?").param(indicatorId)
                .query(Long.class).single();
    }

    private static void type(Browser b, String id, String text) {
        WebElement field = b.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
