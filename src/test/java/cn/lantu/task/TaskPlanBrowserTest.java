package cn.lantu.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.org.OrgRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.project.ReportState;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Browser;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * In Chromium, each in the role that does it: the lead unit's reporter edits the task's yearly work points and
 * milestones (a wrong date is said beside the field, what was typed kept), chooses the period from the task's
 * reporting periods and submits progress; the unit's approver signs it off with a comment; the plan office returns
 * it with a comment; the reporter changes and resubmits it, the approver signs off again and the plan office
 * approves.
 */
@LantuTest
class TaskPlanBrowserTest {

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
    @Autowired
    JdbcClient jdbc;

    private static void press(Browser b, By button) {
        ((JavascriptExecutor) b.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
                b.driver().findElement(button));
        b.clickAndLoad(button);
    }

    /** Brings an element to the middle of the window, so that the screenshot shows it. */
    private static void show(Browser b, By what) {
        ((JavascriptExecutor) b.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", b.driver().findElement(what));
    }

    private static void type(Browser b, String id, String text) {
        WebElement e = b.driver().findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static String state(Browser b) {
        return b.driver().findElement(By.cssSelector("#updates td.state")).getText();
    }

    @Test
    void theLeadUnitPlansAndReportsTheUnitSignsOffThePlanOfficeReturnsThenApproves() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed");
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        service.ensureGenerated(plan.id());
        Task t = FormPages.taskWithLead(tasks, plan, 13);
        String reporter = FormPages.reporterOf(users, org, plan, t, "tpb");
        String approver = "tpbapp" + System.nanoTime();
        users.createUser(approver, "任务审核员", FormPages.PASSWORD, Role.APPROVER,
                org.findByCode(plan.id(), t.lead().orgCode()).orElseThrow().id());
        String page = "/plans/zhuji-15th/tasks/" + t.code();
        int row = t.milestones().size();

        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login(reporter, FormPages.PASSWORD);
            b.open(page);
            b.driver().findElement(By.cssSelector("#plan-editor summary")).click();
            assertThat(b.driver().findElement(By.id("plan-frequency")).isEnabled())
                    .as("the frequency is the plan office's").isFalse();
            type(b, "workPoint-2026", "完成项目选址\n启动一期建设");
            type(b, "msTitle-" + row, "完成可行性研究");
            type(b, "msPlanned-" + row, "2026-02-30");
            press(b, By.id("plan-save"));
            WebElement planned = b.driver().findElement(By.id("msPlanned-" + row));
            assertThat(planned.getAttribute("class")).contains("is-invalid");
            assertThat(b.driver().findElement(By.cssSelector("#msPlanned-" + row + " + .invalid-feedback")).getText())
                    .isEqualTo("日期无法识别，请按 2026年6月30日 或 2026/6/30 的格式填写");
            assertThat(b.driver().findElement(By.id("plan-error")).getText()).startsWith("工作要点和节点未保存");
            assertThat(planned.getAttribute("value")).isEqualTo("2026-02-30");
            assertThat(b.driver().findElement(By.id("msTitle-" + row)).getAttribute("value")).isEqualTo("完成可行性研究");
            assertThat(b.driver().findElement(By.id("workPoint-2026")).getAttribute("value"))
                    .isEqualTo("完成项目选址\n启动一期建设");
            show(b, By.id("msPlanned-" + row));
            b.screenshot("task-plan-refused");

            type(b, "msPlanned-" + row, "2026年6月30日");
            type(b, "msActual-" + row, "2026-06-28");
            press(b, By.id("plan-save"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).isEqualTo("年度工作要点和节点已保存。");
            assertThat(b.driver().findElements(By.cssSelector("#work-points td[data-year='2026'] li"))
                    .stream().map(WebElement::getText).toList()).containsExactly("完成项目选址", "启动一期建设");
            assertThat(b.driver().findElement(By.id("task-milestones")).getText())
                    .contains("完成可行性研究", "2026年6月30日", "2026年6月28日");
            show(b, By.id("task-milestones"));
            b.screenshot("task-plan-saved");

            // the period is one of the task's reporting periods (quarterly by default)
            Select period = new Select(b.driver().findElement(By.id("progress-period")));
            assertThat(period.getOptions().stream().map(o -> o.getAttribute("value")).toList())
                    .containsExactly("Q1", "Q2", "Q3", "Q4");
            new Select(b.driver().findElement(By.id("progress-year"))).selectByValue("2026");
            period.selectByValue("Q3");
            type(b, "progress-percent", "30");
            type(b, "progress-narrative", "完成选址，可研已批复");
            press(b, By.id("progress-submit"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText())
                    .contains("2026年三季度进展已提交，等待牵头单位审核");
            assertThat(state(b)).isEqualTo("已提交");
            assertThat(b.driver().findElements(By.cssSelector("button.approve, button.sign-off"))).isEmpty();
        }

        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login(approver, FormPages.PASSWORD);
            b.open(page);
            assertThat(b.driver().findElements(By.cssSelector("button.approve"))).isEmpty();
            b.driver().findElement(By.cssSelector("#updates form[action$='sign-off'] input[name=reason]"))
                    .sendKeys("数据已核实");
            press(b, By.cssSelector("#updates button.sign-off"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("进展已审核，等待规划办批准");
            assertThat(state(b)).isEqualTo("部门已审核");
            assertThat(b.driver().findElement(By.cssSelector("#updates td.history")).getText()).contains("数据已核实");
        }

        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.adminPassword());
            b.open(page);
            press(b, By.cssSelector("#updates button.return"));
            WebElement reason = b.driver().findElement(By.cssSelector("#updates form.return-form input[name=reason]"));
            assertThat(reason.getAttribute("class")).contains("is-invalid");
            assertThat(b.driver().findElement(By.cssSelector("#updates form.return-form .invalid-feedback")).getText())
                    .isEqualTo("退回须填写原因");
            b.driver().findElement(By.cssSelector("#updates form.return-form input[name=reason]"))
                    .sendKeys("请补充可研批复文号");
            press(b, By.cssSelector("#updates button.return"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("请补充可研批复文号");
            assertThat(state(b)).isEqualTo("已退回");
            show(b, By.id("updates"));
            b.screenshot("task-progress-returned-by-plan-office");
        }

        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login(reporter, FormPages.PASSWORD);
            b.open(page);
            assertThat(b.driver().findElement(By.cssSelector("#updates td.history")).getText())
                    .contains("请补充可研批复文号");
            press(b, By.cssSelector("#updates a.edit-update"));
            assertThat(b.driver().findElement(By.id("progress-editing")).isDisplayed()).isTrue();
            assertThat(b.driver().findElement(By.id("progress-percent")).getAttribute("value")).isEqualTo("30");
            type(b, "progress-narrative", "完成选址，可研已批复（诸发改〔2026〕12号）");
            press(b, By.id("progress-submit"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("已提交");
            assertThat(state(b)).isEqualTo("已提交");
        }

        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login(approver, FormPages.PASSWORD);
            b.open(page);
            press(b, By.cssSelector("#updates button.sign-off"));
            assertThat(state(b)).isEqualTo("部门已审核");
        }

        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.adminPassword());
            b.open(page);
            b.driver().findElement(By.cssSelector("#updates form[action$='approve'] input[name=reason]"))
                    .sendKeys("同意");
            press(b, By.cssSelector("#updates button.approve"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("进展已批准");
            assertThat(state(b)).isEqualTo("已批准");
            assertThat(b.driver().findElement(By.cssSelector("#updates td.history")).getText())
                    .contains("数据已核实", "请补充可研批复文号", "同意");
            show(b, By.id("updates"));
            b.screenshot("task-progress-approved-after-resubmission");
        }

        TaskRepository.Update u = tasks.update(t.id(), 2026, "Q3").orElseThrow();
        assertThat(u.state()).isEqualTo(ReportState.APPROVED);
        assertThat(u.narrative()).contains("诸发改〔2026〕12号");
        assertThat(tasks.revisions(u.id()).stream().map(r -> r.state()).toList()).containsExactly(
                ReportState.SUBMITTED, ReportState.SIGNED_OFF, ReportState.RETURNED, ReportState.SUBMITTED,
                ReportState.SIGNED_OFF, ReportState.APPROVED);
        List<String> audit = jdbc.sql("SELECT action FROM audit_log WHERE subject = ? ORDER BY id")
                .param("task:" + t.id()).query(String.class).list();
        assertThat(audit).containsSubsequence("TASK_PLAN_EDIT", "TASK_UPDATE_SUBMIT", "TASK_UPDATE_SIGN_OFF",
                "TASK_UPDATE_RETURN", "TASK_UPDATE_SUBMIT", "TASK_UPDATE_SIGN_OFF", "TASK_UPDATE_APPROVE");
    }
}
