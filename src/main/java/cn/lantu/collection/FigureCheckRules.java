package cn.lantu.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import cn.lantu.indicator.Indicator;

/**
 * The plan office's stored checks as they apply to one figure (its indicator, unit, year and period), and their
 * evaluation. {@link FigureValidator} runs them after its fixed checks: a HARD check refuses the value like a fixed
 * hard error, a SOFT check is a warning that needs an explanation. A CHANGE check replaces the fixed sharp-change
 * threshold ({@link FigureValidator#SHARP_RELATIVE}, {@link FigureValidator#SHARP_POINTS}) for the figure.
 *
 * @param checks   the checks of the figure's indicator (either side of a comparison), indicator-wide or of its unit,
 *                 a unit's RANGE and CHANGE checks already replacing the indicator-wide ones
 * @param previous the unit's previous-year value of the same period, or null
 * @param other    the value of another indicator for the same unit, year and period, or null
 */
record FigureCheckRules(long indicatorId, List<FigureCheck> checks, Double previous, LongFunction<Double> other) {

    static final FigureCheckRules NONE = new FigureCheckRules(0, List.of(), null, id -> null);

    /** The checks that apply to a unit's figure: a unit's own RANGE/CHANGE check replaces the indicator-wide one. */
    static List<FigureCheck> applying(List<FigureCheck> ofIndicator, long indicatorId, long unitId) {
        List<FigureCheck> out = new ArrayList<>();
        for (FigureCheck c : ofIndicator) {
            boolean mine = c.indicatorId() == indicatorId
                    || (c.type() == FigureCheck.Type.COMPARE && c.otherIndicatorId() == indicatorId);
            if (!mine || (c.orgUnitId() != null && c.orgUnitId() != unitId)) {
                continue;
            }
            boolean refined = c.orgUnitId() == null && c.type() != FigureCheck.Type.COMPARE
                    && ofIndicator.stream().anyMatch(u -> u.type() == c.type() && u.indicatorId() == indicatorId
                    && u.orgUnitId() != null && u.orgUnitId() == unitId);
            if (!refined) {
                out.add(c);
            }
        }
        return out;
    }

    /** True when a stored CHANGE check replaces the fixed sharp-change threshold. */
    boolean replacesSharpChange() {
        return checks.stream().anyMatch(c -> c.type() == FigureCheck.Type.CHANGE && c.indicatorId() == indicatorId);
    }

    /** The messages of the checks of this severity that value {@code v} breaks. */
    List<String> broken(Indicator i, double v, FigureCheck.Severity severity) {
        List<String> out = new ArrayList<>();
        for (FigureCheck c : checks) {
            if (c.severity() != severity) {
                continue;
            }
            String detail = detail(c, i, v);
            if (detail != null) {
                out.add(c.message() + "（" + detail + "）");
            }
        }
        return out;
    }

    /** Why the value breaks the check, or null when it holds (or cannot be judged: no previous or other value). */
    private String detail(FigureCheck c, Indicator i, double v) {
        return switch (c.type()) {
            case RANGE -> (c.min() != null && v < c.min()) || (c.max() != null && v > c.max())
                    ? "填入 " + FigureValidator.fmt(v) + "，应在 " + (c.min() == null ? "" : FigureValidator.fmt(c.min()))
                    + "–" + (c.max() == null ? "" : FigureValidator.fmt(c.max())) + " 之间" : null;
            case CHANGE -> change(c, i, v);
            case COMPARE -> compare(c, v);
        };
    }

    private String change(FigureCheck c, Indicator i, double v) {
        if (previous == null || c.maxChange() == null) {
            return null;
        }
        if (inPoints(i)) {
            double d = v - previous;
            return Math.abs(d) > c.maxChange() + 1e-9 ? String.format("与上年（%s）相比变化%.2f个百分点，超过%s个百分点",
                    FigureValidator.fmt(previous), d, FigureValidator.fmt(c.maxChange())) : null;
        }
        if (previous == 0) {
            return null;
        }
        double pct = (v - previous) / Math.abs(previous) * 100;
        return Math.abs(pct) > c.maxChange() + 1e-9 ? String.format("与上年（%s）相比变化%.1f%%，超过%s%%",
                FigureValidator.fmt(previous), pct, FigureValidator.fmt(c.maxChange())) : null;
    }

    /** Rates and shares change in percentage points, levels and amounts in per cent of the previous value. */
    static boolean inPoints(Indicator i) {
        return FigureValidator.isRate(i) || "%".equals(i.unit()) || "‰".equals(i.unit());
    }

    private String compare(FigureCheck c, double v) {
        boolean left = c.indicatorId() == indicatorId;
        Double o = other.apply(left ? c.otherIndicatorId() : c.indicatorId());
        if (o == null) {
            return null;
        }
        double l = left ? v : o;
        double r = left ? o : v;
        return c.comparator().holds(l, r) ? null : c.indicatorName() + " " + FigureValidator.fmt(l) + "，"
                + c.otherIndicatorName() + " " + FigureValidator.fmt(r);
    }
}
