package cn.lantu.project;

import java.math.BigDecimal;
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

/** Plain SQL access to the project portfolio. */
@Repository
public class ProjectRepository {

    private final JdbcClient jdbc;
    private final PlanChanges changes;

    public ProjectRepository(JdbcClient jdbc, PlanChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    public long insertDomain(ProjectDomain d) {
        jdbc.sql("""
                INSERT INTO project_domain (plan_id, code, name, planned_count, total_investment, period_investment,
                  source_quote, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(d.planId(), d.code(), d.name(), d.plannedCount(), d.totalInvestment(),
                d.periodInvestment(), d.sourceQuote(), d.ordinal()).update();
        return jdbc.sql("SELECT id FROM project_domain WHERE plan_id = ? AND code = ?").params(d.planId(), d.code())
                .query(Long.class).single();
    }

    public void insertProject(Project p) {
        jdbc.sql("""
                INSERT INTO project (plan_id, code, name, domain_id, stage_label, stage, confirmed, note, source_quote,
                  ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(p.planId(), p.code(), p.name(), p.domainId(), p.stageLabel(), p.stage().name(),
                p.confirmed(), p.note(), p.sourceQuote(), p.ordinal()).update();
    }

    public List<ProjectDomain> domains(long planId) {
        return jdbc.sql("SELECT * FROM project_domain WHERE plan_id = ? ORDER BY ordinal").param(planId)
                .query((rs, i) -> new ProjectDomain(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("code"),
                        rs.getString("name"), rs.getInt("planned_count"), rs.getBigDecimal("total_investment"),
                        rs.getBigDecimal("period_investment"), rs.getString("source_quote"), rs.getInt("ordinal")))
                .list();
    }

    public List<Project> projects(long planId) {
        return jdbc.sql("""
                SELECT p.*, d.name AS domain_name FROM project p JOIN project_domain d ON d.id = p.domain_id
                WHERE p.plan_id = ? ORDER BY d.ordinal, p.ordinal
                """).param(planId).query(ProjectRepository::map).list();
    }

    /** Planned count and investment over all domains: [count, total, period]. */
    public BigDecimal[] totals(long planId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(planned_count), 0), COALESCE(SUM(total_investment), 0),
                       COALESCE(SUM(period_investment), 0) FROM project_domain WHERE plan_id = ?
                """).param(planId)
                .query((rs, i) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)})
                .single();
    }

    // ------------------------------------------------------------------ registry (issue 5)

    /** Every project of a plan with its registry fields, towns, yearly plan, milestones and blockers. */
    public List<ProjectDetail> details(long planId) {
        return loadDetails("p.plan_id = ?", planId);
    }

    public Optional<ProjectDetail> detail(long planId, String code) {
        return loadDetails("p.plan_id = ? AND p.code = ?", planId, code).stream().findFirst();
    }

    public Optional<ProjectDetail> detailById(long id) {
        return loadDetails("p.id = ?", id).stream().findFirst();
    }

    private List<ProjectDetail> loadDetails(String where, Object... params) {
        List<Object[]> rows = jdbc.sql("""
                SELECT p.*, d.code AS domain_code, d.name AS domain_name, o.code AS dept_code, o.name AS dept_name
                FROM project p JOIN project_domain d ON d.id = p.domain_id LEFT JOIN org_unit o ON o.id = p.dept_id
                WHERE\s""" + where + " ORDER BY d.ordinal, p.ordinal, p.id").params(params)
                .query((rs, i) -> new Object[] {rs.getLong("id"), rs.getLong("plan_id"), rs.getString("code"),
                        rs.getString("name"), rs.getString("domain_code"), rs.getString("domain_name"),
                        rs.getString("stage_label"), rs.getString("stage"), rs.getBoolean("confirmed"),
                        rs.getString("owner_unit"), rs.getObject("dept_id", Long.class), rs.getString("dept_code"),
                        rs.getString("dept_name"), rs.getString("project_type"), dbl(rs, "total_amount"),
                        dbl(rs, "period_amount"), date(rs, "start_on"), date(rs, "finish_on"), rs.getString("note"),
                        rs.getString("source_quote"), rs.getInt("version")})
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Long, List<String>> towns = jdbc.sql("SELECT t.project_id, o.code FROM project_town t JOIN org_unit o "
                        + "ON o.id = t.town_id WHERE t.project_id IN (" + in + ") ORDER BY o.ordinal")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<Long, Map<Integer, Double>> plans = new LinkedHashMap<>();
        jdbc.sql("SELECT project_id, plan_year, amount FROM project_year_plan WHERE project_id IN (" + in
                        + ") ORDER BY plan_year")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getDouble(3)}).list()
                .forEach(r -> plans.computeIfAbsent((Long) r[0], k -> new TreeMap<>()).put((Integer) r[1],
                        (Double) r[2]));
        Map<Long, List<ProjectDetail.Milestone>> milestones = new LinkedHashMap<>();
        jdbc.sql("SELECT project_id, kind, planned_on, actual_on FROM project_milestone WHERE project_id IN (" + in
                        + ")")
                .query((rs, i) -> Map.entry(rs.getLong(1), new ProjectDetail.Milestone(
                        ProjectDetail.MilestoneKind.valueOf(rs.getString(2)), date(rs, "planned_on"),
                        date(rs, "actual_on"))))
                .list().forEach(e -> milestones.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        milestones.values().forEach(l -> l.sort(java.util.Comparator.comparing(m -> m.kind().ordinal())));
        Map<Long, List<ProjectDetail.Blocker>> blockers = jdbc.sql("SELECT b.*, o.code AS act_code, o.name AS act_name "
                        + "FROM project_blocker b LEFT JOIN org_unit o ON o.id = b.act_unit_id WHERE b.project_id IN ("
                        + in + ") ORDER BY b.id")
                .query((rs, i) -> Map.entry(rs.getLong("project_id"), new ProjectDetail.Blocker(rs.getLong("id"),
                        ProjectDetail.Factor.valueOf(rs.getString("factor")), rs.getString("status"),
                        rs.getString("owner"), rs.getString("note"), rs.getString("act_code"),
                        rs.getString("act_name"), date(rs, "due_on"))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<ProjectDetail> out = new ArrayList<>();
        for (Object[] r : rows) {
            long id = (Long) r[0];
            out.add(new ProjectDetail(id, (Long) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], Project.Stage.valueOf((String) r[7]), (Boolean) r[8], (String) r[9], (Long) r[10],
                    (String) r[11], (String) r[12], (String) r[13], (Double) r[14], (Double) r[15],
                    (LocalDate) r[16], (LocalDate) r[17], towns.getOrDefault(id, List.of()),
                    plans.getOrDefault(id, Map.of()), milestones.getOrDefault(id, List.of()),
                    blockers.getOrDefault(id, List.of()), (String) r[18], (String) r[19], (Integer) r[20]));
        }
        return out;
    }

    private static Double dbl(ResultSet rs, String col) throws SQLException {
        BigDecimal v = rs.getBigDecimal(col);
        return v == null ? null : v.doubleValue();
    }

    private static LocalDate date(ResultSet rs, String col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    public Optional<Long> idByCode(long planId, String code) {
        return jdbc.sql("SELECT id FROM project WHERE plan_id = ? AND code = ?").params(planId, code)
                .query(Long.class).optional();
    }

    public int nextOrdinal(long planId) {
        return jdbc.sql("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM project WHERE plan_id = ?").param(planId)
                .query(Integer.class).single();
    }

    /** Registry fields written by an import or an edit; bumps the version. */
    public record RegistryFields(String name, long domainId, String stageLabel, Project.Stage stage, boolean confirmed,
                                 String ownerUnit, Long deptId, String projectType, Double totalAmount,
                                 Double periodAmount, LocalDate startOn, LocalDate finishOn, String note) {}

    public long insertRegistered(long planId, String code, RegistryFields f, String by) {
        jdbc.sql("""
                INSERT INTO project (plan_id, code, name, domain_id, stage_label, stage, confirmed, note, ordinal,
                  owner_unit, dept_id, project_type, total_amount, period_amount, start_on, finish_on, version,
                  updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                """).params(planId, code, f.name(), f.domainId(), f.stageLabel(), f.stage().name(), f.confirmed(),
                f.note(), nextOrdinal(planId), f.ownerUnit(), f.deptId(), f.projectType(), f.totalAmount(),
                f.periodAmount(), sqlDate(f.startOn()), sqlDate(f.finishOn()), by, Timestamp.from(Instant.now()))
                .update();
        var result = idByCode(planId, code).orElseThrow();
        changes.touch(planId);
        return result;
    }

    /** Updates the registry fields if the version matches; returns false on a concurrent change. */
    public boolean updateRegistry(long id, int expectedVersion, RegistryFields f, String by) {
        var result = jdbc.sql("""
                UPDATE project SET name = ?, domain_id = ?, stage_label = ?, stage = ?, confirmed = ?, owner_unit = ?,
                  dept_id = ?, project_type = ?, total_amount = ?, period_amount = ?, start_on = ?, finish_on = ?,
                  note = COALESCE(?, note), version = version + 1, updated_by = ?, updated_at = ?
                WHERE id = ? AND version = ?
                """).params(f.name(), f.domainId(), f.stageLabel(), f.stage().name(), f.confirmed(), f.ownerUnit(),
                f.deptId(), f.projectType(), f.totalAmount(), f.periodAmount(), sqlDate(f.startOn()),
                sqlDate(f.finishOn()), f.note(), by, Timestamp.from(Instant.now()), id, expectedVersion).update() == 1;
        changes.touchByProject(id);
        return result;
    }

    /** Bumps the version of a project whose parts changed, if it matches; false on a concurrent change. */
    public boolean bumpVersion(long id, int expectedVersion, String by) {
        return jdbc.sql("UPDATE project SET version = version + 1, updated_by = ?, updated_at = ? WHERE id = ? "
                + "AND version = ?").params(by, Timestamp.from(Instant.now()), id, expectedVersion).update() == 1;
    }

    public void setStage(long id, Project.Stage stage, String by) {
        jdbc.sql("UPDATE project SET stage = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(stage.name(), by, Timestamp.from(Instant.now()), id).update();
        changes.touchByProject(id);
    }

    public void setTowns(long projectId, List<Long> townIds) {
        jdbc.sql("DELETE FROM project_town WHERE project_id = ?").param(projectId).update();
        for (Long t : townIds) {
            jdbc.sql("INSERT INTO project_town (project_id, town_id) VALUES (?, ?)").params(projectId, t).update();
        }
        changes.touchByProject(projectId);
    }

    public void setYearPlans(long projectId, Map<Integer, Double> amounts) {
        jdbc.sql("DELETE FROM project_year_plan WHERE project_id = ?").param(projectId).update();
        amounts.forEach((y, a) -> {
            if (a != null) {
                jdbc.sql("INSERT INTO project_year_plan (project_id, plan_year, amount) VALUES (?, ?, ?)")
                        .params(projectId, y, a).update();
            }
        });
        changes.touchByProject(projectId);
    }

    public void setMilestone(long projectId, ProjectDetail.MilestoneKind kind, LocalDate planned, LocalDate actual) {
        jdbc.sql("DELETE FROM project_milestone WHERE project_id = ? AND kind = ?").params(projectId, kind.name())
                .update();
        if (planned != null || actual != null) {
            jdbc.sql("INSERT INTO project_milestone (project_id, kind, planned_on, actual_on) VALUES (?, ?, ?, ?)")
                    .params(projectId, kind.name(), sqlDate(planned), sqlDate(actual)).update();
        }
        changes.touchByProject(projectId);
    }

    public long addBlocker(long projectId, ProjectDetail.Factor factor, String status, String owner, String note,
                           String by) {
        jdbc.sql("""
                INSERT INTO project_blocker (project_id, factor, status, owner, note, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""").params(projectId, factor.name(), status, owner, note, by,
                Timestamp.from(Instant.now())).update();
        var result = jdbc.sql("SELECT MAX(id) FROM project_blocker WHERE project_id = ?").param(projectId)
                .query(Long.class).single();
        changes.touchByProject(projectId);
        return result;
    }

    public void updateBlocker(long blockerId, String status, String note, String by) {
        jdbc.sql("UPDATE project_blocker SET status = ?, note = COALESCE(?, note), updated_by = ?, updated_at = ? "
                + "WHERE id = ?").params(status, note, by, Timestamp.from(Instant.now()), blockerId).update();
        changes.touchByProjectBlocker(blockerId);
    }

    // ------------------------------------------------------------------ investment reports

    public Optional<InvestmentReport> report(long id) {
        return jdbc.sql(REPORT_SELECT + " WHERE r.id = ?").param(id).query(ProjectRepository::mapReport).optional();
    }

    public Optional<InvestmentReport> report(long projectId, int year, String period) {
        return jdbc.sql(REPORT_SELECT + " WHERE r.project_id = ? AND r.report_year = ? AND r.period = ?")
                .params(projectId, year, period).query(ProjectRepository::mapReport).optional();
    }

    public List<InvestmentReport> reportsOfProject(long projectId) {
        return jdbc.sql(REPORT_SELECT + " WHERE r.project_id = ? ORDER BY r.report_year, r.period")
                .param(projectId).query(ProjectRepository::mapReport).list();
    }

    public List<InvestmentReport> reportsOfPlan(long planId) {
        return jdbc.sql(REPORT_SELECT + " WHERE p.plan_id = ? ORDER BY r.updated_at DESC").param(planId)
                .query(ProjectRepository::mapReport).list();
    }

    private static final String REPORT_SELECT = """
            SELECT r.*, p.code AS project_code, p.name AS project_name, p.dept_id FROM project_report r
            JOIN project p ON p.id = r.project_id""";

    private static InvestmentReport mapReport(ResultSet rs, int row) throws SQLException {
        return new InvestmentReport(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_code"),
                rs.getString("project_name"), rs.getObject("dept_id", Long.class), rs.getInt("report_year"),
                rs.getString("period"), rs.getBigDecimal("amount").doubleValue(),
                rs.getString("stage") == null ? null : Project.Stage.valueOf(rs.getString("stage")),
                rs.getString("note"), ReportState.valueOf(rs.getString("state")), rs.getInt("version"),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }

    public long insertReport(long projectId, int year, String period, double amount, Project.Stage stage,
                             String note, ReportState state, String by) {
        jdbc.sql("""
                INSERT INTO project_report (project_id, report_year, period, amount, stage, note, state, version,
                  updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")
                .params(projectId, year, period, amount, stage == null ? null : stage.name(), note, state.name(), by,
                        Timestamp.from(Instant.now())).update();
        var result = report(projectId, year, period).orElseThrow().id();
        changes.touchByProject(projectId);
        return result;
    }

    /** Writes new content and state if the version matches; returns false on a concurrent change. */
    public boolean updateReport(long id, int expectedVersion, double amount, Project.Stage stage, String note,
                                ReportState state, String by) {
        var result = jdbc.sql("""
                UPDATE project_report SET amount = ?, stage = ?, note = ?, state = ?, version = version + 1,
                  updated_by = ?, updated_at = ? WHERE id = ? AND version = ?""")
                .params(amount, stage == null ? null : stage.name(), note, state.name(), by,
                        Timestamp.from(Instant.now()), id, expectedVersion).update() == 1;
        changes.touchByProjectReport(id);
        return result;
    }

    public void insertReportRevision(InvestmentReport r, String reason) {
        jdbc.sql("""
                INSERT INTO project_report_revision (report_id, version, amount, stage, state, reason, changed_by,
                  changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.version(), r.amount(), r.stage() == null ? null : r.stage().name(), r.state().name(),
                        reason, r.updatedBy(), Timestamp.from(r.updatedAt())).update();
    }

    public List<InvestmentReport.Revision> reportRevisions(long reportId) {
        return jdbc.sql("SELECT * FROM project_report_revision WHERE report_id = ? ORDER BY version").param(reportId)
                .query((rs, i) -> new InvestmentReport.Revision(rs.getInt("version"),
                        rs.getBigDecimal("amount").doubleValue(), ReportState.valueOf(rs.getString("state")),
                        rs.getString("reason"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** Approved completed investment per project for a year: project id → 亿元. */
    public Map<Long, Double> approvedAmounts(long planId, int year) {
        return jdbc.sql("""
                SELECT r.project_id, SUM(r.amount) FROM project_report r JOIN project p ON p.id = r.project_id
                WHERE p.plan_id = ? AND r.report_year = ? AND r.state = 'APPROVED' GROUP BY r.project_id""")
                .params(planId, year).query((rs, i) -> Map.entry(rs.getLong(1), rs.getDouble(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Approved completed investment per project in a year up to the end of a quarter (monthly or quarterly reports). */
    public Map<Long, Double> approvedAmountsUpToQuarter(long planId, int year, int quarter) {
        java.util.List<String> periods = new java.util.ArrayList<>();
        for (int m = 1; m <= quarter * 3; m++) {
            periods.add(String.format("M%02d", m));
        }
        for (int q = 1; q <= quarter; q++) {
            periods.add("Q" + q);
        }
        return jdbc.sql("""
                SELECT r.project_id, SUM(r.amount) FROM project_report r JOIN project p ON p.id = r.project_id
                WHERE p.plan_id = :plan AND r.report_year = :year AND r.state = 'APPROVED' AND r.period IN (:periods)
                GROUP BY r.project_id""")
                .param("plan", planId).param("year", year).param("periods", periods)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getDouble(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Approved completed investment per project over the whole plan period: project id → 亿元. */
    public Map<Long, Double> approvedTotals(long planId) {
        return jdbc.sql("""
                SELECT r.project_id, SUM(r.amount) FROM project_report r JOIN project p ON p.id = r.project_id
                WHERE p.plan_id = ? AND r.state = 'APPROVED' GROUP BY r.project_id""")
                .param(planId).query((rs, i) -> Map.entry(rs.getLong(1), rs.getDouble(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static Project map(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("code"), rs.getString("name"),
                rs.getLong("domain_id"), rs.getString("domain_name"), rs.getString("stage_label"),
                Project.Stage.valueOf(rs.getString("stage")), rs.getBoolean("confirmed"), rs.getString("note"),
                rs.getString("source_quote"), rs.getInt("ordinal"));
    }
}
