package cn.lantu.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lantu.plan.Plan;

/** What each unit must report for a period, and who is late. */
@Service
public class DeadlineService {

    /** An indicator a unit reports (LEAD) or follows (COOPERATE) for a period. */
    public record Task(long indicatorId, String code, String name, String unit, String role, String frequency,
                       String townBreakdown, boolean isDefault) {}

    /** A unit with figures not yet submitted for an open period past its due date. */
    public record Overdue(long orgUnitId, String orgCode, String orgName, int year, String period,
                          LocalDate dueDate, int missing) {}

    private final JdbcClient jdbc;
    private final ReportingPeriods periods;

    DeadlineService(JdbcClient jdbc, ReportingPeriods periods) {
        this.jdbc = jdbc;
        this.periods = periods;
    }

    static boolean matches(String frequency, String period) {
        if (period.equals("Y")) {
            return true;
        }
        if (period.startsWith("Q")) {
            return frequency.equals("QUARTERLY") || frequency.equals("MONTHLY");
        }
        return frequency.equals("MONTHLY");
    }

    /** Indicators of a unit for a period: a department's LEAD/COOPERATE ones; a town's broken-down ones. */
    public List<Task> tasks(long planId, long orgUnitId, String period) {
        String type = jdbc.sql("SELECT unit_type FROM org_unit WHERE id = ?").param(orgUnitId).query(String.class)
                .single();
        String sql = "TOWN".equals(type) ? """
                SELECT i.id, i.code, i.name, i.unit, 'LEAD' AS role, r.frequency, r.town_breakdown, r.is_default
                FROM responsibility r JOIN indicator i ON i.id = r.indicator_id
                WHERE i.plan_id = ? AND r.role = 'LEAD' AND r.town_breakdown <> 'NONE' AND ? > 0
                ORDER BY CASE WHEN i.table_row IS NULL THEN 1 ELSE 0 END, i.table_row, i.code
                """ : """
                SELECT i.id, i.code, i.name, i.unit, r.role, r.frequency, r.town_breakdown, r.is_default
                FROM responsibility r JOIN indicator i ON i.id = r.indicator_id
                WHERE i.plan_id = ? AND r.org_unit_id = ?
                ORDER BY r.role DESC, CASE WHEN i.table_row IS NULL THEN 1 ELSE 0 END, i.table_row, i.code
                """;
        return jdbc.sql(sql).params(planId, orgUnitId)
                .query((rs, n) -> new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8)))
                .list().stream().filter(t -> matches(t.frequency(), period)).toList();
    }

    /** Departments late with their city-wide figures for open periods past due. */
    public List<Overdue> overdue(Plan plan, LocalDate today) {
        List<Overdue> out = new ArrayList<>();
        for (ReportingPeriods.Period p : periods.all(plan)) {
            if (p.overdue(today)) {
                out.addAll(missing(plan, p));
            }
        }
        return out;
    }

    /** Departments that lead indicators of the period and have not yet submitted all their city-wide figures. */
    public List<Overdue> missing(Plan plan, ReportingPeriods.Period p) {
        List<Overdue> out = new ArrayList<>();
        jdbc.sql("""
                SELECT o.id, o.code, o.name, r.frequency, i.id AS ind,
                  (SELECT COUNT(*) FROM figure f JOIN org_unit c ON c.id = f.org_unit_id AND c.unit_type = 'CITY'
                   WHERE f.indicator_id = i.id AND f.report_year = ? AND f.period = ? AND f.demo = FALSE
                     AND f.state IN ('SUBMITTED', 'SIGNED_OFF', 'APPROVED')) AS done
                FROM responsibility r JOIN indicator i ON i.id = r.indicator_id JOIN org_unit o ON o.id = r.org_unit_id
                WHERE i.plan_id = ? AND r.role = 'LEAD' ORDER BY o.ordinal
                """).params(p.year(), p.period(), plan.id())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(6)})
                .list().stream()
                .filter(r -> matches((String) r[3], p.period()) && (Long) r[4] == 0)
                .collect(java.util.stream.Collectors.groupingBy(r -> (Long) r[0],
                        java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()))
                .forEach((unit, rows) -> out.add(new Overdue(unit, (String) rows.get(0)[1],
                        (String) rows.get(0)[2], p.year(), p.period(), p.dueDate(), rows.size())));
        return out;
    }
}
