package cn.lantu.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.audit.AuditLog;
import cn.lantu.org.OrgRepository;
import cn.lantu.plan.Plan;
import cn.lantu.project.ProjectService;
import cn.lantu.security.Actor;
import cn.lantu.security.UserRepository;
import cn.lantu.web.Formats;
import cn.lantu.web.Versions;

/**
 * The plan of a key task as its lead unit and the plan office keep it: the yearly work points (年度工作要点, one
 * point a line) and the milestones with planned and actual dates. The plan office alone sets how often the lead unit
 * reports progress. Every write names the task's version and leaves an audit entry with before and after.
 */
@Service
public class TaskPlanEditor {

    /** Reporting frequencies of a task's lead unit. */
    public static final List<String> FREQUENCIES = List.of("MONTHLY", "QUARTERLY", "ANNUAL");
    static final int TITLE_MAX = 200;

    private final TaskRepository tasks;
    private final OrgRepository org;
    private final UserRepository users;
    private final ProjectService projects;
    private final AuditLog audit;

    TaskPlanEditor(TaskRepository tasks, OrgRepository org, UserRepository users, ProjectService projects,
                   AuditLog audit) {
        this.tasks = tasks;
        this.org = org;
        this.users = users;
        this.projects = projects;
        this.audit = audit;
    }

    /** A milestone as edited: its name, planned date and actual date (null while open). */
    public record MilestoneEdit(String title, LocalDate plannedOn, LocalDate actualOn) {}

    /**
     * An edit of a task's plan. {@code workPoints} replaces the points of the years it names (blank text removes
     * them); {@code milestones}, when given, replaces the list; {@code frequency} null keeps it.
     */
    public record Edit(Integer version, String frequency, Map<Integer, String> workPoints,
                       List<MilestoneEdit> milestones) {}

    /** Whether the signed-in user may edit the task's work points and milestones: the plan office or the lead unit. */
    public boolean mayEdit(Plan plan, Task t) {
        return Actor.current(users).mayReportFor(TaskUpdateWorkflow.leadId(org, plan, t));
    }

    public String frequency(Task t) {
        return tasks.frequency(t.id());
    }

    @Transactional
    public Task edit(Plan plan, String code, Edit e) {
        Actor a = Actor.current(users);
        Task t = tasks.find(plan.id(), code).filter(Task::active)
                .orElseThrow(() -> Actor.bad("任务不存在或已停用: " + code));
        if (!a.mayReportFor(TaskUpdateWorkflow.leadId(org, plan, t))) {
            throw Actor.forbidden("只有规划办和该任务牵头单位的填报、审核人员可以编辑年度工作要点和节点");
        }
        int version = Versions.require(e.version());
        String before = frequency(t);
        String frequency = e.frequency() == null || e.frequency().isBlank() ? before : e.frequency().strip();
        if (!FREQUENCIES.contains(frequency)) {
            throw Actor.bad("报送频次须为 月度、季度 或 年度: " + frequency);
        }
        if (!frequency.equals(before) && !a.admin()) {
            throw Actor.forbidden("报送频次由规划办确定");
        }
        check(plan, e);
        if (!tasks.touchPlan(t.id(), version, frequency, a.username())) {
            throw Actor.conflict("任务已被他人修改，请刷新后重试");
        }
        if (e.workPoints() != null) {
            e.workPoints().forEach((y, text) -> tasks.setWorkPoint(t.id(), y, text == null ? null
                    : text.replace("\r\n", "\n")));
        }
        if (e.milestones() != null) {
            tasks.deleteMilestones(t.id());
            e.milestones().forEach(m -> tasks.addMilestone(t.id(), m.title().strip(), m.plannedOn(), m.actualOn()));
        }
        Task after = tasks.findById(t.id()).orElseThrow();
        audit.record(a.username(), "TASK_PLAN_EDIT", "task:" + t.id(), describe(t, after, before, frequency));
        return after;
    }

    private void check(Plan plan, Edit e) {
        if (e.workPoints() != null) {
            e.workPoints().forEach((y, text) -> {
                if (y == null || y < plan.periodStart() || y > plan.periodEnd()) {
                    throw Actor.bad("年度须在规划期 " + plan.periodStart() + "–" + plan.periodEnd() + " 内: " + y);
                }
                if (text != null && text.length() > ProgressForm.TEXT_MAX) {
                    throw Actor.bad(y + "年工作要点不能超过 " + ProgressForm.TEXT_MAX + " 个字");
                }
            });
        }
        if (e.milestones() != null) {
            LocalDate today = projects.today();
            for (MilestoneEdit m : e.milestones()) {
                if (m == null || m.title() == null || m.title().isBlank() || m.title().length() > TITLE_MAX) {
                    throw Actor.bad("节点名称须填写，且不超过 " + TITLE_MAX + " 个字");
                }
                if (m.plannedOn() == null) {
                    throw Actor.bad("节点“" + m.title().strip() + "”缺少计划日期");
                }
                if (m.actualOn() != null && m.actualOn().isAfter(today)) {
                    throw Actor.bad("节点“" + m.title().strip() + "”的实际完成日期不能晚于今天");
                }
            }
        }
    }

    private static String describe(Task t, Task after, String freqBefore, String freqAfter) {
        List<String> parts = new ArrayList<>();
        if (!freqBefore.equals(freqAfter)) {
            parts.add("报送频次：" + frequencyLabel(freqBefore) + " → " + frequencyLabel(freqAfter));
        }
        java.util.Set<Integer> years = new java.util.TreeSet<>(t.workPoints().keySet());
        years.addAll(after.workPoints().keySet());
        for (Integer y : years) {
            String was = t.workPoints().get(y);
            String now = after.workPoints().get(y);
            if (!Objects.equals(was, now)) {
                parts.add(y + "年工作要点：" + quote(was) + " → " + quote(now));
            }
        }
        String msBefore = milestones(t.milestones());
        String msAfter = milestones(after.milestones());
        if (!msBefore.equals(msAfter)) {
            parts.add("节点：" + msBefore + " → " + msAfter);
        }
        return t.title() + "：" + (parts.isEmpty() ? "未改动" : String.join("；", parts));
    }

    private static String quote(String s) {
        return s == null ? "（无）" : "“" + s.replace('\n', '/') + "”";
    }

    private static String milestones(List<Task.Milestone> ms) {
        return ms.isEmpty() ? "（无）" : ms.stream().map(m -> m.title() + " 计划" + Formats.dateZh(m.dueOn())
                + (m.doneOn() == null ? "" : " 实际" + Formats.dateZh(m.doneOn()))).collect(Collectors.joining("，"));
    }

    /** The frequency as a person reads it. */
    static String frequencyLabel(String f) {
        return switch (f) {
            case "MONTHLY" -> "月度";
            case "ANNUAL" -> "年度";
            default -> "季度";
        };
    }
}
