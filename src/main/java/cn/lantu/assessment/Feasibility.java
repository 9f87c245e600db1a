package cn.lantu.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generic builders of plan feasibility and consistency findings. The application feeds them with plan data; each
 * finding states what was compared and the numbers, without judging policy.
 */
public final class Feasibility {

    private static final double EPS = 1e-9;

    private Feasibility() {
    }

    /** Whether two compared figures are on the same scope (口径). */
    public enum Scope {
        SAME, DIFFERENT
    }

    /** A measure of a portfolio (e.g. 项目数 个 139) and its stated total. */
    public record Measure(String name, String unit, double total) {
    }

    /** One row of a portfolio (e.g. one 专栏 domain) with one value per measure, in measure order. */
    public record Row(String name, List<Double> values) {
        public Row {
            values = List.copyOf(values);
        }

        public static Row of(String name, double... values) {
            List<Double> v = new ArrayList<>();
            for (double x : values) {
                v.add(x);
            }
            return new Row(name, v);
        }
    }

    /**
     * Compound goal: the annual rate a goal needs from the base level, against the planned rate.
     * needed = (goal/base)^(1/n) − 1; reached = base·(1 + planned)^n; n = goalYear − baseYear. When
     * {@code baseIsLowerBound} the base is only a bound ("突破2000亿元"), so the needed rate is an upper bound and the
     * text says so. Numbers: baseLevel, goal, years, neededRatePct, plannedRatePct, rateGapPts, reachedAtPlannedRate,
     * levelGap, impliedPriceRisePct (the yearly price rise at which the planned real rate gives the needed nominal
     * rate: (1 + needed)/(1 + planned) − 1).
     */
    public static Finding compoundGoal(String code, String subject, String unit, int baseYear, double baseLevel,
                                       boolean baseIsLowerBound, int goalYear, double goal, double plannedRatePct) {
        if (baseLevel <= 0 || goal <= 0 || goalYear <= baseYear) {
            throw new IllegalArgumentException("need positive levels and goalYear > baseYear");
        }
        int n = goalYear - baseYear;
        double needed = (Math.pow(goal / baseLevel, 1.0 / n) - 1) * 100;
        double reached = baseLevel * Math.pow(1 + plannedRatePct / 100, n);
        double rateGap = needed - plannedRatePct;
        double levelGap = goal - reached;
        double priceRise = ((1 + needed / 100) / (1 + plannedRatePct / 100) - 1) * 100;
        Map<String, Double> nums = new LinkedHashMap<>();
        nums.put("baseLevel", baseLevel);
        nums.put("goal", goal);
        nums.put("years", (double) n);
        nums.put("neededRatePct", needed);
        nums.put("plannedRatePct", plannedRatePct);
        nums.put("rateGapPts", rateGap);
        nums.put("reachedAtPlannedRate", reached);
        nums.put("levelGap", levelGap);
        nums.put("impliedPriceRisePct", priceRise);
        boolean reaches = rateGap <= 0.005;
        StringBuilder sb = new StringBuilder();
        sb.append("以").append(baseYear).append("年").append(subject).append(Fmt.trim(baseLevel, 2)).append(unit)
                .append("为基数");
        if (baseIsLowerBound) {
            sb.append("（规划仅表述为“突破").append(Fmt.trim(baseLevel, 2)).append(unit)
                    .append("”，此处按下限测算；实际基数越高，所需增速越低）");
        }
        sb.append("，").append(goalYear).append("年达到").append(Fmt.trim(goal, 2)).append(unit)
                .append("需年均增长").append(Fmt.fixed(needed, 2)).append("%；按规划年均增长")
                .append(Fmt.trim(plannedRatePct, 2)).append("%测算，").append(goalYear).append("年约为")
                .append(Fmt.fixed(reached, 0)).append(unit);
        if (reaches) {
            sb.append("，可达到").append(Fmt.trim(goal, 2)).append(unit);
        } else {
            sb.append("，比").append(Fmt.trim(goal, 2)).append(unit).append("少").append(Fmt.fixed(levelGap, 0))
                    .append(unit).append("；所需增速比规划增速高").append(Fmt.fixed(rateGap, 2))
                    .append("个百分点；若规划增速按不变价计算，年均价格涨幅约").append(Fmt.fixed(priceRise, 2))
                    .append("%时按现价计算的增速可达到所需增速");
        }
        return new Finding(code, FindingKind.COMPOUND_GOAL, subject + "目标与增速目标的衔接", sb.toString(), nums,
                reaches ? FindingSeverity.OK : FindingSeverity.GAP);
    }

