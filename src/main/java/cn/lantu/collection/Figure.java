package cn.lantu.collection;

import java.time.Instant;

/** A reported figure of one indicator for one org unit (the city or a town), year and period. */
public record Figure(long id, long indicatorId, String indicatorCode, long orgUnitId, String orgUnitCode, int year,
                     String period, Double value, String verdict, boolean estimate, FigureState state, boolean demo,
                     String note, String source, String explanation, String returnComment, int version,
                     String updatedBy, Instant updatedAt) {

    /** The value as a person reads it: the number without trailing zeros, or 完成 / 未完成. */
    public String valueText() {
        return valueText(value, verdict);
    }

    static String valueText(Double value, String verdict) {
        if (value != null) {
            return new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        if (verdict == null) {
            return "";
        }
        for (cn.lantu.assessment.Verdict v : cn.lantu.assessment.Verdict.values()) {
            if (v.name().equals(verdict)) {
                return v.label();
            }
        }
        return verdict;
    }

    /** One stored revision: every change writes one, with the state after the change. */
    public record Revision(long id, long figureId, int version, Double value, String verdict, boolean estimate,
                           FigureState state, String reason, String note, String source, String explanation,
                           String changedBy, Instant changedAt) {
        public String valueText() {
            return Figure.valueText(value, verdict);
        }
    }
}
