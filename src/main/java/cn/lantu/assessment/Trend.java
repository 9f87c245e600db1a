package cn.lantu.assessment;

import java.util.List;

/**
 * Weighted least-squares straight line y = a + b·x where the i-th point (in time order, from 1) has weight i, so the
 * latest years weigh most. The standard error of the fitted value at x0 is
 * s·sqrt(1/Σw + (x0 − x̄)²/Σw(x − x̄)²) with s² = Σw·r²/(n − 2)·(n/Σw), available when n ≥ 3.
 */
public record Trend(double intercept, double slope, int n, double sigma, double sumW, double meanX, double sxx) {

    /** Fits the points (xs[i], ys[i]) given in time order; at least 2 points with distinct x. */
    public static Trend fit(List<double[]> points) {
        int n = points.size();
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 points");
        }
        double sw = 0, swx = 0, swy = 0;
        for (int i = 0; i < n; i++) {
            double w = i + 1;
            sw += w;
            swx += w * points.get(i)[0];
            swy += w * points.get(i)[1];
        }
        double mx = swx / sw, my = swy / sw;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double w = i + 1;
            double dx = points.get(i)[0] - mx;
            sxx += w * dx * dx;
            sxy += w * dx * (points.get(i)[1] - my);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("points need distinct years");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double sigma = Double.NaN;
        if (n >= 3) {
            double ssr = 0;
            for (int i = 0; i < n; i++) {
                double w = i + 1;
                double r = points.get(i)[1] - (intercept + slope * points.get(i)[0]);
                ssr += w * r * r;
            }
            // weights rescaled to average 1 so that s is in the unit of y
            sigma = Math.sqrt(ssr / (n - 2) * (n / sw));
        }
        return new Trend(intercept, slope, n, sigma, sw, mx, sxx);
    }

    public double predict(double x) {
        return intercept + slope * x;
    }

    /** Standard error of the fitted value at x (NaN with fewer than 3 points). */
    public double standardError(double x) {
        if (Double.isNaN(sigma)) {
            return Double.NaN;
        }
        // variance of the fitted mean with weights rescaled to average 1
        double scale = n / sumW;
        double dx = x - meanX;
        return sigma * Math.sqrt((1.0 / sumW + dx * dx / sxx) / scale);
    }
}
