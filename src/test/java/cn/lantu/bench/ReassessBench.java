package cn.lantu.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.LantuApplication;
import cn.lantu.monitoring.ReassessmentService;

/**
 * Issue 9 benchmark: full reassessment ({@link ReassessmentService#reassessAll}) against a bare JDBC scan of the
 * figure rows (every row read, one column summed), both in the same JVM, against the configured database
 * (LANTU_DB_URL). Rounds alternate scan / reassessment after one warm-up round of each; the medians and their
 * ratio are printed. Not a test. Run through {@code bench/reassess.sh}.
 *
 * <p>Arguments: {@code [rounds] [year]} (defaults 3, 2028).
 */
public final class ReassessBench {

    private ReassessBench() {}

    /** Sum of one column over every row of a query, read with a forward-only cursor (fetch size 10,000). */
    static long[] scan(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (Statement s = c.createStatement()) {
                s.setFetchSize(10_000);
                long rows = 0;
                double sum = 0;
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        sum += rs.getDouble(1);
                        rows++;
                    }
                }
                return new long[] {rows, Double.doubleToLongBits(sum)};
            } finally {
                c.commit();
                c.setAutoCommit(auto);
            }
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int year = args.length > 1 ? Integer.parseInt(args[1]) : 2028;
        SpringApplication app = new SpringApplication(LantuApplication.class);
        app.setDefaultProperties(Map.of("server.port", "0", "lantu.demo", "false"));
        try (ConfigurableApplicationContext ctx = app.run("--server.port=0")) {
            DataSource ds = ctx.getBean(DataSource.class);
            ReassessmentService service = ctx.getBean(ReassessmentService.class);
            String allSum = "SELECT num_value, id, indicator_id, org_unit_id, report_year, period FROM figure";
            String yearly = "SELECT num_value, id, indicator_id, org_unit_id, report_year FROM figure WHERE period = 'Y'";
            long[] probe = scan(ds, allSum);
            long[] probeY = scan(ds, yearly);
            System.out.printf("BENCH figure rows: %d (yearly %d)%n", probe[0], probeY[0]);
            List<Double> scanMs = new ArrayList<>();
            List<Double> scanYMs = new ArrayList<>();
            List<Double> reMs = new ArrayList<>();
            ReassessmentService.Summary last = null;
            // Round -1 starts from no stored results, so it writes every result row (the first reassessment of a
            // new database, also the JIT warm-up); the measured rounds then recompute everything and write only
            // the rows that differ from what is stored, as the nightly reassessment does.
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            jdbc.sql("DELETE FROM assessment_result").update();
            jdbc.sql("DELETE FROM assessment_run").update();
            for (int r = -1; r < rounds; r++) { // round -1 is warm-up
                long t0 = System.nanoTime();
                scan(ds, allSum);
                double s = (System.nanoTime() - t0) / 1e6;
                t0 = System.nanoTime();
                scan(ds, yearly);
                double sy = (System.nanoTime() - t0) / 1e6;
                t0 = System.nanoTime();
                last = service.reassessAll(year);
                double re = (System.nanoTime() - t0) / 1e6;
                System.out.printf("BENCH round %d: scan all %.0f ms, scan yearly %.0f ms, reassessAll %.0f ms (%d plans,"
                        + " %d results, %d rows written, %d threads)%n", r, s, sy, re, last.plans(), last.results(),
                        last.written(), last.threads());
                if (r >= 0) {
                    scanMs.add(s);
                    scanYMs.add(sy);
                    reMs.add(re);
                }
            }
            double s = median(scanMs), sy = median(scanYMs), re = median(reMs);
            System.out.printf("BENCH median: scan all figure rows %.0f ms (%d rows, %.0f rows/s); scan yearly %.0f ms;"
                    + " reassessAll %.0f ms (%d plans, %.1f plans/s); ratio reassess/scan-all %.1fx;"
                    + " ratio reassess/scan-yearly %.1fx%n", s, probe[0], probe[0] / (s / 1000), sy, re, last.plans(),
                    last.plans() / (re / 1000), re / s, re / sy);
        }
        System.exit(0);
    }
}
