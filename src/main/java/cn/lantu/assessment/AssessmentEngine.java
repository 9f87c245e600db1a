package cn.lantu.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Assesses one indicator against its schedule: status, warning, progress, projection, catch-up rate and a one-sentence
 * Chinese explanation. Stateless and thread-safe. Formulas and thresholds: {@code docs/methodology.md}.
 */
public final class AssessmentEngine {

    private static final double EPS = 1e-9;

    private final Thresholds th;

    public AssessmentEngine() {
        this(Thresholds.defaults());
    }

    public AssessmentEngine(Thresholds thresholds) {
        this.th = Objects.requireNonNull(thresholds, "thresholds");
    }

    public Thresholds thresholds() {
        return th;
    }

    /** Assesses {@code spec} as of {@code asOfYear}; observations after that year are ignored. */
    public Assessment assess(IndicatorSpec spec, List<Observation> observations, int asOfYear) {
        return assess(spec, observations, List.of(), asOfYear);
    }

    /**
     * As {@link #assess(IndicatorSpec, List, int)}, with the related series of a RELATIONAL indicator (e.g. GDP growth
     * rates for income growth). Other kinds ignore {@code relatedSeries}.
     */
    public Assessment assess(IndicatorSpec spec, List<Observation> observations, List<Observation> relatedSeries,
                             int asOfYear) {
        Objects.requireNonNull(spec, "spec");
        Draft d = new Draft(spec, asOfYear);
        List<Observation> series = clean(observations, asOfYear);
        switch (spec.kind()) {
            case LEVEL -> level(d, series);
            case GROWTH -> growth(d, series);
            case CUMULATIVE -> cumulative(d, series);
            case DECLINE -> decline(d, series);
            case FLOOR -> floor(d, series);
            case STABLE -> stable(d, series);
            case RELATIONAL -> relational(d, series, clean(relatedSeries, asOfYear));
            case ASSIGNED -> verdictKind(d, series, true);
            case QUALITATIVE -> verdictKind(d, series, false);
            default -> throw new IllegalStateException("unknown kind " + spec.kind());
        }
        return d.build();
    }

    // ---------------------------------------------------------------- kinds

    /** LEVEL: P = (X_t − X_b)/(X_T − X_b) (linear) or ln(X_t/X_b)/ln(X_T/X_b) (geometric). */
    private void level(Draft d, List<Observation> series) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear();
        Double xbBox = s.baseValue();
        if (xbBox == null) {
            xbBox = valueAt(series, b);
        }
        if (xbBox == null) {
            d.noData("基期值待录入");
            return;
        }
        Double xTBox = s.targetInForce();
        if (xTBox == null) {
            d.noData("目标值待录入");
            return;
        }
        List<Observation> pts = numeric(series, b + 1, T);
        if (pts.isEmpty()) {
            d.noData("暂无" + (b + 1) + "年以来数据");
            return;
        }
        double xb = xbBox, xT = xTBox;
        Observation last = pts.get(pts.size() - 1);
        int t = last.year();
        double xt = last.value();
        double tau = (t - b) / (double) (T - b);
        d.latest(last, tau, pts);
        Direction dir = s.effectiveDirection();
        int sgn = dir.sign();

        if (sgn * (xT - xb) <= EPS) {
            // target already met at the base (or target = base): assess as a bound to hold
            holdBound(d, pts, xb, xT, sgn, true);
            return;
        }
        boolean geo = s.path() == Path.GEOMETRIC;
        if (geo && (xb <= 0 || xT <= 0 || xt <= 0)) {
            geo = false;
            d.notes.add("含非正值，按线性路径计算");
        }
        double expected = geo ? xb * Math.pow(xT / xb, tau) : xb + tau * (xT - xb);
        double p = geo ? Math.log(xt / xb) / Math.log(xT / xb) : (xt - xb) / (xT - xb);
        double r = p / tau;
        Status status = classify(p, r, s.attribute());
        if (s.comparator() == Comparator.ABOUT && s.band() != null
                && Math.abs(xt - expected) <= s.band() + EPS) {
            status = Status.better(status, Status.ON_TRACK);
            d.notes.add("与序时目标值" + Fmt.value(expected, s.precision()) + "之差在±"
                    + Fmt.trim(s.band(), 4) + s.unit() + "范围内");
        }
        d.status = status;
        d.expected = expected;
        d.progress = p;
        d.ratio = r;

