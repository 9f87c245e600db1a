package cn.lantu.collection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.lantu.collection.Responsibilities.Item;
import cn.lantu.collection.Responsibilities.Kind;
import cn.lantu.collection.Responsibilities.Party;

/**
 * Plain SQL behind {@link Responsibilities}: indicators keep theirs in {@code responsibility} (with frequency and
 * town breakdown), tasks in {@code task_org}, projects their lead in {@code project.dept_id} (which scopes project
 * reporting) and their co-operating units in {@code project_org}.
 */
@Repository
class ResponsibilityStore {

    private final JdbcClient jdbc;

    ResponsibilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The plan's departments, id → name. */
    Map<Long, String> departmentNames(long planId) {
        Map<Long, String> out = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM org_unit WHERE plan_id = ? AND unit_type = 'DEPARTMENT' ORDER BY ordinal")
                .param(planId).query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    /** The items of a kind (all, or the one with {@code onlyId}), in plan order. */
    List<Item> items(long planId, Kind kind, Long onlyId) {
        String one = onlyId == null ? "" : " AND x.id = " + onlyId;
        return switch (kind) {
            case INDICATOR -> group(kind, jdbc.sql("""
                    SELECT x.id, x.code, x.name, r.org_unit_id, o.code AS ocode, o.name AS oname, r.role, r.frequency,
                      r.town_breakdown, r.is_default
                    FROM indicator x LEFT JOIN responsibility r ON r.indicator_id = x.id
                      LEFT JOIN org_unit o ON o.id = r.org_unit_id
                    WHERE x.plan_id = ?""" + one + """
                     ORDER BY CASE WHEN x.table_row IS NULL THEN 1 ELSE 0 END, x.table_row, x.code, o.ordinal""")
                    .param(planId).query((rs, n) -> new Raw(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getBoolean(10))).list());
            case TASK -> group(kind, jdbc.sql("""
                    SELECT x.id, x.code, x.title, r.org_unit_id, o.code AS ocode, o.name AS oname, r.role, r.is_default
                    FROM task x LEFT JOIN task_org r ON r.task_id = x.id LEFT JOIN org_unit o ON o.id = r.org_unit_id
                    WHERE x.plan_id = ? AND x.active""" + one + " ORDER BY x.ordinal, x.code, o.ordinal")
                    .param(planId).query((rs, n) -> new Raw(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), rs.getString(7), null,
                            null, rs.getBoolean(8))).list());
            case PROJECT -> group(kind, jdbc.sql("""
                    SELECT x.id, x.code, x.name, x.dept_id, lo.code, lo.name, x.duties_confirmed, r.org_unit_id,
                      o.code, o.name
                    FROM project x LEFT JOIN org_unit lo ON lo.id = x.dept_id
                      LEFT JOIN project_org r ON r.project_id = x.id LEFT JOIN org_unit o ON o.id = r.org_unit_id
                    WHERE x.plan_id = ?""" + one + " ORDER BY x.ordinal, x.code, o.ordinal")
                    .param(planId).query((rs, n) -> {
                        Long lead = rs.getObject(4, Long.class);
                        // the lead arrives on every row; a co-operating unit, when there is one, too
                        List<Raw> rows = new ArrayList<>();
                        boolean pending = lead != null && !rs.getBoolean(7);
                        rows.add(new Raw(rs.getLong(1), rs.getString(2), rs.getString(3), lead, rs.getString(5),
                                rs.getString(6), "LEAD", null, null, pending));
                        Long coop = rs.getObject(8, Long.class);
                        if (coop != null) {
                            rows.add(new Raw(rs.getLong(1), rs.getString(2), rs.getString(3), coop, rs.getString(9),
                                    rs.getString(10), "COOPERATE", null, null, pending));
                        }
                        return rows;
                    }).list().stream().flatMap(List::stream).toList());
        };
    }

    /** One row of an item's join: the item and one of its units (unit null when it has none). */
    private record Raw(long id, String code, String name, Long unitId, String unitCode, String unitName, String role,
                       String frequency, String townBreakdown, boolean isDefault) {}

