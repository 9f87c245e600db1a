package cn.lantu.monitoring;

import java.time.LocalDate;

/**
 * An approved target revision as readers see it beside the original (原目标 75 → 调整后 78). {@code appliesThisYear}
 * is false when the assessed year is before {@code fromYear}: that year is still judged against the original.
 */
public record TargetChange(Double original, double revised, Integer fromYear, String document, LocalDate documentDate,
                           String reason, boolean appliesThisYear) {

    static TargetChange of(Double original, TargetRepository.Revision r, int year) {
        return r == null ? null : new TargetChange(original, r.value(), r.effectiveYear(), r.approval(),
                r.documentDate(), r.reason(), r.appliesTo(year));
    }

    /** The pair in Chinese, for exports and reports: "原目标 75 → 调整后 78（自2028年起，依据…）". */
    public String text() {
        StringBuilder s = new StringBuilder("原目标 ").append(number(original)).append(" → 调整后 ").append(number(revised));
        s.append("（").append(fromYear == null ? "" : "自" + fromYear + "年起，").append("依据").append(document)
                .append(appliesThisYear ? "" : "；本年仍按原目标评估").append("）");
        return s.toString();
    }

    static String number(Double v) {
        return v == null ? "—" : new java.math.BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }
}
