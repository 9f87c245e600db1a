package cn.lantu.task;

import static cn.lantu.task.FormPages.feedbackOf;
import static cn.lantu.task.FormPages.follow;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.org.OrgRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.project.ReportState;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * The task progress form over HTTP as a browser sends it: a wrong field comes back beside the field with what was
 * typed, non-finite and out-of-range percentages are refused on the page and in the JSON API, a bad value stored
 * before the check does not break the task page, and every action ends on a page that says what happened.
 */
@LantuTest
class TaskFormsTest {

    static final String PLAN = "/plans/zhuji-15th";

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

    Plan plan;

    @BeforeEach
    void plan() {
        plan = plans.findByCode("zhuji-15th").orElseThrow();
        service.ensureGenerated(plan.id());
    }

    private static Map<String, String> form(String period, String percent, String narrative, boolean submit) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("year", "2026");
        f.put("period", period);
        f.put("percent", percent);
        f.put("narrative", narrative);
        f.put("problems", "用地指标紧张");
        f.put("nextSteps", "加快审批");
        f.put("submit", String.valueOf(submit));
        return f;
    }

    @Test
    void aWrongPeriodComesBackBesideTheFieldWithWhatWasTyped() {
        Task t = FormPages.taskWithLead(tasks, plan, 3);
        Http reporter = Http.session(port, FormPages.reporterOf(users, org, plan, t, "tfp"), FormPages.PASSWORD);
        String page = PLAN + "/tasks/" + t.code();
        HttpResponse<String> r = reporter.postForm(page + "/updates", form("Q5", "30", "已完成可研报告编制", true));
        Document d = follow(reporter, r, page);
        assertThat(feedbackOf(d.getElementById("progress-period"))).contains("季度报送的任务，期间须为以下之一：一季度、二季度、三季度、四季度");
        assertThat(d.getElementById("progress-period").selectFirst("option[selected]").val()).isEqualTo("Q5");
        assertThat(d.getElementById("progress-percent").val()).isEqualTo("30");
        assertThat(d.getElementById("progress-percent").hasClass("is-invalid")).isFalse();
        assertThat(d.getElementById("progress-narrative").text()).isEqualTo("已完成可研报告编制");
        assertThat(d.getElementById("progress-problems").text()).isEqualTo("用地指标紧张");
        assertThat(d.getElementById("progress-next-steps").text()).isEqualTo("加快审批");
        assertThat(d.getElementById("flash-error").text()).contains("进展未保存");
        assertThat(tasks.updatesOf(t.id())).isEmpty();
        // the refused input is shown once; the next visit has a clean form
        Document again = Jsoup.parse(reporter.page(page).body());
        assertThat(again.getElementById("progress-period").hasClass("is-invalid")).isFalse();
        assertThat(again.getElementById("progress-narrative").text()).isEmpty();
        // a year outside the plan period and an over-long narrative are named the same way
        Map<String, String> f = form("Q1", "30", "长".repeat(4001), true);
        f.put("year", "2035");
        Document d2 = follow(reporter, reporter.postForm(page + "/updates", f), page);
        assertThat(feedbackOf(d2.getElementById("progress-year"))).contains("2026–2030");
        assertThat(feedbackOf(d2.getElementById("progress-narrative"))).contains("4000");
        assertThat(tasks.updatesOf(t.id())).isEmpty();
    }

    @Test
    void nonFiniteAndOutOfRangePercentagesAreRefusedBesideTheField() {
        Task t = FormPages.taskWithLead(tasks, plan, 4);
        Http reporter = Http.session(port, FormPages.reporterOf(users, org, plan, t, "tfn"), FormPages.PASSWORD);
        String page = PLAN + "/tasks/" + t.code();
        for (String bad : List.of("NaN", "Infinity", "-Infinity", "-5", "101", "12d", "1e2", "0x10", "100.5")) {
            HttpResponse<String> r = reporter.postForm(page + "/updates", form("Q3", bad, "推进中", true));
            Document d = follow(reporter, r, page);
            assertThat(feedbackOf(d.getElementById("progress-percent"))).as(bad)
                    .contains("进度须为 0–100 之间的数字");
            assertThat(d.getElementById("progress-percent").val()).as(bad).isEqualTo(bad);
            assertThat(d.getElementById("progress-narrative").text()).isEqualTo("推进中");
        }
        Document empty = follow(reporter, reporter.postForm(page + "/updates", form("Q3", " ", "推进中", true)), page);
        assertThat(feedbackOf(empty.getElementById("progress-percent"))).contains("请填写进度");
        assertThat(tasks.updatesOf(t.id())).isEmpty();
        // the limits themselves are accepted
        follow(reporter, reporter.postForm(page + "/updates", form("Q3", "100", "完成", false)), page);
        follow(reporter, reporter.postForm(page + "/updates", form("Q4", "0", "未启动", false)), page);
        assertThat(tasks.updatesOf(t.id())).extracting(TaskRepository.Update::percent).containsExactly(100.0, 0.0);
    }

    @Test
    void theApiRefusesNonFiniteAndOutOfRangePercentagesInChinese() {
        Task t = FormPages.taskWithLead(tasks, plan, 5);
        Http api = Http.basic(port, FormPages.reporterOf(users, org, plan, t, "tfa"), FormPages.PASSWORD);
        String url = "/api/v1/plans/zhuji-15th/tasks/" + t.code() + "/updates";
        for (Object bad : List.of("NaN", "Infinity", "-Infinity", -5, 101, 100.0001, "12d", "abc")) {
            Map<String, Object> body = new HashMap<>(Map.of("year", 2026, "period", "Q2", "percent", bad,
                    "narrative", "接口报送", "submit", true));
            HttpResponse<String> r = api.postJson(url, body);
            assertThat(r.statusCode()).as("percent %s: %s", bad, r.body()).isEqualTo(400);
            Map<String, Object> error = Http.JSON.readValue(r.body(), Map.class);
            assertThat((String) error.get("message")).as("percent %s", bad).contains("进度须为 0–100 之间的数字");
        }
        HttpResponse<String> missing = api.postJson(url, Map.of("year", 2026, "period", "Q2", "submit", true));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("请填写进度");
        assertThat(api.postJson(url, Map.of("year", 2026, "period", "Q5", "percent", 50, "submit", true)).body())
                .contains("期间须为");
        assertThat(api.postJson(url, Map.of("year", 2031, "period", "Q2", "percent", 50, "submit", true))
                .statusCode()).isEqualTo(400);
        assertThat(tasks.updatesOf(t.id())).isEmpty();
        assertThat(api.postJson(url, Map.of("year", 2026, "period", "Q2", "percent", 62.5, "submit", true))
                .statusCode()).isEqualTo(200);
        assertThat(tasks.updatesOf(t.id())).extracting(TaskRepository.Update::percent).containsExactly(62.5);
    }

    @Test
    void aBadValueStoredBeforeTheCheckDoesNotBreakTheTaskPages() {
        Task t = FormPages.taskWithLead(tasks, plan, 6);
        // what the unchecked form let through: NaN and Infinity, approved
        tasks.insertUpdate(t.id(), 2026, "Q1", Double.NaN, "旧数据", null, null, ReportState.APPROVED, "legacy");
        tasks.insertUpdate(t.id(), 2026, "Q2", Double.POSITIVE_INFINITY, "旧数据", null, null, ReportState.APPROVED,
                "legacy");
        Http admin = Http.session(port, "admin", TestUsers.adminPassword());
        HttpResponse<String> page = admin.page(PLAN + "/tasks/" + t.code());
        assertThat(page.statusCode()).isEqualTo(200);
        Document d = Jsoup.parse(page.body());
        assertThat(d.select("#updates td.percent").eachText()).containsExactly("无效值", "无效值");
        // an infinite "approved progress" is not taken for a finished task
        assertThat(service.status(t, Double.POSITIVE_INFINITY, plan, java.time.LocalDate.of(2027, 1, 1)).state())
                .isNotEqualTo(TaskService.State.DONE);
        assertThat(service.status(t, Double.NaN, plan, java.time.LocalDate.of(2027, 1, 1)).progress()).isNull();
        assertThat(admin.page(PLAN + "/tasks").statusCode()).isEqualTo(200);
        assertThat(Http.admin(port).get("/api/v1/plans/zhuji-15th/tasks/" + t.code()).statusCode()).isEqualTo(200);
    }

    @Test
    void everyActionEndsOnAPageThatSaysWhatHappened() {
        Task t = FormPages.taskWithLead(tasks, plan, 7);
        Http reporter = Http.session(port, FormPages.reporterOf(users, org, plan, t, "tfc"), FormPages.PASSWORD);
        Http admin = Http.session(port, "admin", TestUsers.adminPassword());
        String page = PLAN + "/tasks/" + t.code();

        Document draft = follow(reporter, reporter.postForm(page + "/updates", form("Q1", "10", "启动", false)), page);
        assertThat(draft.getElementById("flash-message").text()).contains("2026年一季度进展草稿已保存");

        Document submitted = follow(reporter, reporter.postForm(page + "/updates", form("q2", "35", "完成选址", true)),
                page);
        assertThat(submitted.getElementById("flash-message").text()).contains("2026年二季度进展已提交，等待牵头单位审核");
        assertThat(submitted.select("#updates tr[data-update] td.state").eachText()).containsExactly("草稿", "已提交");
        // the reporter may not approve: no button
        assertThat(submitted.select("button.approve")).isEmpty();
        // the confirmation is said once
        assertThat(Jsoup.parse(reporter.page(page).body()).getElementById("flash-message")).isNull();

        TaskRepository.Update submittedQ2 = tasks.update(t.id(), 2026, "Q2").orElseThrow();
        // the plan office approves what the unit signed off (here the plan office signs off itself)
        follow(admin, admin.postForm(PLAN + "/task-updates/" + submittedQ2.id() + "/sign-off",
                Map.of("version", String.valueOf(submittedQ2.version()))), page);
        TaskRepository.Update q2 = tasks.update(t.id(), 2026, "Q2").orElseThrow();
        Document approved = follow(admin, admin.postForm(PLAN + "/task-updates/" + q2.id() + "/approve",
                Map.of("version", String.valueOf(q2.version()))), page);
        assertThat(approved.getElementById("flash-message").text()).contains("进展已批准");
        assertThat(tasks.update(q2.id()).orElseThrow().state()).isEqualTo(ReportState.APPROVED);

        // a stale version is said on the page, not as an error page
        Document stale = follow(admin, admin.postForm(PLAN + "/task-updates/" + q2.id() + "/approve",
                Map.of("version", String.valueOf(q2.version()))), page);
        assertThat(stale.getElementById("flash-error").text()).isNotBlank();

        // returning needs a reason, shown beside the reason field of that update
        Map<String, String> resubmit = form("Q1", "12", "启动", true);
        resubmit.put("version", String.valueOf(tasks.update(t.id(), 2026, "Q1").orElseThrow().version()));
        Document q1Submitted = follow(reporter, reporter.postForm(page + "/updates", resubmit), page);
        assertThat(q1Submitted.getElementById("flash-message").text()).contains("进展已提交");
        TaskRepository.Update q1 = tasks.update(t.id(), 2026, "Q1").orElseThrow();
        Document noReason = follow(admin, admin.postForm(PLAN + "/task-updates/" + q1.id() + "/return",
                Map.of("version", String.valueOf(q1.version()), "reason", " ")), page);
        assertThat(feedbackOf(noReason.selectFirst("tr[data-update=" + q1.id() + "] input[name=reason]")))
                .isEqualTo("退回须填写原因");
        Document returned = follow(admin, admin.postForm(PLAN + "/task-updates/" + q1.id() + "/return",
                Map.of("version", String.valueOf(q1.version()), "reason", "请补充佐证材料")), page);
        assertThat(returned.getElementById("flash-message").text()).contains("进展已退回", "请补充佐证材料");
        assertThat(tasks.update(q1.id()).orElseThrow().state()).isEqualTo(ReportState.RETURNED);

        // an approved period cannot be changed: said beside the form, the typed text kept
        Document locked = follow(reporter, reporter.postForm(page + "/updates", form("Q2", "40", "改动", true)), page);
        assertThat(locked.getElementById("flash-error").text()).contains("已批准");
        assertThat(locked.getElementById("progress-narrative").text()).isEqualTo("改动");
    }
}
