package cn.lantu.scale;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lantu.pkg.PlanPackageLoader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Synthetic plans and figures for scale tests and benchmarks (合成数据). Each generated plan is the Zhuji plan
 * package with a synthetic code ({@code syn-…}), a name prefixed 【合成数据】, a synthetic region and shifted
 * indicator values; it is written to a temporary package folder and loaded through {@link PlanPackageLoader},
 * the code path of real plans, then flagged {@code plan.synthetic = TRUE}. Its figures (city-wide, APPROVED, each
 * with its revision row) are inserted in JDBC batches. Everything is a function of the seed: the same seed gives
 * the same values and the same {@link Result#checksum()}.
 *
 * <p>Region layout: plan {@code i} is county {@code i % 10} of city {@code (i % 90) / 10} of province
 * {@code i / 90}, so 90 plans fill one province and 2,800 plans fill 32 provinces (about the national count).
 */
@Service
public class SyntheticGenerator {

    private static final Logger log = LoggerFactory.getLogger(SyntheticGenerator.class);
    static final List<String> FILES = List.of("plan.yaml", "outline.md", "corrections.yaml", "indicators.yaml",
            "org.yaml", "responsibilities.yaml", "projects.yaml", "reforms.yaml");
    public static final String NAME_PREFIX = "【合成数据】";
    public static final String CODE_PREFIX = "syn-";
    static final String COUNTRY = "000000";

    private final PlanPackageLoader loader;
    private final ResourceLoader resources;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String templatePackage;
    private final Timer importTimer;
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    public SyntheticGenerator(PlanPackageLoader loader, ResourceLoader resources, JdbcClient jdbc,
                              JdbcTemplate template, MeterRegistry meters,
                              @Value("${lantu.bootstrap-plan:classpath:plans/zhuji-15th}") String templatePackage) {
        this.loader = loader;
        this.resources = resources;
        this.jdbc = jdbc;
        this.template = template;
        this.templatePackage = templatePackage.isBlank() ? "classpath:plans/zhuji-15th" : templatePackage;
        this.importTimer = Timer.builder("lantu.import.duration").description("Duration of data imports")
                .tag("source", "synthetic").register(meters);
    }

    /**
     * What to generate. {@code years}: yearly figures for the last {@code years} years up to {@code lastYear};
     * {@code monthlyYears}: of those, how many recent years also get 12 monthly figures (M01..M12).
     */
    public record Options(int plans, long seed, int years, int monthlyYears, int lastYear, int firstIndex) {
        public static Options of(int plans, long seed) {
            return new Options(plans, seed, 10, 5, 2030, 0);
        }

        public Options withFigures(int years, int monthlyYears) {
            return new Options(plans, seed, years, monthlyYears, lastYear, firstIndex);
        }
    }

    /** What was generated: plans newly loaded, figure rows written, and the SHA-256 of all generated values. */
    public record Result(int plans, int created, long figures, String checksum, long millis) {}

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
        Map<String, String> files = readTemplate();
        ArrayNode indicators = (ArrayNode) yaml.readTree(files.get("indicators.yaml"));
        MessageDigest digest = sha256();
        Path tmp;
        try {
            tmp = Files.createTempDirectory("lantu-syn");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int created = 0;
        long figures = 0;
        for (int k = 0; k < o.plans(); k++) {
            int i = o.firstIndex() + k;
            String code = planCode(o.seed(), i);
            double shift = shift(o.seed(), i);
            ensureRegions(i);
            Path dir = tmp.resolve(code);
            writePackage(dir, files, indicators, o.seed(), i, shift);
            PlanPackageLoader.LoadResult r = loader.load(dir.toString());
            long planId = r.plan().id();
            jdbc.sql("UPDATE plan SET synthetic = TRUE WHERE id = ?").param(planId).update();
            List<Gen> values = values(indicators, o, i, shift);
            if (r.created()) {
                created++;
                figures += insertFigures(planId, values);
            }
            digest(digest, code, values);
            deleteQuietly(dir);
            if ((k + 1) % 10 == 0 || k + 1 == o.plans()) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                progress.accept(String.format("generated %d/%d plans, %d figures, %d ms (%.1f plans/s)", k + 1,
                        o.plans(), figures, ms, (k + 1) * 1000.0 / Math.max(1, ms)));
            }
        }
        deleteQuietly(tmp);
        long nanos = System.nanoTime() - t0;
        importTimer.record(java.time.Duration.ofNanos(nanos));
        return new Result(o.plans(), created, figures, HexFormat.of().formatHex(digest.digest()), nanos / 1_000_000);
    }

    /** The checksum {@link #generate} reports, computed without touching the database. */
    public String expectedChecksum(Options o) {
        ArrayNode indicators = (ArrayNode) yaml.readTree(readTemplate().get("indicators.yaml"));
        MessageDigest digest = sha256();
        for (int k = 0; k < o.plans(); k++) {
            int i = o.firstIndex() + k;
            digest(digest, planCode(o.seed(), i), values(indicators, o, i, shift(o.seed(), i)));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The same checksum computed from the figure rows stored for the synthetic plans of {@code seed}. */
    public String storedChecksum(long seed) {
        Map<String, List<Gen>> byPlan = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT p.code AS plan_code, i.code AS ind, f.report_year, f.period, f.num_value, f.verdict
                  FROM figure f JOIN indicator i ON i.id = f.indicator_id JOIN plan p ON p.id = i.plan_id
                 WHERE p.synthetic = TRUE AND p.code LIKE ?""").param(CODE_PREFIX + seed + "-%")
                .query((rs, n) -> {
                    double v = rs.getDouble("num_value");
                    Double value = rs.wasNull() ? null : v;
                    byPlan.computeIfAbsent(rs.getString("plan_code"), c -> new ArrayList<>()).add(new Gen(
                            rs.getString("ind"), rs.getInt("report_year"), rs.getString("period"), value,
                            rs.getString("verdict")));
                    return 0;
                }).list();
        MessageDigest digest = sha256();
        byPlan.forEach((code, values) -> digest(digest, code, values));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void digest(MessageDigest digest, String planCode, List<Gen> values) {
        List<String> lines = new ArrayList<>(values.size());
        for (Gen v : values) {
            lines.add(v.line());
        }
        lines.sort(Comparator.naturalOrder());
        digest.update((planCode + "\n").getBytes(StandardCharsets.UTF_8));
        for (String l : lines) {
            digest.update((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
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

    private Map<String, String> readTemplate() {
        String base = templatePackage.endsWith("/") ? templatePackage : templatePackage + "/";
        if (!base.contains(":")) {
            base = "file:" + base;
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : FILES) {
            try (InputStream in = resources.getResource(base + f).getInputStream()) {
                files.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("template package " + base + f, e);
            }
        }
        return files;
    }

    private void writePackage(Path dir, Map<String, String> files, ArrayNode indicators, long seed, int i,
                              double shift) {
        try {
            Files.createDirectories(dir);
            ObjectNode plan = (ObjectNode) yaml.readTree(files.get("plan.yaml"));
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
            ArrayNode shifted = indicators.deepCopy();
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
                    default -> files.get(f);
                };
                Files.writeString(dir.resolve(f), content, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts the figures of one plan (city-wide, APPROVED) and one APPROVED revision each, in batches. */
    private long insertFigures(long planId, List<Gen> values) {
        Map<String, Long> ids = new LinkedHashMap<>();
        jdbc.sql("SELECT id, code FROM indicator WHERE plan_id = ?").param(planId)
                .query((rs, n) -> ids.put(rs.getString("code"), rs.getLong("id"))).list();
        long city = jdbc.sql("SELECT id FROM org_unit WHERE plan_id = ? AND unit_type = 'CITY' ORDER BY ordinal")
                .param(planId).query(Long.class).list().get(0);
        Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")); // fixed: deterministic, and in the past for asOf
        List<Object[]> batch = new ArrayList<>(1000);
        for (Gen v : values) {
            batch.add(new Object[] {ids.get(v.indicator()), city, v.year(), v.period(), v.value(), v.verdict(), at});
            if (batch.size() == 1000) {
                flush(batch);
            }
        }
        flush(batch);
        jdbc.sql("""
                INSERT INTO figure_revision (figure_id, version, num_value, verdict, estimate, state, reason, changed_by,
                                             changed_at)
                SELECT f.id, 1, f.num_value, f.verdict, f.estimate, 'APPROVED', '合成数据', 'synthetic', f.updated_at
                  FROM figure f JOIN indicator i ON i.id = f.indicator_id WHERE i.plan_id = ?""").param(planId).update();
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

    private void ensureRegions(int i) {
        insertRegion(provinceCode(i), "合成省" + provinceCode(i).substring(2), "PROVINCE", COUNTRY);
        insertRegion(cityCode(i), "合成市" + cityCode(i).substring(2), "CITY", provinceCode(i));
        insertRegion(countyCode(i), "合成县" + String.format("%04d", i), "COUNTY", cityCode(i));
    }

    private void insertRegion(String code, String name, String level, String parent) {
        Integer n = jdbc.sql("SELECT COUNT(*) FROM region WHERE code = ?").param(code).query(Integer.class).single();
        if (n == 0) {
            jdbc.sql("INSERT INTO region (code, name, region_level, parent_code, synthetic) VALUES (?, ?, ?, ?, TRUE)")
                    .params(code, name, level, parent).update();
        }
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
