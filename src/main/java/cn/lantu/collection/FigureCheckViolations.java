package cn.lantu.collection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.plan.Plan;

/**
 * Every stored figure that breaks a stored check (违反校验规则的数据), so that the plan office can review old data
 * after adding a check. Figures are judged on their current values: the previous year and the other indicator of a
 * comparison are the stored figures of the same unit and period, whatever their state; demo figures are left out.
 */
@Service
public class FigureCheckViolations {

    /** At most this many violations are listed (the count says how many there are). */
    static final int MAX_LISTED = 1000;

    /** One figure and the check it breaks. */
    public record Violation(FigureCheck check, long figureId, String indicatorName, String unitName, int year,
                            String period, String value, FigureState state, String message) {}

    /** The violations listed and how many there are in all. */
    public record Found(List<Violation> listed, int total) {}

    private record Stored(long id, long indicatorId, String indicatorName, long unitId, String unitName, int year,
                          String period, double value, FigureState state) {}

    private final JdbcClient jdbc;
    private final FigureChecks checks;
    private final IndicatorRepository indicators;

    FigureCheckViolations(JdbcClient jdbc, FigureChecks checks, IndicatorRepository indicators) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.indicators = indicators;
    }

    public Found find(Plan plan) {
        List<FigureCheck> all = checks.all(plan);
        List<Violation> out = new ArrayList<>();
        int total = 0;
        Map<Long, List<Stored>> byIndicator = new HashMap<>();
        for (FigureCheck c : all) {
            Indicator ind = indicators.findById(c.indicatorId()).orElseThrow();
            Map<String, Double> others = c.type() == FigureCheck.Type.COMPARE
                    ? values(byIndicator.computeIfAbsent(c.otherIndicatorId(), this::stored)) : Map.of();
            List<Stored> own = byIndicator.computeIfAbsent(c.indicatorId(), this::stored);
            Map<String, Double> ownValues = values(own);
            for (Stored f : own) {
                if (c.orgUnitId() != null && c.orgUnitId() != f.unitId()
                        || !FigureCheckRules.applying(all, c.indicatorId(), f.unitId()).contains(c)) {
                    continue;
                }
                FigureCheckRules rules = new FigureCheckRules(c.indicatorId(), List.of(c),
                        ownValues.get(key(f.unitId(), f.year() - 1, f.period())),
                        other -> others.get(key(f.unitId(), f.year(), f.period())));
                List<String> broken = rules.broken(ind, f.value(), c.severity());
                if (broken.isEmpty()) {
                    continue;
                }
                total++;
                if (out.size() < MAX_LISTED) {
                    out.add(new Violation(c, f.id(), f.indicatorName(), f.unitName(), f.year(), f.period(),
                            Figure.valueText(f.value(), null), f.state(), broken.get(0)));
                }
            }
        }
        return new Found(out, total);
    }

    private List<Stored> stored(long indicatorId) {
        return jdbc.sql("""
                SELECT f.id, f.indicator_id, i.name, f.org_unit_id, o.name, f.report_year, f.period, f.num_value,
                  f.state
                FROM figure f JOIN indicator i ON i.id = f.indicator_id JOIN org_unit o ON o.id = f.org_unit_id
                WHERE f.indicator_id = ? AND f.demo = FALSE AND f.num_value IS NOT NULL
                ORDER BY f.report_year, f.period, o.ordinal""").param(indicatorId)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getDouble(8),
                        FigureState.valueOf(rs.getString(9)))).list();
    }

    private static Map<String, Double> values(List<Stored> figures) {
        Map<String, Double> out = new HashMap<>();
        figures.forEach(f -> out.put(key(f.unitId(), f.year(), f.period()), f.value()));
        return out;
    }

    private static String key(long unitId, int year, String period) {
        return unitId + "|" + year + "|" + period;
    }
}
