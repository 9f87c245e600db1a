package cn.lantu.scale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lantu.assessment.Status;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;

/**
 * The roll-up of a region over the plans of its counties, from the stored assessment results (computed and stored
 * on first use): status counts of each county's headline (Table 1) indicators, the worst-lagging counties per
 * indicator, and the major-project investment completion per county.
 */
@Service
public class RollupService {

    static final int WORST = 5;

    private final RegionRepository regions;
    private final PlanRepository plans;
    private final ReassessmentService results;
    private final JdbcClient jdbc;

    RollupService(RegionRepository regions, PlanRepository plans, ReassessmentService results, JdbcClient jdbc) {
        this.regions = regions;
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
        Map<String, Integer> totals = emptyCounts();
        List<CountyRow> rows = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, List<Lagging>> byIndicator = new LinkedHashMap<>();
        for (Plan plan : plans.findAll()) {
            Region county = counties.get(plan.regionCode());
            if (county == null) {
                continue;
            }
            Map<String, Integer> counts = emptyCounts();
            Map<Long, String> headline = headline(plan.id(), names);
            int n = 0;
            for (ReassessmentService.StoredResult r : results.storedOrCompute(plan, year)) {
                if (!headline.containsKey(r.indicatorId())) {
                    continue;
                }
                n++;
                counts.merge(r.status(), 1, Integer::sum);
                totals.merge(r.status(), 1, Integer::sum);
                Status s = Status.valueOf(r.status());
                if (s.isLagging()) {
                    byIndicator.computeIfAbsent(r.indicatorCode(), k -> new ArrayList<>()).add(new Lagging(plan.code(),
                            county.name(), r.status(), r.scheduleRatio(), r.progress()));
                }
            }
            rows.add(new CountyRow(county.code(), county.name(), plan.code(), plan.name(), synthetic(plan.id()), counts,
                    n, investment(plan.id(), year)));
        }
        Comparator<Lagging> worstFirst = Comparator.comparingInt((Lagging l) -> -Status.valueOf(l.status()).severity())
                .thenComparing(l -> l.scheduleRatio() == null ? Double.MAX_VALUE : l.scheduleRatio())
                .thenComparing(Lagging::planCode);
        List<IndicatorLag> lag = new ArrayList<>();
        byIndicator.forEach((code, list) -> lag.add(new IndicatorLag(code, names.get(code),
                list.stream().sorted(worstFirst).limit(WORST).toList())));
        lag.sort(Comparator.comparing(IndicatorLag::indicatorCode));
        rows.sort(Comparator.comparing(CountyRow::regionCode));
        return new Rollup(region, year, rows, totals, lag);
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            m.put(s.name(), 0);
        }
        return m;
    }

    private Map<Long, String> headline(long planId, Map<String, String> names) {
        Map<Long, String> out = new HashMap<>();
        jdbc.sql("SELECT id, code, name FROM indicator WHERE plan_id = ? AND table_number IS NOT NULL").param(planId)
                .query((rs, n) -> {
                    out.put(rs.getLong(1), rs.getString(2));
                    names.putIfAbsent(rs.getString(2), rs.getString(3));
                    return 0;
                }).list();
        return out;
    }

    private boolean synthetic(long planId) {
        return jdbc.sql("SELECT synthetic FROM plan WHERE id = ?").param(planId).query(Boolean.class).single();
    }

    private Investment investment(long planId, int year) {
        BigDecimal planned = jdbc.sql("SELECT COALESCE(SUM(period_investment), 0) FROM project_domain WHERE plan_id = ?")
                .param(planId).query(BigDecimal.class).single();
        BigDecimal completed = jdbc.sql("""
                SELECT COALESCE(SUM(r.amount), 0) FROM project_report r JOIN project p ON p.id = r.project_id
                 WHERE p.plan_id = ? AND r.state = 'APPROVED' AND r.report_year <= ?""").params(planId, year)
                .query(BigDecimal.class).single();
        Double ratio = planned.signum() == 0 ? null : completed.doubleValue() / planned.doubleValue();
        return new Investment(planned, completed, ratio);
    }
}
