package cn.lantu.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.lantu.assessment.Attribute;
import cn.lantu.assessment.Comparator;
import cn.lantu.assessment.Direction;
import cn.lantu.assessment.Kind;
import cn.lantu.assessment.Path;

/** Plain SQL access to indicators. */
@Repository
public class IndicatorRepository {

    private final cn.lantu.plan.PlanChanges changes;

    private static final String ORDER = " ORDER BY CASE WHEN table_row IS NULL THEN 1 ELSE 0 END, table_row, code";

    private final JdbcClient jdbc;

    public IndicatorRepository(JdbcClient jdbc, cn.lantu.plan.PlanChanges changes) {
        this.changes = changes;
        this.jdbc = jdbc;
    }

    public List<Indicator> findByPlan(long planId) {
        return jdbc.sql("SELECT * FROM indicator WHERE plan_id = ?" + ORDER).param(planId).query(this::map).list();
    }

    /** The indicators of the plans with ids in {@code [fromPlan, toPlan]}, grouped by plan (bulk reassessment). */
    public java.util.Map<Long, List<Indicator>> findByPlans(long fromPlan, long toPlan) {
        java.util.Map<Long, List<Indicator>> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT * FROM indicator WHERE plan_id BETWEEN ? AND ? ORDER BY plan_id, "
                        + "CASE WHEN table_row IS NULL THEN 1 ELSE 0 END, table_row, code")
                .params(fromPlan, toPlan).query(this::map).list()
                .forEach(i -> out.computeIfAbsent(i.planId(), k -> new java.util.ArrayList<>()).add(i));
        return out;
    }

    public List<Indicator> findTableRows(long planId) {
        return jdbc.sql("SELECT * FROM indicator WHERE plan_id = ? AND table_number IS NOT NULL" + ORDER)
                .param(planId).query(this::map).list();
    }

    public Optional<Indicator> findByCode(long planId, String code) {
        return jdbc.sql("SELECT * FROM indicator WHERE plan_id = ? AND code = ?").params(planId, code)
                .query(this::map).optional();
    }

    public Optional<Indicator> findById(long id) {
        return jdbc.sql("SELECT * FROM indicator WHERE id = ?").param(id).query(this::map).optional();
    }

    /** Publishes an indicator on the public portal, or withdraws it, keeping who did it and when. */
    public void setPublished(long id, boolean published, String by) {
        jdbc.sql("UPDATE indicator SET published = ?, published_by = ?, published_changed_at = ? WHERE id = ?")
                .params(published, by, java.sql.Timestamp.from(java.time.Instant.now()), id).update();
        // the portal, its open data and the public reports are served per data version
        changes.touchByIndicator(id);
    }

    /** Publishes every indicator of a plan at once (the bundled plan's first load); nothing is recorded as a person. */
    public void publishAll(long planId) {
        jdbc.sql("UPDATE indicator SET published = TRUE, published_changed_at = ? WHERE plan_id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now()), planId).update();
        changes.touch(planId);
    }

    /** Whether an indicator is public, and who last changed that and when (null before any change). */
    public record Publication(long id, String code, String name, Integer tableRow, boolean published,
                              String changedBy, java.time.Instant changedAt) {}

    public List<Publication> publications(long planId) {
        return jdbc.sql("SELECT id, code, name, table_row, published, published_by, published_changed_at FROM indicator "
                + "WHERE plan_id = ?" + ORDER).param(planId).query((rs, n) -> {
                    java.sql.Timestamp at = rs.getTimestamp("published_changed_at");
                    return new Publication(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            rs.getObject("table_row", Integer.class), rs.getBoolean("published"),
                            rs.getString("published_by"), at == null ? null : at.toInstant());
                }).list();
    }

    public long insert(Indicator i) {
        jdbc.sql("""
                INSERT INTO indicator (plan_id, code, table_number, table_row, sub_item, name, unit, category, attribute,
                  kind, path, direction, comparator, band, base_year, base_value, base_status, base_role, markers,
                  target_year, target_value, target_horizon, target_is_increment, base_verbatim, target_verbatim,
                  rate_verbatim, attribute_verbatim, related_code, source_text, source_quote, outline_key, notes, published)
                VALUES (:plan, :code, :tn, :tr, :sub, :name, :unit, :cat, :attr, :kind, :path, :dir, :cmp, :band,
                  :by, :bv, :bs, :br, :markers, :ty, :tv, :th, :inc, :bvb, :tvb, :rvb, :avb, :rel, :st, :sq, :ok, :notes, :pub)
                """)
                .param("plan", i.planId()).param("code", i.code()).param("tn", i.tableNumber())
                .param("tr", i.tableRow()).param("sub", i.subItem()).param("name", i.name()).param("unit", i.unit())
                .param("cat", i.category().name()).param("attr", i.attribute().name()).param("kind", i.kind().name())
                .param("path", i.path() == null ? null : i.path().name()).param("dir", i.direction().name())
                .param("cmp", i.comparator().name()).param("band", i.band()).param("by", i.baseYear())
                .param("bv", i.baseValue()).param("bs", i.baseStatus().name()).param("br", i.baseRole())
                .param("markers", String.join(",", i.markers())).param("ty", i.targetYear())
                .param("tv", i.targetValue()).param("th", i.targetHorizon()).param("inc", i.targetIsIncrement())
                .param("bvb", i.baseVerbatim()).param("tvb", i.targetVerbatim()).param("rvb", i.rateVerbatim())
                .param("avb", i.attributeVerbatim()).param("rel", i.relatedCode()).param("st", i.sourceText())
                .param("sq", i.sourceQuote()).param("ok", i.outlineKey()).param("notes", String.join("\n", i.notes()))
                .param("pub", i.published())
                .update();
        return jdbc.sql("SELECT id FROM indicator WHERE plan_id = ? AND code = ?").params(i.planId(), i.code())
                .query(Long.class).single();
    }

    private Indicator map(ResultSet rs, int row) throws SQLException {
        String path = rs.getString("path");
        String markers = rs.getString("markers");
        String notes = rs.getString("notes");
        return new Indicator(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("code"),
                (Integer) rs.getObject("table_number", Integer.class), rs.getObject("table_row", Integer.class),
                rs.getString("sub_item"), rs.getString("name"), rs.getString("unit"),
                Category.valueOf(rs.getString("category")), Attribute.valueOf(rs.getString("attribute")),
                Kind.valueOf(rs.getString("kind")), path == null ? null : Path.valueOf(path),
                Direction.valueOf(rs.getString("direction")), Comparator.valueOf(rs.getString("comparator")),
                rs.getObject("band", Double.class), rs.getInt("base_year"), rs.getObject("base_value", Double.class),
                Indicator.BaseStatus.valueOf(rs.getString("base_status")), rs.getString("base_role"),
                markers == null || markers.isBlank() ? List.of() : Arrays.asList(markers.split(",")),
                rs.getInt("target_year"), rs.getObject("target_value", Double.class), rs.getString("target_horizon"),
                rs.getBoolean("target_is_increment"), rs.getString("base_verbatim"), rs.getString("target_verbatim"),
                rs.getString("rate_verbatim"), rs.getString("attribute_verbatim"), rs.getString("related_code"),
                rs.getString("source_text"), rs.getString("source_quote"), rs.getString("outline_key"),
                notes == null || notes.isBlank() ? List.of() : Arrays.asList(notes.split("\n")),
                rs.getBoolean("published"));
    }
}
