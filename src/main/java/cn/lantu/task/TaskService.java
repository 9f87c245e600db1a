package cn.lantu.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.OutlineNode;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.project.ReportState;
import cn.lantu.security.Actor;
import cn.lantu.project.ProjectDetail;
import cn.lantu.project.ProjectRepository;
import cn.lantu.project.ProjectService;
import cn.lantu.project.Schedule;
import cn.lantu.project.Signal;
import cn.lantu.security.UserRepository;

/**
 * Key tasks: generated once per plan from the stored outline (deterministic, idempotent), edited, split, merged
 * and added by the plan office, reported on by the lead department, and assessed against the time schedule.
 *
 * <p>Which outline nodes become tasks: every MEASURE node of chapters 二 to 十二 (chapter 一 is the review of the
 * past period, the environment and the goals, not work), and every item of the columns that list actions
 * ({@link #ACTION_COLUMNS}). Columns listing places or projects (专栏3, 4, 10, 12, 13), platforms (专栏2's second
 * group, 专栏6), the investment domains (专栏8) and the reforms (专栏9) are not tasks.
 *
 * <p>The generation itself is {@link OutlineTaskGenerator}, the progress update workflow {@link TaskUpdateWorkflow};
 * this service keeps the transactions and the public API.
 */
@Service
public class TaskService {

    /** Column node-key prefixes whose items are actions (tasks). */
    public static final List<String> ACTION_COLUMNS = List.of("col1.", "col2.g1.", "col5.", "col7.", "col11.",
            "col14.", "col15.", "col16.");

    private final TaskRepository tasks;
    private final PlanRepository plans;
    private final OrgRepository org;
    private final ProjectRepository projects;
    private final ProjectService projectService;
    private final UserRepository users;
    private final Schedule schedule;
    private final JdbcClient jdbc;
    private final OutlineTaskGenerator generator;
    private final TaskUpdateWorkflow updates;

    public TaskService(TaskRepository tasks, PlanRepository plans, OrgRepository org, ProjectRepository projects,
                       ProjectService projectService, UserRepository users, Schedule schedule, JdbcClient jdbc,
                       cn.lantu.audit.AuditLog audit) {
        this.tasks = tasks;
        this.plans = plans;
        this.org = org;
        this.projects = projects;
        this.projectService = projectService;
        this.users = users;
        this.schedule = schedule;
        this.jdbc = jdbc;
        this.generator = new OutlineTaskGenerator(tasks, plans, org, projects, jdbc);
        this.updates = new TaskUpdateWorkflow(tasks, org, users, audit);
    }

    // ------------------------------------------------------------------ generation

    /** Whether an outline node becomes a task. */
    public static boolean isTaskNode(OutlineNode n) {
        if ("MEASURE".equals(n.type())) {
            return !n.key().startsWith("c1.");
        }
        if ("COLUMN_ITEM".equals(n.type())) {
            return ACTION_COLUMNS.stream().anyMatch(p -> n.key().startsWith(p));
        }
        return false;
    }

    /** Generates the tasks of a plan from its outline if it has none yet; returns the number created. */
    @Transactional
    public int ensureGenerated(long planId) {
        return generator.ensureGenerated(planId);
    }

    // ------------------------------------------------------------------ reading

    public List<Task> list(long planId) {
        ensureGenerated(planId);
        return tasks.findByPlan(planId, false);
    }

    /** Tasks and projects for an indicator page or a town page. */
    public record Related(List<Task> tasks, List<ProjectDetail> projects) {}

    /** The tasks driving an indicator (by code) and the projects delivering those tasks. */
    public Related byIndicator(long planId, String indicatorCode) {
        ensureGenerated(planId);
        List<Task> list = tasks.findByIndicator(planId, indicatorCode);
        Set<String> codes = new HashSet<>();
        list.forEach(t -> codes.addAll(t.projectCodes()));
        List<ProjectDetail> ps = projects.details(planId).stream().filter(p -> codes.contains(p.code())).toList();
        return new Related(list, ps);
    }

    /** The tasks and projects concerning a town (by town code). */
    public Related byTown(long planId, String townCode) {
        ensureGenerated(planId);
        return new Related(tasks.findByTown(planId, townCode), projectService.byTown(planId, townCode));
    }

