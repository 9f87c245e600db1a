package cn.lantu.task;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.lantu.plan.PlanChanges;
import cn.lantu.project.ReportState;

/** Plain SQL access to key tasks, their departments, towns, work points, milestones, links and progress updates. */
@Repository
public class TaskRepository {

    private final JdbcClient jdbc;
    private final PlanChanges changes;

    public TaskRepository(JdbcClient jdbc, PlanChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    public int count(long planId) {
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE plan_id = ?").param(planId).query(Integer.class).single();
    }

    public long insert(long planId, String code, String title, String body, String origin, String outlineKey,
                       String chapterKey, Integer columnNo, int ordinal, String by) {
        jdbc.sql("""
                INSERT INTO task (plan_id, code, title, body, origin, outline_key, chapter_key, column_no, active, done,
                  ordinal, version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, ?, 1, ?, ?)
                """).params(planId, code, title, body, origin, outlineKey, chapterKey, columnNo, ordinal, by,
                Timestamp.from(Instant.now())).update();
        var result = jdbc.sql("SELECT id FROM task WHERE plan_id = ? AND code = ?").params(planId, code).query(Long.class)
                .single();
        changes.touch(planId);
        return result;
    }

    public int nextOrdinal(long planId) {
        return jdbc.sql("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM task WHERE plan_id = ?").param(planId)
                .query(Integer.class).single();
    }

    public boolean update(long id, int expectedVersion, String title, String body, boolean done, String by) {
        var result = jdbc.sql("""
                UPDATE task SET title = ?, body = ?, done = ?, version = version + 1, updated_by = ?, updated_at = ?
                WHERE id = ? AND version = ?""").params(title, body, done, by, Timestamp.from(Instant.now()), id,
                expectedVersion).update() == 1;
        changes.touchByTask(id);
        return result;
    }

    public boolean retire(long id, int expectedVersion, Long mergedInto, String by) {
        var result = jdbc.sql("""
                UPDATE task SET active = FALSE, merged_into = ?, version = version + 1, updated_by = ?, updated_at = ?
                WHERE id = ? AND version = ? AND active = TRUE""").params(mergedInto, by, Timestamp.from(Instant.now()),
                id, expectedVersion).update() == 1;
        changes.touchByTask(id);
        return result;
    }

    public void setParties(long taskId, List<Long> orgIds, boolean isDefault) {
        jdbc.sql("DELETE FROM task_org WHERE task_id = ?").param(taskId).update();
        for (int i = 0; i < orgIds.size(); i++) {
            jdbc.sql("INSERT INTO task_org (task_id, org_unit_id, role, is_default) VALUES (?, ?, ?, ?)")
                    .params(taskId, orgIds.get(i), i == 0 ? "LEAD" : "COOPERATE", isDefault).update();
        }
        changes.touchByTask(taskId);
    }

    public void setTowns(long taskId, List<Long> townIds) {
        jdbc.sql("DELETE FROM task_town WHERE task_id = ?").param(taskId).update();
        townIds.stream().distinct().forEach(t -> jdbc.sql("INSERT INTO task_town (task_id, town_id) VALUES (?, ?)")
                .params(taskId, t).update());
        changes.touchByTask(taskId);
    }

    public void setWorkPoint(long taskId, int year, String content) {
        jdbc.sql("DELETE FROM task_work_point WHERE task_id = ? AND plan_year = ?").params(taskId, year).update();
        if (content != null && !content.isBlank()) {
            jdbc.sql("INSERT INTO task_work_point (task_id, plan_year, content) VALUES (?, ?, ?)")
                    .params(taskId, year, content.strip()).update();
        }
        changes.touchByTask(taskId);
    }

    public void addMilestone(long taskId, String title, LocalDate due) {
        jdbc.sql("INSERT INTO task_milestone (task_id, title, due_on) VALUES (?, ?, ?)")
                .params(taskId, title, Date.valueOf(due)).update();
        changes.touchByTask(taskId);
    }

    /** A milestone with its actual date (null while open). */
    public void addMilestone(long taskId, String title, LocalDate due, LocalDate done) {
        jdbc.sql("INSERT INTO task_milestone (task_id, title, due_on, done_on) VALUES (?, ?, ?, ?)")
                .params(taskId, title, Date.valueOf(due), done == null ? null : Date.valueOf(done)).update();
        changes.touchByTask(taskId);
    }

    /** How often the lead unit reports the task's progress: MONTHLY, QUARTERLY or ANNUAL. */
    public String frequency(long taskId) {
        return jdbc.sql("SELECT report_frequency FROM task WHERE id = ?").param(taskId).query(String.class).single();
    }

    /** Sets the reporting frequency and bumps the version if it matches; false on a concurrent change. */
    public boolean touchPlan(long taskId, int expectedVersion, String frequency, String by) {
        var result = jdbc.sql("""
                UPDATE task SET report_frequency = ?, version = version + 1, updated_by = ?, updated_at = ?
                WHERE id = ? AND version = ?""").params(frequency, by, Timestamp.from(Instant.now()), taskId,
                expectedVersion).update() == 1;
        changes.touchByTask(taskId);
        return result;
    }

    public void completeMilestone(long milestoneId, LocalDate doneOn) {
        jdbc.sql("UPDATE task_milestone SET done_on = ? WHERE id = ?")
                .params(doneOn == null ? null : Date.valueOf(doneOn), milestoneId).update();
        changes.touchByTaskMilestone(milestoneId);
    }

    public void deleteMilestones(long taskId) {
        jdbc.sql("DELETE FROM task_milestone WHERE task_id = ?").param(taskId).update();
        changes.touchByTask(taskId);
    }

    public void setIndicators(long taskId, List<Long> indicatorIds) {
        jdbc.sql("DELETE FROM task_indicator WHERE task_id = ?").param(taskId).update();
        indicatorIds.stream().distinct().forEach(i -> jdbc.sql(
                "INSERT INTO task_indicator (task_id, indicator_id) VALUES (?, ?)").params(taskId, i).update());
        changes.touchByTask(taskId);
    }

    public void setProjects(long taskId, List<Long> projectIds) {
        jdbc.sql("DELETE FROM task_project WHERE task_id = ?").param(taskId).update();
        projectIds.stream().distinct().forEach(i -> jdbc.sql(
                "INSERT INTO task_project (task_id, project_id) VALUES (?, ?)").params(taskId, i).update());
        changes.touchByTask(taskId);
    }

    /** Active tasks of a plan (or all, with retired ones). */
    public List<Task> findByPlan(long planId, boolean includeRetired) {
        return load("t.plan_id = ?" + (includeRetired ? "" : " AND t.active = TRUE"), planId);
    }

    public Optional<Task> find(long planId, String code) {
        return load("t.plan_id = ? AND t.code = ?", planId, code).stream().findFirst();
    }

    public Optional<Task> findById(long id) {
        return load("t.id = ?", id).stream().findFirst();
    }

    /** Active tasks linked to an indicator (by indicator code). */
    public List<Task> findByIndicator(long planId, String indicatorCode) {
        return load("t.plan_id = ? AND t.active = TRUE AND t.id IN (SELECT ti.task_id FROM task_indicator ti "
                + "JOIN indicator i ON i.id = ti.indicator_id WHERE i.code = ? AND i.plan_id = t.plan_id)",
                planId, indicatorCode);
    }

    /** Active tasks concerning a town (by town code). */
    public List<Task> findByTown(long planId, String townCode) {
        return load("t.plan_id = ? AND t.active = TRUE AND t.id IN (SELECT tt.task_id FROM task_town tt "
                + "JOIN org_unit o ON o.id = tt.town_id WHERE o.code = ? AND o.plan_id = t.plan_id)", planId, townCode);
    }

    private List<Task> load(String where, Object... params) {
        List<Object[]> rows = jdbc.sql("SELECT t.* FROM task t WHERE " + where + " ORDER BY t.ordinal, t.id")
                .params(params).query((rs, i) -> new Object[] {rs.getLong("id"), rs.getLong("plan_id"),
                        rs.getString("code"), rs.getString("title"), rs.getString("body"), rs.getString("origin"),
                        rs.getString("outline_key"), rs.getString("chapter_key"),
                        rs.getObject("column_no", Integer.class), rs.getBoolean("active"), rs.getBoolean("done"),
                        rs.getObject("merged_into", Long.class), rs.getInt("ordinal"), rs.getInt("version")})
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        String in = rows.stream().map(r -> String.valueOf(r[0])).collect(Collectors.joining(","));
        Map<Long, List<Task.Party>> parties = group(jdbc.sql("SELECT x.task_id, o.code, o.name, x.role, x.is_default "
                + "FROM task_org x JOIN org_unit o ON o.id = x.org_unit_id WHERE x.task_id IN (" + in
                + ") ORDER BY x.role DESC, o.ordinal").query((rs, i) -> Map.entry(rs.getLong(1),
                new Task.Party(rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))).list());
        Map<Long, List<String>> towns = group(jdbc.sql("SELECT x.task_id, o.code FROM task_town x JOIN org_unit o "
                + "ON o.id = x.town_id WHERE x.task_id IN (" + in + ") ORDER BY o.ordinal")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list());
        Map<Long, Map<Integer, String>> points = new LinkedHashMap<>();
        jdbc.sql("SELECT task_id, plan_year, content FROM task_work_point WHERE task_id IN (" + in + ")")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3)}).list()
                .forEach(r -> points.computeIfAbsent((Long) r[0], k -> new TreeMap<>()).put((Integer) r[1],
                        (String) r[2]));
        Map<Long, List<Task.Milestone>> ms = group(jdbc.sql("SELECT * FROM task_milestone WHERE task_id IN (" + in
                + ") ORDER BY due_on, id").query((rs, i) -> Map.entry(rs.getLong("task_id"), new Task.Milestone(
                rs.getLong("id"), rs.getString("title"), rs.getDate("due_on").toLocalDate(),
                rs.getDate("done_on") == null ? null : rs.getDate("done_on").toLocalDate()))).list());
        Map<Long, List<String>> inds = group(jdbc.sql("SELECT x.task_id, i.code FROM task_indicator x JOIN indicator i "
                + "ON i.id = x.indicator_id WHERE x.task_id IN (" + in + ") ORDER BY i.code")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list());
        Map<Long, List<String>> projs = group(jdbc.sql("SELECT x.task_id, p.code FROM task_project x JOIN project p "
                + "ON p.id = x.project_id WHERE x.task_id IN (" + in + ") ORDER BY p.ordinal")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list());
        List<Task> out = new ArrayList<>();
        for (Object[] r : rows) {
            long id = (Long) r[0];
            out.add(new Task(id, (Long) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], (String) r[7], (Integer) r[8], (Boolean) r[9], (Boolean) r[10], (Long) r[11],
                    (Integer) r[12], (Integer) r[13], parties.getOrDefault(id, List.of()),
                    towns.getOrDefault(id, List.of()), points.getOrDefault(id, Map.of()), ms.getOrDefault(id, List.of()),
                    inds.getOrDefault(id, List.of()), projs.getOrDefault(id, List.of())));
        }
        return out;
    }

    private static <V> Map<Long, List<V>> group(List<Map.Entry<Long, V>> entries) {
        Map<Long, List<V>> out = new LinkedHashMap<>();
        entries.forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    // ------------------------------------------------------------------ progress updates

    /** A progress update of a task for a month (M01..M12) or quarter (Q1..Q4). */
    public record Update(long id, long taskId, int year, String period, double percent, String narrative,
                         String problems, String nextSteps, ReportState state, int version, String updatedBy,
                         Instant updatedAt) {

        /** False for a value stored before percentages were checked (NaN, Infinity, below 0 or above 100). */
        public boolean validPercent() {
            return ProgressForm.validPercent(percent);
        }
    }

    public record Revision(int version, double percent, ReportState state, String reason, String changedBy,
                           Instant changedAt) {}

    private static Update mapUpdate(ResultSet rs, int row) throws SQLException {
        return new Update(rs.getLong("id"), rs.getLong("task_id"), rs.getInt("report_year"), rs.getString("period"),
                rs.getDouble("percent"), rs.getString("narrative"), rs.getString("problems"),
                rs.getString("next_steps"), ReportState.valueOf(rs.getString("state")), rs.getInt("version"),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }

    public Optional<Update> update(long id) {
        return jdbc.sql("SELECT * FROM task_update WHERE id = ?").param(id).query(TaskRepository::mapUpdate)
                .optional();
    }

    public Optional<Update> update(long taskId, int year, String period) {
        return jdbc.sql("SELECT * FROM task_update WHERE task_id = ? AND report_year = ? AND period = ?")
                .params(taskId, year, period).query(TaskRepository::mapUpdate).optional();
    }

    public List<Update> updatesOf(long taskId) {
        return jdbc.sql("SELECT * FROM task_update WHERE task_id = ? ORDER BY report_year, period").param(taskId)
                .query(TaskRepository::mapUpdate).list();
    }

    /** The latest approved percentage per task of a plan. */
    public Map<Long, Double> latestApproved(long planId) {
        Map<Long, Double> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT u.task_id, u.percent FROM task_update u JOIN task t ON t.id = u.task_id
                WHERE t.plan_id = ? AND u.state = 'APPROVED' ORDER BY u.report_year, u.period""").param(planId)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getDouble(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public long insertUpdate(long taskId, int year, String period, double pct, String narrative, String problems,
                             String next, ReportState state, String by) {
        jdbc.sql("""
                INSERT INTO task_update (task_id, report_year, period, percent, narrative, problems, next_steps, state,
                  version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")
                .params(taskId, year, period, pct, narrative, problems, next, state.name(), by,
                        Timestamp.from(Instant.now())).update();
        var result = update(taskId, year, period).orElseThrow().id();
        changes.touchByTask(taskId);
        return result;
    }

    public boolean updateUpdate(long id, int expectedVersion, double pct, String narrative, String problems,
                                String next, ReportState state, String by) {
        var result = jdbc.sql("""
                UPDATE task_update SET percent = ?, narrative = ?, problems = ?, next_steps = ?, state = ?,
                  version = version + 1, updated_by = ?, updated_at = ? WHERE id = ? AND version = ?""")
                .params(pct, narrative, problems, next, state.name(), by, Timestamp.from(Instant.now()), id,
                        expectedVersion).update() == 1;
        changes.touchByTaskUpdate(id);
        return result;
    }

    public void insertRevision(Update u, String reason) {
        jdbc.sql("""
                INSERT INTO task_update_revision (update_id, version, percent, state, reason, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""").params(u.id(), u.version(), u.percent(), u.state().name(), reason,
                u.updatedBy(), Timestamp.from(u.updatedAt())).update();
    }

    public List<Revision> revisions(long updateId) {
        return jdbc.sql("SELECT * FROM task_update_revision WHERE update_id = ? ORDER BY version").param(updateId)
                .query((rs, i) -> new Revision(rs.getInt("version"), rs.getDouble("percent"),
                        ReportState.valueOf(rs.getString("state")), rs.getString("reason"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant())).list();
    }

    public void addEvidence(long updateId, String fileName, String contentType, byte[] content, String by) {
        jdbc.sql("""
                INSERT INTO task_evidence (update_id, file_name, content_type, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(updateId, fileName, contentType, content, by,
                Timestamp.from(Instant.now())).update();
    }

    public List<String> evidenceNames(long updateId) {
        return jdbc.sql("SELECT file_name FROM task_evidence WHERE update_id = ? ORDER BY id").param(updateId)
                .query(String.class).list();
    }
}
