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

    /**
     * A measure of a portfolio (e.g. 项目数 个 139) and its stated total, with its name and unit for English text
     * (the unit "个" of a count is no unit in English).
     */
    public record Measure(String name, String unit, double total, String nameEn, String unitEn) {

        public Measure(String name, String unit, double total) {
            this(name, unit, total, name, unit);
        }
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
        String[] zhEn = new String[2];
        FindingPhrasebook[] books = {ChineseFindingPhrases.INSTANCE, EnglishFindingPhrases.INSTANCE};
        for (int i = 0; i < 2; i++) {
            FindingPhrasebook b = books[i];
            String baseText = b.amount(Fmt.trim(baseLevel, 2), unit), goalText = b.amount(Fmt.trim(goal, 2), unit);
            StringBuilder sb = new StringBuilder(b.compoundBase(baseYear, subject, baseText));
            if (baseIsLowerBound) {
                sb.append(b.compoundLowerBound(baseText));
            }
            sb.append(b.compoundNeed(goalYear, goalText, Fmt.fixed(needed, 2), Fmt.trim(plannedRatePct, 2),
                    b.amount(Fmt.fixed(reached, 0), unit)));
            if (reaches) {
                sb.append(b.compoundReaches(goalText));
            } else {
                sb.append(b.compoundShort(goalText, b.amount(Fmt.fixed(levelGap, 0), unit), Fmt.fixed(rateGap, 2),
                        Fmt.fixed(priceRise, 2)));
            }
            zhEn[i] = sb.toString();
        }
        return new Finding(code, FindingKind.COMPOUND_GOAL, ChineseFindingPhrases.INSTANCE.compoundGoalTitle(subject),
                zhEn[0], nums, reaches ? FindingSeverity.OK : FindingSeverity.GAP,
                EnglishFindingPhrases.INSTANCE.compoundGoalTitle(subject), zhEn[1]);
    }

    /**
     * Component targets against their total. SAME scope: a difference is a real gap (GAP; OK when they agree).
     * DIFFERENT scope: the difference is reported as a difference of scope (SCOPE_DIFFERENCE), not an inconsistency.
     * Numbers: one entry per component, "sum", "total", "difference" (total − sum).
     */
    public static Finding componentSum(String code, String title, Map<String, Double> components, String totalName,
                                       double total, Scope scope, String scopeNote, String unit) {
        double sum = 0;
        Map<String, Double> nums = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : components.entrySet()) {
            sum += e.getValue();
            nums.put(e.getKey(), e.getValue());
        }
        double diff = total - sum;
        nums.put("sum", sum);
        nums.put("total", total);
        nums.put("difference", diff);
        boolean agree = Math.abs(diff) <= EPS * Math.max(1, Math.abs(total));
        FindingSeverity sev = scope == Scope.DIFFERENT ? FindingSeverity.SCOPE_DIFFERENCE
                : agree ? FindingSeverity.OK : FindingSeverity.GAP;
        String[] zhEn = new String[2];
        FindingPhrasebook[] books = {ChineseFindingPhrases.INSTANCE, EnglishFindingPhrases.INSTANCE};
        for (int i = 0; i < 2; i++) {
            FindingPhrasebook b = books[i];
            List<String> parts = new ArrayList<>();
            components.forEach((name, v) -> parts.add(b.part(name, b.amount(Fmt.trim(v, 2), unit))));
            StringBuilder sb = new StringBuilder(b.list(parts));
            if (parts.size() > 1) {
                sb.append(b.partsTotal(b.amount(Fmt.trim(sum, 2), unit)));
            }
            sb.append(b.totalTarget(totalName, b.amount(Fmt.trim(total, 2), unit)));
            String gap = b.amount(Fmt.trim(Math.abs(diff), 2), unit);
            if (scope == Scope.DIFFERENT) {
                sb.append(b.differentScope(scopeNote != null && !scopeNote.isBlank() ? scopeNote : null,
                        agree ? null : gap));
            } else if (agree) {
                sb.append(b.agree());
            } else {
                sb.append(b.componentGap(diff > 0, gap));
            }
            zhEn[i] = sb.toString();
        }
        return new Finding(code, FindingKind.COMPONENT_SUM, title, zhEn[0], nums, sev, title, zhEn[1]);
    }

    /**
     * A portfolio's rows summed per measure against the stated totals (e.g. 专栏8's ten domains against 139 projects
     * / 3006亿元 / 1670亿元). OK when every measure agrees, else GAP naming the ones that differ. Numbers: for each
     * measure "sum:NAME", "total:NAME", "difference:NAME".
     */
    public static Finding portfolioSum(String code, String title, List<Row> rows, List<Measure> measures) {
        Map<String, Double> nums = new LinkedHashMap<>();
        double[] sums = new double[measures.size()];
        boolean[] differs = new boolean[measures.size()];
        boolean anyGap = false;
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
            sums[j] = sum;
            differs[j] = Math.abs(diff) > 1e-6 * Math.max(1, Math.abs(m.total()));
            anyGap |= differs[j];
        }
        String[] zhEn = new String[2];
        FindingPhrasebook[] books = {ChineseFindingPhrases.INSTANCE, EnglishFindingPhrases.INSTANCE};
        for (int i = 0; i < 2; i++) {
            FindingPhrasebook b = books[i];
            List<String> sumTexts = new ArrayList<>(), totals = new ArrayList<>(), gaps = new ArrayList<>();
            for (int j = 0; j < measures.size(); j++) {
                Measure m = measures.get(j);
                String name = i == 0 ? m.name() : m.nameEn(), unit = i == 0 ? m.unit() : m.unitEn();
                double diff = m.total() - sums[j];
                sumTexts.add(b.measureSum(name, b.amount(Fmt.trim(sums[j], 2), unit)));
                totals.add(b.amount(Fmt.trim(m.total(), 2), unit));
                if (differs[j]) {
                    gaps.add(b.measureGap(name, diff > 0, b.amount(Fmt.trim(Math.abs(diff), 2), unit)));
                }
            }
            zhEn[i] = b.portfolio(rows.size(), b.list(sumTexts), b.list(totals))
                    + (gaps.isEmpty() ? b.agree() : b.gaps(gaps));
        }
        return new Finding(code, FindingKind.PORTFOLIO_SUM, title, zhEn[0], nums,
                anyGap ? FindingSeverity.GAP : FindingSeverity.OK, title, zhEn[1]);
    }

    /**
     * Whether an indicator's target is already met at its base (compared at the precision the target is stated in).
     * INFO when met, OK otherwise. Numbers: baseValue, target.
     */
    public static Finding targetMetAtBase(IndicatorSpec spec) {
        Double base = spec.baseValue(), target = spec.targetInForce();
        if (base == null || target == null) {
            return new Finding(spec.code() + "-met-at-base", FindingKind.TARGET_MET_AT_BASE,
                    ChineseFindingPhrases.INSTANCE.metAtBaseTitle(spec.name()),
                    ChineseFindingPhrases.INSTANCE.metAtBasePending(spec.name()), Map.of(), FindingSeverity.INFO,
                    EnglishFindingPhrases.INSTANCE.metAtBaseTitle(spec.name()),
                    EnglishFindingPhrases.INSTANCE.metAtBasePending(spec.name()));
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
        Integer statedPrecision = precision != null && direction.sign() * (base - target) < 0 ? precision : null;
        String[] zhEn = new String[2];
        FindingPhrasebook[] books = {ChineseFindingPhrases.INSTANCE, EnglishFindingPhrases.INSTANCE};
        for (int i = 0; i < 2; i++) {
            FindingPhrasebook b = books[i];
            zhEn[i] = b.metAtBase(name, baseYear, b.amount(Fmt.value(base, null), unit), direction == Direction.UP,
                    b.amount(Fmt.value(target, precision), unit), met, statedPrecision);
        }
        return new Finding(code, FindingKind.TARGET_MET_AT_BASE, ChineseFindingPhrases.INSTANCE.metAtBaseTitle(name),
                zhEn[0], nums, met ? FindingSeverity.INFO : FindingSeverity.OK,
                EnglishFindingPhrases.INSTANCE.metAtBaseTitle(name), zhEn[1]);
    }
}
