package cn.lantu.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.lantu.assessment.Status;
import cn.lantu.assessment.StatusOverride;

/** The plan office's own verdicts that replace a computed status; each needs a reason and is kept. */
@Repository
public class StatusOverrideRepository {

    /** A stored override before it is combined with the computed status. */
    public record Stored(Status status, String reason, String by) {}

    private final JdbcClient jdbc;
    private final cn.lantu.plan.PlanChanges changes;

    public StatusOverrideRepository(JdbcClient jdbc, cn.lantu.plan.PlanChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    public Map<String, Stored> forYear(long planId, int year) {
        return jdbc.sql("""
                SELECT i.code, s.status, s.reason, s.decided_by FROM status_override s
                JOIN indicator i ON i.id = s.indicator_id WHERE i.plan_id = ? AND s.report_year = ?
                """).params(planId, year)
                .query((rs, n) -> Map.entry(rs.getString(1), new Stored(Status.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Overrides of the plans with ids in {@code [fromPlan, toPlan]} for a year: plan id, then code. */
    public Map<Long, Map<String, Stored>> forYear(long fromPlan, long toPlan, int year) {
        Map<Long, Map<String, Stored>> out = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT i.plan_id, i.code, s.status, s.reason, s.decided_by FROM status_override s
                JOIN indicator i ON i.id = s.indicator_id WHERE i.plan_id BETWEEN ? AND ? AND s.report_year = ?
                """).params(fromPlan, toPlan, year)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>()).put(rs.getString(2),
                        new Stored(Status.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5))))
                .list();
        return out;
    }

    public void save(long indicatorId, int year, Status status, String reason, String by) {
        jdbc.sql("DELETE FROM status_override WHERE indicator_id = ? AND report_year = ?").params(indicatorId, year)
                .update();
        jdbc.sql("""
                INSERT INTO status_override (indicator_id, report_year, status, reason, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(indicatorId, year, status.name(), reason, by, Timestamp.from(Instant.now())).update();
        changes.touchByIndicator(indicatorId);
    }

    static StatusOverride combine(Status computed, Stored stored) {
        return new StatusOverride(computed, stored.status(), stored.reason(), stored.by());
    }
}
