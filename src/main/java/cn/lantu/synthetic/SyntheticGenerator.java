package cn.lantu.synthetic;

import cn.lantu.region.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lantu.planpackage.PlanPackageLoader;
import cn.lantu.task.TaskService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
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
 */
@Service
public class SyntheticGenerator {

    private static final Logger log = LoggerFactory.getLogger(SyntheticGenerator.class);
    static final List<String> FILES = SyntheticTemplate.FILES;
    public static final String NAME_PREFIX = "【合成数据】";
    public static final String CODE_PREFIX = "syn-";
    static final String COUNTRY = "000000";
    static final int PROGRESS_EVERY = 10;
    static final List<String> PHASES = List.of("values", "package", "load", "figures", "tasks", "portfolio", "commit");
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final PlanPackageLoader loader;
    private final TaskService taskService;
    private final ResourceLoader resources;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
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

    /** One generated figure value. */
    record Gen(String indicator, int year, String period, Double value, String verdict) {
        String line() {
            return indicator + "|" + year + "|" + period + "|" + value + "|" + verdict;
        }
    }

    static String planCode(long seed, int i) {
        return CODE_PREFIX + seed + "-" + String.format("%04d", i);
    }

    static String provinceCode(int i) {
        return String.format("SP%02d", i / 90);
    }

    static String cityCode(int i) {
        return provinceCode(i) + String.format("C%d", (i % 90) / 10);
    }

    static String countyCode(int i) {
        return cityCode(i) + String.format("K%d", i % 10);
    }

