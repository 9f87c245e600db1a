package cn.lantu.collection;

import java.time.Instant;

/**
 * A check of reported figures set by the plan office: a range, the largest change against the previous year that
 * passes without an explanation, or a comparison with another indicator of the same unit, year and period. A check
 * with a unit applies to that unit's figures only and refines (replaces) the indicator-wide check of its type.
 */
public record FigureCheck(long id, long planId, long indicatorId, String indicatorCode, String indicatorName,
                          Long orgUnitId, String orgUnitCode, String orgUnitName, Type type, Double min, Double max, Double maxChange,
                          Comparator comparator, Long otherIndicatorId, String otherIndicatorCode,
                          String otherIndicatorName, Severity severity,
                          String message, int version, String updatedBy, Instant updatedAt) {

    public enum Type {
        RANGE("取值范围"), CHANGE("与上年相比的变化"), COMPARE("指标间关系");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Severity {
        HARD("错误（拒绝保存）"), SOFT("提示（须填写说明）");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How this indicator's value must stand to the other indicator's. */
    public enum Comparator {
        LE("≤"), LT("<"), GE("≥"), GT(">"), EQ("=");

        private final String label;

        Comparator(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** {@code left} op {@code right}; equality within a rounding tolerance of stored decimals. */
        boolean holds(double left, double right) {
            double eps = 1e-9 * Math.max(1, Math.max(Math.abs(left), Math.abs(right)));
            return switch (this) {
                case LE -> left <= right + eps;
                case LT -> left < right - eps;
                case GE -> left >= right - eps;
                case GT -> left > right + eps;
                case EQ -> Math.abs(left - right) <= eps;
            };
        }
    }

    /** The check as a person reads it: 规上工业增加值 ≤ 规上工业总产值, 城镇化率 0–100. */
    public String rule() {
        return switch (type) {
            case RANGE -> indicatorName + " " + (min == null ? "" : "≥ " + FigureValidator.fmt(min))
                    + (min != null && max != null ? "，" : "") + (max == null ? "" : "≤ " + FigureValidator.fmt(max));
            case CHANGE -> indicatorName + " 与上年相比变化不超过 " + FigureValidator.fmt(maxChange)
                    + "（%；比率、比重类为百分点）";
            case COMPARE -> indicatorName + " " + comparator.label() + " " + otherIndicatorName;
        };
    }
}
