package cn.lantu.workbench;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.lantu.assessment.Warning;
import cn.lantu.collection.DeadlineService;
import cn.lantu.collection.FigureState;
import cn.lantu.collection.ReportingWork;
import cn.lantu.monitoring.PlanAssessmentService;
import cn.lantu.notify.Notifier;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.security.Actor;
import cn.lantu.security.Role;
import cn.lantu.task.TaskWork;

/**
 * What waits for the signed-in user, gathered from the modules that own the work: a unit's figures to report and
 * its task deadlines, an approver's queue, the plan office's overview. Leaders and supervisors have pages of their
 * own (the cockpit, the plan list) and get no work list here.
 */
@Service
class MyWork {

    static final int MAX_LISTED = 300;

    /** The plan office's overview: what waits for its approval and what is late. */
    record Overview(int figuresToApprove, int figuresAwaitingSignOff, int taskReportsToApprove,
                    Integer pendingRevisions, int overdueUnits, int warnings, int redWarnings, int warningYear,
                    List<DeadlineService.Overdue> overdue) {}

    /** The landing page of one user; lists not for the user's role are empty, the overview null. */
    record Work(String plan, String planName, Role role, String home, String unitName, long unreadNotifications,
                List<ReportingWork.ToReport> figuresToReport, List<TaskWork.Due> taskDeadlines,
                List<ReportingWork.Waiting> figuresToReview, List<TaskWork.Waiting> taskReportsToReview,
                Overview overview) {}

    private final ReportingWork reporting;
    private final TaskWork tasks;
    private final PlanAssessmentService assessments;
    private final PendingRevisions revisions;
    private final Notifier notifier;
    private final OrgRepository org;

    MyWork(ReportingWork reporting, TaskWork tasks, PlanAssessmentService assessments, PendingRevisions revisions,
           Notifier notifier, OrgRepository org) {
        this.reporting = reporting;
        this.tasks = tasks;
        this.assessments = assessments;
        this.revisions = revisions;
        this.notifier = notifier;
        this.org = org;
    }

    /**
     * Where each role lands after login: leaders on the cockpit, supervisors on the reports, the administrators of
     * the system on their own administration page, others here.
     */
    static String home(Role role, Plan plan) {
        return switch (role) {
            case SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> "/admin";
            case LEADER -> "/plans/" + plan.code() + "/cockpit";
            case SUPERVISOR -> "/plans/" + plan.code() + "/reports";
            default -> "/work?plan=" + plan.code();
        };
    }

    Work of(Actor a, Plan plan, LocalDate today) {
        String unit = a.orgUnitId() == null ? null : org.findById(a.orgUnitId()).map(OrgUnit::name).orElse(null);
        boolean reports = a.role() == Role.REPORTER || a.role() == Role.APPROVER;
        List<TaskWork.Waiting> taskReports = tasks.waitingForReview(a, plan);
        return new Work(plan.code(), plan.name(), a.role(), home(a.role(), plan), unit, notifier.unread(a.username()),
                reports ? cap(reporting.toReport(a, plan, today)) : List.of(),
                reports ? cap(tasks.dueFor(a, plan, today)) : List.of(),
                cap(reporting.waitingForReview(a, plan)), cap(taskReports),
                a.role() == Role.ADMIN ? overview(plan, today, taskReports.size()) : null);
    }

    /** A list bounded for one page; the overview's counts give the totals. */
    static <T> List<T> cap(List<T> items) {
        return items.size() <= MAX_LISTED ? items : items.subList(0, MAX_LISTED);
    }

    private Overview overview(Plan plan, LocalDate today, int taskReports) {
        List<DeadlineService.Overdue> overdue = reporting.overdue(plan, today);
        int year = assessments.defaultYear(plan);
        List<Warning> warnings = assessments.assess(plan, year).indicators().stream()
                .map(i -> i.assessment().warning()).filter(w -> w == Warning.RED || w == Warning.YELLOW).toList();
        return new Overview(reporting.count(plan, FigureState.SIGNED_OFF), reporting.count(plan, FigureState.SUBMITTED),
                taskReports, revisions.count(plan.id()),
                (int) overdue.stream().map(DeadlineService.Overdue::orgUnitId).distinct().count(), warnings.size(),
                (int) warnings.stream().filter(w -> w == Warning.RED).count(), year, overdue);
    }
}
