package cn.lantu.task;

import java.util.List;

import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.project.ReportState;
import cn.lantu.security.Actor;
import cn.lantu.security.UserRepository;

/**
 * The progress update workflow of a key task: the lead department saves or submits a period's progress, then it is
 * signed off, approved or returned, each step checked against the actor's rights and the update's state and kept as
 * a revision. Owned by {@link TaskService}, which holds the transaction.
 */
final class TaskUpdateWorkflow {

    private final TaskRepository tasks;
    private final OrgRepository org;
    private final UserRepository users;

    private final cn.lantu.audit.AuditLog audit;

    TaskUpdateWorkflow(TaskRepository tasks, OrgRepository org, UserRepository users, cn.lantu.audit.AuditLog audit) {
        this.audit = audit;
        this.tasks = tasks;
        this.org = org;
        this.users = users;
    }

    private Long leadId(Plan plan, Task t) {
        return leadId(org, plan, t);
    }

    /** The id of the task's lead unit, or null when it has none. */
    static Long leadId(OrgRepository org, Plan plan, Task t) {
        Task.Party lead = t.lead();
        return lead == null ? null : org.findByCode(plan.id(), lead.orgCode()).map(OrgUnit::id).orElse(null);
    }

    TaskService.Rights rights(Plan plan, Task t) {
        Actor a = Actor.current(users);
        Long dept = leadId(plan, t);
        return new TaskService.Rights(a.mayReportFor(dept), a.maySignOffFor(dept), a.admin());
    }

    /** Saves a period's progress as a draft or submits it; only the lead department's reporters may. */
    TaskRepository.Update save(Plan plan, String code, int year, String period, double pct,
                               String narrative, String problems, String next, Integer version, boolean submit) {
        Actor a = Actor.current(users);
        Task t = tasks.find(plan.id(), code).filter(Task::active)
                .orElseThrow(() -> Actor.bad("任务不存在: " + code));
        if (!a.mayReportFor(leadId(plan, t))) {
            throw Actor.forbidden("只有牵头部门的填报人员可以报送任务进展");
        }
        if (year < plan.periodStart() || year > plan.periodEnd()) {
            throw Actor.bad("年度须在规划期 " + plan.periodStart() + "–" + plan.periodEnd() + " 内: " + year);
        }
        List<String> periods = ProgressForm.periods(tasks.frequency(t.id()));
        if (period == null || !periods.contains(period)) {
            throw Actor.bad("期间须为该任务的报送期间之一（" + String.join("、", periods.stream()
                    .map(cn.lantu.web.Formats::periodZh).toList()) + "）: " + period);
        }
        // NaN passes both "< 0" and "> 100" unnoticed, and a stored NaN breaks every page showing the task
        if (!ProgressForm.validPercent(pct)) {
            throw Actor.bad("进度须为 0–100 之间的数字: " + pct);
        }
        if (tooLong(narrative) || tooLong(problems) || tooLong(next)) {
            throw Actor.bad("进展情况、存在问题和下步打算每项不能超过 " + ProgressForm.TEXT_MAX + " 个字");
        }
        ReportState target = submit ? ReportState.SUBMITTED : ReportState.DRAFT;
        var existing = tasks.update(t.id(), year, period);
        long id;
        if (existing.isEmpty()) {
            id = tasks.insertUpdate(t.id(), year, period, pct, narrative, problems, next, target, a.username());
        } else {
            var u = existing.get();
            if (!u.state().editable()) {
                throw Actor.conflict("该期进展处于“" + u.state().label() + "”状态，不能修改");
            }
            if (version == null) {
                throw Actor.bad("该期进展已有记录，修改须带上版本号（version）：请在进展列表中点“修改”");
            }
            if (!tasks.updateUpdate(u.id(), version, pct, narrative, problems, next, target, a.username())) {
                throw Actor.conflict("进展已被他人修改，请刷新后重试");
            }
            id = u.id();
        }
        var saved = tasks.update(id).orElseThrow();
        tasks.insertRevision(saved, submit ? "提交" : "保存草稿");
        audit.record(a.username(), submit ? "TASK_UPDATE_SUBMIT" : "TASK_UPDATE_SAVE", "task:" + t.id(),
                t.title() + " " + cn.lantu.web.Formats.periodZh(year, period) + "进展："
                        + existing.map(u -> pctText(u.percent()) + "（" + u.state().label() + "）").orElse("（新建）")
                        + " → " + pctText(saved.percent()) + "（" + saved.state().label() + "）");
        return saved;
    }

    private static boolean tooLong(String text) {
        return text != null && text.length() > ProgressForm.TEXT_MAX;
    }

    /**
     * Moves an update along SUBMIT / SIGN_OFF / APPROVE / RETURN, as figures move: the lead unit's approver signs a
     * submitted update off, the plan office approves a signed-off one; a submitted update goes back from the unit,
     * a signed-off one from the plan office, always with a comment. Sign-off and approval may carry a comment too.
     */
    TaskRepository.Update transition(Plan plan, long updateId, String action, int version, String reason) {
        Actor a = Actor.current(users);
        var u = tasks.update(updateId).orElseThrow(() -> Actor.bad("进展不存在"));
        Task t = tasks.findById(u.taskId()).orElseThrow();
        Long dept = leadId(plan, t);
        if (reason != null && reason.length() > ProgressForm.TEXT_MAX) {
            throw Actor.bad("意见不能超过 " + ProgressForm.TEXT_MAX + " 个字");
        }
        ReportState to = switch (action) {
            case "SUBMIT" -> check(a.mayReportFor(dept), u.state().editable(), ReportState.SUBMITTED);
            case "SIGN_OFF" -> check(a.maySignOffFor(dept), u.state() == ReportState.SUBMITTED,
                    ReportState.SIGNED_OFF);
            case "APPROVE" -> check(a.admin(), u.state() == ReportState.SIGNED_OFF, ReportState.APPROVED);
            case "RETURN" -> {
                if (reason == null || reason.isBlank()) {
                    throw Actor.bad("退回须填写原因");
                }
                boolean allowed = u.state() == ReportState.SIGNED_OFF ? a.admin() : a.maySignOffFor(dept);
                yield check(allowed, u.state() == ReportState.SUBMITTED || u.state() == ReportState.SIGNED_OFF,
                        ReportState.RETURNED);
            }
            default -> throw Actor.bad("未知操作: " + action);
        };
        if (!tasks.updateUpdate(u.id(), version, u.percent(), u.narrative(), u.problems(), u.nextSteps(), to,
                a.username())) {
            throw Actor.conflict("进展已被他人修改，请刷新后重试");
        }
        var saved = tasks.update(u.id()).orElseThrow();
        tasks.insertRevision(saved, reason == null || reason.isBlank() ? to.label() : reason);
        audit.record(a.username(), "TASK_UPDATE_" + action, "task:" + u.taskId(),
                cn.lantu.web.Formats.periodZh(u.year(), u.period()) + "进展" + pctText(u.percent()) + "："
                        + u.state().label() + " → " + to.label()
                        + (reason == null || reason.isBlank() ? "" : "，原因：" + reason));
        return saved;
    }

    private static String pctText(double pct) {
        return Double.isFinite(pct) ? new java.math.BigDecimal(String.valueOf(pct)).stripTrailingZeros()
                .toPlainString() + "%" : "（无效值）";
    }

    private static ReportState check(boolean allowed, boolean stateOk, ReportState to) {
        if (!allowed) {
            throw Actor.forbidden("无权执行该操作");
        }
        if (!stateOk) {
            throw Actor.conflict("当前状态不允许该操作");
        }
        return to;
    }
}
