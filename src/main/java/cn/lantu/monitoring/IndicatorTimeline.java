package cn.lantu.monitoring;

import java.util.ArrayList;
import java.util.List;

import cn.lantu.assessment.Assessment;
import cn.lantu.assessment.AssessmentEngine;
import cn.lantu.assessment.IndicatorSpec;
import cn.lantu.assessment.Kind;
import cn.lantu.assessment.Observation;

/**
 * An indicator's path over the plan period for its chart: for each year the expected value (序时), the observed
 * value, the progress and the status as assessed in that year; plus the projection to the target year.
 * Level-like kinds are charted in their own unit; rates, totals and reductions as progress against schedule.
 */
public record IndicatorTimeline(boolean valueChart, String unit, Integer baseYear, Double baseValue,
                                Integer targetYear, Double targetValue, List<Point> points, Double projection,
                                Double projectionLow, Double projectionHigh) {

    /**
     * One year of the chart. Values are in the indicator's unit; progress and elapsed are fractions. {@code observed}
     * is the year's own reading (for a rate, that year's rate); {@code achievedText} and {@code expectedText} are the
     * compared pair as assessed in that year ({@link cn.lantu.assessment.Comparison}), null for years not yet
     * observed.
     */
    public record Point(int year, Double expected, Double observed, boolean estimate, Double progress,
                        Double elapsed, String status, String achievedText, String expectedText,
                        String achievedTextEn, String expectedTextEn) {}

    /** The value the time schedule expects in year t, for level-like kinds (null where it is not defined). */
    static Double expectedLevel(IndicatorSpec spec, int t) {
        Double base = spec.baseValue();
        Double target = spec.targetFor(t);
        if (spec.kind() == Kind.FLOOR) {
            return target;
        }
        if (spec.kind() == Kind.STABLE) {
            return base;
        }
        if (base == null || target == null) {
            return null;
        }
        double tau = (t - (double) spec.baseYear()) / (spec.targetYear() - spec.baseYear());
        if (spec.path() == cn.lantu.assessment.Path.GEOMETRIC && base > 0 && target > 0) {
            return base * Math.pow(target / base, tau);
        }
        return base + tau * (target - base);
    }

    static IndicatorTimeline of(IndicatorSpec spec, List<Observation> observations, List<Observation> related,
                                int planStart, int planEnd, AssessmentEngine engine) {
        boolean valueChart = spec.kind() == Kind.LEVEL || spec.kind() == Kind.FLOOR || spec.kind() == Kind.STABLE;
        List<Point> points = new ArrayList<>();
        Assessment last = null;
        int latest = observations.stream().mapToInt(Observation::year).max().orElse(planStart - 1);
        for (int t = planStart; t <= planEnd; t++) {
            final int year = t;
            Observation o = observations.stream().filter(x -> x.year() == year).findFirst().orElse(null);
            Double expected = valueChart ? expectedLevel(spec, t) : null;
            if (t <= latest) {
                Assessment a = engine.assess(spec, observations, related, t);
                points.add(new Point(t, valueChart ? expected : a.expected(), o == null ? null : o.value(),
                        o != null && o.estimate(), a.progress(), a.elapsed(), a.status().label(),
                        a.comparison() == null ? null : a.comparison().achievedText(),
                        a.comparison() == null ? null : a.comparison().expectedText(),
                        a.comparison() == null ? null : a.comparison().achievedTextEn(),
                        a.comparison() == null ? null : a.comparison().expectedTextEn()));
                last = a;
            } else {
                double elapsed = (t - (double) spec.baseYear()) / (spec.targetYear() - spec.baseYear());
                points.add(new Point(t, expected, null, false, null, elapsed, "—", null, null, null, null));
            }
        }
        return new IndicatorTimeline(valueChart, spec.unit(), spec.baseYear(), spec.baseValue(), spec.targetYear(),
                spec.targetInForce(), points, last == null ? null : last.projection(),
                last == null ? null : last.projectionLow(), last == null ? null : last.projectionHigh());
    }
}