    /** Generates and loads the plans {@code firstIndex .. firstIndex+plans-1}; {@code progress} gets a line per step. */
    public Result generate(Options o, Consumer<String> progress) {
        long t0 = System.nanoTime();
        long process0 = processCpu();
        long gc0 = gcMillis();
        SyntheticTemplate t = template();
        ensureRegions(o);
        Path tmp;
        try {
            tmp = Files.createTempDirectory("lantu-syn");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, LongAdder> phases = new LinkedHashMap<>();
        PHASES.forEach(p -> {
            phases.put(p, new LongAdder());
            phases.put(p + ".cpu", new LongAdder());
        });
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
        AtomicReference<SyntheticPortfolio.OutlineTasks> outlineFrom = new AtomicReference<>();
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
        deleteQuietly(tmp);
        if (failure.get() != null) {
            throw failure.get();
        }
        long nanos = System.nanoTime() - t0;
        importTimer.record(java.time.Duration.ofNanos(nanos));
        Map<String, Long> phaseMillis = new LinkedHashMap<>();
        phases.forEach((k, v) -> phaseMillis.put(k, v.sum() / 1_000_000));
        phaseMillis.put("process.cpu", (processCpu() - process0) / 1_000_000); // all JVM threads (JIT, GC included)
        phaseMillis.put("gc", gcMillis() - gc0);
        return new Result(o.plans(), created.get(), figures.get(), tasks.get(), projects.get(),
                combine(figureDigests), combine(portfolioDigests), nanos / 1_000_000, phaseMillis);
    }

    /** What one plan gave. */
    private record Planned(long planId, String code, boolean created, long figures, long tasks, long projects, byte[] figureDigest,
                           byte[] portfolioDigest) {}

    private static long processCpu() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    /** Wall and CPU time per phase of one worker thread, added to the run's totals. */
    private static final class Laps {
        private final Map<String, LongAdder> totals;
        private long wall = System.nanoTime();
        private long cpu = CPU.getCurrentThreadCpuTime();

        Laps(Map<String, LongAdder> totals) {
            this.totals = totals;
        }

        void lap(String phase) {
            long w = System.nanoTime();
            long c = CPU.getCurrentThreadCpuTime();
            totals.get(phase).add(w - wall);
            totals.get(phase + ".cpu").add(c - cpu);
            wall = w;
            cpu = c;
        }
    }

    /** Generates plan {@code i} in one transaction. */
    private Planned generateOne(SyntheticTemplate t, Options o, int i, Path tmp, Map<String, LongAdder> phases,
                                SyntheticPortfolio.OutlineTasks outlineFrom) {
        Laps laps = new Laps(phases);
        String code = planCode(o.seed(), i);
        double shift = shift(o.seed(), i);
        List<Gen> values = values(t.indicators(), o, i, shift);
        List<SyntheticPortfolio.SynTask> synTasks = SyntheticPortfolio.tasks(t, o.seed(), i, syntheticTasks(t, o));
        List<SyntheticPortfolio.SynProject> synProjects = SyntheticPortfolio.projects(t, o.seed(), i,
                syntheticProjects(t, o), o.lastYear(), synTasks);
        byte[] figureDigest = digest(code, values.stream().map(Gen::line).toList());
        byte[] portfolioDigest = digest(code, portfolioLines(synTasks, synProjects));
        laps.lap("values");
        Planned out = tx.execute(s -> {
            Path dir = tmp.resolve(code);
            writePackage(dir, t, o.seed(), i, shift);
            laps.lap("package");
            PlanPackageLoader.LoadResult r = loader.load(dir.toString());
            long planId = r.plan().id();
            jdbc.sql("UPDATE plan SET synthetic = TRUE WHERE id = ?").param(planId).update();
            deleteQuietly(dir);
            laps.lap("load");
            if (!r.created()) {
                return new Planned(planId, code, false, 0, 0, 0, figureDigest, portfolioDigest);
            }
            Map<String, Long> indicators = SyntheticPortfolio.ids(jdbc, "indicator", planId);
            long f = insertFigures(planId, indicators, values);
            laps.lap("figures");
            int outlineTasks = outlineFrom == null ? taskService.ensureGenerated(planId) : 0;
            laps.lap("tasks");
            outlineTasks += SyntheticPortfolio.write(jdbc, template, planId, indicators, outlineFrom, synTasks,
                    synProjects);
            laps.lap("portfolio");
            return new Planned(planId, code, true, f, outlineTasks + synTasks.size(),
                    t.namedProjects() + synProjects.size(), figureDigest, portfolioDigest);
        });
        laps.lap("commit");
        return out;
    }

    /** The outline tasks of plan {@code planId} to copy, if it has them all (else null: TaskService then). */
    private SyntheticPortfolio.OutlineTasks outlineTaskSource(long planId, SyntheticTemplate t) {
        SyntheticPortfolio.OutlineTasks tasks = SyntheticPortfolio.OutlineTasks.of(jdbc, planId);
        return tasks.tasks().size() == t.outlineTasks() ? tasks : null;
    }

    static int syntheticTasks(SyntheticTemplate t, Options o) {
        return Math.max(0, o.tasksPerPlan() - t.outlineTasks());
    }

    static int syntheticProjects(SyntheticTemplate t, Options o) {
        return Math.max(0, o.projectsPerPlan() - t.namedProjects());
    }

    private static List<String> portfolioLines(List<SyntheticPortfolio.SynTask> tasks,
                                               List<SyntheticPortfolio.SynProject> projects) {
        List<String> lines = new ArrayList<>(tasks.size() + projects.size());
        tasks.forEach(x -> lines.add(x.line()));
        projects.forEach(x -> lines.add(x.line()));
        return lines;
    }

    /** The checksums {@link #generate} reports (figures, then tasks and projects), computed without the database. */
    public String[] expectedChecksums(Options o) {
        SyntheticTemplate t = template();
        Map<String, byte[]> figures = new TreeMap<>();
        Map<String, byte[]> portfolio = new TreeMap<>();
        for (int k = 0; k < o.plans(); k++) {
            int i = o.firstIndex() + k;
            String code = planCode(o.seed(), i);
            figures.put(code, digest(code, values(t.indicators(), o, i, shift(o.seed(), i)).stream().map(Gen::line)
                    .toList()));
            List<SyntheticPortfolio.SynTask> tasks = SyntheticPortfolio.tasks(t, o.seed(), i, syntheticTasks(t, o));
            portfolio.put(code, digest(code, portfolioLines(tasks, SyntheticPortfolio.projects(t, o.seed(), i,
                    syntheticProjects(t, o), o.lastYear(), tasks))));
        }
        return new String[] {combine(figures), combine(portfolio)};
    }

    /** The figure checksum {@link #generate} reports, computed without touching the database. */
    public String expectedChecksum(Options o) {
        return expectedChecksums(o)[0];
    }

    /** The same figure checksum computed from the figure rows stored for the synthetic plans of {@code seed}. */
    public String storedChecksum(long seed) {
        Map<String, List<String>> byPlan = syntheticPlans(seed);
        jdbc.sql("""
                SELECT p.code AS plan_code, i.code AS ind, f.report_year, f.period, f.num_value, f.verdict
                  FROM figure f JOIN indicator i ON i.id = f.indicator_id JOIN plan p ON p.id = i.plan_id
                 WHERE p.synthetic = TRUE AND p.code LIKE ?""").param(CODE_PREFIX + seed + "-%")
                .query((rs, n) -> {
                    double v = rs.getDouble("num_value");
                    Double value = rs.wasNull() ? null : v;
                    return byPlan.get(rs.getString("plan_code")).add(new Gen(rs.getString("ind"),
                            rs.getInt("report_year"), rs.getString("period"), value, rs.getString("verdict")).line());
                }).list();
        Map<String, byte[]> digests = new TreeMap<>();
        byPlan.forEach((code, lines) -> digests.put(code, digest(code, lines)));
        return combine(digests);
    }

    /** The tasks-and-projects checksum computed from the synthetic task and project rows stored for {@code seed}. */
    public String storedPortfolioChecksum(long seed) {
        Map<String, List<String>> byPlan = syntheticPlans(seed);
        SyntheticPortfolio.stored(jdbc, CODE_PREFIX + seed + "-").forEach((code, lines) -> byPlan.get(code)
                .addAll(lines));
        Map<String, byte[]> digests = new TreeMap<>();
        byPlan.forEach((code, lines) -> digests.put(code, digest(code, lines)));
        return combine(digests);
    }

    private Map<String, List<String>> syntheticPlans(long seed) {
        Map<String, List<String>> byPlan = new TreeMap<>();
        jdbc.sql("SELECT code FROM plan WHERE synthetic = TRUE AND code LIKE ?").param(CODE_PREFIX + seed + "-%")
                .query(String.class).list().forEach(c -> byPlan.put(c, new ArrayList<>()));
        return byPlan;
    }

    /** SHA-256 of a plan's code and its lines in sorted order (the order of generation does not matter). */
    private static byte[] digest(String planCode, List<String> values) {
        List<String> lines = new ArrayList<>(values);
        lines.sort(Comparator.naturalOrder());
        MessageDigest digest = sha256();
        digest.update((planCode + "\n").getBytes(StandardCharsets.UTF_8));
        for (String l : lines) {
            digest.update((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return digest.digest();
    }

    /** SHA-256 over the per-plan digests in plan-code order. */
    private static String combine(Map<String, byte[]> byPlan) {
        MessageDigest digest = sha256();
        new TreeMap<>(byPlan).values().forEach(digest::update);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Per-plan shift of all values: 0.80 .. 1.20, from the seed and the plan index. */
    static double shift(long seed, int i) {
        return 0.8 + new SplittableRandom(seed * 1_000_003L + i).nextDouble() * 0.4;
    }

    private static double round(double v, int digits) {
        double s = Math.pow(10, digits);
        return Math.round(v * s) / s;
    }

    /** The figures of plan {@code i}: headline (Table 1) indicators, in the meaning of each kind's observation. */
    List<Gen> values(ArrayNode indicators, Options o, int i, double shift) {
        List<Gen> out = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(o.seed() * 7_919L + i * 104_729L);
        for (JsonNode ind : indicators) {
            if (ind.path("tableNumber").isNull() || ind.path("tableNumber").isMissingNode()) {
                continue;
            }
            String kind = ind.path("kind").asString();
            if ("QUALITATIVE".equals(kind)) {
                continue;
            }
            String code = ind.path("code").asString();
            double perf = 0.5 + random.nextDouble() * 0.9; // 0.5 (severely lagging) .. 1.4 (ahead)
            Double base = num(ind, "baseValue", shift);
            Double target = num(ind, "targetValue", shift);
            int baseYear = ind.path("baseYear").asInt(2025);
            int targetYear = ind.path("targetYear").asInt(2030);
            boolean percent = "%".equals(ind.path("unit").asString());
            for (int y = o.lastYear() - o.years() + 1; y <= o.lastYear(); y++) {
                double noise = 1 + (random.nextDouble() - 0.5) * 0.04;
                double tau = (y - baseYear) / (double) Math.max(1, targetYear - baseYear);
                Double v = switch (kind) {
                    case "LEVEL" -> target == null ? null : (Double) level(base, target, tau, perf, noise,
                            ind.path("targetIsIncrement").asBoolean(false));
                    case "GROWTH", "RELATIONAL" -> target != null ? Double.valueOf(target * perf * noise)
                            : base != null ? Double.valueOf(base * perf * noise) : null;
                    case "CUMULATIVE" -> target == null ? null : (Double) (target / Math.max(1, targetYear - baseYear) * perf * noise);
                    case "DECLINE" -> target == null ? null : (Double) (target / Math.max(1, targetYear - baseYear) * perf * noise);
                    case "FLOOR" -> target == null ? null : (Double) (target * (perf < 0.7 ? 0.99 : 1.0 + 0.002 * random.nextDouble()));
                    case "STABLE" -> (base == null ? 1.0 : base) * noise;
                    default -> null;
                };
                if (v != null && percent && v > 100 && !"GROWTH".equals(kind) && !"RELATIONAL".equals(kind)) {
                    v = 100.0;
                }
                String verdict = "ASSIGNED".equals(kind) ? (perf < 0.7 ? "NOT_ACHIEVED" : "ACHIEVED") : null;
                if (v == null && verdict == null) {
                    continue;
                }
                Double value = v == null ? null : round(v, 3);
                out.add(new Gen(code, y, "Y", value, verdict));
                if (value != null && y > o.lastYear() - o.monthlyYears()) {
                    for (int m = 1; m <= 12; m++) {
                        double mv = round(value * (0.85 + 0.15 * m / 12.0), 3);
                        out.add(new Gen(code, y, String.format("M%02d", m), mv, null));
                    }
                }
            }
        }
        return out;
    }

    private static Double level(Double base, double target, double tau, double perf, double noise, boolean increment) {
        if (increment) {
            double b = base == null ? 50 : base;
            return b + target * perf * tau * noise;
        }
        double b = base == null ? target * 0.85 : base;
        return (b + perf * tau * (target - b)) * noise;
    }

    private static Double num(JsonNode ind, String field, double shift) {
        JsonNode n = ind.get(field);
        return n == null || n.isNull() || !n.isNumber() ? null : n.asDouble() * shift;
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

    private void writePackage(Path dir, SyntheticTemplate t, long seed, int i, double shift) {
        try {
            Files.createDirectories(dir);
            ObjectNode plan = t.plan().deepCopy();
            String county = "合成县" + String.format("%04d", i);
            plan.put("code", planCode(seed, i));
            plan.put("name", NAME_PREFIX + county + "国民经济和社会发展第十五个五年规划纲要");
            plan.put("shortName", NAME_PREFIX + county + "“十五五”规划纲要");
            plan.put("issuer", NAME_PREFIX + county + "人民政府");
            plan.put("documentNumber", "合成〔" + seed + "〕" + i + "号");
            ObjectNode region = plan.putObject("region");
            region.put("name", county);
            region.put("code", countyCode(i));
            region.put("level", "COUNTY");
            region.put("parentCode", cityCode(i));
            region.put("parentName", "合成市" + cityCode(i).substring(2));
            ArrayNode shifted = t.indicators().deepCopy();
            for (JsonNode n : shifted) {
                ObjectNode o = (ObjectNode) n;
                for (String f : List.of("baseValue", "targetValue")) {
                    JsonNode v = o.get(f);
                    if (v != null && v.isNumber()) {
                        double s = round(v.asDouble() * shift, 3);
                        if ("%".equals(o.path("unit").asString()) && s > 100) {
                            s = 100;
                        }
                        o.put(f, s);
                    }
                }
            }
            for (String f : FILES) {
                String content = switch (f) {
                    case "plan.yaml" -> yaml.writeValueAsString(plan);
                    case "indicators.yaml" -> yaml.writeValueAsString(shifted);
                    default -> t.files().get(f);
                };
                Files.writeString(dir.resolve(f), content, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts the figures of one plan (city-wide, APPROVED) and one APPROVED revision each, in batches. */
    private long insertFigures(long planId, Map<String, Long> ids, List<Gen> values) {
        long city = jdbc.sql("SELECT id FROM org_unit WHERE plan_id = ? AND unit_type = 'CITY' ORDER BY ordinal")
                .param(planId).query(Long.class).list().get(0);
        Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")); // fixed: deterministic, and in the past for asOf
        List<Object[]> batch = new ArrayList<>(values.size());
        java.util.Set<Long> used = new java.util.TreeSet<>();
        for (Gen v : values) {
            Long id = ids.get(v.indicator());
            used.add(id);
            batch.add(new Object[] {id, city, v.year(), v.period(), v.value(), v.verdict(), at});
        }
        flush(batch);
        if (!used.isEmpty()) { // ids inlined (numbers from the database): a plain index scan, no join to plan
            jdbc.sql("""
                    INSERT INTO figure_revision (figure_id, version, num_value, verdict, estimate, state, reason,
                                                 changed_by, changed_at)
                    SELECT id, 1, num_value, verdict, estimate, 'APPROVED', '合成数据', 'synthetic', updated_at
                      FROM figure WHERE indicator_id IN (""" + used.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",")) + ")").update();
        }
        return values.size();
    }

    private void flush(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO figure (indicator_id, org_unit_id, report_year, period, num_value, verdict, estimate, state,
                                    demo, note, version, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, FALSE, 'APPROVED', FALSE, '合成数据', 1, 'synthetic', ?)""", batch);
        batch.clear();
    }

    /** Inserts the missing synthetic regions of the plans to generate, in one batch before the workers start. */
    private void ensureRegions(Options o) {
        java.util.Set<String> existing = new java.util.HashSet<>(jdbc.sql("SELECT code FROM region")
                .query(String.class).list());
        Map<String, Object[]> rows = new LinkedHashMap<>();
        for (int k = 0; k < o.plans(); k++) {
            int i = o.firstIndex() + k;
            rows.putIfAbsent(provinceCode(i), new Object[] {provinceCode(i), "合成省" + provinceCode(i).substring(2),
                "PROVINCE", COUNTRY});
            rows.putIfAbsent(cityCode(i), new Object[] {cityCode(i), "合成市" + cityCode(i).substring(2), "CITY",
                provinceCode(i)});
            rows.putIfAbsent(countyCode(i), new Object[] {countyCode(i), "合成县" + String.format("%04d", i), "COUNTY",
                cityCode(i)});
        }
        rows.keySet().removeAll(existing);
        template.batchUpdate("INSERT INTO region (code, name, region_level, parent_code, synthetic) "
                + "VALUES (?, ?, ?, ?, TRUE)", new ArrayList<>(rows.values()));
    }

    private static void deleteQuietly(Path p) {
        try (var walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", p, e.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
