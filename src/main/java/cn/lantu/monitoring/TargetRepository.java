package cn.lantu.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Yearly plan targets (年度计划) and mid-term target revisions (规划调整) of a plan's indicators. */
@Repository
public class TargetRepository {

    /** A revised target in force, with its reason and approval. */
    public record Revision(String code, int version, double value, String reason, String approval, String by,
                           Instant at) {}

    private final JdbcClient jdbc;
    private final cn.lantu.plan.PlanChanges changes;

    public TargetRepository(JdbcClient jdbc, cn.lantu.plan.PlanChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** Yearly targets keyed by indicator code, then year. */
    public Map<String, Map<Integer, Double>> annualTargets(long planId) {
        return jdbc.sql("""
                SELECT i.code, t.target_year, t.target_value FROM indicator_annual_target t
                JOIN indicator i ON i.id = t.indicator_id WHERE i.plan_id = ?
                """).param(planId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getDouble(3)}).list().stream()
                .collect(Collectors.groupingBy(r -> (String) r[0],
                        Collectors.toMap(r -> (Integer) r[1], r -> (Double) r[2], (a, b) -> b, TreeMap::new)));
    }

    /** Yearly targets of the plans with ids in {@code [fromPlan, toPlan]}: plan id, then code, then year. */
    public Map<Long, Map<String, Map<Integer, Double>>> annualTargets(long fromPlan, long toPlan) {
        Map<Long, Map<String, Map<Integer, Double>>> out = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT i.plan_id, i.code, t.target_year, t.target_value FROM indicator_annual_target t
                JOIN indicator i ON i.id = t.indicator_id WHERE i.plan_id BETWEEN ? AND ?
                """).params(fromPlan, toPlan).query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new TreeMap<>()).put(rs.getInt(3), rs.getDouble(4)))
                .list();
        return out;
    }

    /** The latest revision of each revised indicator of the plans in {@code [fromPlan, toPlan]}: plan id, then code. */
    public Map<Long, Map<String, Revision>> revisionsInForce(long fromPlan, long toPlan) {
        Map<Long, Map<String, Revision>> out = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT i.code, r.version, r.target_value, r.reason, r.approval, r.revised_by, r.revised_at, i.plan_id
                FROM indicator_target_revision r JOIN indicator i ON i.id = r.indicator_id
                WHERE i.plan_id BETWEEN ? AND ? ORDER BY r.indicator_id, r.version
                """).params(fromPlan, toPlan).query((rs, n) -> out.computeIfAbsent(rs.getLong(8), k -> new java.util.HashMap<>())
                        .put(rs.getString(1), map(rs, n)))
                .list();
        return out;
    }

    public void setAnnualTarget(long indicatorId, int year, double value, String by) {
        jdbc.sql("DELETE FROM indicator_annual_target WHERE indicator_id = ? AND target_year = ?")
                .params(indicatorId, year).update();
        jdbc.sql("""
                INSERT INTO indicator_annual_target (indicator_id, target_year, target_value, set_by, set_at)
                VALUES (?, ?, ?, ?, ?)
                """).params(indicatorId, year, value, by, Timestamp.from(Instant.now())).update();
        changes.touchByIndicator(indicatorId);
    }

    /** The latest revision of each revised indicator, keyed by code. */
    public Map<String, Revision> revisionsInForce(long planId) {
        return jdbc.sql("""
                SELECT i.code, r.version, r.target_value, r.reason, r.approval, r.revised_by, r.revised_at
                FROM indicator_target_revision r JOIN indicator i ON i.id = r.indicator_id
                WHERE i.plan_id = ? AND r.version = (SELECT MAX(r2.version) FROM indicator_target_revision r2
                                                     WHERE r2.indicator_id = r.indicator_id)
                """).param(planId).query(TargetRepository::map).list().stream()
                .collect(Collectors.toMap(Revision::code, r -> r));
    }

    public List<Revision> revisions(long indicatorId) {
        return jdbc.sql("""
                SELECT i.code, r.version, r.target_value, r.reason, r.approval, r.revised_by, r.revised_at
                FROM indicator_target_revision r JOIN indicator i ON i.id = r.indicator_id
                WHERE r.indicator_id = ? ORDER BY r.version
                """).param(indicatorId).query(TargetRepository::map).list();
    }

    public void revise(long indicatorId, double value, String reason, String approval, String by) {
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM indicator_target_revision WHERE indicator_id = ?")
                .param(indicatorId).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO indicator_target_revision (indicator_id, version, target_value, reason, approval,
                  revised_by, revised_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(indicatorId, version, value, reason, approval, by, Timestamp.from(Instant.now())).update();
        changes.touchByIndicator(indicatorId);
    }

    private static Revision map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Revision(rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant());
    }
}
