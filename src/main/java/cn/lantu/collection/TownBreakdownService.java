package cn.lantu.collection;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;

/**
 * Town roll-up of indicators broken down by town (responsibility.town_breakdown SUM, AVERAGE, CITY_SEPARATE),
 * read from approved figures only. Used by the entry form (soft warning on the city figure), the JSON API and the
 * indicator page.
 */
@Service
public class TownBreakdownService {

    private final JdbcClient jdbc;
    private final IndicatorRepository indicators;
    private final OrgRepository org;
    private final double tolerance;

    TownBreakdownService(JdbcClient jdbc, IndicatorRepository indicators, OrgRepository org,
                         @Value("${lantu.reporting.town-tolerance:0.01}") double tolerance) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.org = org;
        this.tolerance = tolerance;
    }

    /** Relative tolerance between a city figure and the towns' roll-up before a soft warning (default 1%). */
    public double tolerance() {
        return tolerance;
    }

    /** The yearly breakdown ('Y'). */
    public TownBreakdown of(long indicatorId, int year) {
        return of(indicatorId, year, "Y");
    }

    public TownBreakdown of(long indicatorId, int year, String period) {
        Indicator ind = indicators.findById(indicatorId)
                .orElseThrow(() -> new ReportingException(404, "没有该指标"));
        String rule = rule(indicatorId);
        List<OrgUnit> towns = "NONE".equals(rule) ? List.of() : org.findByType(ind.planId(), OrgUnit.Type.TOWN);
        Map<Long, TownBreakdown.Town> approved = jdbc.sql("""
                SELECT f.org_unit_id, r.num_value, r.changed_at FROM figure f
                JOIN org_unit o ON o.id = f.org_unit_id
                JOIN figure_revision r ON r.figure_id = f.id
                WHERE f.indicator_id = ? AND f.report_year = ? AND f.period = ? AND f.demo = FALSE
                  AND o.unit_type IN ('TOWN', 'CITY') AND r.state = 'APPROVED' AND r.num_value IS NOT NULL
                  AND r.version = (SELECT MAX(r2.version) FROM figure_revision r2
                                   WHERE r2.figure_id = f.id AND r2.state = 'APPROVED')
                """).params(indicatorId, year, period)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp(3);
                    return new TownBreakdown.Town(rs.getLong(1), null, null, rs.getDouble(2),
                            at == null ? null : at.toInstant());
                })
                .list().stream().collect(Collectors.toMap(TownBreakdown.Town::orgUnitId, Function.identity()));
        List<TownBreakdown.Town> rows = towns.stream().map(t -> {
            TownBreakdown.Town v = approved.get(t.id());
            return new TownBreakdown.Town(t.id(), t.code(), t.name(), v == null ? null : v.value(),
                    v == null ? null : v.approvedAt());
        }).toList();
        int reported = (int) rows.stream().filter(TownBreakdown.Town::reported).count();
        Double sum = reported == 0 ? null : rows.stream().filter(TownBreakdown.Town::reported)
                .mapToDouble(TownBreakdown.Town::value).sum();
        Double computed = null;
        if (!towns.isEmpty() && reported == towns.size()) {
            computed = switch (rule) {
                case "SUM" -> sum;
                case "AVERAGE" -> sum / reported;
                default -> null;
            };
        }
        Double city = org.findByType(ind.planId(), OrgUnit.Type.CITY).stream().findFirst()
                .map(c -> approved.get(c.id())).map(TownBreakdown.Town::value).orElse(null);
        return new TownBreakdown(ind.id(), ind.code(), ind.name(), ind.unit(), year, period, rule, rows, reported,
                towns.size(), sum, computed, city);
    }

    /** The roll-up rule of the indicator's lead responsibility: NONE, SUM, AVERAGE or CITY_SEPARATE. */
    public String rule(long indicatorId) {
        return jdbc.sql("SELECT town_breakdown FROM responsibility WHERE indicator_id = ? AND role = 'LEAD' "
                        + "ORDER BY id").param(indicatorId).query(String.class).list().stream().findFirst().orElse("NONE");
    }

    /**
     * The soft warning for a city value against the towns, or null: SUM/AVERAGE compare with the computed value,
     * CITY_SEPARATE with the towns' sum (amounts only: a sum of rates or shares means nothing). Only once every
     * town has reported, since a partial sum always differs.
     */
    String cityWarning(TownBreakdown b, double cityValue, boolean amount) {
        if (!b.complete()) {
            return null;
        }
        Double expected = switch (b.rule()) {
            case "SUM", "AVERAGE" -> b.computedValue();
            case "CITY_SEPARATE" -> amount ? b.townSum() : null;
            default -> null;
        };
        if (expected == null || Math.abs(cityValue - expected) <= Math.max(1e-9, Math.abs(expected) * tolerance)) {
            return null;
        }
        String what = "AVERAGE".equals(b.rule()) ? "平均" : "合计";
        return String.format("全市数（%s）与镇街%s（%s，%d个镇街）相差%.1f%%，超过允许误差%s%%", FigureValidator.fmt(cityValue), what,
                FigureValidator.fmt(expected), b.townCount(),
                expected == 0 ? 100.0 : (cityValue - expected) / Math.abs(expected) * 100,
                FigureValidator.fmt(tolerance * 100));
    }
}