        // catch-up
        String need = null;
        if (t < T && status != Status.ACHIEVED_EARLY) {
            int m = T - t;
            if (geo) {
                double rate = (Math.pow(xT / xt, 1.0 / m) - 1) * 100;
                d.catchUp(rate, "%");
                need = "需今后年均" + (rate >= 0 ? "增长" : "下降") + Fmt.rate(Math.abs(rate)) + "%";
            } else {
                double inc = (xT - xt) / m;
                boolean pctUnit = "%".equals(s.unit());
                d.catchUp(inc, pctUnit ? "个百分点" : s.unit());
                String verb = inc >= 0 ? (pctUnit ? "提高" : "新增") : (pctUnit ? "降低" : "减少");
                need = "需年均" + verb + Fmt.qty(Math.abs(inc)) + (pctUnit ? "个百分点" : s.unit());
            }
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
        annual(d, t, xt, sgn);
        d.text = schedule(d, tau, p, status, t, null) + (need != null ? "；" + need + "方可实现目标" : "");
    }

    /** GROWTH: I_t = Π(1 + g_i), P = ln I_t / ((T − b)·ln(1 + g*)). */
    private void growth(Draft d, List<Observation> series) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear(), span = T - b;
        Double gStar = s.targetInForce();
        if (gStar == null) {
            d.noData("目标值待录入");
            return;
        }
        List<Observation> pts = numeric(series, b + 1, T);
        if (pts.isEmpty()) {
            d.noData("暂无" + (b + 1) + "年以来数据");
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
        String period = range(pts) + "年均增长" + Fmt.rate(avg) + "%，目标" + Fmt.rate(gStar) + "%" + s.comparator().label();
        if (Math.abs(lnStar) < EPS) {
            boolean met = sgn * avg >= -EPS;
            d.hold(met);
            d.expected = 0.0;
            d.text = period + "，" + (met ? "符合要求" : "未达到要求");
            annual(d, t, last.value(), sgn);
            return;
        }
        double p = lnI / (span * lnStar);
        double r = p / tau;
        Status status = classify(p, r, s.attribute());
        if (s.comparator() == Comparator.ABOUT && s.band() != null && Math.abs(avg - gStar) <= s.band() + EPS) {
            status = Status.better(status, Status.ON_TRACK);
            period = range(pts) + "年均增长" + Fmt.rate(avg) + "%，在目标" + Fmt.rate(gStar) + "%左右±"
                    + Fmt.trim(s.band(), 2) + "个百分点范围内，视为基本符合预期";
        }
        d.status = status;
        d.expected = Math.expm1(n * lnStar) * 100;
        d.progress = p;
        d.ratio = r;
        String need = null;
        if (t < T && status != Status.ACHIEVED_EARLY) {
            double rate = Math.expm1((span * lnStar - lnI) / (T - t)) * 100;
            d.catchUp(rate, "%");
            need = "需今后年均增长" + Fmt.rate(rate) + "%方可实现目标";
        }
        d.project(fitPts, T, y -> Math.expm1(y / span) * 100, y -> y / (span * lnStar));
        annual(d, t, last.value(), sgn);
        d.text = schedule(d, tau, p, status, t, period) + (need != null ? "；" + need : "");
    }

