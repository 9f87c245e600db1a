package cn.lantu.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lantu.planpackage.PlanPackageLoader;
import cn.lantu.synthetic.SyntheticFigures.FigureValue;
import cn.lantu.task.TaskService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Synthetic plans, figures, key tasks and major projects for scale tests and benchmarks (合成数据). Each generated
 * plan is the template (Zhuji) plan package with a synthetic code ({@code syn-…}), a name prefixed 【合成数据】, a
 * synthetic region and shifted indicator values; it is written to a temporary package folder and loaded through
 * {@link PlanPackageLoader}, the code path of real plans, then flagged {@code plan.synthetic = TRUE}. Its figures
 * (city-wide, APPROVED, each with its revision row) are inserted in JDBC batches. The first plan of a run gets its
 * key tasks from its outline through {@link TaskService#ensureGenerated}, as a real plan does; the others, having
 * the same outline, get a batch copy of those tasks with all their links matched by code (generating them again
 * would cost ~1,600 single statements per plan). Tasks and projects are then topped up with synthetic ones
 * ({@link SyntheticPortfolio}) to the requested counts. Everything is a function of the seed: the same
 * seed gives the same values, the same {@link Result#checksum()} (figures) and the same
 * {@link Result#portfolioChecksum()} (synthetic tasks and projects).
 *
 * <p>Plans are independent: each is written in its own transaction, on {@link Options#threads()} worker threads
 * (the regions are inserted before the workers start). A progress line is reported every 10 plans.
 *
 * <p>Region layout: plan {@code i} is county {@code i % 10} of city {@code (i % 90) / 10} of province
 * {@code i / 90}, so 90 plans fill one province and 2,800 plans fill 32 provinces (about the national count).
 *
 * <p>This class runs the workers and reports; the pieces it drives are pure functions of the seed
 * ({@link SyntheticFigures}, {@link SyntheticPortfolio}, {@link SyntheticRegions}, {@link SyntheticPlanPackage})
 * and the database side ({@link SyntheticBatchWriter}, {@link SyntheticChecksums}, {@link OutlineTasks}).
 */
@Service
public class SyntheticGenerator {

    public static final String NAME_PREFIX = "【合成数据】";
    public static final String CODE_PREFIX = "syn-";
    static final int PROGRESS_EVERY = 10;

    private final PlanPackageLoader loader;
    private final TaskService taskService;
    private final ResourceLoader resources;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SyntheticBatchWriter writer;
    private final TransactionTemplate tx;
    private final String templatePackage;
    private final Timer importTimer;
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    public SyntheticGenerator(PlanPackageLoader loader, TaskService taskService, ResourceLoader resources,
                              JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, MeterRegistry meters,
                              @Value("${lantu.bootstrap-plan:classpath:plans/zhuji-15th}") String templatePackage) {
        this.loader = loader;
        this.taskService = taskService;
        this.resources = resources;
        this.jdbc = jdbc;
        this.template = template;
        this.writer = new SyntheticBatchWriter(jdbc, template);
        this.tx = tx;
        this.templatePackage = templatePackage.isBlank() ? "classpath:plans/zhuji-15th" : templatePackage;
        this.importTimer = Timer.builder("lantu.import.duration").description("Duration of data imports")
                .tag("source", "synthetic").register(meters);
    }

    /**
     * What to generate. {@code years}: yearly figures for the last {@code years} years up to {@code lastYear};
     * {@code monthlyYears}: of those, how many recent years also get 12 monthly figures (M01..M12);
     * {@code tasksPerPlan} / {@code projectsPerPlan}: key tasks and major projects per plan, the outline's tasks and
     * the package's named projects included (at least those are always there); {@code threads}: worker threads.
     */
    public record Options(int plans, long seed, int years, int monthlyYears, int lastYear, int firstIndex,
                          int tasksPerPlan, int projectsPerPlan, int threads) {
        public static Options of(int plans, long seed) {
            return new Options(plans, seed, 10, 5, 2030, 0, 300, 150, 2);
        }

        public Options withFigures(int years, int monthlyYears) {
            return new Options(plans, seed, years, monthlyYears, lastYear, firstIndex, tasksPerPlan, projectsPerPlan,
                    threads);
        }

        public Options withPortfolio(int tasksPerPlan, int projectsPerPlan) {
            return new Options(plans, seed, years, monthlyYears, lastYear, firstIndex, tasksPerPlan, projectsPerPlan,
                    threads);
        }

        public Options withThreads(int threads) {
            return new Options(plans, seed, years, monthlyYears, lastYear, firstIndex, tasksPerPlan, projectsPerPlan,
                    threads);
        }
    }

    /**
     * What was generated: plans newly loaded; figure rows, key tasks and projects of those plans (the outline's
     * tasks and the named projects included); the SHA-256 of all generated figure values and of all synthetic
     * tasks and projects; and the time spent per phase, summed over the worker threads.
     */
    public record Result(int plans, int created, long figures, long tasks, long projects, String checksum,
                         String portfolioChecksum, long millis, Map<String, Long> phaseMillis) {}

    static String planCode(long seed, int i) {
        return CODE_PREFIX + seed + "-" + String.format("%04d", i);
    }

    /** Generates and loads the plans {@code firstIndex .. firstIndex+plans-1}; {@code progress} gets a line per step. */
    public Result generate(Options o, Consumer<String> progress) {
        long t0 = System.nanoTime();
        long process0 = SyntheticTiming.processCpu();
        long gc0 = SyntheticTiming.gcMillis();
        SyntheticTemplate t = template();
        SyntheticRegions.ensure(jdbc, template, o);
        Path tmp;
        try {
            tmp = Files.createTempDirectory("lantu-syn");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, LongAdder> phases = SyntheticTiming.totals();
        Map<String, byte[]> figureDigests = new ConcurrentSkipListMap<>();
        Map<String, byte[]> portfolioDigests = new ConcurrentSkipListMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger limit = new AtomicInteger(o.plans());
        AtomicInteger created = new AtomicInteger();
        AtomicLong figures = new AtomicLong();
        AtomicLong tasks = new AtomicLong();
        AtomicLong projects = new AtomicLong();
        int[] done = {0};
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        // The first plan gets its key tasks from TaskService (the outline path of real plans); the others, having
        // the same outline, get a copy of them (same codes, titles, departments, towns, milestones, indicators and
        // projects, matched by code), inserted in batches and not serialised by TaskService.
        AtomicReference<OutlineTasks> outlineFrom = new AtomicReference<>();
        Runnable worker = () -> {
            while (failure.get() == null) {
                int k = next.getAndIncrement();
                if (k >= limit.get()) {
                    next.decrementAndGet();
                    return;
                }
                int i = o.firstIndex() + k;
                try {
                    Planned p = generateOne(t, o, i, tmp, phases, outlineFrom.get());
                    if (k == 0) {
                        outlineFrom.set(outlineTaskSource(p.planId(), t));
                    }
                    figureDigests.put(p.code(), p.figureDigest());
                    portfolioDigests.put(p.code(), p.portfolioDigest());
                    if (p.created()) {
                        created.incrementAndGet();
                        figures.addAndGet(p.figures());
                        tasks.addAndGet(p.tasks());
                        projects.addAndGet(p.projects());
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
                synchronized (done) {
                    int n = ++done[0];
                    if (n % PROGRESS_EVERY == 0 || n == o.plans()) {
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        progress.accept(String.format("generated %d/%d plans, %d figures, %d tasks, %d projects, "
                                + "%d ms (%.1f plans/s, %.0f figures/s)", n, o.plans(), figures.get(), tasks.get(),
                                projects.get(), ms, n * 1000.0 / Math.max(1, ms), figures.get() * 1000.0 / Math.max(1, ms)));
                    }
                }
            }
        };
        int threads = Math.max(1, Math.min(o.threads(), o.plans()));
        limit.set(Math.min(1, o.plans())); // the first plan alone: the others copy its outline tasks
        worker.run();
        limit.set(o.plans());
        if (threads == 1) {
            worker.run();
        } else {
            AtomicInteger names = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread th = new Thread(r, "synthetic-" + names.incrementAndGet());
                th.setDaemon(true);
                return th;
            });
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(worker));
            }
            try {
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new IllegalStateException("interrupted", e));
            } catch (ExecutionException e) {
                failure.compareAndSet(null, new IllegalStateException(e.getCause()));
            } finally {
                pool.shutdownNow();
            }
        }
        SyntheticPlanPackage.deleteQuietly(tmp);
        if (failure.get() != null) {
            throw failure.get();
        }
        long nanos = System.nanoTime() - t0;
        importTimer.record(java.time.Duration.ofNanos(nanos));
        Map<String, Long> phaseMillis = new LinkedHashMap<>();
        phases.forEach((k, v) -> phaseMillis.put(k, v.sum() / 1_000_000));
        // all JVM threads (JIT, GC included)
        phaseMillis.put("process.cpu", (SyntheticTiming.processCpu() - process0) / 1_000_000);
        phaseMillis.put("gc", SyntheticTiming.gcMillis() - gc0);
        return new Result(o.plans(), created.get(), figures.get(), tasks.get(), projects.get(),
                SyntheticChecksums.combine(figureDigests), SyntheticChecksums.combine(portfolioDigests),
                nanos / 1_000_000, phaseMillis);
    }

    /** What one plan gave. */
    private record Planned(long planId, String code, boolean created, long figures, long tasks, long projects, byte[] figureDigest,
                           byte[] portfolioDigest) {}

    /** Generates plan {@code i} in one transaction. */
    private Planned generateOne(SyntheticTemplate t, Options o, int i, Path tmp, Map<String, LongAdder> phases,
                                OutlineTasks outlineFrom) {
        SyntheticTiming.Laps laps = new SyntheticTiming.Laps(phases);
        String code = planCode(o.seed(), i);
        double shift = SyntheticFigures.shift(o.seed(), i);
        List<FigureValue> values = SyntheticFigures.values(t.indicators(), o, i, shift);
        List<SyntheticPortfolio.SynTask> synTasks = SyntheticPortfolio.tasks(t, o.seed(), i, syntheticTasks(t, o));
        List<SyntheticPortfolio.SynProject> synProjects = SyntheticPortfolio.projects(t, o.seed(), i,
                syntheticProjects(t, o), o.lastYear(), synTasks);
        byte[] figureDigest = SyntheticChecksums.digest(code, values.stream().map(FigureValue::line).toList());
        byte[] portfolioDigest = SyntheticChecksums.digest(code, SyntheticChecksums.portfolioLines(synTasks,
                synProjects));
        laps.lap("values");
        Planned out = tx.execute(s -> {
            Path dir = tmp.resolve(code);
            SyntheticPlanPackage.write(dir, t, yaml, o.seed(), i, shift);
            laps.lap("package");
            PlanPackageLoader.LoadResult r = loader.load(dir.toString());
            long planId = r.plan().id();
            jdbc.sql("UPDATE plan SET synthetic = TRUE WHERE id = ?").param(planId).update();
            SyntheticPlanPackage.deleteQuietly(dir);
            laps.lap("load");
            if (!r.created()) {
                return new Planned(planId, code, false, 0, 0, 0, figureDigest, portfolioDigest);
            }
            Map<String, Long> indicators = writer.ids("indicator", planId);
            long f = writer.insertFigures(planId, indicators, values);
            laps.lap("figures");
            int outlineTasks = outlineFrom == null ? taskService.ensureGenerated(planId) : 0;
            laps.lap("tasks");
            outlineTasks += writer.writePortfolio(planId, indicators, outlineFrom, synTasks, synProjects);
            laps.lap("portfolio");
            return new Planned(planId, code, true, f, outlineTasks + synTasks.size(),
                    t.namedProjects() + synProjects.size(), figureDigest, portfolioDigest);
        });
        laps.lap("commit");
        return out;
    }

    /** The outline tasks of plan {@code planId} to copy, if it has them all (else null: TaskService then). */
    private OutlineTasks outlineTaskSource(long planId, SyntheticTemplate t) {
        OutlineTasks tasks = OutlineTasks.of(jdbc, planId);
        return tasks.tasks().size() == t.outlineTasks() ? tasks : null;
    }

    static int syntheticTasks(SyntheticTemplate t, Options o) {
        return Math.max(0, o.tasksPerPlan() - t.outlineTasks());
    }

    static int syntheticProjects(SyntheticTemplate t, Options o) {
        return Math.max(0, o.projectsPerPlan() - t.namedProjects());
    }

    /** The checksums {@link #generate} reports (figures, then tasks and projects), computed without the database. */
    public String[] expectedChecksums(Options o) {
        SyntheticTemplate t = template();
        Map<String, byte[]> figures = new TreeMap<>();
        Map<String, byte[]> portfolio = new TreeMap<>();
        for (int k = 0; k < o.plans(); k++) {
            int i = o.firstIndex() + k;
            String code = planCode(o.seed(), i);
            figures.put(code, SyntheticChecksums.digest(code, SyntheticFigures.values(t.indicators(), o, i,
                    SyntheticFigures.shift(o.seed(), i)).stream().map(FigureValue::line).toList()));
            List<SyntheticPortfolio.SynTask> tasks = SyntheticPortfolio.tasks(t, o.seed(), i, syntheticTasks(t, o));
            portfolio.put(code, SyntheticChecksums.digest(code, SyntheticChecksums.portfolioLines(tasks,
                    SyntheticPortfolio.projects(t, o.seed(), i, syntheticProjects(t, o), o.lastYear(), tasks))));
        }
        return new String[] {SyntheticChecksums.combine(figures), SyntheticChecksums.combine(portfolio)};
    }

    /** The figure checksum {@link #generate} reports, computed without touching the database. */
    public String expectedChecksum(Options o) {
        return expectedChecksums(o)[0];
    }

    /** The same figure checksum computed from the figure rows stored for the synthetic plans of {@code seed}. */
    public String storedChecksum(long seed) {
        return SyntheticChecksums.storedFigures(jdbc, CODE_PREFIX + seed + "-");
    }

    /** The tasks-and-projects checksum computed from the synthetic task and project rows stored for {@code seed}. */
    public String storedPortfolioChecksum(long seed) {
        return SyntheticChecksums.storedPortfolio(jdbc, CODE_PREFIX + seed + "-");
    }

    private volatile SyntheticTemplate cached;

    /** The template package, read and parsed once. */
    SyntheticTemplate template() {
        SyntheticTemplate t = cached;
        if (t == null) {
            t = SyntheticTemplate.read(resources, templatePackage, yaml);
            cached = t;
        }
        return t;
    }
}