    // ------------------------------------------------------------------ status

    /** not started / on schedule / behind schedule / overdue milestone / done. */
    public enum State {
        NOT_STARTED("未开始"), ON_SCHEDULE("按序时推进"), BEHIND("滞后序时"), OVERDUE_MILESTONE("节点逾期"), DONE("已完成");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record TaskStatus(State state, Signal signal, Double progress, double schedulePct, List<String> overdue) {}

    /**
     * Status from the latest approved progress against the time schedule (序时进度) and milestones: red with an
     * overdue milestone or more than the red gap behind, yellow from the yellow gap.
     *
     * <p>The schedule runs from the task's planned start (1 January of its first annual work point, else the start
     * of the plan period) to the end of the plan period. A task with no approved progress yet is only measured
     * once something is due: its planned start (a work point) has come, or a milestone is overdue. Before that it
     * is {@link State#NOT_STARTED} with {@link Signal#NONE} — not late, nothing to measure yet; once due and
     * behind, it is {@link State#BEHIND}, so 未开始 never carries a warning.
     */
    public TaskStatus status(Task t, Double approvedPct, Plan plan, LocalDate asOf) {
        if (approvedPct != null && !ProgressForm.validPercent(approvedPct)) {
            approvedPct = null; // a value stored before percentages were checked (NaN, Infinity) counts as none
        }
        LocalDate periodStart = LocalDate.of(plan.periodStart(), 1, 1);
        LocalDate plannedStart = t.workPoints().keySet().stream().min(Integer::compare)
                .map(y -> LocalDate.of(y, 1, 1)).filter(d -> d.isAfter(periodStart)).orElse(periodStart);
        double sched = Schedule.spanElapsed(plannedStart, LocalDate.of(plan.periodEnd(), 12, 31), asOf);
        List<String> overdue = t.milestones().stream().filter(m -> m.overdue(asOf)).map(Task.Milestone::title)
                .toList();
        if (t.done() || (approvedPct != null && approvedPct >= 100)) {
            return new TaskStatus(State.DONE, Signal.GREEN, approvedPct, sched, List.of());
        }
        boolean due = !t.workPoints().isEmpty() && !asOf.isBefore(plannedStart);
        if (approvedPct == null && overdue.isEmpty() && !due) {
            return new TaskStatus(State.NOT_STARTED, Signal.NONE, null, sched, List.of());
        }
        double progress = approvedPct == null ? 0 : approvedPct;
        Signal signal = schedule.signal(sched - progress, !overdue.isEmpty());
        State state = !overdue.isEmpty() ? State.OVERDUE_MILESTONE
                : signal != Signal.GREEN ? State.BEHIND
                : approvedPct == null ? State.NOT_STARTED : State.ON_SCHEDULE;
        return new TaskStatus(state, signal, approvedPct, sched, overdue);
    }

    public record Row(Task task, TaskStatus status) {}

    public List<Row> rows(Plan plan, LocalDate asOf) {
        Map<Long, Double> latest = tasks.latestApproved(plan.id());
        return list(plan.id()).stream().map(t -> new Row(t, status(t, latest.get(t.id()), plan, asOf))).toList();
    }

    // ------------------------------------------------------------------ plan office edits

    /** An edit of a task by the plan office; null fields are left as they are. */
    public record Edit(Integer version, String title, String body, Boolean done, String lead, List<String> cooperating,
                       List<String> towns, Map<Integer, String> workPoints, List<Map<String, String>> milestones,
                       List<String> indicators, List<String> projects) {}

    @Transactional
    public Task edit(Plan plan, String code, Edit e) {
        Actor a = admin();
        Task t = tasks.find(plan.id(), code).orElseThrow(() -> Actor.bad("任务不存在: " + code));
        if (!tasks.update(t.id(), cn.lantu.web.Versions.require(e.version()), e.title() == null ? t.title() : e.title(),
                e.body() == null ? t.body() : e.body(), e.done() == null ? t.done() : e.done(), a.username())) {
            throw Actor.conflict("任务已被他人修改，请刷新后重试");
        }
        applyLinks(plan, t.id(), e);
        return tasks.findById(t.id()).orElseThrow();
    }

