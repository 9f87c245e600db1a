package cn.lantu.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.lantu.assessment.Assessment;

/** How the report writes numbers and assessed values in its text and tables, the same in every section. */
final class ReportFormat {

    private ReportFormat() {
    }

    /** The latest value with its year ("预计" for an estimate), or just the year when it has no number. */
    static String latest(Assessment a) {
        if (a.latestValue() == null) {
            return a.latestYear() == null ? "—" : a.latestYear() + "年" + (a.latestEstimate() ? "（预计）" : "");
        }
        return num(a.latestValue()) + "（" + a.latestYear() + (a.latestEstimate() ? "预计" : "") + "）";
    }

    static String expected(Assessment a) {
        return a.expected() == null ? "—" : num(a.expected());
    }

    /** The plan's own wording when it has one (e.g. "≥95"), else the number. */
    static String or(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    static String pct(double part, double whole) {
        return whole <= 0 ? "—" : String.format("%.1f%%", part / whole * 100);
    }

    /** At most two decimals, no trailing zeros; "—" for none. */
    static String num(Number n) {
        if (n == null) {
            return "—";
        }
        BigDecimal d = new BigDecimal(n.toString());
        if (d.scale() > 2) {
            d = d.setScale(2, RoundingMode.HALF_UP);
        }
        return d.stripTrailingZeros().toPlainString();
    }
}
