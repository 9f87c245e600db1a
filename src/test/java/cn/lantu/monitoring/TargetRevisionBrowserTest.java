package cn.lantu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Browser;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;
import cn.lantu.support.TestUsers;

/**
 * Plan officer A proposes a revised target on the indicator page (规划调整); A cannot approve it, officer B does; then
 * the revised target shows beside the original on the indicator page and its side panel, Table 1, the portal and the
 * open data.
 */
@LantuDemoTest
class TargetRevisionBrowserTest {

    static final String PASSWORD = "revision-browser-pass-3";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    @Test
    void officerAProposesOfficerBApprovesAndTheRevisedTargetShowsEverywhere() throws Exception {
        String code = jdbc.sql("""
                SELECT code FROM indicator i WHERE kind = 'LEVEL' AND table_number IS NOT NULL AND published
                AND target_value IS NOT NULL AND NOT target_is_increment
                AND NOT EXISTS (SELECT 1 FROM indicator_target_revision r WHERE r.indicator_id = i.id) ORDER BY table_number
                """).query(String.class).list().get(0);
        String page = "/plans/zhuji-15th/indicators/" + code;
        String officerB = "planner-b-" + System.nanoTime() % 1_000_000;
        users.createUser(officerB, "规划办乙", PASSWORD, Role.ADMIN, null);
        long before = jdbc.sql("SELECT COUNT(*) FROM indicator_target_revision").query(Long.class).single();
        try (Browser a = new Browser("http://localhost:" + port)) {
            a.login("admin", TestUsers.demoAdminPassword());
            a.open(page);
            // wrong entries: the messages beside the fields, the input kept, nothing saved
            type(a, "revision-value", "七十八");
            date(a, LocalDate.now().plusDays(3).toString());
            type(a, "revision-reason", "中期评估后按省定目标上调");
            submit(a, "revision-submit");
            assertThat(text(a, "revision-error-value")).contains("不是数字");
            assertThat(text(a, "revision-error-documentDate")).contains("不能晚于今天");
            assertThat(text(a, "revision-error-approval")).contains("文号");
            assertThat(text(a, "revision-error-effectiveYear")).contains("生效年份");
            assertThat(a.driver().findElement(By.id("revision-reason")).getAttribute("value")).isEqualTo("中期评估后按省定目标上调");
            assertThat(a.driver().findElement(By.id("revision-value")).getAttribute("value")).isEqualTo("七十八");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM indicator_target_revision").query(Long.class).single()).isEqualTo(before);
            a.screenshot("revision-form-errors");

            type(a, "revision-value", "72.5");
            date(a, "2026-11-20");
            type(a, "revision-approval", "诸人大常〔2026〕9号");
            new Select(a.driver().findElement(By.id("revision-year"))).selectByValue("2028");
            submit(a, "revision-submit");
            assertThat(text(a, "flash-message")).contains("已提出目标调整", "待另一位规划办人员审核");
            assertThat(a.driver().findElement(By.cssSelector("#target-revisions tbody tr")).getText())
                    .contains("72.5", "2028", "待审核", "诸人大常〔2026〕9号");
            assertThat(a.driver().findElements(By.id("side-target-change"))).as("pending: not yet beside the target").isEmpty();

            // A may not approve A's own proposal
            submit(a, "revision-list-link");
            WebElement row = a.driver().findElement(By.cssSelector("#revision-list tr[data-code='" + code + "']"));
            String id = row.getAttribute("id").substring("revision-".length());
            submit(a, "approve-" + id);
            assertThat(text(a, "decision-error-" + id)).contains("不能审核自己提出的目标调整");
            assertThat(state(id)).isEqualTo("PENDING");
            a.screenshot("revision-own-approval-refused");
        }
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login(officerB, PASSWORD);
            b.open("/plans/zhuji-15th/target-revisions?state=PENDING");
            WebElement row = b.driver().findElement(By.cssSelector("#revision-list tr[data-code='" + code + "']"));
            String id = row.getAttribute("id").substring("revision-".length());
            type(b, "comment-" + id, "同意，按诸人大常〔2026〕9号执行");
            submit(b, "approve-" + id);
            assertThat(text(b, "flash-message")).contains("已批准");
            assertThat(state(id)).isEqualTo("APPROVED");
            b.screenshot("revision-approved-by-b");

            b.open(page + "?year=2028");
            assertThat(text(b, "side-target-change")).contains("原目标", "→ 调整后 72.5", "自2028年起");
            assertThat(text(b, "status-target-change")).contains("调整后 72.5");
            assertThat(b.driver().findElement(By.cssSelector("#target-revisions tbody tr")).getText())
                    .contains("已批准", officerB, "同意");
            b.screenshot("revision-indicator-page");
            b.open(page + "?year=2027");
            assertThat(text(b, "side-target-change")).contains("本年仍按原目标评估");

            b.open("/plans/zhuji-15th/indicators");
            assertThat(b.driver().findElement(By.cssSelector("#table1 tr[data-code='" + code + "'] td.target")).getText())
                    .contains("原目标", "调整后 72.5");
            b.screenshot("revision-table1");

            b.open("/public/plans/zhuji-15th");
            assertThat(b.driver().findElement(By.cssSelector("#published-indicators tr[data-code='" + code + "']"))
                    .getText()).contains("原目标", "调整后 72.5");
            b.screenshot("revision-portal");
            b.open("/public/plans/zhuji-15th/indicators/" + code);
            assertThat(text(b, "portal-target-change")).contains("调整后 72.5", "自2028年起");
        }
        String csv = new String(Http.anonymous(port).getBytes("/public/plans/zhuji-15th/indicators/" + code + ".csv")
                .body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("调整后目标值", "72.5,2028");
        String json = Http.ok(Http.anonymous(port).get("/public/plans/zhuji-15th/indicators/" + code + ".json"));
        assertThat(json).contains("\"revisedTargetValue\":72.5", "\"revisedFromYear\":2028");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'REVISION_APPROVE' AND actor = ?")
                .param(officerB).query(Long.class).single()).isEqualTo(1);
    }

    private String state(String id) {
        return jdbc.sql("SELECT state FROM indicator_target_revision WHERE id = ?").param(Long.parseLong(id))
                .query(String.class).single();
    }

    private static String text(Browser b, String id) {
        return b.driver().findElement(By.id(id)).getText();
    }

    private static void type(Browser b, String id, String text) {
        WebElement field = b.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Scrolls the button to the middle of the window (the sticky bar covers the bottom edge), then clicks it. */
    static void submit(Browser b, String id) {
        ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
                b.driver().findElement(By.id(id)));
        b.clickAndLoad(By.id(id));
    }

    /** Sets the date field's ISO value (typing into a date input depends on the browser's locale). */
    private static void date(Browser b, String iso) {
        ((JavascriptExecutor) b.driver()).executeScript("arguments[0].value = arguments[1]",
                b.driver().findElement(By.id("revision-date")), iso);
    }
}
