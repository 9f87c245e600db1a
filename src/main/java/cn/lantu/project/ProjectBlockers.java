package cn.lantu.project;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.lantu.plan.PlanChanges;

/** Plain SQL writes of a project's blocking factors (要素保障) as the project form edits them. */
@Repository
class ProjectBlockers {

    private final JdbcClient jdbc;
    private final PlanChanges changes;

    ProjectBlockers(JdbcClient jdbc, PlanChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** A blocking factor as written: null {@code id} for a new one. */
    record Write(Long id, ProjectDetail.Factor factor, String status, String note, Long actUnitId, LocalDate dueOn) {}

    /** Replaces the project's blocking factors: listed ones are updated or added, the others removed. */
    void replace(long projectId, List<Write> blockers, String by) {
        List<Long> kept = blockers.stream().map(Write::id).filter(id -> id != null).toList();
        jdbc.sql("SELECT id FROM project_blocker WHERE project_id = ?").param(projectId).query(Long.class).list()
                .stream().filter(id -> !kept.contains(id))
                .forEach(id -> jdbc.sql("DELETE FROM project_blocker WHERE id = ?").param(id).update());
        Timestamp now = Timestamp.from(Instant.now());
        for (Write b : blockers) {
            Date due = b.dueOn() == null ? null : Date.valueOf(b.dueOn());
            if (b.id() == null) {
                jdbc.sql("""
                        INSERT INTO project_blocker (project_id, factor, status, note, act_unit_id, due_on, updated_by,
                          updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(projectId, b.factor().name(),
                        b.status(), b.note(), b.actUnitId(), due, by, now).update();
            } else {
                jdbc.sql("""
                        UPDATE project_blocker SET factor = ?, status = ?, note = ?, act_unit_id = ?, due_on = ?,
                          updated_by = ?, updated_at = ? WHERE id = ? AND project_id = ?""").params(b.factor().name(),
                        b.status(), b.note(), b.actUnitId(), due, by, now, b.id(), projectId).update();
            }
        }
        changes.touchByProject(projectId);
    }
}
