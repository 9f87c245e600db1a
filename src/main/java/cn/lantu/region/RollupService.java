package cn.lantu.region;

import cn.lantu.monitoring.ReassessmentService;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lantu.assessment.Status;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;

/**
 * The roll-up of a region over the plans of its counties, read from the stored assessment results: status counts of
 * each county's headline (Table 1) indicators, the worst-lagging counties per indicator, and the major-project
 * investment completion per county. Plans whose stored results are missing or stale (their data version moved on)
 * are reassessed and stored first; then a fixed handful of set-based queries reads the region, whatever its size.
 */
@Service
public class RollupService {

    public static final int WORST = 5;

    private final PlanRepository plans;
    private final ReassessmentService results;
    private final JdbcClient jdbc;

    RollupService(PlanRepository plans, ReassessmentService results, JdbcClient jdbc) {
        this.plans = plans;
        this.results = results;
        this.jdbc = jdbc;
    }

    public record Investment(BigDecimal planned, BigDecimal completed, Double ratio) {}

    public record CountyRow(String regionCode, String regionName, String planCode, String planName, boolean synthetic,
                            Map<String, Integer> statusCounts, int headline, Investment investment) {}

    public record Lagging(String planCode, String regionName, String status, Double scheduleRatio, Double progress) {}

    public record IndicatorLag(String indicatorCode, String indicatorName, List<Lagging> worst) {}

    public record Rollup(Region region, int year, List<CountyRow> counties, Map<String, Integer> totals,
                         List<IndicatorLag> worstLagging) {}

    public Rollup rollup(Region region, Map<String, Region> all, int year) {
        Map<String, Region> counties = new LinkedHashMap<>();
        RegionRepository.counties(all, region.code()).forEach(c -> counties.put(c.code(), c));
        Map<Long, Plan> inRegion = new LinkedHashMap<>();
        for (Plan plan : plans.findAll()) {
            if (counties.containsKey(plan.regionCode())) {
                inRegion.put(plan.id(), plan);
            }
        }
        Map<String, Integer> totals = emptyCounts();
        if (inRegion.isEmpty()) {
            return new Rollup(region, year, List.of(), totals, List.of());
        }
        List<Long> ids = List.copyOf(inRegion.keySet());
        refreshStale(inRegion, year);

        Map<Long, Map<String, Integer>> counts = new HashMap<>();
        Map<Long, Integer> headline = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, List<Lagging>> byIndicator = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT r.plan_id, r.indicator_code, r.status, r.schedule_ratio, r.progress, i.name
                  FROM assessment_result r JOIN indicator i ON i.id = r.indicator_id
                 WHERE r.report_year = :year AND i.table_number IS NOT NULL AND r.plan_id IN (:ids)""")
                .param("year", year).param("ids", ids).query((rs, n) -> {
                    long planId = rs.getLong(1);
                    String code = rs.getString(2);
                    String status = rs.getString(3);
                    counts.computeIfAbsent(planId, k -> emptyCounts()).merge(status, 1, Integer::sum);
                    headline.merge(planId, 1, Integer::sum);
                    totals.merge(status, 1, Integer::sum);
                    names.putIfAbsent(code, rs.getString(6));
                    if (Status.valueOf(status).isLagging()) {
                        Plan plan = inRegion.get(planId);
                        byIndicator.computeIfAbsent(code, k -> new ArrayList<>()).add(new Lagging(plan.code(),
                                counties.get(plan.regionCode()).name(), status, dbl(rs, 4), dbl(rs, 5)));
                    }
                    return 0;
                }).list();
        Set<Long> synthetic = new HashSet<>(jdbc.sql("SELECT id FROM plan WHERE synthetic = TRUE AND id IN (:ids)")
                .param("ids", ids).query(Long.class).list());
        Map<Long, BigDecimal> planned = sums("""
                SELECT plan_id, SUM(period_investment) FROM project_domain WHERE plan_id IN (:ids) GROUP BY plan_id""",
                ids, year);
        Map<Long, BigDecimal> completed = sums("""
                SELECT p.plan_id, SUM(r.amount) FROM project_report r JOIN project p ON p.id = r.project_id
                 WHERE p.plan_id IN (:ids) AND r.state = 'APPROVED' AND r.report_year <= :year GROUP BY p.plan_id""",
                ids, year);

        List<CountyRow> rows = new ArrayList<>();
        for (Plan plan : inRegion.values()) {
            Region county = counties.get(plan.regionCode());
            BigDecimal p = planned.getOrDefault(plan.id(), BigDecimal.ZERO);
            BigDecimal c = completed.getOrDefault(plan.id(), BigDecimal.ZERO);
            rows.add(new CountyRow(county.code(), county.name(), plan.code(), plan.name(), synthetic.contains(plan.id()),
                    counts.getOrDefault(plan.id(), emptyCounts()), headline.getOrDefault(plan.id(), 0),
                    new Investment(p, c, p.signum() == 0 ? null : c.doubleValue() / p.doubleValue())));
        }
        Comparator<Lagging> worstFirst = Comparator.comparingInt((Lagging l) -> -Status.valueOf(l.status()).severity())
                .thenComparing(l -> l.scheduleRatio() == null ? Double.MAX_VALUE : l.scheduleRatio())
                .thenComparing(Lagging::planCode);
        List<IndicatorLag> lag = new ArrayList<>();
        byIndicator.forEach((code, list) -> lag.add(new IndicatorLag(code, names.get(code),
                list.stream().sorted(worstFirst).limit(WORST).toList())));
        lag.sort(Comparator.comparing(IndicatorLag::indicatorCode));
        rows.sort(Comparator.comparing(CountyRow::regionCode).thenComparing(CountyRow::planCode));
        return new Rollup(region, year, rows, totals, lag);
    }

    /** Reassesses the plans of the region whose stored results for the year are missing or stale. */
    private void refreshStale(Map<Long, Plan> inRegion, int year) {
        List<Long> stale = jdbc.sql("""
                SELECT p.id FROM plan p JOIN plan_data_version v ON v.plan_id = p.id
                  LEFT JOIN assessment_run r ON r.plan_id = p.id AND r.report_year = :year
                 WHERE p.id IN (:ids) AND (r.plan_id IS NULL OR r.data_version <> v.data_version)""")
                .param("year", year).param("ids", List.copyOf(inRegion.keySet())).query(Long.class).list();
        results.reassessPlans(stale, year);
    }

    private Map<Long, BigDecimal> sums(String sql, List<Long> ids, int year) {
        Map<Long, BigDecimal> out = new HashMap<>();
        jdbc.sql(sql).param("ids", ids).param("year", year).query((rs, n) -> out.put(rs.getLong(1), rs.getBigDecimal(2) == null ? BigDecimal.ZERO : rs.getBigDecimal(2)))
                .list();
        return out;
    }

    private static Double dbl(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            m.put(s.name(), 0);
        }
        return m;
    }
}
