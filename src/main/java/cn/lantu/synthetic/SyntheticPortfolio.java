package cn.lantu.synthetic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The synthetic key tasks and major projects that top up each generated plan to the requested counts (合成数据):
 * the plan keeps the tasks {@code TaskService} generates from its outline and the projects its package names; the
 * generator adds {@link SynTask}s spread over the outline's chapters (lead and cooperating departments, sometimes a
 * town, a milestone) and {@link SynProject}s spread over the 专栏8 domains in proportion to their planned counts
 * (responsible department, investment, yearly plan, start/completion milestones and an APPROVED year-end investment
 * report per plan year up to the last figure year). Every name is prefixed 【合成数据】, every code starts
 * {@code T-SYN-} / {@code P-SYN-}, and every row is written by {@code synthetic}. Pure functions of the seed, the
 * plan index and the template; {@link #write} inserts them in JDBC batches.
 */
final class SyntheticPortfolio {

    static final String TASK_PREFIX = "T-SYN-";
    static final String PROJECT_PREFIX = "P-SYN-";
    static final String BY = "synthetic";
    static final int FIRST_PLAN_YEAR = 2026;
    static final int LAST_PLAN_YEAR = 2030;
    private static final Timestamp AT = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
    private static final String[] STAGES = {"PLANNING", "PRELIMINARY", "APPROVAL", "UNDER_CONSTRUCTION",
        "UNDER_CONSTRUCTION", "UNDER_CONSTRUCTION", "UNDER_CONSTRUCTION", "COMPLETED", "IN_OPERATION", "PRELIMINARY"};
    private static final String[] TYPES = {"GOVERNMENT", "GOVERNMENT", "GOVERNMENT", "GOVERNMENT", "ENTERPRISE",
        "ENTERPRISE", "ENTERPRISE", "ENTERPRISE", "PPP", "OTHER"};

    private SyntheticPortfolio() {
    }

    /** A synthetic task; {@code town} and {@code project} may be null. */
    record SynTask(String code, String title, String body, String chapterKey, int ordinal, String lead,
                   String cooperating, String town, LocalDate milestone) {
        String line() {
            return "T|" + code + "|" + title + "|" + chapterKey + "|" + ordinal + "|" + lead + "|" + cooperating + "|"
                    + town + "|" + milestone;
        }
    }

    /** A synthetic project; amounts in 亿元 with two decimals; {@code town} and {@code task} may be null. */
    record SynProject(String code, String name, String domain, String stage, int ordinal, String dept,
                      String deptName, String type, BigDecimal total, BigDecimal period, LocalDate start,
                      LocalDate finish, Map<Integer, BigDecimal> yearPlan, Map<Integer, BigDecimal> reports,
                      String town, String task) {
        String line() {
            return "P|" + code + "|" + name + "|" + domain + "|" + stage + "|" + ordinal + "|" + dept + "|" + type
                    + "|" + total.toPlainString() + "|" + period.toPlainString() + "|" + start + "|" + finish + "|"
                    + amounts(yearPlan) + "|" + amounts(reports) + "|" + town + "|" + task;
        }
    }

    static String amounts(Map<Integer, BigDecimal> m) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(m).forEach((y, a) -> b.append(y).append(':').append(a.toPlainString()).append(','));
        return b.toString();
    }

    static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    /** The synthetic tasks of plan {@code i}: {@code count} tasks after the outline's {@code t.outlineTasks()}. */
    static List<SynTask> tasks(SyntheticTemplate t, long seed, int i, int count) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_033L + i * 7_919L + 11);
        List<SynTask> out = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            SyntheticTemplate.Chapter ch = t.chapters().get((n - 1) % t.chapters().size());
            int li = r.nextInt(t.departments().size());
            int ci = (li + 1 + r.nextInt(t.departments().size() - 1)) % t.departments().size();
            String town = !t.towns().isEmpty() && r.nextInt(10) < 3
                    ? t.towns().get(r.nextInt(t.towns().size())).code() : null;
            LocalDate due = LocalDate.of(FIRST_PLAN_YEAR + r.nextInt(LAST_PLAN_YEAR - FIRST_PLAN_YEAR + 1),
                    1 + r.nextInt(12), 1).plusMonths(1).minusDays(1);
            String head = ch.title();
            int cut = head.indexOf('，');
            head = cut > 0 ? head.substring(0, cut) : head;
            String code = TASK_PREFIX + String.format("%03d", n);
            out.add(new SynTask(code, SyntheticGenerator.NAME_PREFIX + head + "·合成任务" + String.format("%03d", n),
                    "合成数据：按纲要第" + ch.key().substring(1) + "章结构生成的模拟重点任务，仅用于规模测试。", ch.key(),
                    t.outlineTasks() + n, t.departments().get(li).code(), t.departments().get(ci).code(), town, due));
        }
        return out;
    }

    /**
     * The synthetic projects of plan {@code i}: {@code count} projects after the package's named ones, with
     * year-end reports for the plan years up to {@code lastYear}; {@code tasks} are the plan's synthetic task codes.
     */
    static List<SynProject> projects(SyntheticTemplate t, long seed, int i, int count, int lastYear,
                                     List<SynTask> tasks) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_037L + i * 104_723L + 13);
        int weights = t.domains().stream().mapToInt(d -> Math.max(1, d.plannedCount())).sum();
        List<SynProject> out = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            // domain in proportion to the planned counts of 专栏8
            int pick = r.nextInt(weights);
            SyntheticTemplate.Domain d = t.domains().get(0);
            for (SyntheticTemplate.Domain x : t.domains()) {
                pick -= Math.max(1, x.plannedCount());
                if (pick < 0) {
                    d = x;
                    break;
                }
            }
            SyntheticTemplate.Unit dept = t.departments().get(r.nextInt(t.departments().size()));
            String stage = STAGES[r.nextInt(STAGES.length)];
            String type = TYPES[r.nextInt(TYPES.length)];
            double avg = d.periodInvestment() / Math.max(1, d.plannedCount());
            double ratio = d.periodInvestment() > 0 ? Math.max(1, d.totalInvestment() / d.periodInvestment()) : 1;
            BigDecimal period = money(Math.max(0.05, avg * (0.5 + r.nextDouble())));
            BigDecimal total = money(period.doubleValue() * ratio * (0.9 + 0.2 * r.nextDouble()))
                    .max(period);
            int startYear = FIRST_PLAN_YEAR + r.nextInt(3);
            LocalDate start = LocalDate.of(startYear, 1 + r.nextInt(12), 1 + r.nextInt(28));
            LocalDate finish = start.plusYears(1 + r.nextInt(4)).plusDays(r.nextInt(200));
            int lastPlanYear = Math.min(LAST_PLAN_YEAR, finish.getYear());
            Map<Integer, BigDecimal> yearPlan = new TreeMap<>();
            int years = lastPlanYear - startYear + 1;
            BigDecimal left = period;
            for (int y = startYear; y <= lastPlanYear; y++) {
                BigDecimal a = y == lastPlanYear ? left
                        : money(period.doubleValue() / years * (0.8 + 0.4 * r.nextDouble())).min(left);
                yearPlan.put(y, a);
                left = left.subtract(a);
            }
            double perf = 0.5 + 0.8 * r.nextDouble(); // 0.5 (lagging) .. 1.3 (ahead)
            Map<Integer, BigDecimal> reports = new TreeMap<>();
            for (Map.Entry<Integer, BigDecimal> e : yearPlan.entrySet()) {
                if (e.getKey() <= lastYear && e.getValue().signum() > 0) {
                    reports.put(e.getKey(), money(e.getValue().doubleValue() * perf * (0.9 + 0.2 * r.nextDouble())));
                }
            }
            String town = !t.towns().isEmpty() && r.nextInt(2) == 0
                    ? t.towns().get(r.nextInt(t.towns().size())).code() : null;
            String task = tasks.isEmpty() ? null : tasks.get((n - 1) % tasks.size()).code();
            out.add(new SynProject(PROJECT_PREFIX + String.format("%03d", n),
                    SyntheticGenerator.NAME_PREFIX + d.name() + "重大项目" + String.format("%03d", n), d.code(), stage,
                    t.namedProjects() + n, dept.code(), dept.name(), type, total, period, start, finish, yearPlan,
                    reports, town, task));
        }
        return out;
    }

    /**
     * The key tasks {@code TaskService} generated from the outline of one plan, with their links by code, to be
     * copied to plans with the same outline. Read once, with plain queries.
     */
    record OutlineTasks(List<Object[]> tasks, List<String[]> orgs, List<String[]> towns, List<Object[]> milestones,
                        List<String[]> indicators, List<String[]> projects) {

        static final String OUTLINE = " t.origin IN ('MEASURE', 'COLUMN_ITEM')";

        static OutlineTasks of(JdbcClient jdbc, long planId) {
            List<Object[]> tasks = jdbc.sql("SELECT t.code, t.title, t.body, t.origin, t.outline_key, t.chapter_key, "
                            + "t.column_no, t.ordinal, t.updated_by FROM task t WHERE t.plan_id = ? AND" + OUTLINE
                            + " ORDER BY t.ordinal")
                    .param(planId).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, Integer.class), rs.getInt(8),
                        rs.getString(9)}).list();
            return new OutlineTasks(tasks,
                    codes(jdbc, "SELECT t.code, u.code, x.role, x.is_default FROM task_org x JOIN task t ON t.id = x.task_id "
                            + "JOIN org_unit u ON u.id = x.org_unit_id WHERE t.plan_id = ? AND" + OUTLINE, planId, 4),
                    codes(jdbc, "SELECT t.code, u.code FROM task_town x JOIN task t ON t.id = x.task_id "
                            + "JOIN org_unit u ON u.id = x.town_id WHERE t.plan_id = ? AND" + OUTLINE, planId, 2),
                    jdbc.sql("SELECT t.code, x.title, x.due_on, x.done_on FROM task_milestone x JOIN task t ON t.id = x.task_id "
                            + "WHERE t.plan_id = ? AND" + OUTLINE + " ORDER BY x.id").param(planId)
                            .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getDate(3),
                                rs.getDate(4)}).list(),
                    codes(jdbc, "SELECT t.code, i.code FROM task_indicator x JOIN task t ON t.id = x.task_id "
                            + "JOIN indicator i ON i.id = x.indicator_id WHERE t.plan_id = ? AND" + OUTLINE, planId, 2),
                    codes(jdbc, "SELECT t.code, p.code FROM task_project x JOIN task t ON t.id = x.task_id "
                            + "JOIN project p ON p.id = x.project_id WHERE t.plan_id = ? AND" + OUTLINE, planId, 2));
        }

        private static List<String[]> codes(JdbcClient jdbc, String sql, long planId, int columns) {
            return jdbc.sql(sql).param(planId).query((rs, n) -> {
                String[] row = new String[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = rs.getString(c + 1);
                }
                return row;
            }).list();
        }
    }

    /** Code → id of the rows of {@code table} of a plan. */
    static Map<String, Long> ids(JdbcClient jdbc, String table, long planId) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT id, code FROM " + table + " WHERE plan_id = ?").param(planId)
                .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1))).list();
        return ids;
    }

    /**
     * Inserts, in JDBC batches and with plain statements only (no joins: their plans go wrong on tables without
     * statistics), the synthetic projects of one plan, then its copied outline tasks ({@code outline}, may be null)
     * and synthetic tasks with their links. {@code indicators}: the plan's indicator ids by code. Returns the number
     * of outline tasks copied.
     */
    static int write(JdbcClient jdbc, JdbcTemplate template, long planId, Map<String, Long> indicators,
                     OutlineTasks outline, List<SynTask> tasks, List<SynProject> projects) {
        Map<String, Long> units = ids(jdbc, "org_unit", planId);
        Map<String, Long> domains = ids(jdbc, "project_domain", planId);

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
        Map<String, Long> projectIds = ids(jdbc, "project", planId);

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
                t.ordinal(), BY, AT});
        }
        template.batchUpdate("""
                INSERT INTO task (plan_id, code, title, body, origin, outline_key, chapter_key, column_no, active, done,
                                  ordinal, version, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, ?, 1, ?, ?)""", rows,
                new int[] {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                    java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                    java.sql.Types.INTEGER, java.sql.Types.INTEGER, java.sql.Types.VARCHAR, java.sql.Types.TIMESTAMP});
        Map<String, Long> taskIds = ids(jdbc, "task", planId);
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

    /**
     * The lines of the synthetic tasks and projects stored for the synthetic plans whose codes start with
     * {@code planPrefix}, by plan code, in the format of {@link SynTask#line()} and {@link SynProject#line()}.
     */
    static Map<String, List<String>> stored(JdbcClient jdbc, String planPrefix) {
        String like = planPrefix + "%";
        String synTasks = " JOIN task t ON t.id = x.task_id JOIN plan p ON p.id = t.plan_id WHERE p.synthetic = TRUE "
                + "AND p.code LIKE ? AND t.updated_by = 'synthetic'";
        Map<Long, String> lead = new HashMap<>();
        Map<Long, String> coop = new HashMap<>();
        jdbc.sql("SELECT x.task_id, x.role, u.code FROM task_org x JOIN org_unit u ON u.id = x.org_unit_id" + synTasks)
                .param(like).query((rs, n) -> ("LEAD".equals(rs.getString(2)) ? lead : coop).merge(rs.getLong(1),
                        rs.getString(3), (a, b) -> a.compareTo(b) >= 0 ? a : b)).list();
        Map<Long, String> town = new HashMap<>();
        jdbc.sql("SELECT x.task_id, u.code FROM task_town x JOIN org_unit u ON u.id = x.town_id" + synTasks)
                .param(like).query((rs, n) -> town.merge(rs.getLong(1), rs.getString(2),
                        (a, b) -> a.compareTo(b) >= 0 ? a : b)).list();
        Map<Long, LocalDate> due = new HashMap<>();
        jdbc.sql("SELECT x.task_id, x.due_on FROM task_milestone x" + synTasks).param(like)
                .query((rs, n) -> due.merge(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        (a, b) -> a.isAfter(b) ? a : b)).list();
        Map<String, List<String>> byPlan = new TreeMap<>();
        jdbc.sql("""
                SELECT p.code AS plan_code, t.id, t.code, t.title, t.chapter_key, t.ordinal
                  FROM task t JOIN plan p ON p.id = t.plan_id
                 WHERE p.synthetic = TRUE AND p.code LIKE ? AND t.updated_by = 'synthetic'""").param(like)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return byPlan.computeIfAbsent(rs.getString("plan_code"), c -> new ArrayList<>()).add(
                            new SynTask(rs.getString("code"), rs.getString("title"), null, rs.getString("chapter_key"),
                                    rs.getInt("ordinal"), lead.get(id), coop.get(id), town.get(id), due.get(id)).line());
                })
                .list();

        String synProjects = " JOIN project x ON x.id = y.project_id JOIN plan p ON p.id = x.plan_id "
                + "WHERE p.synthetic = TRUE AND p.code LIKE ? AND x.updated_by = 'synthetic'";
        Map<Long, Map<Integer, BigDecimal>> plans = new HashMap<>();
        jdbc.sql("SELECT y.project_id, y.plan_year, y.amount FROM project_year_plan y" + synProjects).param(like)
                .query((rs, n) -> plans.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getInt(2),
                        rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP)))
                .list();
        Map<Long, Map<Integer, BigDecimal>> reports = new HashMap<>();
        jdbc.sql("SELECT y.project_id, y.report_year, y.amount FROM project_report y" + synProjects
                        + " AND y.state = 'APPROVED' AND y.updated_by = 'synthetic'").param(like)
                .query((rs, n) -> reports.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getInt(2),
                        rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP)))
                .list();
        Map<Long, String> projectTown = new HashMap<>();
        jdbc.sql("SELECT y.project_id, u.code FROM project_town y JOIN org_unit u ON u.id = y.town_id" + synProjects)
                .param(like).query((rs, n) -> projectTown.merge(rs.getLong(1), rs.getString(2),
                        (a, b) -> a.compareTo(b) >= 0 ? a : b)).list();
        Map<Long, String> projectTask = new HashMap<>();
        jdbc.sql("SELECT y.project_id, t.code FROM task_project y JOIN task t ON t.id = y.task_id" + synProjects)
                .param(like).query((rs, n) -> projectTask.merge(rs.getLong(1), rs.getString(2),
                        (a, b) -> a.compareTo(b) >= 0 ? a : b)).list();
        jdbc.sql("""
                SELECT p.code AS plan_code, x.id, x.code, x.name, d.code AS domain_code, x.stage, x.ordinal,
                       o.code AS dept_code, o.name AS dept_name, x.project_type, x.total_amount, x.period_amount,
                       x.start_on, x.finish_on
                  FROM project x JOIN plan p ON p.id = x.plan_id JOIN project_domain d ON d.id = x.domain_id
                  LEFT JOIN org_unit o ON o.id = x.dept_id
                 WHERE p.synthetic = TRUE AND p.code LIKE ? AND x.updated_by = 'synthetic'""").param(like)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return byPlan.computeIfAbsent(rs.getString("plan_code"), c -> new ArrayList<>()).add(
                            new SynProject(rs.getString("code"), rs.getString("name"), rs.getString("domain_code"),
                                    rs.getString("stage"), rs.getInt("ordinal"), rs.getString("dept_code"),
                                    rs.getString("dept_name"), rs.getString("project_type"),
                                    rs.getBigDecimal("total_amount").setScale(2, RoundingMode.HALF_UP),
                                    rs.getBigDecimal("period_amount").setScale(2, RoundingMode.HALF_UP),
                                    rs.getDate("start_on").toLocalDate(), rs.getDate("finish_on").toLocalDate(),
                                    plans.getOrDefault(id, Map.of()), reports.getOrDefault(id, Map.of()),
                                    projectTown.get(id), projectTask.get(id)).line());
                })
                .list();
        return byPlan;
    }
}
