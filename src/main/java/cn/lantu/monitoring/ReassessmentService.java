package cn.lantu.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Recomputes the assessment of every plan and stores it in {@code assessment_result} for fast reads (cockpit,
 * province roll-up). Plan ids are streamed from the database and cut into ranges of {@code lantu.scale.chunk}
 * consecutive plans (default 64); each range is one job for a pool of {@code lantu.scale.reassess-threads} workers
 * (default: the number of cores) behind a bounded queue. A job reads every input of its range in one query per
 * kind (indicators, approved figures, responsibilities, yearly targets, target revisions, overrides), assesses the
 * plans and replaces their stored results in one transaction. Memory holds a few ranges' figures at a time, never
 * the whole set. Each plan's results remember the data version they were computed at ({@code assessment_run}), so
 * a reader knows when they are stale.
 */
@Service
public class ReassessmentService {

    private static final Logger log = LoggerFactory.getLogger(ReassessmentService.class);

    private final PlanRepository plans;
    private final PlanAssessmentService assessments;
    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate tx;
    private final int threads;
    private final int chunk;
    private final Timer timer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong assessNanos = new AtomicLong(); // reading inputs and assessing, summed over workers
    private final AtomicLong storeNanos = new AtomicLong();  // comparing with and writing stored results

    public ReassessmentService(PlanRepository plans, PlanAssessmentService assessments, JdbcClient jdbc,
                               DataSource dataSource, TransactionTemplate tx, MeterRegistry meters,
                               @Value("${lantu.scale.reassess-threads:0}") int threads,
                               @Value("${lantu.scale.chunk:64}") int chunk) {
        this.plans = plans;
        this.assessments = assessments;
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.tx = tx;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.chunk = Math.max(1, chunk);
        this.timer = Timer.builder("lantu.reassessment.duration").description("Duration of a full reassessment")
                .register(meters);
    }

    /** One stored result row. */
    public record StoredResult(long planId, long indicatorId, String indicatorCode, int year, String status,
                               Double progress, Double scheduleRatio, Double latestValue, Instant computedAt) {}

    /** What a full reassessment did: plans, results computed, result rows written (the rest were unchanged). */
    public record Summary(int plans, long results, long written, long millis, int threads) {}

