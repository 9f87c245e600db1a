package cn.lantu.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.support.Browser;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * In Chromium as the plan office: register a project with its investment plan, milestones and a blocking factor
 * (a bad date is said beside the field with everything typed kept), edit it, and clear an overdue milestone by
 * entering its actual date; the Gantt chart shows the project's milestones and today's line.
 */
@LantuTest
class ProjectFormBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ProjectRepository projects;
    @Autowired
    PlanRepository plans;
    @Autowired
    JdbcClient jdbc;

    private static void press(Browser b, By button) {
        ((JavascriptExecutor) b.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
                b.driver().findElement(button));
        b.clickAndLoad(button);
    }

    private static void type(Browser b, String id, String text) {
        WebElement e = b.driver().findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static String feedback(Browser b, String id) {
        assertThat(b.driver().findElement(By.id(id)).getAttribute("class")).as(id).contains("is-invalid");
        return b.driver().findElement(By.cssSelector("#" + id + " + .invalid-feedback")).getText();
    }

    @Test
    void thePlanOfficeRegistersEditsAndClearsAnOverdueMilestone() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed");
        String name = "浏览器登记项目" + System.nanoTime();
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.adminPassword());
            b.open("/plans/zhuji-15th/projects");
            press(b, By.id("new-project"));
            type(b, "project-name", name);
            new Select(b.driver().findElement(By.id("project-domain"))).selectByValue("TRA");
            new Select(b.driver().findElement(By.id("project-dept"))).selectByValue("JTYSJ");
            new Select(b.driver().findElement(By.id("project-towns"))).selectByValue("DIANKOU");
            new Select(b.driver().findElement(By.id("project-stage"))).selectByValue("UNDER_CONSTRUCTION");
            type(b, "project-owner", "诸暨市交通投资集团");
            type(b, "project-total", "20");
            type(b, "year-2026", "5");
            type(b, "year-2027", "8");
            type(b, "planned-LAND", "2026-01-31");
            type(b, "planned-START", "2026-03-01");
            type(b, "actual-START", "2026-02-30");
            type(b, "planned-COMPLETION", "2028-12-31");
            new Select(b.driver().findElement(By.id("bFactor-0"))).selectByValue("LAND");
            type(b, "bNote-0", "用地指标待落实");
            new Select(b.driver().findElement(By.id("bUnit-0"))).selectByValue("ZGJ");
            type(b, "bDue-0", "2027-03-31");
            press(b, By.id("project-save"));

            assertThat(b.driver().findElement(By.id("flash-error")).getText()).contains("项目未保存");
            assertThat(feedback(b, "actual-START")).isEqualTo("日期“2026-02-30”无法识别，请按 2026年6月30日 或 2026/6/30 的格式填写");
            assertThat(b.driver().findElement(By.id("project-name")).getAttribute("value")).isEqualTo(name);
            assertThat(b.driver().findElement(By.id("year-2027")).getAttribute("value")).isEqualTo("8");
            assertThat(b.driver().findElement(By.id("bNote-0")).getAttribute("value")).isEqualTo("用地指标待落实");
            assertThat(new Select(b.driver().findElement(By.id("bUnit-0"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("ZGJ");
            assertThat(projects.details(plan().id()).stream().noneMatch(p -> p.name().equals(name))).isTrue();
            ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'center',"
                    + " behavior: 'instant'});", b.driver().findElement(By.id("actual-START")));
            b.screenshot("project-form-refused");

            type(b, "actual-START", "2026-03-05");
            press(b, By.id("project-save"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).isEqualTo("已登记项目“" + name + "”。");
            WebElement land = b.driver().findElement(By.cssSelector("#project-milestones tr[data-kind=LAND]"));
            assertThat(land.getAttribute("class")).contains("table-danger");
            assertThat(land.getText()).contains("已逾期");
            assertThat(b.driver().findElement(By.id("project-blockers")).getText())
                    .contains("用地", "用地指标待落实", "2027年3月31日", "待解决");
            b.screenshot("project-registered");

            // edit: a third year of the plan
            press(b, By.id("edit-project"));
            assertThat(b.driver().findElement(By.id("year-2027")).getAttribute("value")).isEqualTo("8");
            type(b, "year-2028", "4");
            press(b, By.id("project-save"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("已保存");

            // clear the overdue milestone: a day after today is refused beside the field, then the real day
            type(b, "complete-LAND", LocalDate.now().plusDays(3).toString());
            press(b, By.cssSelector("#project-milestones tr[data-kind=LAND] form.complete-form button"));
            assertThat(feedback(b, "complete-LAND")).isEqualTo("实际完成日期不能晚于今天");
            type(b, "complete-LAND", "2026-02-15");
            press(b, By.cssSelector("#project-milestones tr[data-kind=LAND] form.complete-form button"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText())
                    .isEqualTo("用地节点的实际完成日期已保存。");
            land = b.driver().findElement(By.cssSelector("#project-milestones tr[data-kind=LAND]"));
            assertThat(land.getAttribute("class")).doesNotContain("table-danger");
            assertThat(land.getText()).contains("2026年2月15日").doesNotContain("已逾期");
            b.screenshot("project-milestone-cleared");
        }
        ProjectDetail saved = projects.details(plan().id()).stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow();
        assertThat(saved.yearPlans()).containsEntry(2026, 5.0).containsEntry(2027, 8.0).containsEntry(2028, 4.0);
        assertThat(saved.periodAmount()).isEqualTo(17.0);
        assertThat(saved.townCodes()).containsExactly("DIANKOU");
        assertThat(saved.blockers()).singleElement().satisfies(x -> {
            assertThat(x.actUnitCode()).isEqualTo("ZGJ");
            assertThat(x.dueOn()).isEqualTo(LocalDate.of(2027, 3, 31));
        });
        List<String> details = jdbc.sql("SELECT action || '|' || detail FROM audit_log WHERE subject = ? ORDER BY id")
                .param("project:" + saved.id()).query(String.class).list();
        assertThat(details).hasSize(3);
        assertThat(details.get(0)).startsWith("PROJECT_CREATE|").contains("2026年5、2027年8");
        assertThat(details.get(1)).startsWith("PROJECT_EDIT|").contains("年度计划 2026年5、2027年8｜",
                "→ 【", "年度计划 2026年5、2027年8、2028年4｜");
        assertThat(details.get(2)).startsWith("PROJECT_MILESTONE_DONE|").contains("用地节点实际完成日期 （无） → 2026年2月15日");
    }

    @Test
    void theGanttShowsTheMilestonesAndTodaysLine() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed");
        String name = "甘特图节点项目" + System.nanoTime();
        Http.ok(Http.admin(port).postJson("/api/v1/plans/zhuji-15th/projects", Map.of("name", name, "domain", "TRA",
                "stage", "UNDER_CONSTRUCTION", "milestones", Map.of(
                        "START", Map.of("plannedOn", "2026-03-01", "actualOn", "2026-03-10"),
                        "COMPLETION", Map.of("plannedOn", "2029-06-30")))));
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.adminPassword());
            b.open("/plans/zhuji-15th/projects/gantt?domain=TRA");
            JavascriptExecutor js = (JavascriptExecutor) b.driver();
            String option = "var c = echarts.getInstanceByDom(document.getElementById('gantt'));"
                    + "return c ? c.getOption() : null;";
            new WebDriverWait(b.driver(), java.time.Duration.ofSeconds(10)).until(d -> js.executeScript(option) != null
                    && js.executeScript("return echarts.getInstanceByDom(document.getElementById('gantt'))"
                    + ".getOption().series.length") != null);
            @SuppressWarnings("unchecked")
            List<Object> today = (List<Object>) js.executeScript("var o = echarts.getInstanceByDom("
                    + "document.getElementById('gantt')).getOption(); var l = o.series[0].markLine.data[0];"
                    + "return [l.xAxis, o.series[0].markLine.label.formatter];");
            long midnight = ((Number) js.executeScript("return +new Date(arguments[0]);",
                    LocalDate.now().toString())).longValue();
            assertThat(((Number) today.get(0)).longValue()).isEqualTo(midnight);
            assertThat(today.get(1)).isEqualTo("今天");
            @SuppressWarnings("unchecked")
            List<List<Object>> points = (List<List<Object>>) js.executeScript("var o = echarts.getInstanceByDom("
                    + "document.getElementById('gantt')).getOption(); var rows = o.yAxis[0].data, name = arguments[0];"
                    + "return o.series[1].data.filter(function (p) { return rows[p.value[1]] === name; })"
                    + ".map(function (p) { return [p.point.label, p.value[0], p.itemStyle.color]; });", name);
            assertThat(points).extracting(p -> p.get(0)).containsExactlyInAnyOrder("开工", "竣工");
            List<Object> start = points.stream().filter(p -> p.get(0).equals("开工")).findFirst().orElseThrow();
            assertThat(((Number) start.get(1)).longValue()).as("a done milestone stands at its actual date")
                    .isEqualTo(((Number) js.executeScript("return +new Date('2026-03-10');")).longValue());
            assertThat(start.get(2)).isEqualTo("#198754");
            b.screenshot("project-gantt-milestones-today");
        }
    }

    private Plan plan() {
        return plans.findByCode("zhuji-15th").orElseThrow();
    }
}
