package cn.lantu.assessment;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Where the recent trend leads by the target year (methodology §7): a {@link Trend} through the kind's points in its
 * natural space (level, log level, log index, running total), evaluated at the target year and mapped back to the
 * terms the target is stated in.
 *
 * @param value               the projected value, comparable with the target
 * @param low                 lower end of the ±1 standard-error band; null with fewer than 3 points
 * @param high                upper end of the band; null with fewer than 3 points
 * @param anticipatedProgress the projection expressed as progress P; null for kinds without P
 */
record Projection(double value, Double low, Double high, Double anticipatedProgress) {

    /**
     * The projection of {@code points} ({year, y} in time order, base point included) to {@code targetYear}, or null
     * with fewer than 2 points. {@code toValue} maps y to the reported value, {@code toProgress} (nullable) to P.
     */
    static Projection toTargetYear(List<double[]> points, int targetYear, DoubleUnaryOperator toValue,
                                   DoubleUnaryOperator toProgress) {
        if (points.size() < 2) {
            return null;
        }
        Trend trend = Trend.fit(points);
        double y = trend.predict(targetYear);
        double value = toValue.applyAsDouble(y);
        Double anticipated = null;
        if (toProgress != null) {
            anticipated = toProgress.applyAsDouble(y);
        }
        Double low = null, high = null;
        double se = trend.standardError(targetYear);
        if (!Double.isNaN(se)) {
            // the mapping may reverse order (a decline's log falls as the reduction grows), so sort the two ends
            double a = toValue.applyAsDouble(y - se), c = toValue.applyAsDouble(y + se);
            low = Math.min(a, c);
            high = Math.max(a, c);
        }
        return new Projection(value, low, high, anticipated);
    }
}
