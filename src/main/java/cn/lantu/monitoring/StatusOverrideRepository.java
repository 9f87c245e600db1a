package cn.lantu.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.lantu.assessment.Status;
import cn.lantu.assessment.StatusOverride;

/**
 * The plan office's own verdicts that replace a computed status (人工校核). Append-only: each override and each
 * withdrawal is a row of its own, nothing is replaced or deleted; the override in force for an indicator's year is
 * its latest row when that row is an override.
 */
@Repository
public class StatusOverrideRepository {

    /** A stored override in force before it is combined with the computed status; {@code id} is its version. */
    public record Stored(long id, Status status, String reason, String by) {}

    /** What a history row records. */
    public enum Action {
        OVERRIDE("人工校核"), WITHDRAW("撤销校核");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One row of an indicator's override history; {@code status} is null for a withdrawal. */
    public record Entry(long id, int year, Action action, Status status, Status computed, String reason, String by,
                        Instant at) {}

    /** The latest row per indicator and year, restricted below by plan and year. */
    private static final String LATEST = """
            SELECT i.plan_id, i.code, s.id, s.action, s.status, s.reason, s.decided_by FROM status_override s
            JOIN indicator i ON i.id = s.indicator_id
            WHERE s.id = (SELECT MAX(s2.id) FROM status_override s2
                          WHERE s2.indicator_id = s.indicator_id AND s2.report_year = s.report_year)
            """;

    private final JdbcClient jdbc;
    private final cn.lantu.plan.PlanChanges changes;

    public StatusOverrideRepository(JdbcClient jdbc, cn.lantu.plan.PlanChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** The overrides in force for a year, keyed by indicator code. */
    public Map<String, Stored> forYear(long planId, int year) {
        return forYear(planId, planId, year).getOrDefault(planId, Map.of());
    }

    /** Overrides in force of the plans with ids in {@code [fromPlan, toPlan]} for a year: plan id, then code. */
    public Map<Long, Map<String, Stored>> forYear(long fromPlan, long toPlan, int year) {
        Map<Long, Map<String, Stored>> out = new HashMap<>();
        jdbc.sql(LATEST + " AND i.plan_id BETWEEN ? AND ? AND s.report_year = ? AND s.action = 'OVERRIDE'")
                .params(fromPlan, toPlan, year)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
                        new Stored(rs.getLong(3), Status.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7))))
                .list();
        return out;
    }

    /** The override in force for an indicator's year, if any. */
    public Optional<Stored> current(long indicatorId, int year) {
        return jdbc.sql("""
                SELECT id, action, status, reason, decided_by FROM status_override
                WHERE indicator_id = ? AND report_year = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
                """).params(indicatorId, year)
                .query((rs, n) -> Map.entry(rs.getString(2), new Stored(rs.getLong(1), status(rs.getString(3)),
                        rs.getString(4), rs.getString(5))))
                .optional().filter(e -> "OVERRIDE".equals(e.getKey())).map(Map.Entry::getValue);
    }

    /** Every override and withdrawal of an indicator, newest first. */
    public List<Entry> history(long indicatorId) {
        return jdbc.sql("""
                SELECT id, report_year, action, status, computed_status, reason, decided_by, decided_at
                FROM status_override WHERE indicator_id = ? ORDER BY id DESC
                """).param(indicatorId)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getInt(2), Action.valueOf(rs.getString(3)),
                        status(rs.getString(4)), status(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** Appends an override (it supersedes one in force); its id. */
    public long save(long indicatorId, int year, Status status, Status computed, String reason, String by) {
        return append(indicatorId, year, Action.OVERRIDE, status, computed, reason, by);
    }

    /** Appends the withdrawal of the override in force; the computed status applies again. */
    public long withdraw(long indicatorId, int year, Status computed, String reason, String by) {
        return append(indicatorId, year, Action.WITHDRAW, null, computed, reason, by);
    }

    private long append(long indicatorId, int year, Action action, Status status, Status computed, String reason,
                        String by) {
        jdbc.sql("""
                INSERT INTO status_override (indicator_id, report_year, action, status, computed_status, reason,
                  decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(indicatorId, year, action.name(), status == null ? null : status.name(),
                computed == null ? null : computed.name(), reason, by, Timestamp.from(Instant.now())).update();
        changes.touchByIndicator(indicatorId);
        return jdbc.sql("SELECT MAX(id) FROM status_override WHERE indicator_id = ? AND report_year = ?")
                .params(indicatorId, year).query(Long.class).single();
    }

    private static Status status(String s) {
        return s == null ? null : Status.valueOf(s);
    }

    static StatusOverride combine(Status computed, Stored stored) {
        return new StatusOverride(computed, stored.status(), stored.reason(), stored.by());
    }
}
