package cn.lantu.assessment;

/**
 * What the five-year schedule asks of one year, in the terms an annual plan (年度计划) states its target in: the level
 * to be reached that year, the year's growth rate, the year's addition or the year's reduction. The plan office
 * sets the annual target beside this value (methodology §10).
 */
public final class YearSchedule {

    /** The year's schedule value and what it means ("LEVEL", "RATE", "ADDITION", "REDUCTION", "BOUND"). */
    public record Value(double value, String meaning) {

        /** The value to two decimals, as a page shows it. */
        public double rounded() {
            return Math.round(value * 100) / 100.0;
        }
    }

    private YearSchedule() {
    }

    /** The schedule value of {@code year}, or null when the kind has none or the spec lacks base or target. */
    public static Value of(IndicatorSpec s, int year) {
        Double target = s.targetFor(year);
        if (target == null || year <= s.baseYear()) {
            return null;
        }
        int span = s.targetYear() - s.baseYear();
        double tau = Math.min(1.0, (year - s.baseYear()) / (double) span);
        return switch (s.kind()) {
            case LEVEL -> {
                Double base = s.baseValue();
                if (base == null) {
                    yield null;
                }
                boolean geometric = s.path() == Path.GEOMETRIC && base > 0 && target > 0;
                yield new Value(geometric ? base * Math.pow(target / base, tau) : base + tau * (target - base), "LEVEL");
            }
            case GROWTH -> new Value(target, "RATE");
            case CUMULATIVE -> new Value(target / span, "ADDITION");
            case DECLINE -> new Value((1 - Math.pow(1 - target / 100, 1.0 / span)) * 100, "REDUCTION");
            case FLOOR -> new Value(target, "BOUND");
            default -> null;
        };
    }
}
