package cn.lantu.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL on figure and figure_revision. Updates are optimistic: {@code UPDATE … WHERE id = ? AND version = ?};
 * every change also writes a revision row with the new state, so "as of" recomputation works.
 */
@Repository
class FigureRepository {

    private static final String SELECT = """
            SELECT f.*, i.code AS indicator_code, o.code AS org_code FROM figure f
            JOIN indicator i ON i.id = f.indicator_id JOIN org_unit o ON o.id = f.org_unit_id
            """;

    private final JdbcClient jdbc;
    private final cn.lantu.plan.PlanChanges changes;

    FigureRepository(JdbcClient jdbc, cn.lantu.plan.PlanChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    Optional<Figure> find(long id) {
        return jdbc.sql(SELECT + " WHERE f.id = ?").param(id).query(FigureRepository::map).optional();
    }

    Optional<Figure> find(long indicatorId, long orgUnitId, int year, String period) {
        return jdbc.sql(SELECT + " WHERE f.indicator_id = ? AND f.org_unit_id = ? AND f.report_year = ? "
                        + "AND f.period = ? AND f.demo = FALSE")
                .params(indicatorId, orgUnitId, year, period).query(FigureRepository::map).optional();
    }

    /**
     * The plan's figures, of one year and/or period when given. The conditions are added only for the parameters
     * present: PostgreSQL cannot type a bare {@code :year IS NULL} ("could not determine data type of parameter").
     */
    List<Figure> findByPlan(long planId, Integer year, String period) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE i.plan_id = :plan AND f.demo = FALSE");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("plan", planId);
        if (year != null) {
            sql.append(" AND f.report_year = :year");
            params.put("year", year);
        }
        if (period != null) {
            sql.append(" AND f.period = :period");
            params.put("period", period);
        }
        sql.append(" ORDER BY i.code, f.report_year, o.ordinal");
        return jdbc.sql(sql.toString()).params(params).query(FigureRepository::map).list();
    }

    /** Inserts a new figure with version 1 and its first revision; a concurrent insert loses with a conflict. */
    long insert(long indicatorId, long orgUnitId, int year, String period, Double value, String verdict,
                boolean estimate, FigureState state, String note, String source, String explanation, String by,
                String reason) {
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.sql("""
                    INSERT INTO figure (indicator_id, org_unit_id, report_year, period, num_value, verdict, estimate,
                      state, demo, note, source, explanation, version, updated_by, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, 1, ?, ?)
                    """).params(indicatorId, orgUnitId, year, period, value, verdict, estimate, state.name(), note,
                    source, explanation, by, now).update();
        } catch (DuplicateKeyException e) {
            throw ReportingException.conflict("该数据已由他人同时创建，请刷新后重试（版本冲突）");
        }
        long id = find(indicatorId, orgUnitId, year, period).orElseThrow().id();
        revision(id, 1, value, verdict, estimate, state, reason, note, source, explanation, by, now);
        return id;
    }

    /** Optimistic update; throws a conflict when someone else changed the figure since {@code expectedVersion}. */
    void update(Figure f, int expectedVersion, Double value, String verdict, boolean estimate, FigureState state,
                String note, String source, String explanation, String returnComment, String by, String reason) {
        Timestamp now = Timestamp.from(Instant.now());
        int rows = jdbc.sql("""
                UPDATE figure SET num_value = ?, verdict = ?, estimate = ?, state = ?, note = ?, source = ?,
                  explanation = ?, return_comment = ?, version = version + 1, updated_by = ?, updated_at = ?
                WHERE id = ? AND version = ?
                """).params(value, verdict, estimate, state.name(), note, source, explanation, returnComment, by, now,
                f.id(), expectedVersion).update();
        if (rows != 1) {
            throw ReportingException.conflict("该数据已被他人修改（版本冲突），请刷新后再操作，不会覆盖他人的修改");
        }
        revision(f.id(), expectedVersion + 1, value, verdict, estimate, state, reason, note, source, explanation, by,
                now);
    }

    private void revision(long figureId, int version, Double value, String verdict, boolean estimate,
                          FigureState state, String reason, String note, String source, String explanation,
                          String by, Timestamp at) {
        jdbc.sql("""
                INSERT INTO figure_revision (figure_id, version, num_value, verdict, estimate, state, reason,
                  changed_by, changed_at, note, source, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(figureId, version, value, verdict, estimate, state.name(), reason, by, at, note, source,
                explanation).update();
        // every change of a figure writes a revision, so raising the plan's data version here reaches every path
        changes.touchByFigure(figureId);
    }

    /** Whether the user entered the figure: wrote one of its values (a draft) or submitted it. */
    boolean enteredBy(long figureId, String username) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM figure_revision
                 WHERE figure_id = ? AND changed_by = ? AND state IN ('DRAFT', 'SUBMITTED')
                """).params(figureId, username).query(Integer.class).single() > 0;
    }

    List<Figure.Revision> revisions(long figureId) {
        return jdbc.sql("SELECT * FROM figure_revision WHERE figure_id = ? ORDER BY version").param(figureId)
                .query((rs, n) -> new Figure.Revision(rs.getLong("id"), rs.getLong("figure_id"), rs.getInt("version"),
                        rs.getObject("num_value", Double.class), rs.getString("verdict"), rs.getBoolean("estimate"),
                        FigureState.valueOf(rs.getString("state")), rs.getString("reason"), rs.getString("note"),
                        rs.getString("source"), rs.getString("explanation"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** Approved yearly values of the indicator for the unit, by year (latest approved revision), excluding a year. */
    List<double[]> approvedHistory(long indicatorId, long orgUnitId, String period, int beforeYear) {
        return jdbc.sql("""
                SELECT f.report_year, r.num_value FROM figure f JOIN figure_revision r ON r.figure_id = f.id
                WHERE f.indicator_id = ? AND f.org_unit_id = ? AND f.period = ? AND f.demo = FALSE
                  AND f.report_year < ? AND r.state = 'APPROVED' AND r.num_value IS NOT NULL
                  AND r.version = (SELECT MAX(r2.version) FROM figure_revision r2
                                   WHERE r2.figure_id = f.id AND r2.state = 'APPROVED')
                ORDER BY f.report_year
                """).params(indicatorId, orgUnitId, period, beforeYear)
                .query((rs, n) -> new double[] {rs.getInt(1), rs.getDouble(2)}).list();
    }

    private static Figure map(ResultSet rs, int n) throws SQLException {
        return new Figure(rs.getLong("id"), rs.getLong("indicator_id"), rs.getString("indicator_code"),
                rs.getLong("org_unit_id"), rs.getString("org_code"), rs.getInt("report_year"), rs.getString("period"),
                rs.getObject("num_value", Double.class), rs.getString("verdict"), rs.getBoolean("estimate"),
                FigureState.valueOf(rs.getString("state")), rs.getBoolean("demo"), rs.getString("note"),
                rs.getString("source"), rs.getString("explanation"), rs.getString("return_comment"),
                rs.getInt("version"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }
}
