package cn.lantu.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * Kinds measured by progress P (0 at the base, 1 at the target) against the elapsed share τ: LEVEL, GROWTH, CUMULATIVE
 * and DECLINE (methodology §3). Each takes P in the space where its schedule is a straight line in time, so that
 * R = P/τ means the same for all four and one {@link #classify} serves them all.
 */
final class ProgressRules {

    private static final double EPS = AssessmentEngine.EPS;

    private final Thresholds th;

    ProgressRules(Thresholds thresholds) {
        this.th = thresholds;
    }

    /** See {@link AssessmentEngine#classify}. */
    Status classify(double p, double r, Attribute a) {
        return p >= 1 - EPS ? Status.ACHIEVED_EARLY : bySchedule(p, r, a);
    }

    /** The status by the schedule ratio alone, for a target that cannot be reached yet (an average before its end). */
    private Status bySchedule(double p, double r, Attribute a) {
        if (p < -EPS) {
            return Status.SEVERELY_LAGGING;
        }
        if (r >= th.ahead() - EPS) {
            return Status.AHEAD;
        }
        if (r >= th.onTrack(a) - EPS) {
            return Status.ON_TRACK;
        }
        if (r >= th.lagging(a) - EPS) {
            return Status.LAGGING;
        }
        return Status.SEVERELY_LAGGING;
    }

    /** LEVEL: P = (X_t − X_b)/(X_T − X_b) (linear) or ln(X_t/X_b)/ln(X_T/X_b) (geometric). */
    void level(AssessmentDraft d, List<Observation> series) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear();
        Double xbBox = s.baseValue();
        if (xbBox == null) {
            xbBox = ObservedSeries.valueAt(series, b);
        }
        if (xbBox == null) {
            d.noData(VerdictExplanation.NO_BASE);
            return;
        }
        Double xTBox = s.targetInForce();
        if (xTBox == null) {
            d.noData(VerdictExplanation.NO_TARGET);
            return;
        }
        List<Observation> pts = ObservedSeries.numeric(series, b + 1, T);
        if (pts.isEmpty()) {
            d.noData(VerdictExplanation.noDataSince(b));
            return;
        }
        double xb = xbBox, xT = xTBox;
        Observation last = pts.get(pts.size() - 1);
        int t = last.year();
        double xt = last.value();
        double tau = (t - b) / (double) (T - b);
        d.latest(last, tau, pts);
        int sgn = s.effectiveDirection().sign();

        if (sgn * (xT - xb) <= EPS) {
            // target already met at the base (or target = base): assess as a bound to hold
            BoundRules.holdBound(d, pts, xb, xT, sgn, true);
            return;
        }
        boolean geo = s.path() == Path.GEOMETRIC;
        if (geo && (xb <= 0 || xT <= 0 || xt <= 0)) {
            // logs need positive values
            geo = false;
            d.notes.add(VerdictExplanation.LINEAR_FALLBACK);
        }
        double expected = geo ? xb * Math.pow(xT / xb, tau) : xb + tau * (xT - xb);
        double p = geo ? Math.log(xt / xb) / Math.log(xT / xb) : (xt - xb) / (xT - xb);
        double r = p / tau;
        Status status = classify(p, r, s.attribute());
        if (s.comparator() == Comparator.ABOUT && s.band() != null
                && Math.abs(xt - expected) <= s.band() + EPS) {
            status = Status.better(status, Status.ON_TRACK);
            d.notes.add(VerdictExplanation.levelWithinBand(expected, s));
        }
        d.status = status;
        d.expected = expected;
        d.progress = p;
        d.ratio = r;
        d.comparison = ComparisonText.level(d, last, expected);

        Phrase need = null;
        if (t < T && status != Status.ACHIEVED_EARLY) {
            int m = T - t;
            d.catchUp = geo ? CatchUp.compoundRate(xT, xt, m) : CatchUp.step(xT, xt, m, CatchUp.stepUnit(s.unit()));
            need = VerdictExplanation.levelNeed(d.catchUp, geo, "%".equals(s.unit()));
        }
        // projection in the natural space: the level (log level for geometric)
        List<double[]> fitPts = new ArrayList<>();
        fitPts.add(new double[]{b, geo ? Math.log(xb) : xb});
        for (Observation o : pts) {
            fitPts.add(new double[]{o.year(), geo ? Math.log(o.value()) : o.value()});
        }
        final boolean g = geo;
        d.project(fitPts, T, y -> g ? Math.exp(y) : y,
                y -> g ? (y - Math.log(xb)) / Math.log(xT / xb) : (y - xb) / (xT - xb));
        BoundRules.annualTarget(d, t, xt, sgn);
        d.text = VerdictExplanation.withNeed(VerdictExplanation.schedule(tau, p, status, t, T, null), need);
    }

    /** GROWTH: I_t = Π(1 + g_i), P = ln I_t / ((T − b)·ln(1 + g*)). */
    void growth(AssessmentDraft d, List<Observation> series) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear(), span = T - b;
        Double gStar = s.targetInForce();
        if (gStar == null) {
            d.noData(VerdictExplanation.NO_TARGET);
            return;
        }
        List<Observation> pts = ObservedSeries.numeric(series, b + 1, T);
        if (pts.isEmpty()) {
            d.noData(VerdictExplanation.noDataSince(b));
            return;
        }
        Observation last = pts.get(pts.size() - 1);
        int t = last.year(), n = pts.size();
        double tau = n / (double) span;
        d.latest(last, tau, pts);
        double lnI = 0;
        List<double[]> fitPts = new ArrayList<>();
        fitPts.add(new double[]{b, 0});
        for (Observation o : pts) {
            lnI += Math.log1p(o.value() / 100);
            fitPts.add(new double[]{o.year(), lnI});
        }
        double avg = Math.expm1(lnI / n) * 100;
        double lnStar = Math.log1p(gStar / 100);
        int sgn = s.effectiveDirection().sign();
        Phrase period = VerdictExplanation.growthPeriod(pts, avg, gStar, s.comparator());
        if (Math.abs(lnStar) < EPS) {
            // a zero-growth target gives P no scale: only whether growth kept the right sign can be judged
            boolean met = sgn * avg >= -EPS;
            d.hold(met);
            d.expected = 0.0;
            d.comparison = ComparisonText.growth(d, pts, avg, gStar);
            d.text = VerdictExplanation.requirement(period, met);
            BoundRules.annualTarget(d, t, last.value(), sgn);
            return;
        }
        double p = lnI / (span * lnStar);
        double r = p / tau;
        // an average over the period is not reached before its last year: the later years still count
        Status status = t < T ? bySchedule(p, r, s.attribute()) : classify(p, r, s.attribute());
        if (s.comparator() == Comparator.ABOUT && s.band() != null && Math.abs(avg - gStar) <= s.band() + EPS) {
            status = Status.better(status, Status.ON_TRACK);
            period = VerdictExplanation.growthWithinBand(pts, avg, gStar, s.band());
        }
        d.status = status;
        d.expected = Math.expm1(n * lnStar) * 100;
        d.progress = p;
        d.ratio = r;
        d.comparison = ComparisonText.growth(d, pts, avg, gStar);
        Phrase need = null;
        if (t < T && p < 1 - EPS) {
            d.catchUp = CatchUp.growth(span * lnStar, lnI, T - t);
            need = VerdictExplanation.growthNeed(d.catchUp);
        }
        d.project(fitPts, T, y -> Math.expm1(y / span) * 100, y -> y / (span * lnStar));
        BoundRules.annualTarget(d, t, last.value(), sgn);
        d.text = VerdictExplanation.withNeed(VerdictExplanation.schedule(tau, p, status, t, T, period), need);
    }

    /** CUMULATIVE: S_t = Σ additions, P = S_t / C, expected C·τ. */
    void cumulative(AssessmentDraft d, List<Observation> series) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear(), span = T - b;
        Double cBox = s.targetInForce();
        if (cBox == null) {
            d.noData(VerdictExplanation.NO_TARGET);
            return;
        }
        double c = cBox;
        if (Math.abs(c) < EPS) {
            d.noData(VerdictExplanation.ZERO_TARGET);
            return;
        }
        List<Observation> pts = ObservedSeries.numeric(series, b + 1, T);
        if (pts.isEmpty()) {
            d.noData(VerdictExplanation.noDataSince(b));
            return;
        }
        Observation last = pts.get(pts.size() - 1);
        int t = last.year(), n = pts.size();
        double tau = n / (double) span;
        d.latest(last, tau, pts);
        double sum = 0;
        List<double[]> fitPts = new ArrayList<>();
        fitPts.add(new double[]{b, 0});
        for (Observation o : pts) {
            sum += o.value();
            fitPts.add(new double[]{o.year(), sum});
        }
        double p = sum / c;
        double r = p / tau;
        Status status = classify(p, r, s.attribute());
        d.status = status;
        d.expected = c * tau;
        d.progress = p;
        d.ratio = r;
        d.comparison = ComparisonText.total(d, pts, sum, c * tau);
        Phrase period = VerdictExplanation.cumulativePeriod(pts, sum, c, s);
        Phrase need = null;
        if (t < T && status != Status.ACHIEVED_EARLY) {
            d.catchUp = CatchUp.step(c, sum, T - t, s.unit());
            need = VerdictExplanation.cumulativeNeed(d.catchUp);
        }
        d.project(fitPts, T, y -> y, y -> y / c);
        // a negative total (a planned reduction) makes lower yearly figures the better ones
        BoundRules.annualTarget(d, t, last.value(), c >= 0 ? 1 : -1);
        d.text = VerdictExplanation.withNeed(VerdictExplanation.schedule(tau, p, status, t, T, period), need);
    }

    /**
     * DECLINE: D_t = 1 − Π(1 − d_i), P = D_t/D* (the plain share of the targeted reduction, as the NDRC's checks of
     * energy and emission targets ask 20%, 40%, 60%… of it by each year), expected D*·τ. The projection and the
     * catch-up rate stay in the log space ln(1 − D), where a constant yearly reduction is a straight line.
     */
    void decline(AssessmentDraft d, List<Observation> series) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear(), span = T - b;
        Double dStarBox = s.targetInForce();
        if (dStarBox == null) {
            d.noData(VerdictExplanation.NO_TARGET);
            return;
        }
        double dStar = dStarBox;
        if (dStar >= 100) {
            throw new IllegalArgumentException("decline target must be below 100%: " + s.code());
        }
        List<Observation> pts = ObservedSeries.numeric(series, b + 1, T);
        if (pts.isEmpty()) {
            d.noData(VerdictExplanation.noDataSince(b));
            return;
        }
        Observation last = pts.get(pts.size() - 1);
        int t = last.year(), n = pts.size();
        double tau = n / (double) span;
        d.latest(last, tau, pts);
        double lnR = 0;
        List<double[]> fitPts = new ArrayList<>();
        fitPts.add(new double[]{b, 0});
        for (Observation o : pts) {
            lnR += Math.log1p(-o.value() / 100);
            fitPts.add(new double[]{o.year(), lnR});
        }
        double cumPct = -Math.expm1(lnR) * 100;
        double lnStar = Math.log1p(-dStar / 100);
        Phrase period = VerdictExplanation.declinePeriod(pts, cumPct, dStar);
        if (Math.abs(lnStar) < EPS) {
            // a zero-reduction target gives P no scale: only whether it did not rise can be judged
            boolean met = cumPct >= -EPS;
            d.hold(met);
            d.expected = 0.0;
            d.comparison = ComparisonText.reduction(d, pts, cumPct, 0.0);
            d.text = VerdictExplanation.requirement(period, met);
            return;
        }
        double p = cumPct / dStar;
        double r = p / tau;
        Status status = classify(p, r, s.attribute());
        double avg = -Math.expm1(lnR / n) * 100;
        double avgStar = -Math.expm1(lnStar / span) * 100;
        if (s.comparator() == Comparator.ABOUT && s.band() != null && Math.abs(avg - avgStar) <= s.band() + EPS) {
            status = Status.better(status, Status.ON_TRACK);
        }
        d.status = status;
        d.expected = dStar * tau;
        d.progress = p;
        d.ratio = r;
        d.comparison = ComparisonText.reduction(d, pts, cumPct, d.expected);
        Phrase need = null;
        if (t < T && status != Status.ACHIEVED_EARLY) {
            d.catchUp = CatchUp.decline(lnStar, lnR, T - t);
            need = VerdictExplanation.declineNeed(d.catchUp);
        }
        d.project(fitPts, T, y -> -Math.expm1(y) * 100, y -> -Math.expm1(y) * 100 / dStar);
        // yearly reductions are better when larger
        BoundRules.annualTarget(d, t, last.value(), 1);
        d.text = VerdictExplanation.withNeed(VerdictExplanation.schedule(tau, p, status, t, T, period), need);
    }
}
