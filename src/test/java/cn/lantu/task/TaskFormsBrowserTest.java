package cn.lantu.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.org.OrgRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.project.ReportState;
import cn.lantu.security.UserService;
import cn.lantu.support.Browser;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * In Chromium, each in the role that does it: a department reporter enters a task update with a wrong period, sees
 * the message beside the field with the narrative kept, corrects it, submits and sees the confirmation; the plan
 * office approves it and sees the confirmation; the plan office moves a reform (a same-stage attempt is refused
 * beside the form), attaches a document to a valid move and downloads it.
 */
@LantuTest
class TaskFormsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    PlanRepository plans;
    @Autowired
    TaskService service;
    @Autowired
    TaskRepository tasks;
    @Autowired
    OrgRepository org;
    @Autowired
    UserService users;

    /**
     * Brings an element to the middle of the window at once (Bootstrap scrolls smoothly, and chromedriver does not
     * scroll to an element below the viewport but inside the window size, so a plain click could miss it).
     */
    private static WebElement inView(Browser b, WebElement e) {
        ((JavascriptExecutor) b.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        return e;
    }

    private static void press(Browser b, By button) {
        inView(b, b.driver().findElement(button));
        b.clickAndLoad(button);
    }

    @Test
    void reporterCorrectsAndSubmitsPlanOfficeApprovesAndMovesAReformWithADocument() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed");
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        service.ensureGenerated(plan.id());
        Task t = FormPages.taskWithLead(tasks, plan, 8);
        String reporter = FormPages.reporterOf(users, org, plan, t, "tfb");
        String page = "/plans/zhuji-15th/tasks/" + t.code();
        String narrative = "已完成项目选址，正在编制实施方案";

        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login(reporter, FormPages.PASSWORD);
            b.open(page);
            // the year and the period are choices; the percentage is typed, and typed wrong
            new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("progress-year")))
                    .selectByValue("2026");
            new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("progress-period")))
                    .selectByValue("Q2");
            b.driver().findElement(By.id("progress-percent")).sendKeys("150");
            b.driver().findElement(By.id("progress-narrative")).sendKeys(narrative);
            press(b, By.id("progress-submit"));
            WebElement refused = b.driver().findElement(By.id("progress-percent"));
            assertThat(refused.getAttribute("class")).contains("is-invalid");
            WebElement feedback = b.driver().findElement(By.id("progress-percent-error"));
            assertThat(feedback.isDisplayed()).isTrue();
            assertThat(feedback.getText()).contains("进度须为 0–100 之间的数字");
            assertThat(b.driver().findElement(By.id("progress-narrative")).getAttribute("value")).isEqualTo(narrative);
            assertThat(b.driver().findElement(By.id("progress-percent")).getAttribute("value")).isEqualTo("150");
            assertThat(new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("progress-period")))
                    .getFirstSelectedOption().getAttribute("value")).isEqualTo("Q2");
            b.screenshot("task-progress-refused");

            refused.clear();
            refused.sendKeys("40");
            press(b, By.id("progress-submit"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText())
                    .contains("2026年二季度进展已提交，等待牵头单位审核");
            assertThat(b.driver().findElements(By.cssSelector(".is-invalid"))).isEmpty();
            assertThat(b.driver().findElement(By.cssSelector("#updates td.state")).getText()).isEqualTo("已提交");
            assertThat(b.driver().findElements(By.cssSelector("button.approve"))).isEmpty();
            b.screenshot("task-progress-submitted");
        }
        TaskRepository.Update submitted = tasks.update(t.id(), 2026, "Q2").orElseThrow();
        assertThat(submitted.narrative()).isEqualTo(narrative);
        // the unit's sign-off (its browser path is TaskPlanBrowserTest's) before the plan office approves
        assertThat(tasks.updateUpdate(submitted.id(), submitted.version(), submitted.percent(), submitted.narrative(),
                submitted.problems(), submitted.nextSteps(), ReportState.SIGNED_OFF, reporter)).isTrue();

        Path downloads = Files.createTempDirectory("lantu-downloads");
        Path upload = Files.createTempDirectory("lantu-upload").resolve("改革实施方案.txt");
        Files.writeString(upload, "诸暨市改革实施方案（浏览器测试）", StandardCharsets.UTF_8);
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.adminPassword());
            b.open(page);
            press(b, By.cssSelector("#updates button.approve"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("进展已批准");
            assertThat(b.driver().findElement(By.cssSelector("#updates td.state")).getText()).isEqualTo("已批准");
            b.screenshot("task-progress-approved");

            // a reform: pressing 推进 without choosing the next stage
            b.open("/plans/zhuji-15th/reforms");
            String row = "#reform-R05 ";
            b.driver().findElement(By.cssSelector(row + "input[name=note]")).sendKeys("列入年度改革计划");
            press(b, By.cssSelector(row + "form.move-form button"));
            assertThat(b.driver().findElement(By.cssSelector(row + ".move-error")).getText()).contains("未推进");
            WebElement to = b.driver().findElement(By.cssSelector(row + "select[name=to]"));
            assertThat(to.getAttribute("class")).contains("is-invalid");
            assertThat(b.driver().findElement(By.cssSelector(row + "select[name=to] + .invalid-feedback")).getText())
                    .isEqualTo("已处于“征集申报”阶段：请选择下一阶段“评估立项”后再推进");
            assertThat(b.driver().findElement(By.cssSelector(row + "input[name=note]")).getAttribute("value"))
                    .isEqualTo("列入年度改革计划");
            b.screenshot("reform-move-refused");

            new Select(b.driver().findElement(By.cssSelector(row + "select[name=to]"))).selectByValue("EVALUATING");
            b.driver().findElement(By.cssSelector(row + "input[type=file]")).sendKeys(upload.toString());
            press(b, By.cssSelector(row + "form.move-form button"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText())
                    .contains("已推进到“评估立项”阶段", "附件 1 个已保存");
            WebElement link = b.driver().findElement(By.cssSelector(row + "a.reform-document"));
            assertThat(link.getText()).isEqualTo("改革实施方案.txt");
            b.screenshot("reform-moved");

            // what the browser gets for the link: the type and the UTF-8 file name
            @SuppressWarnings("unchecked")
            List<Object> answer = (List<Object>) ((JavascriptExecutor) b.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text().then(t => done([r.status,"
                    + " r.headers.get('Content-Type'), r.headers.get('Content-Disposition'), t])));",
                    link.getAttribute("href"));
            assertThat(answer.get(0)).isEqualTo(200L);
            assertThat((String) answer.get(1)).startsWith("text/plain");
            assertThat((String) answer.get(2)).startsWith("attachment").contains("filename*=UTF-8''");
            assertThat(answer.get(3)).isEqualTo("诸暨市改革实施方案（浏览器测试）");

            // and the download itself lands under its Chinese name
            ((ChromeDriver) b.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            inView(b, link).click();
            Path saved = downloads.resolve("改革实施方案.txt");
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> Files.exists(saved));
            assertThat(Files.readString(saved, StandardCharsets.UTF_8)).isEqualTo("诸暨市改革实施方案（浏览器测试）");
        }
        assertThat(tasks.update(t.id(), 2026, "Q2").orElseThrow().state()).isEqualTo(ReportState.APPROVED);
    }
}
