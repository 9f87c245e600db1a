package cn.lantu.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Yearly plan targets (年度计划) and mid-term target revisions (规划调整) of a plan's indicators. */
@Repository
public class TargetRepository {

    /**
     * A revision of an indicator's target: proposed by one plan officer, approved or rejected by another. {@code
     * approval} is the approving document's number (文号), {@code effectiveYear} the first year judged against the
     * revised value (null for revisions recorded before it was asked: every year). {@code version} numbers the
     * indicator's revisions; {@code lockVersion} guards a decision against a concurrent one.
     */
    public record Revision(long id, long indicatorId, long planId, String code, String indicatorName, int version, double value, String reason,
                           String approval, LocalDate documentDate, Integer effectiveYear, RevisionState state,
                           String by, Instant at, String decidedBy, Instant decidedAt, String comment,
                           int lockVersion) {

        /** True when the revised value applies to {@code year}. */
        public boolean appliesTo(int year) {
            return effectiveYear == null || year >= effectiveYear;
        }
    }

    private static final String SELECT = """
            SELECT r.id, i.code, i.name, r.version, r.target_value, r.reason, r.approval, r.document_date,
                   r.effective_year, r.state, r.revised_by, r.revised_at, r.decided_by, r.decided_at,
                   r.decision_comment, r.lock_version, i.plan_id, r.indicator_id
            FROM indicator_target_revision r JOIN indicator i ON i.id = r.indicator_id
            """;

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
        Map<Long, Map<String, Map<Integer, Double>>> out = new HashMap<>();
        jdbc.sql("""
                SELECT i.plan_id, i.code, t.target_year, t.target_value FROM indicator_annual_target t
                JOIN indicator i ON i.id = t.indicator_id WHERE i.plan_id BETWEEN ? AND ?
                """).params(fromPlan, toPlan).query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new TreeMap<>()).put(rs.getInt(3), rs.getDouble(4)))
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

    /** Approved revisions of each revised indicator of a plan, keyed by code, in the order they were approved. */
    public Map<String, List<Revision>> approved(long planId) {
        Map<String, List<Revision>> out = new LinkedHashMap<>();
        jdbc.sql(SELECT + " WHERE i.plan_id = ? AND r.state = 'APPROVED' ORDER BY r.decided_at, r.id").param(planId)
                .query(TargetRepository::map).list()
                .forEach(r -> out.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(r));
        return out;
    }

    /** As {@link #approved(long)} for the plans with ids in {@code [fromPlan, toPlan]}: plan id, then code. */
    public Map<Long, Map<String, List<Revision>>> approved(long fromPlan, long toPlan) {
        Map<Long, Map<String, List<Revision>>> out = new HashMap<>();
        jdbc.sql(SELECT + " WHERE i.plan_id BETWEEN ? AND ? AND r.state = 'APPROVED' ORDER BY r.decided_at, r.id")
                .params(fromPlan, toPlan)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(17), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(map(rs, n)))
                .list();
        return out;
    }

    /**
     * The approved revision that decides {@code year}: the latest approved of those in effect by that year; when
     * none is yet in effect, the latest approved (its effective year tells the engine to keep the original).
     */
    public static Revision inForce(List<Revision> approved, int year) {
        if (approved == null || approved.isEmpty()) {
            return null;
        }
        Revision chosen = null;
        for (Revision r : approved) {
            if (r.appliesTo(year)) {
                chosen = r;
            }
        }
        return chosen != null ? chosen : approved.get(approved.size() - 1);
    }

    /** Every revision of an indicator, newest first. */
    public List<Revision> revisions(long indicatorId) {
        return jdbc.sql(SELECT + " WHERE r.indicator_id = ? ORDER BY r.version DESC").param(indicatorId)
                .query(TargetRepository::map).list();
    }

    /** Every revision of a plan's indicators in one state (null: all), newest first. */
    public List<Revision> ofPlan(long planId, RevisionState state) {
        String order = " ORDER BY r.revised_at DESC, r.id DESC";
        if (state == null) {
            return jdbc.sql(SELECT + " WHERE i.plan_id = ?" + order).param(planId).query(TargetRepository::map).list();
        }
        return jdbc.sql(SELECT + " WHERE i.plan_id = ? AND r.state = ?" + order).params(planId, state.name())
                .query(TargetRepository::map).list();
    }

    public Optional<Revision> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(TargetRepository::map).optional();
    }

    /** Records a proposal (pending); its id. */
    public long propose(long indicatorId, double value, String reason, String approval, LocalDate documentDate,
                        int effectiveYear, String by) {
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM indicator_target_revision WHERE indicator_id = ?")
                .param(indicatorId).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO indicator_target_revision (indicator_id, version, target_value, reason, approval,
                  document_date, effective_year, state, revised_by, revised_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                """).params(indicatorId, version, value, reason, approval, java.sql.Date.valueOf(documentDate),
                effectiveYear, by, Timestamp.from(Instant.now())).update();
        changes.touchByIndicator(indicatorId);
        return jdbc.sql("SELECT id FROM indicator_target_revision WHERE indicator_id = ? AND version = ?")
                .params(indicatorId, version).query(Long.class).single();
    }

    /** Decides a pending revision; false when it is no longer pending at {@code lockVersion}. */
    public boolean decide(long id, int lockVersion, RevisionState state, String comment, String by) {
        int n = jdbc.sql("""
                UPDATE indicator_target_revision SET state = ?, decision_comment = ?, decided_by = ?, decided_at = ?,
                  lock_version = lock_version + 1 WHERE id = ? AND lock_version = ? AND state = 'PENDING'
                """).params(state.name(), comment, by, Timestamp.from(Instant.now()), id, lockVersion).update();
        if (n == 1) {
            jdbc.sql("SELECT indicator_id FROM indicator_target_revision WHERE id = ?").param(id).query(Long.class)
                    .optional().ifPresent(changes::touchByIndicator);
        }
        return n == 1;
    }

    private static Revision map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Date date = rs.getDate(8);
        Timestamp decided = rs.getTimestamp(14);
        return new Revision(rs.getLong(1), rs.getLong(18), rs.getLong(17), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getDouble(5),
                rs.getString(6), rs.getString(7), date == null ? null : date.toLocalDate(),
                (Integer) rs.getObject(9, Integer.class), RevisionState.valueOf(rs.getString(10)), rs.getString(11),
                rs.getTimestamp(12).toInstant(), rs.getString(13), decided == null ? null : decided.toInstant(),
                rs.getString(15), rs.getInt(16));
    }
}