    /**
     * Reassesses every plan for {@code year} (null: each plan's latest year with approved figures) and stores the
     * results.
     */
    public Summary reassessAll(Integer year) {
        long t0 = System.nanoTime();
        long writtenBefore = written.get();
        long assessBefore = assessNanos.get();
        long storeBefore = storeNanos.get();
        AtomicLong results = new AtomicLong();
        AtomicLong count = new AtomicLong();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads), new ThreadPoolExecutor.CallerRunsPolicy());
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Stream<Long> ids = streaming.queryForStream("SELECT id FROM plan ORDER BY id", (rs, n) -> rs.getLong(1))) {
            List<Long> range = new ArrayList<>(chunk);
            java.util.Iterator<Long> it = ids.iterator();
            while (it.hasNext()) {
                range.add(it.next());
                if (range.size() == chunk || !it.hasNext()) {
                    long from = range.get(0);
                    long to = range.get(range.size() - 1);
                    range.clear();
                    pool.execute(() -> {
                        try {
                            int[] done = reassessRange(from, to, year);
                            count.addAndGet(done[0]);
                            results.addAndGet(done[1]);
                        } catch (RuntimeException e) {
                            errors.add(e);
                            log.warn("reassessment of plans {}..{} failed: {}", from, to, e.toString());
                        }
                    });
                }
            }
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long nanos = System.nanoTime() - t0;
        timer.record(java.time.Duration.ofNanos(nanos));
        long changed = written.get() - writtenBefore;
        log.info("reassessed {} plans ({} results, {} rows written) in {} ms on {} threads; {} failures; worker time "
                        + "reading and assessing {} ms, storing {} ms", count.get(), results.get(), changed,
                nanos / 1_000_000, threads, errors.size(), (assessNanos.get() - assessBefore) / 1_000_000,
                (storeNanos.get() - storeBefore) / 1_000_000);
        return new Summary((int) count.get(), results.get(), changed, nanos / 1_000_000, threads);
    }

    /** Reassesses the plans with ids in {@code [from, to]}; returns {plans, result rows}. */
    int[] reassessRange(long from, long to, Integer year) {
        long t0 = System.nanoTime();
        Map<Long, Long> versions = new HashMap<>();
        jdbc.sql("SELECT plan_id, data_version FROM plan_data_version WHERE plan_id BETWEEN ? AND ?").params(from, to)
                .query((rs, n) -> versions.put(rs.getLong(1), rs.getLong(2))).list();
        List<Plan> range = plans.findByIdRange(from, to);
        List<PlanAssessment> done = assessments.assessRange(range, from, to, year);
        long t1 = System.nanoTime();
        int rows = store(done, versions);
        assessNanos.addAndGet(t1 - t0);
        storeNanos.addAndGet(System.nanoTime() - t1);
        return new int[] {done.size(), rows};
    }

    /**
     * Reassesses the given plans for a year in ranges of consecutive ids (plans between them in the same range are
     * reassessed too, which is harmless). Used by readers that found stale results.
     */
    public void reassessPlans(List<Long> ids, int year) {
        List<Long> sorted = ids.stream().sorted().toList();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            boolean cut = i == sorted.size() || i - start == chunk || sorted.get(i) - sorted.get(start) >= 2L * chunk;
            if (cut && i > start) {
                reassessRange(sorted.get(start), sorted.get(i - 1), year);
                start = i;
            }
        }
    }

    /** A stored or computed result row: what is compared to decide whether a row must be written. */
    private record Values(String status, Double progress, Double scheduleRatio, Double latestValue) {}

    private record Key(long indicatorId, int year) {}

    /**
     * Brings the stored results of the assessed plans and years up to date in one transaction, writing only what
     * differs: new rows are inserted, changed rows updated, rows of indicators no longer assessed deleted, and
     * unchanged rows left alone (a nightly reassessment mostly confirms what is stored). Each plan's
     * {@code assessment_run} row gets the data version the results reflect and the time they were confirmed.
     * Returns the number of results (written or confirmed).
     */
    private int store(List<PlanAssessment> done, Map<Long, Long> versions) {
        if (done.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(Instant.now());
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        Map<Long, Integer> yearOf = new HashMap<>();
        for (PlanAssessment a : done) {
            from = Math.min(from, a.plan().id());
            to = Math.max(to, a.plan().id());
            yearOf.put(a.plan().id(), a.year());
        }
        long lo = from;
        long hi = to;
        return tx.execute(s -> {
            Map<Key, Values> existing = new HashMap<>();
            Map<Key, Long> existingPlan = new HashMap<>();
            jdbc.sql("""
                    SELECT plan_id, indicator_id, report_year, status, progress, schedule_ratio, latest_value
                      FROM assessment_result WHERE plan_id BETWEEN ? AND ?""").params(lo, hi).query(rs -> {
                        Integer y = yearOf.get(rs.getLong(1));
                        if (y != null && y == rs.getInt(3)) {
                            Key k = new Key(rs.getLong(2), rs.getInt(3));
                            existing.put(k, new Values(rs.getString(4), dbl(rs, 5), dbl(rs, 6), dbl(rs, 7)));
                            existingPlan.put(k, rs.getLong(1));
                        }
                    });
            Map<Long, Long> runs = new HashMap<>(); // plan → data version of its stored run for the assessed year
            jdbc.sql("SELECT plan_id, report_year, data_version FROM assessment_run WHERE plan_id BETWEEN ? AND ?")
                    .params(lo, hi).query(rs -> {
                        Integer y = yearOf.get(rs.getLong(1));
                        if (y != null && y == rs.getInt(2)) {
                            runs.put(rs.getLong(1), rs.getLong(3));
                        }
                    });
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> deletes = new ArrayList<>();
            List<Object[]> newRuns = new ArrayList<>();
            List<Object[]> runUpdates = new ArrayList<>();
            Map<Integer, List<Long>> confirmed = new HashMap<>(); // year → plans whose run only gets a new time
            int count = 0;
            for (PlanAssessment a : done) {
                long planId = a.plan().id();
                for (IndicatorAssessment ia : a.indicators()) {
                    count++;
                    Key k = new Key(ia.indicator().id(), a.year());
                    Values v = new Values(ia.assessment().status().name(), ia.assessment().progress(),
                            ia.assessment().scheduleRatio(), ia.assessment().latestValue());
                    Values old = existing.remove(k);
                    if (old == null) {
                        inserts.add(new Object[] {planId, k.indicatorId(), ia.indicator().code(), a.year(), v.status(),
                                v.progress(), v.scheduleRatio(), v.latestValue(), now});
                    } else if (!old.equals(v)) {
                        updates.add(new Object[] {v.status(), v.progress(), v.scheduleRatio(), v.latestValue(), now,
                                k.indicatorId(), a.year()});
                    }
                }
                long version = versions.getOrDefault(planId, 0L);
                Long stored = runs.get(planId);
                if (stored != null && stored == version) {
                    confirmed.computeIfAbsent(a.year(), k -> new ArrayList<>()).add(planId);
                } else if (stored != null) {
                    runUpdates.add(new Object[] {version, now, planId, a.year()});
                } else {
                    newRuns.add(new Object[] {planId, a.year(), version, now});
                }
            }
            existing.keySet().forEach(k -> deletes.add(new Object[] {k.indicatorId(), k.year()}));
            streaming.batchUpdate("DELETE FROM assessment_result WHERE indicator_id = ? AND report_year = ?", deletes);
            streaming.batchUpdate("""
                    UPDATE assessment_result SET status = ?, progress = ?, schedule_ratio = ?, latest_value = ?,
                           computed_at = ? WHERE indicator_id = ? AND report_year = ?""", updates);
            streaming.batchUpdate("""
                    INSERT INTO assessment_result (plan_id, indicator_id, indicator_code, report_year, status, progress,
                                                   schedule_ratio, latest_value, computed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
            streaming.batchUpdate("""
                    UPDATE assessment_run SET data_version = ?, computed_at = ? WHERE plan_id = ? AND report_year = ?""",
                    runUpdates);
            streaming.batchUpdate("""
                    INSERT INTO assessment_run (plan_id, report_year, data_version, computed_at) VALUES (?, ?, ?, ?)""",
                    newRuns);
            confirmed.forEach((year, plans) -> jdbc.sql(
                    "UPDATE assessment_run SET computed_at = :now WHERE report_year = :year AND plan_id IN (:plans)")
                    .param("now", now).param("year", year).param("plans", plans).update());
            written.addAndGet(inserts.size() + updates.size() + deletes.size());
            return count;
        });
    }

    /** The stored results of a plan for a year (empty when it has not been reassessed yet). */
    public List<StoredResult> stored(long planId, int year) {
        return jdbc.sql("""
                SELECT plan_id, indicator_id, indicator_code, report_year, status, progress, schedule_ratio, latest_value,
                       computed_at FROM assessment_result WHERE plan_id = ? AND report_year = ? ORDER BY indicator_code""")
                .params(planId, year).query((rs, n) -> new StoredResult(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), dbl(rs, 6), dbl(rs, 7), dbl(rs, 8),
                        rs.getTimestamp(9).toInstant())).list();
    }

    /** Whether the stored results of the plan for the year reflect its current data version. */
    public boolean fresh(long planId, int year) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM assessment_run r JOIN plan_data_version v ON v.plan_id = r.plan_id
                 WHERE r.plan_id = ? AND r.report_year = ? AND r.data_version = v.data_version""")
                .params(planId, year).query(Integer.class).single() > 0;
    }

    private static Double dbl(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }
}
