package cn.lantu.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.lantu.assessment.Kind;
import cn.lantu.assessment.Path;
import cn.lantu.indicator.Indicator;

/**
 * Deterministic synthetic yearly figures (演示数据) for one indicator, in the meaning one observation has for its
 * kind: a level, a growth rate, a yearly addition, a yearly reduction, or a verdict. Each indicator gets a
 * "performance" factor from its code, so that the demo plan shows every status from 提前实现 to 严重滞后.
 */
public final class DemoFigures {

    /** One synthetic figure. {@code verdict} is set for ASSIGNED indicators only. */
    public record Figure(int year, Double value, String verdict, boolean estimate) {}

    static final double[] PERFORMANCE = {1.35, 1.12, 1.0, 0.97, 0.85, 0.7, 0.45, 1.05};

    private DemoFigures() {}

    static double performance(String code) {
        return PERFORMANCE[Math.floorMod(code.hashCode(), PERFORMANCE.length)];
    }

    /**
     * Figures for the years {@code from..to}; the last year is an estimate (预计), as at a mid-term evaluation.
     * {@code related} holds already generated figures of other indicators (for RELATIONAL kinds).
     */
    public static List<Figure> of(Indicator i, int planStart, int from, int to, Map<String, List<Figure>> related) {
        double f = performance(i.code());
        SplittableRandom random = new SplittableRandom(i.code().hashCode());
        int years = i.targetYear() - planStart + 1;
        List<Figure> out = new ArrayList<>();
        for (int t = from; t <= to; t++) {
            boolean estimate = t == to;
            double noise = 1 + (random.nextDouble() - 0.5) * 0.02;
            Double v = switch (i.kind()) {
                case LEVEL -> level(i, t, f * noise, years) == null ? null : round(level(i, t, f * noise, years), 2);
                case GROWTH -> i.targetValue() == null ? null : round(i.targetValue() * f * noise, 2);
                case CUMULATIVE -> i.targetValue() == null ? null : round(i.targetValue() / years * f * noise, 3);
                case DECLINE -> i.targetValue() == null ? null
                        : round((1 - Math.pow(1 - i.targetValue() / 100, 1.0 / years)) * 100 * f * noise, 2);
                case FLOOR -> i.targetValue() == null ? null : floor(i, f, t - from);
                case STABLE -> round((i.baseValue() == null ? 1.0 : i.baseValue()) * (f < 0.6 ? 0.9 : 1.0) * noise, 3);
                case RELATIONAL -> relational(i, t, f, related);
                case ASSIGNED, QUALITATIVE -> null;
            };
            v = v == null ? null : round(v, decimals(i));
            String verdict = i.kind() == Kind.ASSIGNED ? (f < 0.6 ? "NOT_ACHIEVED" : "ACHIEVED") : null;
            if (v != null || verdict != null) {
                out.add(new Figure(t, v, verdict, estimate));
            }
        }
        return out;
    }

    private static Double level(Indicator i, int t, double f, int years) {
        Double target = i.targetValue();
        Double base = i.baseValue();
        if (target == null) {
            return null;
        }
        if (i.targetIsIncrement()) {
            double b = base == null ? 50 : base;
            return b + target * f * (t - i.baseYear()) / (double) (i.targetYear() - i.baseYear());
        }
        if (base == null) {
            base = target * 0.85;
        }
        double tau = (t - i.baseYear()) / (double) (i.targetYear() - i.baseYear());
        if (i.path() == Path.GEOMETRIC && base > 0 && target > 0) {
            return base * Math.pow(target / base, f * tau);
        }
        return base + f * tau * (target - base);
    }

    /** A floor held (a little above it, never above 100 for a share) or, for a weak performer, breached. */
    private static Double floor(Indicator i, double f, int k) {
        double v = i.targetValue() * (f < 0.6 ? 0.995 : 1.0 + 0.002 * k);
        if ("%".equals(i.unit()) && v > 100) {
            v = 100;
        }
        return round(v, 2);
    }

    private static Double relational(Indicator i, int t, double f, Map<String, List<Figure>> related) {
        List<Figure> other = related.get(i.relatedCode());
        if (other == null) {
            return null;
        }
        return other.stream().filter(o -> o.year() == t && o.value() != null).findFirst()
                .map(o -> round(o.value() + (f - 1) * 2, 2)).orElse(null);
    }

    /**
     * Decimals a reported figure of the indicator would have: none for counts (whole companies, whole ranks),
     * otherwise those the outline states its base or target in, at least one and at most two.
     */
    static int decimals(Indicator i) {
        if (i.wholeNumber()) {
            return 0;
        }
        Integer stated = i.statedDecimals();
        return stated == null ? 2 : Math.max(1, Math.min(2, stated));
    }

    private static double round(double v, int digits) {
        double s = Math.pow(10, digits);
        return Math.round(v * s) / s;
    }
}
