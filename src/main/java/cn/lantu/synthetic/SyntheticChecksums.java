package cn.lantu.synthetic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.synthetic.SyntheticFigures.FigureValue;
import cn.lantu.synthetic.SyntheticPortfolio.SynProject;
import cn.lantu.synthetic.SyntheticPortfolio.SynTask;

/**
 * The checksums that prove a generator run deterministic: SHA-256 per plan over its lines in sorted order, combined
 * in plan-code order, from the generated values or from the rows stored for the synthetic plans of a code prefix
 * ({@code syn-<seed>-}), so that a replay of the same seed can be compared with what is in the database.
 */
final class SyntheticChecksums {

    private SyntheticChecksums() {
    }

    static List<String> portfolioLines(List<SynTask> tasks, List<SynProject> projects) {
        List<String> lines = new ArrayList<>(tasks.size() + projects.size());
        tasks.forEach(x -> lines.add(x.line()));
        projects.forEach(x -> lines.add(x.line()));
        return lines;
    }

    /** The figure checksum computed from the figure rows stored for the synthetic plans of {@code planPrefix}. */
    static String storedFigures(JdbcClient jdbc, String planPrefix) {
        Map<String, List<String>> byPlan = syntheticPlans(jdbc, planPrefix);
        jdbc.sql("""
                SELECT p.code AS plan_code, i.code AS ind, f.report_year, f.period, f.num_value, f.verdict
                  FROM figure f JOIN indicator i ON i.id = f.indicator_id JOIN plan p ON p.id = i.plan_id
                 WHERE p.synthetic = TRUE AND p.code LIKE ?""").param(planPrefix + "%")
                .query((rs, n) -> {
                    double v = rs.getDouble("num_value");
                    Double value = rs.wasNull() ? null : v;
                    return byPlan.get(rs.getString("plan_code")).add(new FigureValue(rs.getString("ind"),
                            rs.getInt("report_year"), rs.getString("period"), value, rs.getString("verdict")).line());
                }).list();
        Map<String, byte[]> digests = new TreeMap<>();
        byPlan.forEach((code, lines) -> digests.put(code, digest(code, lines)));
        return combine(digests);
    }

    /** The tasks-and-projects checksum computed from the synthetic task and project rows of {@code planPrefix}. */
    static String storedPortfolio(JdbcClient jdbc, String planPrefix) {
        Map<String, List<String>> byPlan = syntheticPlans(jdbc, planPrefix);
        storedPortfolioLines(jdbc, planPrefix).forEach((code, lines) -> byPlan.get(code).addAll(lines));
        Map<String, byte[]> digests = new TreeMap<>();
        byPlan.forEach((code, lines) -> digests.put(code, digest(code, lines)));
        return combine(digests);
    }

    private static Map<String, List<String>> syntheticPlans(JdbcClient jdbc, String planPrefix) {
        Map<String, List<String>> byPlan = new TreeMap<>();
        jdbc.sql("SELECT code FROM plan WHERE synthetic = TRUE AND code LIKE ?").param(planPrefix + "%")
                .query(String.class).list().forEach(c -> byPlan.put(c, new ArrayList<>()));
        return byPlan;
    }

    /** SHA-256 of a plan's code and its lines in sorted order (the order of generation does not matter). */
    static byte[] digest(String planCode, List<String> values) {
        List<String> lines = new ArrayList<>(values);
        lines.sort(Comparator.naturalOrder());
        MessageDigest digest = sha256();
        digest.update((planCode + "\n").getBytes(StandardCharsets.UTF_8));
        for (String l : lines) {
            digest.update((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return digest.digest();
    }

    /** SHA-256 over the per-plan digests in plan-code order. */
    static String combine(Map<String, byte[]> byPlan) {
        MessageDigest digest = sha256();
        new TreeMap<>(byPlan).values().forEach(digest::update);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The lines of the synthetic tasks and projects stored for the synthetic plans whose codes start with
     * {@code planPrefix}, by plan code, in the format of {@link SynTask#line()} and {@link SynProject#line()}.
     */
    private static Map<String, List<String>> storedPortfolioLines(JdbcClient jdbc, String planPrefix) {
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