    private void applyLinks(Plan plan, long id, Edit e) {
        if (e.lead() != null) {
            List<Long> ids = new ArrayList<>();
            ids.add(unit(plan.id(), e.lead(), OrgUnit.Type.DEPARTMENT));
            if (e.cooperating() != null) {
                e.cooperating().forEach(c -> ids.add(unit(plan.id(), c, OrgUnit.Type.DEPARTMENT)));
            }
            tasks.setParties(id, ids.stream().distinct().toList(), false);
        }
        if (e.towns() != null) {
            tasks.setTowns(id, e.towns().stream().map(c -> unit(plan.id(), c, OrgUnit.Type.TOWN)).toList());
        }
        if (e.workPoints() != null) {
            e.workPoints().forEach((y, text) -> {
                if (y < plan.periodStart() || y > plan.periodEnd()) {
                    throw Actor.bad("年度须在规划期内: " + y);
                }
                tasks.setWorkPoint(id, y, text);
            });
        }
        if (e.milestones() != null) {
            tasks.deleteMilestones(id);
            for (Map<String, String> m : e.milestones()) {
                tasks.addMilestone(id, m.get("title"), LocalDate.parse(m.get("dueOn")));
            }
        }
        if (e.indicators() != null) {
            tasks.setIndicators(id, e.indicators().stream().map(c -> jdbc.sql(
                    "SELECT id FROM indicator WHERE plan_id = ? AND code = ?").params(plan.id(), c).query(Long.class)
                    .optional().orElseThrow(() -> Actor.bad("未知指标: " + c))).toList());
        }
        if (e.projects() != null) {
            tasks.setProjects(id, e.projects().stream().map(c -> projects.idByCode(plan.id(), c)
                    .orElseThrow(() -> Actor.bad("未知项目: " + c))).toList());
        }
    }

    private long unit(long planId, String code, OrgUnit.Type type) {
        return org.findByCode(planId, code).filter(u -> u.type() == type).map(OrgUnit::id)
                .orElseThrow(() -> Actor.bad("未知" + type.label() + ": " + code));
    }

    private Actor admin() {
        Actor a = Actor.current(users);
        if (!a.admin()) {
            throw Actor.forbidden("只有规划管理员可以编辑任务");
        }
        return a;
    }

    /** Adds a task (origin MANUAL), optionally linked to an outline node. */
    @Transactional
    public Task add(Plan plan, String title, String body, String outlineKey, Edit links) {
        Actor a = admin();
        if (title == null || title.isBlank()) {
            throw Actor.bad("任务名称不能为空");
        }
        if (outlineKey != null && plans.node(plan.id(), outlineKey).isEmpty()) {
            throw Actor.bad("纲要节点不存在: " + outlineKey);
        }
        ensureGenerated(plan.id());
        int ord = tasks.nextOrdinal(plan.id());
        long id = tasks.insert(plan.id(), "T-M" + ord, title.strip(), body, "MANUAL", outlineKey, null, null, ord,
                a.username());
        if (links != null) {
            applyLinks(plan, id, links);
        }
        return tasks.findById(id).orElseThrow();
    }

    /** Splits a task into parts with the given titles; the parts keep its outline link and departments. */
    @Transactional
    public List<Task> split(Plan plan, String code, int version, List<String> titles) {
        Actor a = admin();
        if (titles == null || titles.size() < 2) {
            throw Actor.bad("拆分至少需要两个子任务");
        }
        Task t = tasks.find(plan.id(), code).orElseThrow(() -> Actor.bad("任务不存在: " + code));
        if (!tasks.retire(t.id(), version, null, a.username())) {
            throw Actor.conflict("任务已被他人修改或已停用，请刷新后重试");
        }
        List<Task> out = new ArrayList<>();
        int k = 0;
        for (String title : titles) {
            long id = tasks.insert(plan.id(), t.code() + "-" + (++k), title.strip(), t.body(), "SPLIT", t.outlineKey(),
                    t.chapterKey(), t.columnNo(), t.ordinal(), a.username());
            copyLinks(plan, t, id);
            out.add(tasks.findById(id).orElseThrow());
        }
        return out;
    }

