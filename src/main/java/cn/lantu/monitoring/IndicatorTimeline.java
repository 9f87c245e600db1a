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

    /** One year of the chart. Values are in the indicator's unit; progress and elapsed are fractions. */
    public record Point(int year, Double expected, Double observed, boolean estimate, Double progress,
                        Double elapsed, String status) {}

    static IndicatorTimeline of(IndicatorSpec spec, List<Observation> observations, List<Observation> related,
                                int planStart, int planEnd, AssessmentEngine engine) {
        boolean valueChart = spec.kind() == Kind.LEVEL || spec.kind() == Kind.FLOOR || spec.kind() == Kind.STABLE;
        List<Point> points = new ArrayList<>();
        Assessment last = null;
        for (int t = planStart; t <= planEnd; t++) {
            final int year = t;
            Assessment a = engine.assess(spec, observations, related, t);
            Observation o = observations.stream().filter(x -> x.year() == year).findFirst().orElse(null);
            points.add(new Point(t, a.expected(), o == null ? null : o.value(), o != null && o.estimate(),
                    a.progress(), a.elapsed(), a.status().label()));
            if (o != null) {
                last = a;
            }
        }
        return new IndicatorTimeline(valueChart, spec.unit(), spec.baseYear(), spec.baseValue(), spec.targetYear(),
                spec.targetInForce(), points, last == null ? null : last.projection(),
                last == null ? null : last.projectionLow(), last == null ? null : last.projectionHigh());
    }
}
