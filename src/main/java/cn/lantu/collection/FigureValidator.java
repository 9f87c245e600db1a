package cn.lantu.collection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.lantu.assessment.Kind;
import cn.lantu.indicator.Indicator;

/**
 * Hard errors (not a number, a share outside 0–100, a negative value where impossible) and soft warnings
 * (a sharp change against the previous year, an outlier by robust z-score, a city total that differs from the
 * towns' sum). A soft warning needs an explanation before the figure can be submitted.
 */
final class FigureValidator {

    /** Relative change against the previous year that counts as sharp (levels, amounts). */
    static final double SHARP_RELATIVE = 0.30;
    /** Change in percentage points that counts as sharp for rates (growth, decline). */
    static final double SHARP_POINTS = 5.0;
    /** |robust z| above this is an outlier (Iglewicz–Hoaglin). */
    static final double ROBUST_Z = 3.5;

    private FigureValidator() {}

    /** A value parsed from the form or a cell: number or verdict. */
    record Parsed(Double value, String verdict) {}

    static boolean isShare(Indicator i) {
        return ("%".equals(i.unit()) || "‰".equals(i.unit()))
                && (i.kind() == Kind.LEVEL || i.kind() == Kind.FLOOR || i.kind() == Kind.STABLE);
    }

    static boolean isRate(Indicator i) {
        return i.kind() == Kind.GROWTH || i.kind() == Kind.DECLINE || i.kind() == Kind.RELATIONAL;
    }

    static boolean verdictAllowed(Indicator i) {
        return i.kind() == Kind.ASSIGNED || i.kind() == Kind.QUALITATIVE;
    }

    /** Parses the entered text; adds hard errors to {@code errors}. */
    static Parsed parse(Indicator i, String raw, List<String> errors) {
        String s = raw == null ? "" : raw.trim().replace(",", "").replace("，", "");
        if (s.isEmpty()) {
            errors.add("请填写数值");
            return new Parsed(null, null);
        }
        if (verdictAllowed(i)) {
            if (s.equals("完成") || s.equalsIgnoreCase("ACHIEVED")) {
                return new Parsed(null, "ACHIEVED");
            }
            if (s.equals("未完成") || s.equalsIgnoreCase("NOT_ACHIEVED")) {
                return new Parsed(null, "NOT_ACHIEVED");
            }
        }
        double v;
        try {
            // a plain decimal only: Java would read "12d" as 12 and "1e308" as a number nobody reports
            if (!PLAIN_DECIMAL.matcher(s).matches()) {
                throw new NumberFormatException(s);
            }
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            errors.add("“" + raw + "”不是数字" + (verdictAllowed(i) ? "（也可填“完成”或“未完成”）" : ""));
            return new Parsed(null, null);
        }
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) >= MAX_MAGNITUDE) {
            errors.add("“" + raw + "”不是有效数字");
            return new Parsed(null, null);
        }
        hardChecks(i, v, errors);
        return new Parsed(v, null);
    }

    /**
     * Digits with an optional sign and decimal part; an exponent only as spreadsheets store numbers (1.5E7). The
     * magnitude is bounded in {@link #parse}.
     */
    static final java.util.regex.Pattern PLAIN_DECIMAL =
            java.util.regex.Pattern.compile("[-+]?\\d{1,15}(\\.\\d{1,17})?([eE][-+]?\\d{1,2})?");

    /** No plan figure comes near this; 1e308 is a typing accident or an attack, not a value. */
    static final double MAX_MAGNITUDE = 1e15;

    /** The check a count needs: whole companies, schools and ranks. */
    static void wholeNumberCheck(Indicator i, double v, List<String> errors) {
        if (i.wholeNumber() && v != Math.rint(v)) {
            errors.add("该指标以“" + i.unit() + "”计，应填写整数，填入了" + v);
        }
    }

    static void hardChecks(Indicator i, double v, List<String> errors) {
        wholeNumberCheck(i, v, errors);
        if (isShare(i)) {
            double max = "‰".equals(i.unit()) ? 1000 : 100;
            if (v < 0 || v > max) {
                errors.add("比重应在0–" + (int) max + "之间（单位" + i.unit() + "），填入了" + v);
            }
        } else if (!isRate(i) && i.kind() != Kind.ASSIGNED && i.kind() != Kind.QUALITATIVE && v < 0) {
            errors.add("该指标不能为负数，填入了" + v);
        }
    }

    /**
     * Soft warnings for a value given the unit's own approved history (pairs year, value) of earlier years. The
     * plan's base value is the city's, so it joins the history only for a city-wide figure: a town is compared with
     * its own past, never with the city (a town's 0.21 is not a −87% change from the city's 1.64).
     * The check of a city figure against its towns is {@link TownBreakdownService#cityWarning}.
     */
    static List<String> warnings(Indicator i, int year, double v, List<double[]> history, boolean cityWide) {
        List<String> out = new ArrayList<>();
        List<double[]> series = new ArrayList<>(history);
        if (cityWide && i.baseValue() != null && series.stream().noneMatch(h -> (int) h[0] == i.baseYear())
                && i.baseYear() < year) {
            series.add(0, new double[] {i.baseYear(), i.baseValue()});
        }
        double[] prev = series.stream().filter(h -> (int) h[0] == year - 1).findFirst().orElse(null);
        if (prev != null) {
            double p = prev[1];
            if (isRate(i) || "%".equals(i.unit())) {
                if (Math.abs(v - p) > SHARP_POINTS && (isRate(i) || Math.abs(v - p) > Math.abs(p) * SHARP_RELATIVE)) {
                    out.add(String.format("与上年（%s）相比变化%.2f个百分点，变化较大", fmt(p), v - p));
                }
            } else if (p != 0 && Math.abs(v - p) / Math.abs(p) > SHARP_RELATIVE) {
                out.add(String.format("与上年（%s）相比变化%.1f%%，变化较大", fmt(p), (v - p) / Math.abs(p) * 100));
            }
        }
        if (series.size() >= 4) {
            double[] values = series.stream().mapToDouble(h -> h[1]).toArray();
            double median = median(values);
            double mad = median(Arrays.stream(values).map(x -> Math.abs(x - median)).toArray());
            if (mad > 0) {
                double z = 0.6745 * (v - median) / mad;
                if (Math.abs(z) > ROBUST_Z) {
                    out.add(String.format("偏离历年趋势（稳健z分数%.1f）", z));
                }
            }
        }
        return out;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