    /** CUMULATIVE: S_t = Σ additions, P = S_t / C, expected C·τ. */
    private void cumulative(Draft d, List<Observation> series) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear(), span = T - b;
        Double cBox = s.targetInForce();
        if (cBox == null) {
            d.noData("目标值待录入");
            return;
        }
        double c = cBox;
        if (Math.abs(c) < EPS) {
            d.noData("目标值为零，无法计算完成进度");
            return;
        }
        List<Observation> pts = numeric(series, b + 1, T);
        if (pts.isEmpty()) {
            d.noData("暂无" + (b + 1) + "年以来数据");
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
        String period = range(pts) + "累计" + Fmt.value(sum, s.precision()) + s.unit() + "，目标"
                + Fmt.value(c, s.precision()) + s.unit();
        String need = null;
        if (t < T && status != Status.ACHIEVED_EARLY) {
            double add = (c - sum) / (T - t);
            d.catchUp(add, s.unit());
            need = "需今后年均新增" + Fmt.qty(add) + s.unit() + "方可实现目标";
        }
        d.project(fitPts, T, y -> y, y -> y / c);
        annual(d, t, last.value(), c >= 0 ? 1 : -1);
        d.text = schedule(d, tau, p, status, t, period) + (need != null ? "；" + need : "");
    }

    /** DECLINE: D_t = 1 − Π(1 − d_i), P = ln(1 − D_t)/ln(1 − D*), expected 1 − (1 − D*)^τ. */
    private void decline(Draft d, List<Observation> series) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear(), span = T - b;
        Double dStarBox = s.targetInForce();
        if (dStarBox == null) {
            d.noData("目标值待录入");
            return;
        }
        double dStar = dStarBox;
        if (dStar >= 100) {
            throw new IllegalArgumentException("decline target must be below 100%: " + s.code());
        }
        List<Observation> pts = numeric(series, b + 1, T);
        if (pts.isEmpty()) {
            d.noData("暂无" + (b + 1) + "年以来数据");
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
        String period = range(pts) + "累计下降" + Fmt.trim(cumPct, 1) + "%，目标下降" + Fmt.rate(dStar) + "%";
        if (Math.abs(lnStar) < EPS) {
            boolean met = cumPct >= -EPS;
            d.hold(met);
            d.expected = 0.0;
            d.text = period + "，" + (met ? "符合要求" : "未达到要求");
            return;
        }
        double p = lnR / lnStar;
        double r = p / tau;
        Status status = classify(p, r, s.attribute());
        double avg = -Math.expm1(lnR / n) * 100;
        double avgStar = -Math.expm1(lnStar / span) * 100;
        if (s.comparator() == Comparator.ABOUT && s.band() != null && Math.abs(avg - avgStar) <= s.band() + EPS) {
            status = Status.better(status, Status.ON_TRACK);
        }
        d.status = status;
        d.expected = -Math.expm1(n * lnStar / span) * 100;
        d.progress = p;
        d.ratio = r;
        String need = null;
        if (t < T && status != Status.ACHIEVED_EARLY) {
            double rate = -Math.expm1((lnStar - lnR) / (T - t)) * 100;
            d.catchUp(rate, "%");
            need = "需今后年均下降" + Fmt.rate(rate) + "%方可实现目标";
        }
        d.project(fitPts, T, y -> -Math.expm1(y) * 100, y -> y / lnStar);
        annual(d, t, last.value(), 1);
        d.text = schedule(d, tau, p, status, t, period) + (need != null ? "；" + need : "");
    }

    /** FLOOR: the year's level against the floor (or ceiling), at the precision the target is stated in. */
    private void floor(Draft d, List<Observation> series) {
        IndicatorSpec s = d.spec;
        Double target = s.targetInForce();
        if (target == null) {
            d.noData("目标值待录入");
            return;
        }
        int b = s.baseYear(), T = s.targetYear();
        List<Observation> pts = numeric(series, b + 1, T);
        if (pts.isEmpty()) {
            d.noData("暂无" + (b + 1) + "年以来数据");
            return;
        }
        Observation last = pts.get(pts.size() - 1);
        d.latest(last, (last.year() - b) / (double) (T - b), pts);
        holdBound(d, pts, s.baseValue(), target, s.effectiveDirection().sign(), false);
    }

