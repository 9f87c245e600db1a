package cn.lantu.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for Chinese explanation text. Package-private. */
final class Fmt {
    private Fmt() {
    }

    /** Round half up to {@code decimals} places and print without exponent. */
    static String fixed(double v, int decimals) {
        BigDecimal bd = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
        if (bd.signum() == 0) {
            bd = bd.abs();
        }
        return bd.toPlainString();
    }

    /** Strip trailing zeros after rounding (60.0 → "60", 54.8 → "54.8"). */
    static String trim(double v, int decimals) {
        BigDecimal bd = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (bd.signum() == 0) {
            return "0";
        }
        return bd.scale() < 0 ? bd.setScale(0).toPlainString() : bd.toPlainString();
    }

    /** A fraction as a percentage number without the % sign: 0.548 → "54.8", 0.6 → "60". */
    static String pct(double fraction) {
        return trim(fraction * 100.0, 1);
    }

    /** Percentage points between two fractions, one decimal, trailing zero dropped: 0.6 − 0.548 → "5.2". */
    static String pts(double fractionDiff) {
        return trim(Math.abs(fractionDiff) * 100.0, 1);
    }

    /** A quantity with one decimal, or two significant figures when it is small. */
    static String qty(double v) {
        double a = Math.abs(v);
        if (a == 0 || a >= 0.1) {
            return fixed(v, 1);
        }
        int decimals = Math.min(6, 1 - (int) Math.floor(Math.log10(a)));
        return trim(v, decimals);
    }

    /** A stated value: with the spec's precision when known, else up to two decimals trimmed. */
    static String value(double v, Integer precision) {
        if (precision != null) {
            return fixed(v, precision);
        }
        double a = Math.abs(v);
        if (a != 0 && a < 0.1) {
            return trim(v, 4);
        }
        return trim(v, 2);
    }

    /** A rate in %: two decimals trimmed. */
    static String rate(double pct) {
        return trim(pct, 2);
    }
}
