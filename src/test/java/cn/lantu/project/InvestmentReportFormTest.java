package cn.lantu.project;

import static cn.lantu.task.FormPages.feedbackOf;
import static cn.lantu.task.FormPages.follow;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.org.OrgRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;
import cn.lantu.task.FormPages;

/**
 * The investment report form of a project page over HTTP: wrong fields come back beside the field with what was
 * typed (no bare 400 page), NaN and Infinity are refused on the page and in the API, and saving, submitting and
 * approving end on the project page with a confirmation.
 */
@LantuTest
class InvestmentReportFormTest {

    @LocalServerPort
    int port;
    @Autowired
    PlanRepository plans;
    @Autowired
    ProjectRepository projects;
    @Autowired
    OrgRepository org;
    @Autowired
    UserService users;

    private static Map<String, String> form(String period, String amount, String note, boolean submit) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("year", "2026");
        f.put("period", period);
        f.put("amount", amount);
        f.put("stage", "UNDER_CONSTRUCTION");
        f.put("note", note);
        f.put("submit", String.valueOf(submit));
        return f;
    }

    @Test
    void wrongFieldsComeBackBesideTheFieldAndActionsSayWhatHappened() {
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        long dept = org.findByCode(plan.id(), "JTYSJ").orElseThrow().id();
        long domain = projects.domains(plan.id()).get(0).id();
        String code = "RF-" + System.nanoTime();
        projects.insertRegistered(plan.id(), code, new ProjectRepository.RegistryFields("表单测试项目", domain, null,
                Project.Stage.UNDER_CONSTRUCTION, true, "测试业主", dept, "GOVERNMENT", 20.0, 8.0, null, null, null),
                "test");
        String reporter = "rfr" + System.nanoTime();
        users.createUser(reporter, "交通局填报员", FormPages.PASSWORD, Role.REPORTER, dept);
        Http session = Http.session(port, reporter, FormPages.PASSWORD);
        String page = "/plans/zhuji-15th/projects/" + code;

        Document d = follow(session, session.postForm(page + "/reports", form("M13", "NaN", "路基完成", true)), page);
        assertThat(feedbackOf(d.getElementById("report-period"))).contains("期间须为月份 M01–M12 或季度 Q1–Q4");
        assertThat(feedbackOf(d.getElementById("report-amount"))).contains("不小于 0 的数字");
        assertThat(d.getElementById("report-period").selectFirst("option[selected]").val()).isEqualTo("M13");
        assertThat(d.getElementById("report-amount").val()).isEqualTo("NaN");
        assertThat(d.getElementById("report-note").val()).isEqualTo("路基完成");
        assertThat(d.selectFirst("#report-stage option[selected]").val()).isEqualTo("UNDER_CONSTRUCTION");
        assertThat(d.getElementById("flash-error").text()).contains("报告未保存");
        for (String bad : List.of("Infinity", "-1", "12d", "1e3", "1.23456")) {
            Document b = follow(session, session.postForm(page + "/reports", form("M03", bad, "x", true)), page);
            assertThat(feedbackOf(b.getElementById("report-amount"))).as(bad).contains("不小于 0 的数字");
            assertThat(b.getElementById("report-amount").val()).isEqualTo(bad);
        }
        Map<String, String> badStage = form("M03", "1", "x", true);
        badStage.put("stage", "BUILDING");
        assertThat(feedbackOf(follow(session, session.postForm(page + "/reports", badStage), page)
                .getElementById("report-stage"))).contains("选择阶段");
        long id = projects.detail(plan.id(), code).orElseThrow().id();
        assertThat(projects.reportsOfProject(id)).isEmpty();

        // the API refuses an infinite amount (NaN was already refused)
        HttpResponse<String> api = Http.basic(port, reporter, FormPages.PASSWORD).postJson("/api/v1/plans/zhuji-15th"
                + "/projects/" + code + "/reports", Map.of("year", 2026, "period", "M03", "amount", "Infinity",
                "submit", true));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("完成投资须为不小于 0 的数字");

        Document draft = follow(session, session.postForm(page + "/reports", form("M03", "2.5", "路基", false)), page);
        assertThat(draft.getElementById("flash-message").text()).contains("2026年3月投资完成情况草稿已保存");
        // submitting the saved draft names the version it was read at; without it nothing is overwritten
        Document unversioned = follow(session, session.postForm(page + "/reports", form("M03", "2.6", "路基", true)),
                page);
        assertThat(unversioned.getElementById("flash-error").text()).contains("版本号");
        InvestmentReport saved = projects.reportsOfProject(id).get(0);
        assertThat(saved.amount()).isEqualTo(2.5);
        Document editing = Jsoup.parse(session.page(page + "?edit=" + saved.id()).body());
        assertThat(editing.selectFirst("#report-form input[name=version]").val())
                .isEqualTo(String.valueOf(saved.version()));
        assertThat(editing.getElementById("report-amount").val()).isEqualTo("2.5");
        Map<String, String> resubmit = form("M03", "2.5", "路基", true);
        resubmit.put("version", String.valueOf(saved.version()));
        Document submitted = follow(session, session.postForm(page + "/reports", resubmit), page);
        assertThat(submitted.getElementById("flash-message").text()).contains("2026年3月投资完成情况已提交，等待审核");

        Http admin = Http.session(port, "admin", TestUsers.adminPassword());
        InvestmentReport r = projects.reportsOfProject(id).get(0);
        Document approved = follow(admin, admin.postForm("/plans/zhuji-15th/project-reports/" + r.id() + "/approve",
                Map.of("version", String.valueOf(r.version()))), page);
        assertThat(approved.getElementById("flash-message").text()).contains("报告已批准");
        assertThat(approved.selectFirst("#reports td.state").text()).isEqualTo("已批准");
        Document twice = follow(admin, admin.postForm("/plans/zhuji-15th/project-reports/" + r.id() + "/approve",
                Map.of("version", String.valueOf(r.version()))), page);
        assertThat(twice.getElementById("flash-error").text()).contains("只有已提交或已审核的报告可以批准");
    }
}