    /** Merges tasks into a new one (titled {@code title}); the merged tasks are retired and point to it. */
    @Transactional
    public Task merge(Plan plan, List<String> codes, String title) {
        Actor a = admin();
        if (codes == null || codes.size() < 2) {
            throw Actor.bad("合并至少需要两个任务");
        }
        List<Task> parts = codes.stream().map(c -> tasks.find(plan.id(), c)
                .filter(Task::active).orElseThrow(() -> Actor.bad("任务不存在或已停用: " + c))).toList();
        Task first = parts.get(0);
        long id = tasks.insert(plan.id(), first.code() + "+", title == null ? first.title() : title.strip(),
                String.join("\n\n", parts.stream().map(Task::body).filter(b -> b != null).toList()), "MERGED",
                first.outlineKey(), first.chapterKey(), first.columnNo(), first.ordinal(), a.username());
        copyLinks(plan, first, id);
        for (Task p : parts) {
            if (!tasks.retire(p.id(), p.version(), id, a.username())) {
                throw Actor.conflict("任务已被他人修改: " + p.code());
            }
        }
        return tasks.findById(id).orElseThrow();
    }

    private void copyLinks(Plan plan, Task from, long to) {
        tasks.setParties(to, from.parties().stream().map(p -> unit(plan.id(), p.orgCode(), OrgUnit.Type.DEPARTMENT))
                .toList(), from.parties().stream().allMatch(Task.Party::isDefault));
        tasks.setTowns(to, from.townCodes().stream().map(c -> unit(plan.id(), c, OrgUnit.Type.TOWN)).toList());
        from.workPoints().forEach((y, w) -> tasks.setWorkPoint(to, y, w));
        from.milestones().forEach(m -> tasks.addMilestone(to, m.title(), m.dueOn()));
        applyLinks(plan, to, new Edit(0, null, null, null, null, null, null, null, null, from.indicatorCodes(),
                from.projectCodes()));
    }

    // ------------------------------------------------------------------ progress updates

    @Transactional
    public TaskRepository.Update saveUpdate(Plan plan, String code, int year, String period, double pct,
                                            String narrative, String problems, String next, Integer version,
                                            boolean submit) {
        return updates.save(plan, code, year, period, pct, narrative, problems, next, version, submit);
    }

    /** What the signed-in user may do with a task's progress updates. */
    public record Rights(boolean report, boolean signOff, boolean approve) {}

    public Rights rights(Plan plan, Task t) {
        return updates.rights(plan, t);
    }

    @Transactional
    public TaskRepository.Update transition(Plan plan, long updateId, String action, int version, String reason) {
        return updates.transition(plan, updateId, action, version, reason);
    }

    /**
     * Progress not yet approved is the task's departments' own business: the plan office and the task's lead and
     * cooperating departments read drafts; everyone else reads approved progress only.
     */
    public boolean mayReadDrafts(Actor a, Task t) {
        if (a.admin()) {
            return true;
        }
        return a.orgUnitId() != null && t.parties().stream().anyMatch(p -> org.findByCode(t.planId(), p.orgCode())
                .map(u -> u.id() == a.orgUnitId()).orElse(false));
    }

    /** The task's progress updates that {@code a} may read. */
    public List<TaskRepository.Update> visibleUpdates(Actor a, Task t) {
        List<TaskRepository.Update> all = tasks.updatesOf(t.id());
        return mayReadDrafts(a, t) ? all : all.stream().filter(u -> u.state() == ReportState.APPROVED).toList();
    }

    /** As {@link #visibleUpdates(Actor, Task)} for the signed-in user. */
    public List<TaskRepository.Update> visibleUpdates(Task t) {
        return visibleUpdates(Actor.current(users), t);
    }

    /** The history of a progress update of the plan, as far as the signed-in user may read it (404 otherwise). */
    public List<TaskRepository.Revision> visibleHistory(Plan plan, long updateId) {
        TaskRepository.Update u = tasks.update(updateId).orElseThrow(() -> new cn.lantu.web.NotFoundException("没有该进展"));
        Task t = tasks.findById(u.taskId()).filter(x -> x.planId() == plan.id())
                .orElseThrow(() -> new cn.lantu.web.NotFoundException("没有该进展"));
        List<TaskRepository.Revision> all = tasks.revisions(updateId);
        return mayReadDrafts(Actor.current(users), t) ? all
                : all.stream().filter(r -> r.state() == ReportState.APPROVED).toList();
    }
}
