package cn.lantu.scale;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

import cn.lantu.monitoring.IndicatorAssessment;
import cn.lantu.monitoring.PlanAssessment;
import cn.lantu.monitoring.PlanAssessmentService;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Recomputes the assessment of every plan and stores it in {@code assessment_result} for fast reads (cockpit,
 * province roll-up). Plans are streamed from the database (fetch size 100) and handed to a pool of
 * {@code lantu.scale.reassess-threads} workers (default: the number of cores) through a bounded queue; each worker
 * reads only its plan's approved figures, so memory holds a few plans' figures at a time, never the whole set.
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
    private final Timer timer;

    public ReassessmentService(PlanRepository plans, PlanAssessmentService assessments, JdbcClient jdbc,
                               DataSource dataSource, TransactionTemplate tx, MeterRegistry meters,
                               @Value("${lantu.scale.reassess-threads:0}") int threads) {
        this.plans = plans;
        this.assessments = assessments;
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(100);
        this.tx = tx;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.timer = Timer.builder("lantu.reassessment.duration").description("Duration of a full reassessment")
                .register(meters);
    }

    /** One stored result row. */
    public record StoredResult(long planId, long indicatorId, String indicatorCode, int year, String status,
                               Double progress, Double scheduleRatio, Double latestValue, Instant computedAt) {}

    /** What a full reassessment did. */
    public record Summary(int plans, long results, long millis, int threads) {}

    /**
     * Reassesses every plan for {@code year} (null: each plan's default year) and stores the results.
     */
    public Summary reassessAll(Integer year) {
        long t0 = System.nanoTime();
        AtomicLong results = new AtomicLong();
        AtomicLong count = new AtomicLong();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 2), new ThreadPoolExecutor.CallerRunsPolicy());
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Stream<Long> ids = streaming.queryForStream("SELECT id FROM plan ORDER BY id", (rs, n) -> rs.getLong(1))) {
            ids.forEach(id -> pool.execute(() -> {
                try {
                    Plan plan = plans.findById(id).orElseThrow();
                    results.addAndGet(reassess(plan, year == null ? assessments.defaultYear(plan) : year));
                    count.incrementAndGet();
                } catch (RuntimeException e) {
                    errors.add(e);
                    log.warn("reassessment of plan {} failed: {}", id, e.toString());
                }
            }));
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
        log.info("reassessed {} plans ({} results) in {} ms on {} threads; {} failures", count.get(), results.get(),
                nanos / 1_000_000, threads, errors.size());
        return new Summary((int) count.get(), results.get(), nanos / 1_000_000, threads);
    }

    /** Assesses one plan for one year and replaces its stored results; returns the number of rows stored. */
    public int reassess(Plan plan, int year) {
        PlanAssessment a = assessments.assess(plan, year);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (IndicatorAssessment ia : a.indicators()) {
            rows.add(new Object[] {plan.id(), ia.indicator().id(), ia.indicator().code(), year,
                    ia.assessment().status().name(), ia.assessment().progress(), ia.assessment().scheduleRatio(),
                    ia.assessment().latestValue(), now});
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM assessment_result WHERE plan_id = ? AND report_year = ?").params(plan.id(), year)
                    .update();
            streaming.batchUpdate("""
                    INSERT INTO assessment_result (plan_id, indicator_id, indicator_code, report_year, status, progress,
                                                   schedule_ratio, latest_value, computed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        });
        return rows.size();
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

    /** Stored results, computing and storing them first when the plan has none for the year. */
    public List<StoredResult> storedOrCompute(Plan plan, int year) {
        List<StoredResult> rows = stored(plan.id(), year);
        if (rows.isEmpty()) {
            reassess(plan, year);
            rows = stored(plan.id(), year);
        }
        return rows;
    }

    private static Double dbl(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }
}
