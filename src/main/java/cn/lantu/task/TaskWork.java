package cn.lantu.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.project.ReportState;
import cn.lantu.security.Actor;
import cn.lantu.security.Role;

/**
 * The key-task work that waits for someone, for the landing page (我的工作): a lead department's open milestones
 * (soonest due first, overdue marked) and its progress reports returned or still drafts; an approver's reports
 * submitted for its sign-off; the plan office's reports signed off for its approval.
 */
@Service
public class TaskWork {

    /** Something a lead department must do on a task: a milestone by its date, or a report to finish. */
    public record Due(String taskCode, String taskTitle, String milestone, LocalDate dueOn, boolean overdue,
                      Integer year, String period, ReportState state, String url) {}

    /** A progress report waiting for a review step. */
    public record Waiting(long updateId, String taskCode, String taskTitle, String leadName, int year, String period,
                          double percent, ReportState state, String updatedBy, Instant updatedAt, String url) {}

    private final TaskRepository tasks;
    private final OrgRepository org;
    private final JdbcClient jdbc;

    TaskWork(TaskRepository tasks, OrgRepository org, JdbcClient jdbc) {
        this.tasks = tasks;
        this.org = org;
        this.jdbc = jdbc;
    }

    private static String url(Plan plan, Task t) {
        return "/plans/" + plan.code() + "/tasks/" + t.code();
    }

    private String unitCode(Actor a, Plan plan) {
        return a.orgUnitId() == null ? null : org.findById(a.orgUnitId()).filter(u -> u.planId() == plan.id())
                .map(OrgUnit::code).orElse(null);
    }

    /** The unit's open milestones and unfinished reports of the tasks it leads: dated ones first, soonest first. */
    public List<Due> dueFor(Actor a, Plan plan, LocalDate today) {
        String unit = unitCode(a, plan);
        if (unit == null || (a.role() != Role.REPORTER && a.role() != Role.APPROVER)) {
            return List.of();
        }
        List<Task> led = tasks.findByPlan(plan.id(), false).stream()
                .filter(t -> !t.done() && t.lead() != null && unit.equals(t.lead().orgCode())).toList();
        List<Due> out = new ArrayList<>();
        for (Task t : led) {
            for (Task.Milestone m : t.milestones()) {
                if (m.doneOn() == null) {
                    out.add(new Due(t.code(), t.title(), m.title(), m.dueOn(), m.overdue(today), null, null, null,
                            url(plan, t)));
                }
            }
        }
        Map<Long, Task> byId = led.stream().collect(Collectors.toMap(Task::id, Function.identity()));
        for (TaskRepository.Update u : updates(plan, List.of(ReportState.RETURNED, ReportState.DRAFT))) {
            Task t = byId.get(u.taskId());
            if (t != null) {
                out.add(new Due(t.code(), t.title(), null, null, false, u.year(), u.period(), u.state(), url(plan, t)));
            }
        }
        out.sort(Comparator.comparing(Due::dueOn, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** Reports for this user's review: an approver's unit's submitted ones, the plan office's signed-off ones. */
    public List<Waiting> waitingForReview(Actor a, Plan plan) {
        String unit = unitCode(a, plan);
        ReportState state = a.role() == Role.ADMIN ? ReportState.SIGNED_OFF
                : a.role() == Role.APPROVER && unit != null ? ReportState.SUBMITTED : null;
        if (state == null) {
            return List.of();
        }
        Map<Long, Task> byId = tasks.findByPlan(plan.id(), false).stream()
                .collect(Collectors.toMap(Task::id, Function.identity()));
        List<Waiting> out = new ArrayList<>();
        for (TaskRepository.Update u : updates(plan, List.of(state))) {
            Task t = byId.get(u.taskId());
            if (t == null || t.lead() == null || (a.role() == Role.APPROVER && !unit.equals(t.lead().orgCode()))) {
                continue;
            }
            out.add(new Waiting(u.id(), t.code(), t.title(), t.lead().orgName(), u.year(), u.period(), u.percent(),
                    u.state(), u.updatedBy(), u.updatedAt(), url(plan, t)));
        }
        return out;
    }

    /** The plan's progress reports in these states, oldest change first. */
    private List<TaskRepository.Update> updates(Plan plan, List<ReportState> states) {
        return jdbc.sql("""
                SELECT u.id FROM task_update u JOIN task t ON t.id = u.task_id
                 WHERE t.plan_id = :plan AND t.active = TRUE AND u.state IN (:states) ORDER BY u.updated_at, u.id""")
                .param("plan", plan.id()).param("states", states.stream().map(Enum::name).toList())
                .query(Long.class).list().stream().map(id -> tasks.update(id).orElseThrow()).toList();
    }
}
