package cn.lantu.synthetic;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.synthetic.SyntheticFigures.FigureValue;
import cn.lantu.synthetic.SyntheticPortfolio.SynProject;
import cn.lantu.synthetic.SyntheticPortfolio.SynTask;

/**
 * Writes the generated rows of one synthetic plan in JDBC batches: its figures with their revisions, then its
 * projects and tasks with their links. Batches and plain statements because a generator run writes millions of rows;
 * the caller owns the transaction.
 */
final class SyntheticBatchWriter {

    /** Fixed: deterministic, and in the past for asOf. */
    private static final Timestamp AT = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SyntheticBatchWriter(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Code → id of the rows of {@code table} of a plan. */
    Map<String, Long> ids(String table, long planId) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT id, code FROM " + table + " WHERE plan_id = ?").param(planId)
                .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1))).list();
        return ids;
    }

    /** Inserts the figures of one plan (city-wide, APPROVED) and one APPROVED revision each, in batches. */
    long insertFigures(long planId, Map<String, Long> ids, List<FigureValue> values) {
        long city = jdbc.sql("SELECT id FROM org_unit WHERE plan_id = ? AND unit_type = 'CITY' ORDER BY ordinal")
                .param(planId).query(Long.class).list().get(0);
        List<Object[]> batch = new ArrayList<>(values.size());
        java.util.Set<Long> used = new java.util.TreeSet<>();
        for (FigureValue v : values) {
            Long id = ids.get(v.indicator());
            used.add(id);
            batch.add(new Object[] {id, city, v.year(), v.period(), v.value(), v.verdict(), AT});
        }
        flush(batch);
        if (!used.isEmpty()) { // ids inlined (numbers from the database): a plain index scan, no join to plan
            jdbc.sql("""
                    INSERT INTO figure_revision (figure_id, version, num_value, verdict, estimate, state, reason,
                                                 changed_by, changed_at)
                    SELECT id, 1, num_value, verdict, estimate, 'APPROVED', '合成数据', 'synthetic', updated_at
                      FROM figure WHERE indicator_id IN (""" + used.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",")) + ")").update();
        }
        return values.size();
    }

    private void flush(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO figure (indicator_id, org_unit_id, report_year, period, num_value, verdict, estimate, state,
                                    demo, note, version, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, FALSE, 'APPROVED', FALSE, '合成数据', 1, 'synthetic', ?)""", batch);
        batch.clear();
    }

    /**
     * Inserts, in JDBC batches and with plain statements only (no joins: their plans go wrong on tables without
     * statistics), the synthetic projects of one plan, then its copied outline tasks ({@code outline}, may be null)
     * and synthetic tasks with their links. {@code indicators}: the plan's indicator ids by code. Returns the number
     * of outline tasks copied.
     */
    int writePortfolio(long planId, Map<String, Long> indicators, OutlineTasks outline, List<SynTask> tasks,
                       List<SynProject> projects) {
        Map<String, Long> units = ids("org_unit", planId);
        Map<String, Long> domains = ids("project_domain", planId);

        List<Object[]> rows = new ArrayList<>(Math.max(projects.size(), tasks.size() + 200));
        for (SynProject p : projects) {
            rows.add(new Object[] {planId, p.code(), p.name(), domains.get(p.domain()), p.stage(), p.ordinal(),
                p.deptName(), units.get(p.dept()), p.type(), p.total(), p.period(), Date.valueOf(p.start()),
                Date.valueOf(p.finish()), AT});
        }
        template.batchUpdate("""
                INSERT INTO project (plan_id, code, name, domain_id, stage_label, stage, confirmed, note, ordinal,
                                     owner_unit, dept_id, project_type, total_amount, period_amount, start_on, finish_on,
                                     version, updated_by, updated_at)
                VALUES (?, ?, ?, ?, NULL, ?, TRUE, '合成数据', ?, ?, ?, ?, ?, ?, ?, ?, 1, 'synthetic', ?)""", rows);
        Map<String, Long> projectIds = ids("project", planId);

        List<Object[]> plans = new ArrayList<>();
        List<Object[]> milestones = new ArrayList<>();
        List<Object[]> reports = new ArrayList<>();
        List<Object[]> towns = new ArrayList<>();
        StringBuilder reported = new StringBuilder();
        for (SynProject p : projects) {
            long id = projectIds.get(p.code());
            p.yearPlan().forEach((y, a) -> plans.add(new Object[] {id, y, a}));
            boolean started = !"PLANNING".equals(p.stage()) && !"PRELIMINARY".equals(p.stage())
                    && !"APPROVAL".equals(p.stage());
            milestones.add(new Object[] {id, "START", Date.valueOf(p.start()), started ? Date.valueOf(p.start()) : null});
            milestones.add(new Object[] {id, "COMPLETION", Date.valueOf(p.finish()), null});
            p.reports().forEach((y, a) -> reports.add(new Object[] {id, y, a, p.stage(), AT}));
            if (!p.reports().isEmpty()) {
                reported.append(reported.isEmpty() ? "" : ",").append(id);
            }
            if (p.town() != null) {
                towns.add(new Object[] {id, units.get(p.town())});
            }
        }
        template.batchUpdate("INSERT INTO project_year_plan (project_id, plan_year, amount) VALUES (?, ?, ?)", plans);
        template.batchUpdate("INSERT INTO project_milestone (project_id, kind, planned_on, actual_on) VALUES (?, ?, ?, ?)",
                milestones);
        template.batchUpdate("INSERT INTO project_town (project_id, town_id) VALUES (?, ?)", towns);
        template.batchUpdate("""
                INSERT INTO project_report (project_id, report_year, period, amount, stage, note, state, version,
                                            updated_by, updated_at)
                VALUES (?, ?, 'Q4', ?, ?, '合成数据', 'APPROVED', 1, 'synthetic', ?)""", reports);
        if (!reported.isEmpty()) { // ids inlined: numbers from the database
            jdbc.sql("""
                    INSERT INTO project_report_revision (report_id, version, amount, stage, state, reason, changed_by,
                                                         changed_at)
                    SELECT id, 1, amount, stage, 'APPROVED', '合成数据', 'synthetic', updated_at
                      FROM project_report WHERE project_id IN (""" + reported + ")").update();
        }

        rows.clear();
        Timestamp now = Timestamp.from(Instant.now());
        if (outline != null) {
            for (Object[] t : outline.tasks()) {
                rows.add(new Object[] {planId, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], now});
            }
        }
        for (SynTask t : tasks) {
            rows.add(new Object[] {planId, t.code(), t.title(), t.body(), "MANUAL", t.chapterKey(), t.chapterKey(), null,
                t.ordinal(), SyntheticPortfolio.BY, AT});
        }
        template.batchUpdate("""
                INSERT INTO task (plan_id, code, title, body, origin, outline_key, chapter_key, column_no, active, done,
                                  ordinal, version, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, ?, 1, ?, ?)""", rows,
                new int[] {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                    java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                    java.sql.Types.INTEGER, java.sql.Types.INTEGER, java.sql.Types.VARCHAR, java.sql.Types.TIMESTAMP});
        Map<String, Long> taskIds = ids("task", planId);
        List<Object[]> orgs = new ArrayList<>();
        List<Object[]> taskTowns = new ArrayList<>();
        List<Object[]> taskMilestones = new ArrayList<>();
        List<Object[]> taskIndicators = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        if (outline != null) {
            outline.orgs().forEach(o -> orgs.add(new Object[] {taskIds.get(o[0]), units.get(o[1]), o[2],
                Boolean.parseBoolean(o[3]) || "t".equals(o[3])}));
            outline.towns().forEach(o -> taskTowns.add(new Object[] {taskIds.get(o[0]), units.get(o[1])}));
            outline.milestones().forEach(o -> taskMilestones.add(new Object[] {taskIds.get((String) o[0]), o[1], o[2],
                o[3]}));
            outline.indicators().forEach(o -> taskIndicators.add(new Object[] {taskIds.get(o[0]), indicators.get(o[1])}));
            outline.projects().forEach(o -> links.add(new Object[] {taskIds.get(o[0]), projectIds.get(o[1])}));
        }
        for (SynTask t : tasks) {
            long id = taskIds.get(t.code());
            orgs.add(new Object[] {id, units.get(t.lead()), "LEAD", false});
            orgs.add(new Object[] {id, units.get(t.cooperating()), "COOPERATE", false});
            if (t.town() != null) {
                taskTowns.add(new Object[] {id, units.get(t.town())});
            }
            taskMilestones.add(new Object[] {id, "【合成数据】阶段目标", Date.valueOf(t.milestone()), null});
        }
        for (SynProject p : projects) {
            if (p.task() != null) {
                links.add(new Object[] {taskIds.get(p.task()), projectIds.get(p.code())});
            }
        }
        template.batchUpdate("INSERT INTO task_org (task_id, org_unit_id, role, is_default) VALUES (?, ?, ?, ?)", orgs);
        template.batchUpdate("INSERT INTO task_town (task_id, town_id) VALUES (?, ?)", taskTowns);
        template.batchUpdate("INSERT INTO task_milestone (task_id, title, due_on, done_on) VALUES (?, ?, ?, ?)",
                taskMilestones, new int[] {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.DATE,
                    java.sql.Types.DATE});
        template.batchUpdate("INSERT INTO task_indicator (task_id, indicator_id) VALUES (?, ?)", taskIndicators);
        template.batchUpdate("INSERT INTO task_project (task_id, project_id) VALUES (?, ?)", links);
        return outline == null ? 0 : outline.tasks().size();
    }
}
