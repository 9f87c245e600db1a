package cn.lantu.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.org.OrgRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.project.Signal;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/** Task progress updates and status, plan-office edits, reform stage moves, and the JSON API. */
@LantuTest
class TaskWorkflowTest {

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

    @Test
    void leadDepartmentReportsProgressAdministratorApprovesStatusFollows() {
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        service.ensureGenerated(plan.id());
        Http admin = Http.admin(port);
        // the plan office assigns the lead department and a milestone
        Task t = tasks.find(plan.id(), "T-col16.i14").orElseThrow();
        String edited = Http.ok(admin.putJson("/api/v1/plans/zhuji-15th/tasks/T-col16.i14", Map.of(
                "version", t.version(), "lead", "SFJ", "cooperating", List.of("ZFW"), "towns", List.of("FENGQIAO"),
                "workPoints", Map.of("2026", "建成司法调解中心"),
                "milestones", List.of(Map.of("title", "中期评估", "dueOn", "2028-06-30")))));
        assertThat(edited).contains("SFJ", "FENGQIAO", "建成司法调解中心");
        Task t2 = tasks.find(plan.id(), "T-col16.i14").orElseThrow();
        assertThat(t2.lead().isDefault()).isFalse();
        assertThat(service.byTown(plan.id(), "FENGQIAO").tasks()).extracting(Task::code).contains("T-col16.i14");

        String name = "sfj" + System.nanoTime();
        users.createUser(name, "司法局填报员", "sfj-password-123", Role.REPORTER,
                org.findByCode(plan.id(), "SFJ").orElseThrow().id());
        Http reporter = Http.basic(port, name, "sfj-password-123");
        var saved = reporter.postJson("/api/v1/plans/zhuji-15th/tasks/T-col16.i14/updates", Map.of("year", 2026,
                "period", "Q2", "percent", 40, "narrative", "已完成选址", "submit", true));
        assertThat(saved.statusCode()).isEqualTo(200);
        Map<String, Object> u = Http.JSON.readValue(saved.body(), Map.class);
        // a reporter cannot approve; the administrator can
        assertThat(reporter.postJson("/api/v1/plans/zhuji-15th/task-updates/" + u.get("id") + "/transition",
                Map.of("action", "APPROVE", "version", u.get("version"))).statusCode()).isEqualTo(403);
        // approval waits for the sign-off
        assertThat(admin.postJson("/api/v1/plans/zhuji-15th/task-updates/" + u.get("id") + "/transition",
                Map.of("action", "APPROVE", "version", u.get("version"))).statusCode()).isEqualTo(409);
        assertThat(admin.postJson("/api/v1/plans/zhuji-15th/task-updates/" + u.get("id") + "/transition",
                Map.of("action", "SIGN_OFF", "version", u.get("version"))).statusCode()).isEqualTo(200);
        int signedOff = ((Number) u.get("version")).intValue() + 1;
        assertThat(admin.postJson("/api/v1/plans/zhuji-15th/task-updates/" + u.get("id") + "/transition",
                Map.of("action", "APPROVE", "version", 99)).statusCode()).isEqualTo(409);
        assertThat(admin.postJson("/api/v1/plans/zhuji-15th/task-updates/" + u.get("id") + "/transition",
                Map.of("action", "APPROVE", "version", signedOff)).statusCode()).isEqualTo(200);
        Task t3 = tasks.find(plan.id(), "T-col16.i14").orElseThrow();
        Double latest = tasks.latestApproved(plan.id()).get(t3.id());
        assertThat(latest).isEqualTo(40.0);
        // plan period 2026–2030: mid-2027 is ~30 % of the time schedule → 40 % is on schedule
        assertThat(service.status(t3, latest, plan, LocalDate.of(2027, 6, 30)).state())
                .isEqualTo(TaskService.State.ON_SCHEDULE);
        // June 2028 (~48 % of the time schedule, before the milestone): 30 % is 18 points behind → yellow,
        // 10 % is 38 behind → red
        assertThat(service.status(t3, 30.0, plan, LocalDate.of(2028, 6, 1)).signal()).isEqualTo(Signal.YELLOW);
        assertThat(service.status(t3, 30.0, plan, LocalDate.of(2028, 6, 1)).state())
                .isEqualTo(TaskService.State.BEHIND);
        assertThat(service.status(t3, 10.0, plan, LocalDate.of(2028, 6, 1)).signal()).isEqualTo(Signal.RED);
        // the milestone passes without being done → overdue, red
        TaskService.TaskStatus late = service.status(t3, 60.0, plan, LocalDate.of(2028, 7, 1));
        assertThat(late.state()).isEqualTo(TaskService.State.OVERDUE_MILESTONE);
        assertThat(late.signal()).isEqualTo(Signal.RED);
        assertThat(service.status(t3, null, plan, LocalDate.of(2026, 2, 1)).state())
                .isEqualTo(TaskService.State.NOT_STARTED);
    }

