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
     * Current observations of the plans with ids in {@code [fromPlan, toPlan]} (plan id, then code), read in one
     * forward-only query: every APPROVED revision of the city-wide yearly figures in key order, keeping the last
     * version of each figure. Used by the bulk reassessment, which walks the plans in id ranges.
     */
    public Map<Long, Map<String, List<Observation>>> approved(long fromPlan, long toPlan, boolean demo) {
        Map<Long, Map<String, List<Observation>>> out = new java.util.HashMap<>();
        long[] lastFigure = {-1};
        jdbc.sql("""
                SELECT i.plan_id, i.code, f.id, f.report_year, r.num_value, r.estimate, r.verdict
                FROM figure f
                JOIN indicator i ON i.id = f.indicator_id
                JOIN org_unit o ON o.id = f.org_unit_id AND o.unit_type = 'CITY'
                JOIN figure_revision r ON r.figure_id = f.id AND r.state = 'APPROVED'
                WHERE i.plan_id BETWEEN ? AND ? AND f.demo = ? AND f.period = 'Y'
                ORDER BY i.plan_id, i.code, f.report_year, f.id, r.version
                """).params(fromPlan, toPlan, demo).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    long figure = rs.getLong(3);
                    Observation o = new Observation(rs.getInt(4), rs.getObject(5, Double.class), rs.getBoolean(6),
                            rs.getString(7) == null ? null : Verdict.valueOf(rs.getString(7)));
                    List<Observation> list = out.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new java.util.ArrayList<>());
                    if (figure == lastFigure[0]) {
                        list.set(list.size() - 1, o); // a later approved version of the same figure
                    } else {
                        list.add(o);
                    }
                    lastFigure[0] = figure;
                });
        return out;
    }

    /** The latest year with any approved figure, or null. */
    public Integer latestYear(long planId, boolean demo) {
        return jdbc.sql("""
                SELECT MAX(f.report_year) FROM figure f JOIN indicator i ON i.id = f.indicator_id
                WHERE i.plan_id = ? AND f.demo = ? AND f.state = 'APPROVED'
                """).params(planId, demo).query(Integer.class).optional().orElse(null);
    }
}
