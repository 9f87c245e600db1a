package cn.lantu.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.lantu.assessment.Observation;
import cn.lantu.assessment.Verdict;

/**
 * Reads the approved yearly figures of a plan's indicators (city-wide values) as the engine's observations.
 * Only APPROVED figures count; demo figures are read only in demo mode and never mixed with real ones.
 */
@Repository
public class ObservationRepository {

    private final JdbcClient jdbc;

    public ObservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Observations keyed by indicator code, as they stood at {@code asOf} (null: now). */
    public Map<String, List<Observation>> approved(long planId, boolean demo, Instant asOf) {
        String sql = """
                SELECT i.code, f.report_year, r.num_value, r.estimate, r.verdict
                FROM figure f
                JOIN indicator i ON i.id = f.indicator_id
                JOIN org_unit o ON o.id = f.org_unit_id AND o.unit_type = 'CITY'
                JOIN figure_revision r ON r.figure_id = f.id
                WHERE i.plan_id = :plan AND f.demo = :demo AND f.period = 'Y'
                  AND r.state = 'APPROVED'
                  AND r.version = (SELECT MAX(r2.version) FROM figure_revision r2
                                   WHERE r2.figure_id = f.id AND r2.state = 'APPROVED' AND r2.changed_at <= :asOf)
                ORDER BY i.code, f.report_year
                """;
        return jdbc.sql(sql).param("plan", planId).param("demo", demo)
                .param("asOf", Timestamp.from(asOf == null ? Instant.now().plusSeconds(60) : asOf))
                .query((rs, n) -> Map.entry(rs.getString(1), new Observation(rs.getInt(2),
                        rs.getObject(3, Double.class), rs.getBoolean(4),
                        rs.getString(5) == null ? null : Verdict.valueOf(rs.getString(5)))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /**
     * Current observations of the plans with ids in {@code [fromPlan, toPlan]} (plan id, then code), used by the bulk
     * reassessment, which walks the plans in id ranges. A figure whose current state is APPROVED carries the values of
     * its latest approved revision (the workflow writes both together), so it is read from {@code figure} alone; for
     * the few figures with a later change pending (submitted, returned …) the last APPROVED revision is read by id. Same result as {@link #approved(long, boolean, Instant)} with {@code asOf} now.
     */
    public Map<Long, Map<String, List<Observation>>> approved(long fromPlan, long toPlan, boolean demo) {
        Map<Long, Map<String, List<Observation>>> out = new java.util.HashMap<>();
        Map<Long, Object[]> pending = new java.util.HashMap<>(); // figure id → {plan id, code}
        jdbc.sql("""
                SELECT i.plan_id, i.code, f.id, f.report_year, f.num_value, f.estimate, f.verdict, f.state
                FROM figure f
                JOIN indicator i ON i.id = f.indicator_id
                JOIN org_unit o ON o.id = f.org_unit_id AND o.unit_type = 'CITY'
                WHERE i.plan_id BETWEEN ? AND ? AND f.demo = ? AND f.period = 'Y'
                """).params(fromPlan, toPlan, demo).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    if ("APPROVED".equals(rs.getString(8))) {
                        add(out, rs.getLong(1), rs.getString(2), new Observation(rs.getInt(4),
                                rs.getObject(5, Double.class), rs.getBoolean(6), verdict(rs.getString(7))));
                    } else {
                        pending.put(rs.getLong(3), new Object[] {rs.getLong(1), rs.getString(2)});
                    }
                });
        if (!pending.isEmpty()) {
            Map<Long, Observation> lastApproved = new java.util.HashMap<>();
            jdbc.sql("""
                    SELECT r.figure_id, f.report_year, r.num_value, r.estimate, r.verdict
                    FROM figure_revision r JOIN figure f ON f.id = r.figure_id
                    WHERE r.figure_id IN (:ids) AND r.state = 'APPROVED' ORDER BY r.figure_id, r.version
                    """).param("ids", List.copyOf(pending.keySet()))
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> lastApproved.put(rs.getLong(1),
                            new Observation(rs.getInt(2), rs.getObject(3, Double.class), rs.getBoolean(4),
                                    verdict(rs.getString(5)))));
            lastApproved.forEach((figure, o) -> {
                Object[] key = pending.get(figure);
                add(out, (Long) key[0], (String) key[1], o);
            });
        }
        out.values().forEach(byCode -> byCode.values().forEach(list -> list.sort(
                java.util.Comparator.comparingInt(Observation::year))));
        return out;
    }

    private static void add(Map<Long, Map<String, List<Observation>>> out, long plan, String code, Observation o) {
        out.computeIfAbsent(plan, k -> new java.util.HashMap<>()).computeIfAbsent(code, k -> new java.util.ArrayList<>())
                .add(o);
    }

    private static Verdict verdict(String v) {
        return v == null ? null : Verdict.valueOf(v);
    }

    /** The latest year with any approved figure, or null. */
    public Integer latestYear(long planId, boolean demo) {
        return jdbc.sql("""
                SELECT MAX(f.report_year) FROM figure f JOIN indicator i ON i.id = f.indicator_id
                WHERE i.plan_id = ? AND f.demo = ? AND f.state = 'APPROVED'
                """).params(planId, demo).query(Integer.class).optional().orElse(null);
    }
}
