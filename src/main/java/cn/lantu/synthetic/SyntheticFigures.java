package cn.lantu.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The figure values of a synthetic plan, a pure function of the seed, the plan index and the template indicators:
 * kept apart from the database so that {@link SyntheticGenerator#expectedChecksums} can replay them.
 */
final class SyntheticFigures {

    private SyntheticFigures() {
    }

    /** One generated figure value. */
    record FigureValue(String indicator, int year, String period, Double value, String verdict) {
        String line() {
            return indicator + "|" + year + "|" + period + "|" + value + "|" + verdict;
        }
    }

    /** Per-plan shift of all values: 0.80 .. 1.20, from the seed and the plan index. */
    static double shift(long seed, int i) {
        return 0.8 + new SplittableRandom(seed * 1_000_003L + i).nextDouble() * 0.4;
    }

    static double round(double v, int digits) {
        double s = Math.pow(10, digits);
        return Math.round(v * s) / s;
    }

    /** The figures of plan {@code i}: headline (Table 1) indicators, in the meaning of each kind's observation. */
    static List<FigureValue> values(ArrayNode indicators, SyntheticGenerator.Options o, int i, double shift) {
        List<FigureValue> out = new ArrayList<>();
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
                out.add(new FigureValue(code, y, "Y", value, verdict));
                if (value != null && y > o.lastYear() - o.monthlyYears()) {
                    for (int m = 1; m <= 12; m++) {
                        double mv = round(value * (0.85 + 0.15 * m / 12.0), 3);
                        out.add(new FigureValue(code, y, String.format("M%02d", m), mv, null));
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
}
