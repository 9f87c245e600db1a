package cn.lantu.collection;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lantu.plan.Plan;

/**
 * Reporting periods with due dates. Defaults, created on first use: for every plan year an annual period 'Y'
 * due 31 January of the next year, and quarters Q1–Q4 (for quarterly indicators) due the 20th of the month after
 * the quarter; the periods of the first plan year not yet over (at the latest, the plan's last year) are open.
 */
@Service
public class ReportingPeriods {

    /** One period; open periods accept entries from reporters. */
    public record Period(long planId, int year, String period, LocalDate dueDate, boolean open) {
        public boolean overdue(LocalDate today) {
            return open && today.isAfter(dueDate);
        }

        public String label() {
            return year + "年" + switch (period) {
                case "Y" -> "全年";
                case "Q1" -> "一季度";
                case "Q2" -> "二季度";
                case "Q3" -> "三季度";
                case "Q4" -> "四季度";
                default -> period.startsWith("M") ? Integer.parseInt(period.substring(1)) + "月" : period;
            };
        }
    }

    private final JdbcClient jdbc;

    public ReportingPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public synchronized List<Period> all(Plan plan) {
        ensureDefaults(plan);
        return jdbc.sql("SELECT * FROM reporting_period WHERE plan_id = ? ORDER BY report_year, due_date, period")
                .param(plan.id()).query((rs, n) -> new Period(rs.getLong("plan_id"), rs.getInt("report_year"),
                        rs.getString("period"), rs.getDate("due_date").toLocalDate(), rs.getBoolean("is_open")))
                .list();
    }

    public List<Period> open(Plan plan) {
        return all(plan).stream().filter(Period::open).toList();
    }

    public boolean isOpen(Plan plan, int year, String period) {
        return all(plan).stream().anyMatch(p -> p.open() && p.year() == year && p.period().equals(period));
    }

    /** Creates or changes a period (administrators). */
    public synchronized void set(Plan plan, int year, String period, LocalDate due, boolean open) {
        ensureDefaults(plan);
        if (!period.matches("Y|Q[1-4]|M(0[1-9]|1[0-2])")) {
            throw ReportingException.invalid("期间应为 Y、Q1–Q4 或 M01–M12", List.of());
        }
        int rows = jdbc.sql("UPDATE reporting_period SET due_date = ?, is_open = ? WHERE plan_id = ? AND report_year = ? AND period = ?")
                .params(Date.valueOf(due), open, plan.id(), year, period).update();
        if (rows == 0) {
            jdbc.sql("INSERT INTO reporting_period (plan_id, report_year, period, due_date, is_open) VALUES (?, ?, ?, ?, ?)")
                    .params(plan.id(), year, period, Date.valueOf(due), open).update();
        }
    }

    private void ensureDefaults(Plan plan) {
        long n = jdbc.sql("SELECT COUNT(*) FROM reporting_period WHERE plan_id = ?").param(plan.id())
                .query(Long.class).single();
        if (n > 0) {
            return;
        }
        int start = plan.periodStart();
        int end = plan.periodEnd();
        int openYear = Math.min(end, Math.max(start, LocalDate.now().getYear() - 1));
        for (int y = start; y <= end; y++) {
            insert(plan, y, "Y", LocalDate.of(y + 1, 1, 31), y == openYear);
            for (int q = 1; q <= 4; q++) {
                insert(plan, y, "Q" + q, LocalDate.of(y, q * 3, 1).plusMonths(1).withDayOfMonth(20), y == openYear);
            }
        }
    }

    private void insert(Plan plan, int year, String period, LocalDate due, boolean open) {
        jdbc.sql("INSERT INTO reporting_period (plan_id, report_year, period, due_date, is_open) VALUES (?, ?, ?, ?, ?)")
                .params(plan.id(), year, period, Date.valueOf(due), open).update();
    }
}