    /**
     * A bound to hold each year (FLOOR, or a LEVEL whose target was already met at the base). Held → ON_TRACK for a
     * floor, ACHIEVED_EARLY for an already-met level target; broken → SEVERELY_LAGGING when binding, else LAGGING.
     */
    private void holdBound(Draft d, List<Observation> pts, Double base, double target, int sgn, boolean metAtBase) {
        IndicatorSpec s = d.spec;
        double tol = s.tolerance();
        Observation last = pts.get(pts.size() - 1);
        double xt = last.value();
        boolean met = sgn * (xt - target) >= -tol - EPS;
        d.hold(met);
        if (met && metAtBase) {
            d.status = Status.ACHIEVED_EARLY;
        }
        d.expected = target;
        List<Integer> breaches = new ArrayList<>();
        for (Observation o : pts) {
            if (sgn * (o.value() - target) < -tol - EPS && o != last) {
                breaches.add(o.year());
            }
        }
        String bound = (sgn > 0 ? "不低于" : "不高于") + Fmt.value(target, s.precision()) + s.unit();
        StringBuilder sb = new StringBuilder();
        sb.append(last.year()).append("年为").append(Fmt.value(xt, null)).append(s.unit());
        if (met) {
            sb.append("，达到").append(bound).append("的要求");
            if (metAtBase && base != null) {
                sb.append("（基期值").append(Fmt.value(base, s.precision())).append(s.unit()).append("已达到目标）");
            }
        } else {
            sb.append("，未达到").append(bound).append("的要求，相差")
                    .append(Fmt.qty(Math.abs(target - xt))).append(s.unit());
            d.catchUp(target, s.unit());
            sb.append("；需恢复至").append(bound);
        }
        if (!breaches.isEmpty()) {
            sb.append("（").append(joinYears(breaches)).append("年曾未达到）");
        }
        d.text = sb.toString();
        List<double[]> fitPts = new ArrayList<>();
        if (base != null && s.baseYear() < pts.get(0).year()) {
            fitPts.add(new double[]{s.baseYear(), base});
        }
        for (Observation o : pts) {
            fitPts.add(new double[]{o.year(), o.value()});
        }
        d.project(fitPts, s.targetYear(), y -> y, null);
        annual(d, last.year(), xt, sgn);
    }

