package cn.lantu.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL access to the project portfolio. */
@Repository
public class ProjectRepository {

    private final JdbcClient jdbc;

    public ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    private static Project map(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("code"), rs.getString("name"),
                rs.getLong("domain_id"), rs.getString("domain_name"), rs.getString("stage_label"),
                Project.Stage.valueOf(rs.getString("stage")), rs.getBoolean("confirmed"), rs.getString("note"),
                rs.getString("source_quote"), rs.getInt("ordinal"));
    }
}
