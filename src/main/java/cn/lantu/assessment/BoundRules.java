package cn.lantu.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kinds judged held or broken rather than by progress: FLOOR (a bound each year), STABLE (a band around the base),
 * RELATIONAL (a band around another series' growth), ASSIGNED and QUALITATIVE (a verdict), and each year's
 * annual-plan target, which every kind checks. They set no progress P: held is ON_TRACK (see
 * {@link AssessmentDraft#hold}).
 */
final class BoundRules {

    private static final double EPS = AssessmentEngine.EPS;

    /** Supplies the default STABLE and RELATIONAL bands. */
    private final Thresholds th;

    BoundRules(Thresholds thresholds) {
        this.th = thresholds;
    }

    /** FLOOR: the year's level against the floor (or ceiling), at the precision the target is stated in. */
    void floor(AssessmentDraft d, List<Observation> series) {
        IndicatorSpec s = d.spec;
        Double target = s.targetInForce();
        if (target == null) {
            d.noData(VerdictExplanation.NO_TARGET);
            return;
        }
        int b = s.baseYear(), T = s.targetYear();
        List<Observation> pts = ObservedSeries.numeric(series, b + 1, T);
        if (pts.isEmpty()) {
            d.noData(VerdictExplanation.noDataSince(b));
            return;
        }
        Observation last = pts.get(pts.size() - 1);
        d.latest(last, (last.year() - b) / (double) (T - b), pts);
        holdBound(d, pts, s.baseValue(), target, s.effectiveDirection().sign(), false);
    }

    /**
     * A bound to hold each year (FLOOR, or a LEVEL whose target was already met at the base). Held → ON_TRACK for a
     * floor before the target year, ACHIEVED_EARLY in the target year (完成) and for an already-met level target;
     * broken → SEVERELY_LAGGING when binding, else LAGGING.
     */
    static void holdBound(AssessmentDraft d, List<Observation> pts, Double base, double target, int sgn,
                          boolean metAtBase) {
        IndicatorSpec s = d.spec;
        double tol = s.tolerance();
        Observation last = pts.get(pts.size() - 1);
        double xt = last.value();
        boolean met = sgn * (xt - target) >= -tol - EPS;
        d.hold(met);
        // a bound held in the target year is 完成 (methodology §4): nothing is left to hold
        boolean completed = met && last.year() >= s.targetYear();
        if (met && (metAtBase || completed)) {
            d.status = Status.ACHIEVED_EARLY;
        }
        d.expected = target;
        d.comparison = ComparisonText.bound(d, last, target, sgn);
        // earlier years that broke the bound are named even when the latest year holds it
        List<Integer> breaches = new ArrayList<>();
        for (Observation o : pts) {
            if (sgn * (o.value() - target) < -tol - EPS && o != last) {
                breaches.add(o.year());
            }
        }
        if (!met) {
            d.catchUp = CatchUp.restoreTo(target, s.unit());
        }
        d.text = VerdictExplanation.bound(s, last, target, sgn, met, metAtBase, base, breaches, completed);
        List<double[]> fitPts = new ArrayList<>();
        if (base != null && s.baseYear() < pts.get(0).year()) {
            fitPts.add(new double[]{s.baseYear(), base});
        }
        for (Observation o : pts) {
            fitPts.add(new double[]{o.year(), o.value()});
        }
        d.project(fitPts, s.targetYear(), y -> y, null);
        annualTarget(d, last.year(), xt, sgn);
    }

    /** STABLE: |X_t − X_b| ≤ band·|X_b| (band relative, default ±3%). */
    void stable(AssessmentDraft d, List<Observation> series) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear();
        Double xb = s.baseValue() != null ? s.baseValue() : ObservedSeries.valueAt(series, b);
        if (xb == null) {
            d.noData(VerdictExplanation.NO_BASE);
            return;
        }
        List<Observation> pts = ObservedSeries.numeric(series, b + 1, T);
        if (pts.isEmpty()) {
            d.noData(VerdictExplanation.noDataSince(b));
            return;
        }
        Observation last = pts.get(pts.size() - 1);
        d.latest(last, (last.year() - b) / (double) (T - b), pts);
        double band = s.band() != null ? s.band() : th.stableBand();
        double xt = last.value();
        // a zero base admits no relative change: any move away from zero breaks the band
        double change = xb == 0 ? (xt == 0 ? 0 : Double.POSITIVE_INFINITY) : (xt - xb) / Math.abs(xb);
        boolean met = Math.abs(change) <= band + EPS;
        d.hold(met);
        d.expected = xb;
        d.comparison = ComparisonText.stable(d, last, xb, band);
        d.text = VerdictExplanation.stable(s, last.year(), xt, xb, change, band, met);
        List<double[]> fitPts = new ArrayList<>();
        fitPts.add(new double[]{b, xb});
        for (Observation o : pts) {
            fitPts.add(new double[]{o.year(), o.value()});
        }
        d.project(fitPts, T, y -> y, null);
        annualTarget(d, last.year(), xt, s.effectiveDirection().sign());
    }

    /** RELATIONAL: gap between the indicator's and the related series' average growth over their common years. */
    void relational(AssessmentDraft d, List<Observation> series, List<Observation> related) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear();
        List<Observation> own = ObservedSeries.numeric(series, b + 1, T);
        if (own.isEmpty()) {
            d.noData(VerdictExplanation.noDataSince(b));
            return;
        }
        Map<Integer, Double> rel = new TreeMap<>();
        for (Observation o : ObservedSeries.numeric(related, b + 1, T)) {
            rel.put(o.year(), o.value());
        }
        // only years both series report compare like with like
        List<Observation> common = new ArrayList<>();
        for (Observation o : own) {
            if (rel.containsKey(o.year())) {
                common.add(o);
            }
        }
        if (common.isEmpty()) {
            d.noData(VerdictExplanation.noRelatedData(s.related()));
            return;
        }
        Observation last = common.get(common.size() - 1);
        d.latest(last, (last.year() - b) / (double) (T - b), common);
        double lnA = 0, lnB = 0;
        for (Observation o : common) {
            lnA += Math.log1p(o.value() / 100);
            lnB += Math.log1p(rel.get(o.year()) / 100);
        }
        int n = common.size();
        double avgA = Math.expm1(lnA / n) * 100, avgB = Math.expm1(lnB / n) * 100;
        double gap = avgA - avgB;
        double band = s.band() != null ? s.band() : th.relationalBand();
        boolean met = switch (s.comparator()) {
            case AT_LEAST -> gap >= -band - EPS;
            case AT_MOST -> gap <= band + EPS;
            default -> Math.abs(gap) <= band + EPS;
        };
        d.hold(met);
        d.expected = avgB;
        d.comparison = ComparisonText.relational(d, common, avgA, avgB);
        d.text = VerdictExplanation.relational(s, common, avgA, avgB, gap, band, met);
        annualTarget(d, last.year(), last.value(), s.effectiveDirection().sign());
    }

    /** ASSIGNED / QUALITATIVE: the latest verdict; ASSIGNED also judges an issued number against its yearly target. */
    void verdict(AssessmentDraft d, List<Observation> series, boolean assigned) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear();
        Observation last = null;
        for (Observation o : series) {
            if (o.year() > b && o.year() <= T && (o.verdict() != null || (assigned && o.value() != null))) {
                last = o;
            }
        }
        if (last == null) {
            d.noData(assigned ? VerdictExplanation.NO_ASSIGNED_RESULT : VerdictExplanation.NO_VERDICT);
            return;
        }
        int t = last.year();
        d.latest(last, (t - b) / (double) (T - b), List.of(last));
        if (last.verdict() != null) {
            // an entered verdict stands whatever number comes with it
            boolean met = last.verdict() == Verdict.ACHIEVED;
            d.hold(met);
            d.annualMet = assigned ? met : null;
            d.comparison = ComparisonText.verdict(d, last, assigned);
            d.text = VerdictExplanation.verdict(s, last, assigned);
            return;
        }
        Double target = s.annualTargets().getOrDefault(t, s.targetInForce());
        if (target == null) {
            d.noData(VerdictExplanation.NO_ISSUED_TARGET);
            return;
        }
        int sgn = s.effectiveDirection().sign();
        boolean met = sgn * (last.value() - target) >= -s.tolerance() - EPS;
        d.hold(met);
        d.annualMet = met;
        d.expected = target;
        d.comparison = ComparisonText.issued(d, last, target, sgn);
        d.text = VerdictExplanation.issuedNumber(s, last, target, sgn, met);
    }

    /** Judges the latest year's observation against that year's annual-plan target (年度计划), if any. */
    static void annualTarget(AssessmentDraft d, int year, double value, int sgn) {
        Double target = d.spec.annualTargets().get(year);
        if (target == null) {
            return;
        }
        boolean met = sgn * (value - target) >= -d.spec.tolerance() - EPS;
        d.annualMet = met;
        d.notes.add(VerdictExplanation.annualTarget(d.spec, year, target, met));
    }
}