    /** STABLE: |X_t − X_b| ≤ band·|X_b| (band relative, default ±3%). */
    private void stable(Draft d, List<Observation> series) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear();
        Double xb = s.baseValue() != null ? s.baseValue() : valueAt(series, b);
        if (xb == null) {
            d.noData("基期值待录入");
            return;
        }
        List<Observation> pts = numeric(series, b + 1, T);
        if (pts.isEmpty()) {
            d.noData("暂无" + (b + 1) + "年以来数据");
            return;
        }
        Observation last = pts.get(pts.size() - 1);
        d.latest(last, (last.year() - b) / (double) (T - b), pts);
        double band = s.band() != null ? s.band() : th.stableBand();
        double xt = last.value();
        double change = xb == 0 ? (xt == 0 ? 0 : Double.POSITIVE_INFINITY) : (xt - xb) / Math.abs(xb);
        boolean met = Math.abs(change) <= band + EPS;
        d.hold(met);
        d.expected = xb;
        String changeText = Double.isInfinite(change) ? "变动" : "变动" + Fmt.trim(change * 100, 1) + "%";
        d.text = last.year() + "年为" + Fmt.value(xt, null) + s.unit() + "，较基期"
                + Fmt.value(xb, s.precision()) + s.unit() + changeText + "，" + (met ? "在" : "超出")
                + "±" + Fmt.trim(band * 100, 2) + "%的稳定区间" + (met ? "内" : "");
        List<double[]> fitPts = new ArrayList<>();
        fitPts.add(new double[]{b, xb});
        for (Observation o : pts) {
            fitPts.add(new double[]{o.year(), o.value()});
        }
        d.project(fitPts, T, y -> y, null);
        annual(d, last.year(), xt, s.effectiveDirection().sign());
    }

    /** RELATIONAL: gap between the indicator's and the related series' average growth over their common years. */
    private void relational(Draft d, List<Observation> series, List<Observation> related) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear();
        List<Observation> own = numeric(series, b + 1, T);
        if (own.isEmpty()) {
            d.noData("暂无" + (b + 1) + "年以来数据");
            return;
        }
        Map<Integer, Double> rel = new TreeMap<>();
        for (Observation o : numeric(related, b + 1, T)) {
            rel.put(o.year(), o.value());
        }
        List<Observation> common = new ArrayList<>();
        for (Observation o : own) {
            if (rel.containsKey(o.year())) {
                common.add(o);
            }
        }
        if (common.isEmpty()) {
            d.noData("关联指标" + (s.related() == null ? "" : s.related()) + "暂无同期数据");
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
        String relName = s.related() == null ? "关联指标" : s.related();
        String bandText = switch (s.comparator()) {
            case AT_LEAST -> (met ? "不低于" : "低于") + relName + "增速" + Fmt.trim(band, 2) + "个百分点的要求"
                    + (met ? "得到满足" : "");
            case AT_MOST -> (met ? "不高于" : "高于") + relName + "增速" + Fmt.trim(band, 2) + "个百分点的要求"
                    + (met ? "得到满足" : "");
            default -> (met ? "在" : "超出") + "±" + Fmt.trim(band, 2) + "个百分点范围" + (met ? "内" : "");
        };
        d.text = range(common) + "年均增长" + Fmt.rate(avgA) + "%，同期" + relName + "年均增长" + Fmt.rate(avgB)
                + "%，相差" + Fmt.trim(gap, 2) + "个百分点，" + bandText;
        annual(d, last.year(), last.value(), s.effectiveDirection().sign());
    }

    /** ASSIGNED / QUALITATIVE: the latest verdict; ASSIGNED also judges an issued number against its yearly target. */
    private void verdictKind(Draft d, List<Observation> series, boolean assigned) {
        IndicatorSpec s = d.spec;
        int b = s.baseYear(), T = s.targetYear();
        Observation last = null;
        for (Observation o : series) {
            if (o.year() > b && o.year() <= T && (o.verdict() != null || (assigned && o.value() != null))) {
                last = o;
            }
        }
        if (last == null) {
            d.noData(assigned ? "待录入上级下达指标完成情况" : "定性指标，暂无评价结论");
            return;
        }
        int t = last.year();
        d.latest(last, (t - b) / (double) (T - b), List.of(last));
        if (last.verdict() != null) {
            boolean met = last.verdict() == Verdict.ACHIEVED;
            d.hold(met);
            d.annualMet = assigned ? met : null;
            d.text = t + "年" + (assigned ? "上级下达指标" : "评价结论：") + last.verdict().label()
                    + (last.value() != null ? "（" + Fmt.value(last.value(), s.precision()) + s.unit() + "）" : "");
            return;
        }
        Double target = s.annualTargets().getOrDefault(t, s.targetInForce());
        if (target == null) {
            d.noData("待录入上级下达的目标值");
            return;
        }
        int sgn = s.effectiveDirection().sign();
        boolean met = sgn * (last.value() - target) >= -s.tolerance() - EPS;
        d.hold(met);
        d.annualMet = met;
        d.expected = target;
        d.text = t + "年为" + Fmt.value(last.value(), null) + s.unit() + "，上级下达目标"
                + (sgn > 0 ? "不低于" : "不高于") + Fmt.value(target, s.precision()) + s.unit() + "，"
                + (met ? "完成" : "未完成");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Status from progress P and schedule ratio R = P/τ with the thresholds for the attribute: P ≥ 1 achieved,
     * P < 0 (moving the wrong way) severely lagging, otherwise by R.
     */
    public Status classify(double p, double r, Attribute a) {
        if (p >= 1 - EPS) {
            return Status.ACHIEVED_EARLY;
        }
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

    /** "序时进度60%，完成进度54.8%，滞后5.2个百分点" (plus the period detail in brackets when given). */
    private static String schedule(Draft d, double tau, double p, Status status, int t, String detail) {
        StringBuilder sb = new StringBuilder();
        sb.append("序时进度").append(Fmt.pct(tau)).append("%，完成进度").append(Fmt.pct(p)).append("%");
        if (detail != null) {
            sb.append("（").append(detail).append("）");
        }
        if (status == Status.ACHIEVED_EARLY) {
            sb.append(t >= d.spec.targetYear() ? "，已实现目标" : "，已提前实现目标");
        } else if (p < -EPS) {
            sb.append("，逆向变化");
        } else {
            double diff = tau - p;
            String pts = Fmt.pts(diff);
            if ("0".equals(pts)) {
                sb.append("，与序时进度持平");
            } else if (diff > 0) {
                sb.append("，滞后").append(pts).append("个百分点");
            } else {
                sb.append("，超前").append(pts).append("个百分点");
            }
        }
        return sb.toString();
    }

    /** Judges the latest year's observation against that year's annual-plan target (年度计划), if any. */
    private static void annual(Draft d, int year, double value, int sgn) {
        Double target = d.spec.annualTargets().get(year);
        if (target == null) {
            return;
        }
        boolean met = sgn * (value - target) >= -d.spec.tolerance() - EPS;
        d.annualMet = met;
        d.notes.add(year + "年年度计划目标" + Fmt.value(target, d.spec.precision()) + "，" + (met ? "完成" : "未完成"));
    }

    /** Observations up to asOfYear, one per year (a final figure wins over an estimate), in year order. */
    private static List<Observation> clean(List<Observation> observations, int asOfYear) {
        Map<Integer, Observation> byYear = new TreeMap<>();
        if (observations != null) {
            for (Observation o : observations) {
                if (o == null || o.year() > asOfYear) {
                    continue;
                }
                Observation prev = byYear.get(o.year());
                if (prev == null || (prev.estimate() && !o.estimate()) || prev.estimate() == o.estimate()) {
                    byYear.put(o.year(), o);
                }
            }
        }
        return new ArrayList<>(byYear.values());
    }

    private static List<Observation> numeric(List<Observation> series, int fromYear, int toYear) {
        List<Observation> out = new ArrayList<>();
        for (Observation o : series) {
            if (o.year() >= fromYear && o.year() <= toYear && o.value() != null && Double.isFinite(o.value())) {
                out.add(o);
            }
        }
        return out;
    }

    private static Double valueAt(List<Observation> series, int year) {
        for (Observation o : series) {
            if (o.year() == year && o.value() != null) {
                return o.value();
            }
        }
        return null;
    }

    /** "2026—2028年" or "2026年". */
    private static String range(List<Observation> pts) {
        int first = pts.get(0).year(), last = pts.get(pts.size() - 1).year();
        return first == last ? first + "年" : first + "—" + last + "年";
    }

    private static String joinYears(List<Integer> years) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < years.size(); i++) {
            if (i > 0) {
                sb.append("、");
            }
            sb.append(years.get(i));
        }
        return sb.toString();
    }

    /** Mutable result under construction. */
    private final class Draft {
        final IndicatorSpec spec;
        final int asOf;
        Status status = Status.NO_DATA;
        boolean provisional;
        Double elapsed, expected, progress, ratio;
        Integer latestYear;
        Double latestValue;
        boolean latestEstimate;
        boolean anyEstimate;
        Double projection, low, high, ap, catchUp;
        String catchUpUnit;
        String text = "";
        Boolean annualMet;
        final List<String> notes = new ArrayList<>();
        final List<Integer> missing = new ArrayList<>();

        Draft(IndicatorSpec spec, int asOf) {
            this.spec = spec;
            this.asOf = asOf;
        }

        void noData(String why) {
            status = Status.NO_DATA;
            text = why;
        }

        void latest(Observation last, double tau, List<Observation> used) {
            latestYear = last.year();
            latestValue = last.value();
            latestEstimate = last.estimate();
            elapsed = tau;
            for (Observation o : used) {
                anyEstimate |= o.estimate();
            }
            provisional = tau <= th.provisionalElapsed() + EPS || last.year() <= spec.periodStart();
            // flow kinds count observed years only: say which years inside the period are missing
            if (spec.kind() == Kind.GROWTH || spec.kind() == Kind.CUMULATIVE || spec.kind() == Kind.DECLINE) {
                java.util.Set<Integer> have = new java.util.HashSet<>();
                for (Observation o : used) {
                    have.add(o.year());
                }
                for (int y = spec.baseYear() + 1; y < last.year(); y++) {
                    if (!have.contains(y)) {
                        missing.add(y);
                    }
                }
            }
        }

        /** Band/bound kinds: held → ON_TRACK; broken → SEVERELY_LAGGING when binding, else LAGGING. */
        void hold(boolean met) {
            status = met ? Status.ON_TRACK : spec.binding() ? Status.SEVERELY_LAGGING : Status.LAGGING;
        }

        void catchUp(double value, String unit) {
            catchUp = value;
            catchUpUnit = unit;
        }

        /**
         * Weighted linear trend through the points (natural space of the kind), evaluated at the target year;
         * ±1 standard error when there are at least 3 points.
         */
        void project(List<double[]> pts, int targetYear, java.util.function.DoubleUnaryOperator toValue,
                     java.util.function.DoubleUnaryOperator toProgress) {
            if (pts.size() < 2) {
                return;
            }
            Trend trend = Trend.fit(pts);
            double y = trend.predict(targetYear);
            projection = toValue.applyAsDouble(y);
            if (toProgress != null) {
                ap = toProgress.applyAsDouble(y);
            }
            double se = trend.standardError(targetYear);
            if (!Double.isNaN(se)) {
                double a = toValue.applyAsDouble(y - se), c = toValue.applyAsDouble(y + se);
                low = Math.min(a, c);
                high = Math.max(a, c);
            }
        }

        Assessment build() {
            StringBuilder sb = new StringBuilder(text);
            List<String> extra = new ArrayList<>(notes);
            if (status != Status.NO_DATA) {
                if (!missing.isEmpty()) {
                    extra.add("缺" + joinYears(missing) + "年数据，按已有年份计算");
                }
                if (latestEstimate) {
                    extra.add(latestYear + "年为预计数");
                } else if (anyEstimate) {
                    extra.add("含预计数");
                }
                if (provisional) {
                    extra.add("规划期首年，结论为初步判断");
                }
            }
            if (spec.revised()) {
                extra.add("按调整后目标" + Fmt.value(spec.revisedTargetValue(), spec.precision())
                        + (spec.targetValue() != null ? "评估，原目标" + Fmt.value(spec.targetValue(), spec.precision()) : "评估")
                        + (spec.revisionReason() != null && !spec.revisionReason().isBlank() ? "，调整理由：" + spec.revisionReason() : ""));
            }
            if (!extra.isEmpty()) {
                sb.append("（").append(String.join("；", extra)).append("）");
            }
            return new Assessment(spec.code(), asOf, status, Warning.of(status, spec.attribute()), provisional,
                    elapsed, expected, progress, ratio, latestYear, latestValue, latestEstimate,
                    projection, low, high, ap, catchUp, catchUpUnit, sb.toString(), annualMet,
                    spec.revised() ? Assessment.REVISED : Assessment.ORIGINAL);
        }
    }
}
