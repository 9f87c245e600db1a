package cn.lantu.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.org.OrgRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Browser;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * In Chromium: a department user reports a project's monthly investment, the administrator approves it, and the
 * portfolio page shows the new completion rate. A user of another department may not report on the project.
 */
@LantuTest
class InvestmentReportBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    PlanRepository plans;
    @Autowired
    ProjectRepository projects;
    @Autowired
    ProjectService service;
    @Autowired
    OrgRepository org;
    @Autowired
    UserService users;

    @Test
    void departmentReportsAdministratorApprovesPortfolioShowsTheRate() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed");
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        int year = service.defaultYear(plan);
        long dept = org.findByCode(plan.id(), "JTYSJ").orElseThrow().id();
        long domain = projects.domains(plan.id()).stream().filter(d -> d.code().equals("LIV")).findFirst()
                .orElseThrow().id();
        String code = "BT-" + System.nanoTime();
        long id = projects.insertRegistered(plan.id(), code, new ProjectRepository.RegistryFields("浏览器测试项目", domain,
                null, Project.Stage.UNDER_CONSTRUCTION, true, "测试业主", dept, "GOVERNMENT", 20.0, 8.0, null, null,
                null), "test");
        projects.setYearPlans(id, Map.of(year, 8.0));
        String reporter = "rep" + System.nanoTime();
        String password = "reporter-pass-123";
        users.createUser(reporter, "交通局填报员", password, Role.REPORTER, dept);
        String outsider = "out" + System.nanoTime();
        users.createUser(outsider, "教体局填报员", password, Role.REPORTER,
                org.findByCode(plan.id(), "JYTYJ").orElseThrow().id());

        // another department's reporter is refused on the server
        var refused = Http.basic(port, outsider, password).postJson("/api/v1/plans/zhuji-15th/projects/" + code
                + "/reports", Map.of("year", year, "period", "M02", "amount", 1.0, "submit", true));
        assertThat(refused.statusCode()).isEqualTo(403);

        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login(reporter, password);
            b.open("/plans/zhuji-15th/projects/" + code);
            assertThat(b.driver().findElement(By.id("completion-rate")).getText()).isEqualTo("0.0%");
            new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("report-period")))
                    .selectByValue("M03");
            b.driver().findElement(By.id("report-amount")).sendKeys("2");
            b.clickAndLoad(By.id("report-submit"));
            assertThat(b.driver().findElement(By.cssSelector("#reports td.state")).getText()).isEqualTo("已提交");
            assertThat(b.driver().findElements(By.cssSelector("button.approve"))).isEmpty();
        }
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.adminPassword());
            b.open("/plans/zhuji-15th/projects");
            assertThat(rate(b, code)).isEqualTo("0.0%");
            b.open("/plans/zhuji-15th/projects/" + code);
            b.clickAndLoad(By.cssSelector("button.approve"));
            assertThat(b.driver().findElement(By.cssSelector("#reports td.state")).getText()).isEqualTo("已批准");
            b.open("/plans/zhuji-15th/projects");
            assertThat(rate(b, code)).isEqualTo("25.0%");
            b.screenshot("portfolio-after-approval");
        }
        assertThat(projects.reportRevisions(projects.reportsOfProject(id).get(0).id()))
                .extracting(r -> r.state().name()).containsExactly("SUBMITTED", "APPROVED");
    }

    private static String rate(Browser b, String code) {
        return b.driver().findElement(By.cssSelector("tr[data-project='" + code + "'] td.rate")).getText();
    }
}
