package cn.lantu.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL access to org units and responsibilities. */
@Repository
public class OrgRepository {

    private final JdbcClient jdbc;

    public OrgRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(OrgUnit u) {
        jdbc.sql("""
                INSERT INTO org_unit (plan_id, code, name, short_name, unit_type, subtype, column_no, description,
                  source_quote, is_default, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(u.planId(), u.code(), u.name(), u.shortName(), u.type().name(), u.subtype(), u.column(),
                        u.description(), u.sourceQuote(), u.isDefault(), u.ordinal())
                .update();
        return jdbc.sql("SELECT id FROM org_unit WHERE plan_id = ? AND code = ?").params(u.planId(), u.code())
                .query(Long.class).single();
    }

    public void linkAreaTown(long areaId, long townId) {
        jdbc.sql("INSERT INTO area_town (area_id, town_id) VALUES (?, ?)").params(areaId, townId).update();
    }

    public void insertResponsibility(long indicatorId, long orgUnitId, Responsibility.Role role, String frequency,
                                     String townBreakdown, boolean isDefault) {
        jdbc.sql("""
                INSERT INTO responsibility (indicator_id, org_unit_id, role, frequency, town_breakdown, is_default)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(indicatorId, orgUnitId, role.name(), frequency, townBreakdown, isDefault).update();
    }

    public List<OrgUnit> findByType(long planId, OrgUnit.Type type) {
        List<OrgUnit> units = jdbc.sql("SELECT * FROM org_unit WHERE plan_id = ? AND unit_type = ? ORDER BY ordinal")
                .params(planId, type.name()).query(this::map).list();
        if (type != OrgUnit.Type.AREA) {
            return units;
        }
        Map<Long, List<String>> towns = jdbc.sql("""
                SELECT a.area_id, t.code FROM area_town a JOIN org_unit t ON t.id = a.town_id
                WHERE t.plan_id = ? ORDER BY t.ordinal
                """).param(planId)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<OrgUnit> out = new ArrayList<>();
        for (OrgUnit u : units) {
            out.add(new OrgUnit(u.id(), u.planId(), u.code(), u.name(), u.shortName(), u.type(), u.subtype(),
                    u.column(), u.description(), u.sourceQuote(), u.isDefault(), u.ordinal(),
                    towns.getOrDefault(u.id(), List.of())));
        }
        return out;
    }

    public Optional<OrgUnit> findByCode(long planId, String code) {
        return jdbc.sql("SELECT * FROM org_unit WHERE plan_id = ? AND code = ?").params(planId, code)
                .query(this::map).optional();
    }

    public Optional<OrgUnit> findById(long id) {
        return jdbc.sql("SELECT * FROM org_unit WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<Responsibility> responsibilitiesOf(long indicatorId) {
        return jdbc.sql("""
                SELECT r.*, o.code AS org_code, o.name AS org_name FROM responsibility r
                JOIN org_unit o ON o.id = r.org_unit_id WHERE r.indicator_id = ? ORDER BY r.role DESC, o.ordinal
                """).param(indicatorId).query(OrgRepository::mapResponsibility).list();
    }

    /** All responsibilities of a plan's indicators, keyed by indicator id. */
    public Map<Long, List<Responsibility>> responsibilitiesOfPlan(long planId) {
        return jdbc.sql("""
                SELECT r.*, o.code AS org_code, o.name AS org_name FROM responsibility r
                JOIN indicator i ON i.id = r.indicator_id JOIN org_unit o ON o.id = r.org_unit_id
                WHERE i.plan_id = ? ORDER BY r.role DESC, o.ordinal
                """).param(planId).query(OrgRepository::mapResponsibility).list().stream()
                .collect(Collectors.groupingBy(Responsibility::indicatorId));
    }

    /**
     * Responsibilities of the plans with ids in {@code [fromPlan, toPlan]}, keyed by indicator id. The caller passes
     * the span of those plans' indicator ids too, so that the database reads a range of the responsibility index
     * (indicator first) instead of scanning the whole table, which it would otherwise prefer at national scale.
     */
    public Map<Long, List<Responsibility>> responsibilitiesOfPlans(long fromPlan, long toPlan, long fromIndicator,
                                                                   long toIndicator) {
        return jdbc.sql("""
                SELECT r.*, o.code AS org_code, o.name AS org_name FROM responsibility r
                JOIN indicator i ON i.id = r.indicator_id JOIN org_unit o ON o.id = r.org_unit_id
                WHERE r.indicator_id BETWEEN ? AND ? AND i.plan_id BETWEEN ? AND ? ORDER BY r.role DESC, o.ordinal
                """).params(fromIndicator, toIndicator, fromPlan, toPlan).query(OrgRepository::mapResponsibility).list()
                .stream().collect(Collectors.groupingBy(Responsibility::indicatorId));
    }

    private OrgUnit map(ResultSet rs, int row) throws SQLException {
        return new OrgUnit(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("code"), rs.getString("name"),
                rs.getString("short_name"), OrgUnit.Type.valueOf(rs.getString("unit_type")), rs.getString("subtype"),
                rs.getObject("column_no", Integer.class), rs.getString("description"), rs.getString("source_quote"),
                rs.getBoolean("is_default"), rs.getInt("ordinal"), List.of());
    }

    private static Responsibility mapResponsibility(ResultSet rs, int row) throws SQLException {
        return new Responsibility(rs.getLong("indicator_id"), rs.getLong("org_unit_id"), rs.getString("org_code"),
                rs.getString("org_name"), Responsibility.Role.valueOf(rs.getString("role")),
                rs.getString("frequency"), rs.getString("town_breakdown"), rs.getBoolean("is_default"));
    }
}
