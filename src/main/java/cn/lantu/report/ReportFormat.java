package cn.lantu.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.lantu.assessment.Assessment;
import cn.lantu.assessment.Kind;
import cn.lantu.indicator.Indicator;
import cn.lantu.web.Formats;

/**
 * How the report writes numbers and assessed values in its text and tables, the same in every section and the same
 * as the pages: the compared pair comes from the assessment's {@link cn.lantu.assessment.Comparison} texts, and
 * fractions are printed by the pages' own {@link Formats}.
 */
final class ReportFormat {

    private static final Formats PAGES = new Formats();

    private ReportFormat() {
    }

    /** What has been achieved, in the terms of the target ("2026—2028年年均增长6.9%"); "—" without data. */
    static String achieved(Assessment a) {
        return a.comparison() == null ? "—" : a.comparison().achievedText();
    }

    /** What the schedule (or the benchmark) asks for by then, in the same terms as {@link #achieved}. */
    static String due(Assessment a) {
        return a.comparison() == null ? "—" : a.comparison().expectedText();
    }

    /** A fraction (P, τ) as the pages print it: 0.548 → "54.8%". */
    static String fraction(Double f) {
        return PAGES.pct(f);
    }

    /** The indicator's unit, blank for none. */
    static String unit(Indicator i) {
        return i.unit() == null || "—".equals(i.unit()) ? "" : i.unit();
    }

    /**
     * The target as the plan states it: its own wording for a level ("70 以上"); for a rate or a period total,
     * where Table 1 of the plan has "—" in the target-year column, the rate or the total with what it means
     * ("年均6.5 左右", "五年累计7" for the plan's "[7]").
     */
    static String target(Indicator i) {
        String t = i.targetVerbatim();
        if (t != null && !t.isBlank() && !"—".equals(t.strip())) {
            return t;
        }
        String rate = i.rateVerbatim();
        if (rate == null || rate.isBlank() || "—".equals(rate.strip())) {
            return num(i.targetValue());
        }
        String total = rate.strip().replaceAll("^\\[(.*)]$", "$1");
        if (i.kind() == Kind.GROWTH) {
            return "年均" + rate;
        }
        if (i.kind() == Kind.DECLINE) {
            return "五年累计下降" + total;
        }
        return total.equals(rate.strip()) ? rate : "五年累计" + total;
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