    /**
     * Component targets against their total. SAME scope: a difference is a real gap (GAP; OK when they agree).
     * DIFFERENT scope: the difference is reported as a difference of scope (SCOPE_DIFFERENCE), not an inconsistency.
     * Numbers: one entry per component, "sum", "total", "difference" (total − sum).
     */
    public static Finding componentSum(String code, String title, Map<String, Double> components, String totalName,
                                       double total, Scope scope, String scopeNote, String unit) {
        double sum = 0;
        List<String> parts = new ArrayList<>();
        Map<String, Double> nums = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : components.entrySet()) {
            sum += e.getValue();
            parts.add(e.getKey() + Fmt.trim(e.getValue(), 2) + unit);
            nums.put(e.getKey(), e.getValue());
        }
        double diff = total - sum;
        nums.put("sum", sum);
        nums.put("total", total);
        nums.put("difference", diff);
        StringBuilder sb = new StringBuilder();
        sb.append(String.join("、", parts));
        if (parts.size() > 1) {
            sb.append("合计").append(Fmt.trim(sum, 2)).append(unit);
        }
        sb.append("，")
                .append(totalName).append("目标").append(Fmt.trim(total, 2)).append(unit);
        FindingSeverity sev;
        boolean agree = Math.abs(diff) <= EPS * Math.max(1, Math.abs(total));
        if (scope == Scope.DIFFERENT) {
            sev = FindingSeverity.SCOPE_DIFFERENCE;
            sb.append("；二者口径不同");
            if (scopeNote != null && !scopeNote.isBlank()) {
                sb.append("（").append(scopeNote).append("）");
            }
            if (!agree) {
                sb.append("，相差").append(Fmt.trim(Math.abs(diff), 2)).append(unit).append("属口径差异，不属于目标间不一致");
            }
        } else if (agree) {
            sev = FindingSeverity.OK;
            sb.append("，二者一致");
        } else {
            sev = FindingSeverity.GAP;
            sb.append("；分项合计比总量目标").append(diff > 0 ? "少" : "多").append(Fmt.trim(Math.abs(diff), 2))
                    .append(unit);
        }
        return new Finding(code, FindingKind.COMPONENT_SUM, title, sb.toString(), nums, sev);
    }

    /**
     * A portfolio's rows summed per measure against the stated totals (e.g. 专栏8's ten domains against 139 projects
     * / 3006亿元 / 1670亿元). OK when every measure agrees, else GAP naming the ones that differ. Numbers: for each
     * measure "sum:NAME", "total:NAME", "difference:NAME".
     */
    public static Finding portfolioSum(String code, String title, List<Row> rows, List<Measure> measures) {
        Map<String, Double> nums = new LinkedHashMap<>();
        List<String> sums = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (int j = 0; j < measures.size(); j++) {
            Measure m = measures.get(j);
            double sum = 0;
            for (Row r : rows) {
                if (j < r.values().size() && r.values().get(j) != null) {
                    sum += r.values().get(j);
                }
            }
            double diff = m.total() - sum;
            nums.put("sum:" + m.name(), sum);
            nums.put("total:" + m.name(), m.total());
            nums.put("difference:" + m.name(), diff);
            sums.add(m.name() + "合计" + Fmt.trim(sum, 2) + m.unit());
            totals.add(Fmt.trim(m.total(), 2) + m.unit());
            if (Math.abs(diff) > 1e-6 * Math.max(1, Math.abs(m.total()))) {
                gaps.add(m.name() + "分项合计比所列合计" + (diff > 0 ? "少" : "多") + Fmt.trim(Math.abs(diff), 2) + m.unit());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(rows.size()).append("个分项").append(String.join("、", sums)).append("，所列合计为")
                .append(String.join("、", totals));
        if (gaps.isEmpty()) {
            sb.append("，二者一致");
        } else {
            sb.append("；").append(String.join("，", gaps));
        }
        return new Finding(code, FindingKind.PORTFOLIO_SUM, title, sb.toString(), nums,
                gaps.isEmpty() ? FindingSeverity.OK : FindingSeverity.GAP);
    }

    /**
     * Whether an indicator's target is already met at its base (compared at the precision the target is stated in).
     * INFO when met, OK otherwise. Numbers: baseValue, target.
     */
    public static Finding targetMetAtBase(IndicatorSpec spec) {
        Double base = spec.baseValue(), target = spec.targetInForce();
        if (base == null || target == null) {
            return new Finding(spec.code() + "-met-at-base", FindingKind.TARGET_MET_AT_BASE,
                    spec.name() + "基期值与目标", spec.name() + "基期值或目标值待录入，暂不比较", Map.of(),
                    FindingSeverity.INFO);
        }
        return targetMetAtBase(spec.code() + "-met-at-base", spec.name(), spec.unit(), spec.baseYear(), base,
                target, spec.effectiveDirection(), spec.precision());
    }

    /** Raw-number form of {@link #targetMetAtBase(IndicatorSpec)}. */
    public static Finding targetMetAtBase(String code, String name, String unit, int baseYear, double base,
                                          double target, Direction direction, Integer precision) {
        double tol = precision == null ? 0 : 0.5 * Math.pow(10, -precision);
        boolean met = direction.sign() * (base - target) >= -tol - EPS;
        Map<String, Double> nums = new LinkedHashMap<>();
        nums.put("baseValue", base);
        nums.put("target", target);
        String b = Fmt.value(base, null) + unit;
        String t = Fmt.value(target, precision) + unit;
        String text = name + baseYear + "年基期值" + b + "，目标" + (direction == Direction.UP ? "不低于" : "不高于") + t
                + (met ? "，基期已达到目标" + (precision != null && direction.sign() * (base - target) < 0
                ? "（按目标表述精度" + precision + "位小数比较）" : "") : "，基期尚未达到目标");
        return new Finding(code, FindingKind.TARGET_MET_AT_BASE, name + "基期值与目标", text, nums,
                met ? FindingSeverity.INFO : FindingSeverity.OK);
    }
}
