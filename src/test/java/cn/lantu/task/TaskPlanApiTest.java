package cn.lantu.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.org.OrgRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * The JSON mirror of the task plan: the lead unit edits work points and milestones, another unit may not, the plan
 * office alone sets the reporting frequency, which decides the periods a progress report may name; every write
 * without a version is refused (400), a stale one is 409; the audit log keeps before and after.
 */
@LantuTest
public class TaskPlanApiTest {

    static final String API = "/api/v1/plans/zhuji-15th";

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

    /** The plan office's API client (the PostgreSQL run has its own administrator). */
    Http admin() {
        return Http.admin(port);
    }

    private static String message(HttpResponse<String> r) {
        return String.valueOf(Http.JSON.readValue(r.body(), Map.class).get("message"));
    }

    @Test
    void theLeadUnitEditsThePlanAndThePlanOfficeSetsTheFrequency() {
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        service.ensureGenerated(plan.id());
        Task t = FormPages.taskWithLead(tasks, plan, 11);
        String url = API + "/tasks/" + t.code() + "/plan";
        Http lead = Http.basic(port, FormPages.reporterOf(users, org, plan, t, "tpa"), FormPages.PASSWORD);
        String otherName = "tpo" + System.nanoTime();
        long otherUnit = org.findByType(plan.id(), cn.lantu.org.OrgUnit.Type.DEPARTMENT).stream()
                .filter(u -> !u.code().equals(t.lead().orgCode())).findFirst().orElseThrow().id();
        users.createUser(otherName, "其他部门填报员", FormPages.PASSWORD, Role.REPORTER, otherUnit);
        Http other = Http.basic(port, otherName, FormPages.PASSWORD);
        Http admin = admin();

        Map<String, Object> body = new HashMap<>(Map.of("workPoints", Map.of("2026", "完成选址\n启动建设"),
                "milestones", List.of(Map.of("title", "完成可研", "plannedOn", "2026-06-30",
                        "actualOn", "2026-06-20"))));
        HttpResponse<String> noVersion = lead.putJson(url, body);
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(message(noVersion)).contains("缺少版本号");
        body.put("version", t.version());
        assertThat(other.putJson(url, body).statusCode()).as("another unit").isEqualTo(403);
        String saved = Http.ok(lead.putJson(url, body));
        assertThat(saved).contains("完成选址", "完成可研", "2026-06-20");
        assertThat(lead.putJson(url, body).statusCode()).as("the same version again is stale").isEqualTo(409);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'TASK_PLAN_EDIT' AND subject = ?")
                .param("task:" + t.id()).query(String.class).list())
                .anySatisfy(d -> assertThat(d).contains("2026年工作要点：（无） → “完成选址/启动建设”",
                        "节点：（无） → 完成可研 计划2026年6月30日 实际2026年6月20日"));

        // the frequency is the plan office's; the lead unit keeps it
        Task v2 = tasks.findById(t.id()).orElseThrow();
        HttpResponse<String> monthlyByLead = lead.putJson(url, Map.of("version", v2.version(), "frequency", "MONTHLY"));
        assertThat(monthlyByLead.statusCode()).isEqualTo(403);
        Http.ok(admin.putJson(url, Map.of("version", v2.version(), "frequency", "MONTHLY")));

        // a monthly task is reported by month: a quarter is refused with the periods allowed
        String updates = API + "/tasks/" + t.code() + "/updates";
        HttpResponse<String> quarter = lead.postJson(updates, Map.of("year", 2026, "period", "Q1", "percent", 10,
                "narrative", "启动", "submit", false));
        assertThat(quarter.statusCode()).isEqualTo(400);
        assertThat(message(quarter)).contains("1月", "12月");
        Map<String, Object> m03 = Http.JSON.readValue(Http.ok(lead.postJson(updates, Map.of("year", 2026,
                "period", "M03", "percent", 10, "narrative", "启动", "submit", false))), Map.class);
        HttpResponse<String> again = lead.postJson(updates, Map.of("year", 2026, "period", "M03", "percent", 12,
                "narrative", "启动", "submit", false));
        assertThat(again.statusCode()).as("changing a saved report names its version").isEqualTo(400);
        assertThat(message(again)).contains("版本号");
        Http.ok(lead.postJson(updates, Map.of("year", 2026, "period", "M03", "percent", 12, "narrative", "启动",
                "submit", true, "version", m03.get("version"))));
        HttpResponse<String> moveWithout = admin.postJson(API + "/task-updates/" + m03.get("id") + "/transition",
                Map.of("action", "SIGN_OFF"));
        assertThat(moveWithout.statusCode()).isEqualTo(400);
        assertThat(message(moveWithout)).contains("缺少版本号");
    }

    @Test
    void aTaskOrProjectWriteWithoutVersionIsRefusedAndAStaleOneIs409() {
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        service.ensureGenerated(plan.id());
        Http admin = admin();
        Task t = FormPages.taskWithLead(tasks, plan, 12);
        HttpResponse<String> edit = admin.putJson(API + "/tasks/" + t.code(), Map.of("title", "改名"));
        assertThat(edit.statusCode()).isEqualTo(400);
        assertThat(message(edit)).contains("缺少版本号");
        assertThat(tasks.findById(t.id()).orElseThrow().title()).isEqualTo(t.title());
        assertThat(admin.putJson(API + "/tasks/" + t.code(), Map.of("title", "改名", "version", t.version() + 7))
                .statusCode()).isEqualTo(409);

        Map<String, Object> created = Http.JSON.readValue(Http.ok(admin.postJson(API + "/projects", Map.of(
                "name", "接口登记项目", "domain", "TRA", "stage", "UNDER_CONSTRUCTION", "totalAmount", 10,
                "yearPlans", Map.of("2026", 2, "2027", 3),
                "milestones", Map.of("START", Map.of("plannedOn", "2026-03-01")),
                "blockers", List.of(Map.of("factor", "ENERGY", "note", "能耗指标待调剂", "unit", "FGJ",
                        "dueOn", "2026-12-31"))))), Map.class);
        String code = (String) created.get("code");
        assertThat(created.get("periodAmount")).isEqualTo(5.0);
        String url = API + "/projects/" + code;
        HttpResponse<String> noVersion = admin.putJson(url, Map.of("name", "改名", "domain", "TRA",
                "stage", "COMPLETED"));
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(message(noVersion)).contains("缺少版本号");
        assertThat(admin.putJson(url, Map.of("version", 99, "name", "改名", "domain", "TRA", "stage", "COMPLETED"))
                .statusCode()).isEqualTo(409);
        assertThat(admin.putJson(url + "/plan", Map.of("yearPlans", Map.of("2026", 1))).statusCode())
                .isEqualTo(400);
        assertThat(admin.putJson(url + "/milestones/START", Map.of("actualOn", "2026-03-02")).statusCode())
                .isEqualTo(400);
        String done = Http.ok(admin.putJson(url + "/milestones/START", Map.of("actualOn", "2026-03-02",
                "version", created.get("version"))));
        assertThat(done).contains("2026-03-02");
        long id = ((Number) created.get("id")).longValue();
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'PROJECT_CREATE' AND subject = ?")
                .param("project:" + id).query(String.class).single()).contains("接口登记项目", "2026年2、2027年3",
                "能耗：能耗指标待调剂");
    }
}
