package cn.lantu.collection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.lantu.assessment.Kind;
import cn.lantu.indicator.Indicator;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;

/**
 * Hard errors (not a number, a share outside 0–100, a negative value where impossible, a year outside the plan, a
 * figure on a unit that cannot have one) and soft warnings (a sharp change against the previous year, an outlier by
 * robust z-score, a city total that differs from the towns' sum). A soft warning needs an explanation before the
 * figure can be submitted. {@link #check} is the one set of hard checks of a figure wherever it comes from: the
 * form, the API, the Excel template and the plan office's bulk import.
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

    /** The part of an entry a problem concerns: the sheets map it to their column, the API names it. */
    enum Field { INDICATOR, UNIT, YEAR, PERIOD, VALUE, ESTIMATE, NOTE, SOURCE, EXPLANATION, REASON }

    /** One hard problem of an entry. */
    record Problem(Field field, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile("Y|Q[1-4]|M(0[1-9]|1[0-2])");
    /** Column sizes of figure (note, explanation, reason: VARCHAR(2000); source: VARCHAR(500)). */
    static final int MAX_NOTE = 2000;
    static final int MAX_SOURCE = 500;
    static final int MAX_EXPLANATION = 2000;
    static final int MAX_REASON = 1900;
    /** Indicator and unit codes, the entered value as text. */
    static final int MAX_CODE = 60;
    static final int MAX_VALUE_TEXT = 64;
    /** How far before the base year the plan office may import history (统计年鉴 series). */
    static final int HISTORY_YEARS = 10;
    static final String NO_TOWN_BREAKDOWN = "该指标不分解到镇街";

    /**
     * Every hard check of one figure, wherever it comes from: the year (the plan's base year to its last year; with
     * {@code history}, the bulk import's ten years before the base year too), the period, the unit (the city, or a
     * town where the indicator has a town breakdown) and the value ({@link #parse}). Problems go to {@code out};
     * the parsed value is returned (null fields when the value is wrong).
     */
    static Parsed check(Plan plan, Indicator i, OrgUnit.Type unitType, boolean townBreakdown, Integer year,
                        String period, String raw, boolean history, List<Problem> out) {
        return check(plan, i, unitType, townBreakdown, year, period, raw, history, FigureCheckRules.NONE, out);
    }

    /**
     * {@link #check} with the plan office's stored checks of the figure: its HARD checks refuse the value too (the
     * fixed checks are the defaults; the stored ones refine them).
     */
    static Parsed check(Plan plan, Indicator i, OrgUnit.Type unitType, boolean townBreakdown, Integer year,
                        String period, String raw, boolean history, FigureCheckRules rules, List<Problem> out) {
        String y = yearProblem(plan, year, history);
        if (y != null) {
            out.add(new Problem(Field.YEAR, y));
        }
        String p = periodProblem(period);
        if (p != null) {
            out.add(new Problem(Field.PERIOD, p));
        }
        String u = unitProblem(unitType, townBreakdown);
        if (u != null) {
            out.add(new Problem(Field.UNIT, u));
        }
        List<String> errors = new ArrayList<>();
        Parsed parsed = parse(i, raw, errors);
        if (errors.isEmpty() && parsed.value() != null) {
            errors.addAll(rules.broken(i, parsed.value(), FigureCheck.Severity.HARD));
        }
        errors.forEach(e -> out.add(new Problem(Field.VALUE, e)));
        return parsed;
    }

    /** Null when a figure may be of this year. */
    static String yearProblem(Plan plan, Integer year, boolean history) {
        int first = plan.baseYear() - (history ? HISTORY_YEARS : 0);
        int last = plan.periodEnd();
        if (year == null) {
            return "请填写年份（" + first + "–" + last + "）";
        }
        if (year < first || year > last) {
            return "年份 " + year + " 不在 " + first + "–" + last + " 之内（" + (history ? "基期前" + HISTORY_YEARS
                    + "年至规划末年" : "基期年至规划末年") + "）";
        }
        return null;
    }

    /** Null when the period is Y, Q1–Q4 or M01–M12. */
    static String periodProblem(String period) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            return "期间应为 Y、Q1–Q4 或 M01–M12，实际为“" + (period == null ? "" : cut(period, 20)) + "”";
        }
        return null;
    }

    /**
     * Null when a figure may be held by a unit of this type: the city always, a town only where the indicator has
     * a town breakdown; departments and areas report, they have no figures of their own.
     */
    static String unitProblem(OrgUnit.Type type, boolean townBreakdown) {
        if (type == OrgUnit.Type.CITY) {
            return null;
        }
        if (type == OrgUnit.Type.TOWN) {
            return townBreakdown ? null : NO_TOWN_BREAKDOWN + "，不能填报镇街数据";
        }
        return "数据只能属于全市或镇街，不能属于" + (type == null ? "该单位" : type.label()) + "（部门的数据以全市填报）";
    }

    /** Null when a text is at most {@code max} characters and has no control characters (NUL and the like). */
    static String textProblem(String label, String s, int max) {
        if (s == null) {
            return null;
        }
        if (s.length() > max) {
            return label + "不能超过" + max + "字（填入了" + s.length() + "字）";
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f || c == '\uFFFE' || c == '\uFFFF') {
                return label + "含有不可见的控制字符（如NUL），请删除后重试";
            }
        }
        return null;
    }

    /**
     * The texts of an entry from the form or the API: no control characters, none longer than its column (the
     * value and the codes have short bounds of their own). Problems of malformed input, answered with 400.
     */
    static List<Problem> inputProblems(String indicator, String unit, String period, String value, String note,
                                       String source, String explanation, String reason) {
        List<Problem> out = new ArrayList<>();
        add(out, Field.INDICATOR, textProblem("指标代码", indicator, MAX_CODE));
        add(out, Field.UNIT, textProblem("单位代码", unit, MAX_CODE));
        add(out, Field.PERIOD, textProblem("期间", period, 10));
        add(out, Field.VALUE, textProblem("数值", value, MAX_VALUE_TEXT));
        add(out, Field.NOTE, textProblem("说明", note, MAX_NOTE));
        add(out, Field.SOURCE, textProblem("数据来源", source, MAX_SOURCE));
        add(out, Field.EXPLANATION, textProblem("异常说明", explanation, MAX_EXPLANATION));
        add(out, Field.REASON, textProblem("修改原因", reason, MAX_REASON));
        return out;
    }

    private static void add(List<Problem> out, Field field, String problem) {
        if (problem != null) {
            out.add(new Problem(field, problem));
        }
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

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
        if (raw != null && raw.length() > MAX_VALUE_TEXT) {
            errors.add("数值过长（超过" + MAX_VALUE_TEXT + "个字符），不是数字");
            return new Parsed(null, null);
        }
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
            errors.add("“" + raw + "”超出合理范围，不是有效数字（绝对值应小于10的15次方）");
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
            java.util.regex.Pattern.compile("[-+]?\\d{1,15}(\\.\\d{1,17})?([eE][-+]?\\d{1,3})?");

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
        return warnings(i, year, v, history, cityWide, FigureCheckRules.NONE);
    }

    /**
     * {@link #warnings} with the stored checks: their SOFT checks warn too, and a stored CHANGE check replaces the
     * fixed sharp-change threshold.
     */
    static List<String> warnings(Indicator i, int year, double v, List<double[]> history, boolean cityWide,
                                 FigureCheckRules rules) {
        List<String> out = new ArrayList<>();
        List<double[]> series = new ArrayList<>(history);
        if (cityWide && i.baseValue() != null && series.stream().noneMatch(h -> (int) h[0] == i.baseYear())
                && i.baseYear() < year) {
            series.add(0, new double[] {i.baseYear(), i.baseValue()});
        }
        double[] prev = series.stream().filter(h -> (int) h[0] == year - 1).findFirst().orElse(null);
        if (prev != null && !rules.replacesSharpChange()) {
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
        out.addAll(rules.broken(i, v, FigureCheck.Severity.SOFT));
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
