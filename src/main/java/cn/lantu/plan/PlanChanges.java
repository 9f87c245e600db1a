package cn.lantu.plan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Raises a plan's data version ({@code plan_data_version.data_version}) when something its assessment or cockpit
 * is computed from changes. Every write path of figures, overrides, targets, tasks, projects and responsibilities calls one of
 * these in its own transaction, so results stored at an older version (the nightly reassessment, the cockpit
 * snapshot) are known to be stale on every instance. The update also serialises concurrent writers of one plan on
 * its version row for the rest of their transaction, which is harmless at the write rates of plan monitoring. The
 * counter has its own narrow table so that raising it never rewrites the plan row and its outline text.
 */
@Component
public class PlanChanges {

    private final JdbcClient jdbc;

    public PlanChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void touch(long planId) {
        jdbc.sql("UPDATE plan_data_version SET data_version = data_version + 1 WHERE plan_id = ?").param(planId).update();
    }

    public void touchByIndicator(long indicatorId) {
        bump("SELECT plan_id FROM indicator WHERE id = ?", indicatorId);
    }

    public void touchByFigure(long figureId) {
        bump("SELECT i.plan_id FROM figure f JOIN indicator i ON i.id = f.indicator_id WHERE f.id = ?", figureId);
    }

    public void touchByTask(long taskId) {
        bump("SELECT plan_id FROM task WHERE id = ?", taskId);
    }

    public void touchByTaskMilestone(long milestoneId) {
        bump("SELECT t.plan_id FROM task_milestone m JOIN task t ON t.id = m.task_id WHERE m.id = ?", milestoneId);
    }

    public void touchByTaskUpdate(long updateId) {
        bump("SELECT t.plan_id FROM task_update u JOIN task t ON t.id = u.task_id WHERE u.id = ?", updateId);
    }

    public void touchByProject(long projectId) {
        bump("SELECT plan_id FROM project WHERE id = ?", projectId);
    }

    public void touchByProjectBlocker(long blockerId) {
        bump("SELECT p.plan_id FROM project_blocker b JOIN project p ON p.id = b.project_id WHERE b.id = ?", blockerId);
    }

    public void touchByProjectReport(long reportId) {
        bump("SELECT p.plan_id FROM project_report r JOIN project p ON p.id = r.project_id WHERE r.id = ?", reportId);
    }

    /** Raises the version of the plan that {@code planOf} (a query with one parameter) finds. */
    private void bump(String planOf, long id) {
        jdbc.sql("UPDATE plan_data_version SET data_version = data_version + 1 WHERE plan_id = (" + planOf + ")")
                .param(id).update();
    }
}