    private static List<Item> group(Kind kind, List<Raw> rows) {
        Map<Long, List<Raw>> byItem = new LinkedHashMap<>();
        rows.forEach(r -> byItem.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        List<Item> out = new ArrayList<>();
        byItem.forEach((id, rs) -> {
            Raw first = rs.get(0);
            Party lead = null;
            List<Party> coop = new ArrayList<>();
            String frequency = null;
            String rule = null;
            boolean pending = false;
            for (Raw r : rs) {
                if (r.unitId() == null) {
                    continue;
                }
                Party p = new Party(r.unitId(), r.unitCode(), r.unitName());
                if ("LEAD".equals(r.role()) && lead == null) {
                    lead = p;
                    frequency = r.frequency();
                    rule = r.townBreakdown();
                } else if (coop.stream().noneMatch(c -> c.unitId() == p.unitId())) {
                    coop.add(p);
                }
                frequency = frequency == null ? r.frequency() : frequency;
                rule = rule == null ? r.townBreakdown() : rule;
                pending |= r.isDefault();
            }
            if (kind == Kind.INDICATOR) {
                frequency = frequency == null ? "ANNUAL" : frequency;
                rule = rule == null ? "NONE" : rule;
            }
            out.add(new Item(kind, id, first.code(), first.name(), lead, List.copyOf(coop), frequency, rule, pending));
        });
        return out;
    }

    /** Replaces an item's units; the result is the office's own assignment (no longer a default). */
    void write(Kind kind, long id, long lead, List<Long> cooperating, String frequency, String rule, String by) {
        Timestamp now = Timestamp.from(Instant.now());
        switch (kind) {
            case INDICATOR -> {
                List<Long> keep = new ArrayList<>(cooperating);
                keep.add(lead);
                List<Long> existing = jdbc.sql("SELECT org_unit_id FROM responsibility WHERE indicator_id = ?")
                        .param(id).query(Long.class).list();
                for (Long unit : existing) {
                    if (!keep.contains(unit)) {
                        jdbc.sql("DELETE FROM responsibility WHERE indicator_id = ? AND org_unit_id = ?")
                                .params(id, unit).update();
                    }
                }
                for (Long unit : keep) {
                    String role = unit == lead ? "LEAD" : "COOPERATE";
                    if (existing.contains(unit)) {
                        jdbc.sql("UPDATE responsibility SET role = ? WHERE indicator_id = ? AND org_unit_id = ?")
                                .params(role, id, unit).update();
                    } else {
                        jdbc.sql("""
                                INSERT INTO responsibility (indicator_id, org_unit_id, role, frequency, town_breakdown,
                                  is_default) VALUES (?, ?, ?, ?, ?, FALSE)""")
                                .params(id, unit, role, frequency, rule).update();
                    }
                }
                jdbc.sql("UPDATE responsibility SET frequency = ?, town_breakdown = ?, is_default = FALSE "
                        + "WHERE indicator_id = ?").params(frequency, rule, id).update();
            }
            case TASK -> {
                jdbc.sql("DELETE FROM task_org WHERE task_id = ?").param(id).update();
                jdbc.sql("INSERT INTO task_org (task_id, org_unit_id, role, is_default) VALUES (?, ?, 'LEAD', FALSE)")
                        .params(id, lead).update();
                for (Long unit : cooperating) {
                    jdbc.sql("INSERT INTO task_org (task_id, org_unit_id, role, is_default) "
                            + "VALUES (?, ?, 'COOPERATE', FALSE)").params(id, unit).update();
                }
                jdbc.sql("UPDATE task SET version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?")
                        .params(by, now, id).update();
            }
            case PROJECT -> {
                jdbc.sql("DELETE FROM project_org WHERE project_id = ?").param(id).update();
                for (Long unit : cooperating) {
                    jdbc.sql("INSERT INTO project_org (project_id, org_unit_id) VALUES (?, ?)").params(id, unit)
                            .update();
                }
                jdbc.sql("UPDATE project SET dept_id = ?, duties_confirmed = TRUE, version = version + 1, "
                        + "updated_by = ?, updated_at = ? WHERE id = ?").params(lead, by, now, id).update();
            }
        }
    }

    /** Marks an item's default assignment as confirmed by the plan office. */
    void confirm(Kind kind, long id, String by) {
        switch (kind) {
            case INDICATOR -> jdbc.sql("UPDATE responsibility SET is_default = FALSE WHERE indicator_id = ?").param(id)
                    .update();
            case TASK -> {
                jdbc.sql("UPDATE task_org SET is_default = FALSE WHERE task_id = ?").param(id).update();
                jdbc.sql("UPDATE task SET version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?")
                        .params(by, Timestamp.from(Instant.now()), id).update();
            }
            case PROJECT -> jdbc.sql("UPDATE project SET duties_confirmed = TRUE, version = version + 1, "
                    + "updated_by = ?, updated_at = ? WHERE id = ?").params(by, Timestamp.from(Instant.now()), id)
                    .update();
        }
    }
}