    @Test
    void planOfficeSplitsAndMergesTasks() {
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        service.ensureGenerated(plan.id());
        Http admin = Http.admin(port);
        Task t = tasks.find(plan.id(), "T-col15.i2").orElseThrow();
        var split = admin.postJson("/api/v1/plans/zhuji-15th/tasks/T-col15.i2/split",
                Map.of("version", t.version(), "titles", List.of("教育经费保障", "教育基建投入")));
        assertThat(split.statusCode()).isEqualTo(200);
        assertThat(tasks.find(plan.id(), "T-col15.i2").orElseThrow().active()).isFalse();
        assertThat(tasks.find(plan.id(), "T-col15.i2-1").orElseThrow().outlineKey()).isEqualTo("col15.i2");
        var merged = admin.postJson("/api/v1/plans/zhuji-15th/tasks/merge",
                Map.of("codes", List.of("T-col15.i2-1", "T-col15.i2-2"), "title", "持续加大财政保障投入"));
        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(tasks.find(plan.id(), "T-col15.i2-1").orElseThrow().mergedInto()).isNotNull();
        List<Map<String, Object>> list = admin.getList("/api/v1/plans/zhuji-15th/tasks");
        assertThat(list).noneMatch(r -> ((Map<?, ?>) r.get("task")).get("code").equals("T-col15.i2-1"));
    }

    @Test
    void reformsMoveStageByStageWithWhoWhenAndOutcome() {
        Http admin = Http.admin(port);
        List<Map<String, Object>> items = admin.getList("/api/v1/plans/zhuji-15th/reforms");
        assertThat(items).hasSize(20);
        Map<String, Object> first = items.get(19);
        String code = (String) ((Map<?, ?>) first.get("reform")).get("code");
        int version = (Integer) first.get("version");
        assertThat(admin.postJson("/api/v1/plans/zhuji-15th/reforms/" + code + "/move",
                Map.of("to", "MANAGING", "version", version)).statusCode()).isEqualTo(409);
        var moved = admin.postJson("/api/v1/plans/zhuji-15th/reforms/" + code + "/move",
                Map.of("to", "EVALUATING", "version", version, "note", "列入年度改革计划"));
        assertThat(moved.statusCode()).isEqualTo(200);
        Map<String, Object> item = Http.JSON.readValue(moved.body(), Map.class);
        var managing = admin.postJson("/api/v1/plans/zhuji-15th/reforms/" + code + "/move",
                Map.of("to", "MANAGING", "version", item.get("version")));
        item = Http.JSON.readValue(Http.ok(managing), Map.class);
        assertThat(admin.postJson("/api/v1/plans/zhuji-15th/reforms/" + code + "/move",
                Map.of("to", "TRANSFORMING", "version", item.get("version"))).statusCode()).isEqualTo(400);
        var done = admin.postJson("/api/v1/plans/zhuji-15th/reforms/" + code + "/move", Map.of("to", "TRANSFORMING",
                "version", item.get("version"), "outcomeKind", "POLICY", "outcomeText", "出台数字监督办法"));
        item = Http.JSON.readValue(Http.ok(done), Map.class);
        assertThat(item.get("stageLabel")).isEqualTo("成果转化");
        List<Map<String, Object>> events = (List<Map<String, Object>>) item.get("events");
        assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e.get("actor")).isEqualTo("admin"));
        assertThat(events.get(2).get("outcomeText")).isEqualTo("出台数字监督办法");
    }
}
