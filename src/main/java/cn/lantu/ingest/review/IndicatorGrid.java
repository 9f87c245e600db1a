package cn.lantu.ingest.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantu.ingest.ExtractedIndicator;
import cn.lantu.ingest.Extraction;

/**
 * The indicator table of a review as an editable grid: the rows the plan office corrects, adds, deletes, merges and
 * splits, or replaces by a pasted or uploaded table. Once saved, the grid (not the per-row decisions) is what loads.
 */
public final class IndicatorGrid {

    static final List<String> ATTRIBUTES = List.of("BINDING", "ANTICIPATORY");
    static final List<String> HORIZONS = List.of("TARGET_YEAR", "ANNUAL", "PERIOD");
    static final List<String> FIELDS = List.of("name", "unit", "attribute", "baseValue", "targetValue", "horizon",
            "targetYear");
    static final int MAX_ROWS = 300;

    /**
     * One row; values as typed. {@code code} is the extracted row's code (kept when loading) or a new one;
     * {@code start}/{@code end} the row's span in the source text (0/0 for a row the extractor did not find).
     */
    public record Row(String code, String name, String unit, String attribute, String baseValue, String targetValue,
               String horizon, String targetYear, int start, int end) {

        public String get(String field) {
            return switch (field) {
                case "code" -> code;
                case "name" -> name;
                case "unit" -> unit;
                case "attribute" -> attribute;
                case "baseValue" -> baseValue;
                case "targetValue" -> targetValue;
                case "horizon" -> horizon;
                case "targetYear" -> targetYear;
                default -> throw new IllegalArgumentException(field);
            };
        }

        Row withCode(String c) {
            return new Row(c, name, unit, attribute, baseValue, targetValue, horizon, targetYear, start, end);
        }
    }

    private IndicatorGrid() {}

    /** The extracted rows that are not rejected, with the reviewer's edits applied. */
    static List<Row> fromExtraction(Extraction x, Map<String, Decision> decisions) {
        List<Row> rows = new ArrayList<>();
        for (ExtractedIndicator raw : x.indicators()) {
            Decision d = decisions.get(ReviewItems.key(ReviewItems.IND, raw.code()));
            if (d != null && Decision.REJECTED.equals(d.decision())) {
                continue;
            }
            ExtractedIndicator i = Records.with(raw, d == null ? Map.of() : d.editsOrEmpty());
            rows.add(new Row(i.code(), i.name(), s(i.unit()), s(i.attribute()), num(i.baseValue()),
                    num(i.targetValue()), s(i.targetHorizon()), i.targetYear() == null ? "" : i.targetYear().toString(),
                    i.start(), i.end()));
        }
        return rows;
    }

    /** Merges row {@code i} with the next: names joined (a name wrapped onto two rows), empty cells filled. */
    static List<Row> merge(List<Row> rows, int i) {
        if (i < 0 || i + 1 >= rows.size()) {
            throw new ReviewException(422, "没有可合并的下一行");
        }
        Row a = rows.get(i);
        Row b = rows.get(i + 1);
        Row m = new Row(a.code(), (s(a.name()) + s(b.name())).strip(), or(a.unit(), b.unit()),
                or(a.attribute(), b.attribute()), or(a.baseValue(), b.baseValue()),
                or(a.targetValue(), b.targetValue()), or(a.horizon(), b.horizon()),
                or(a.targetYear(), b.targetYear()), a.start() < b.start() || b.end() == 0 ? a.start() : b.start(),
                Math.max(a.end(), b.end()));
        List<Row> out = new ArrayList<>(rows);
        out.set(i, m);
        out.remove(i + 1);
        return out;
    }

    /** Splits row {@code i} in two: the second row starts empty but for the unit and attribute. */
    static List<Row> split(List<Row> rows, int i) {
        if (i < 0 || i >= rows.size()) {
            throw new ReviewException(422, "没有这一行");
        }
        Row a = rows.get(i);
        List<Row> out = new ArrayList<>(rows);
        out.add(i + 1, new Row(newCode(rows), "", a.unit(), a.attribute(), "", "", a.horizon(), a.targetYear(),
                a.start(), a.end()));
        return out;
    }

    static List<Row> add(List<Row> rows, String targetYear) {
        List<Row> out = new ArrayList<>(rows);
        out.add(new Row(newCode(rows), "", "", "", "", "", "TARGET_YEAR", targetYear, 0, 0));
        return out;
    }

    static List<Row> delete(List<Row> rows, int i) {
        if (i < 0 || i >= rows.size()) {
            throw new ReviewException(422, "没有这一行");
        }
        List<Row> out = new ArrayList<>(rows);
        out.remove(i);
        return out;
    }

    /** A code not used by any row: the next two-digit number after the largest numeric code. */
    static String newCode(List<Row> rows) {
        int max = 0;
        for (Row r : rows) {
            if (r.code() != null && r.code().matches("\\d{1,4}")) {
                max = Math.max(max, Integer.parseInt(r.code()));
            }
        }
        return String.format("%02d", max + 1);
    }

    /** Problems by cell, keyed {@code rowIndex.field}; empty when the grid can be saved. */
    static Map<String, String> validate(List<Row> rows) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (rows.size() > MAX_ROWS) {
            errors.put("grid", "指标表最多 " + MAX_ROWS + " 行");
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (s(r.name()).isBlank()) {
                errors.put(i + ".name", "请填写指标名称");
            } else if (r.name().length() > 200) {
                errors.put(i + ".name", "名称不超过 200 字");
            }
            if (s(r.unit()).length() > 40) {
                errors.put(i + ".unit", "单位不超过 40 字");
            }
            number(errors, i, "baseValue", r.baseValue());
            number(errors, i, "targetValue", r.targetValue()); // may be empty: a qualitative target
            if (!s(r.attribute()).isEmpty() && !ATTRIBUTES.contains(r.attribute())) {
                errors.put(i + ".attribute", "请选择约束性或预期性");
            }
            if (!HORIZONS.contains(s(r.horizon()))) {
                errors.put(i + ".horizon", "请选择目标类型");
            }
            if (!s(r.targetYear()).strip().matches("20\\d{2}")) {
                errors.put(i + ".targetYear", "目标年份须为 4 位年份，如 2030");
            }
        }
        return errors;
    }

    private static void number(Map<String, String> errors, int i, String field, String v) {
        String t = s(v).strip().replace(",", "");
        if (t.isEmpty()) {
            return;
        }
        try {
            Double.parseDouble(t);
        } catch (NumberFormatException e) {
            errors.put(i + "." + field, "“" + v.strip() + "”不是数字");
        }
    }

    /**
     * The extraction with its indicator table replaced by the grid. A row keeps everything the extractor read of
     * the row it came from (category, kind, direction …) and takes the office's cells; a new row takes those of the
     * row above it (the same category, most likely).
     */
    static Extraction apply(Extraction x, List<Row> rows) {
        Map<String, ExtractedIndicator> byCode = new LinkedHashMap<>();
        x.indicators().forEach(i -> byCode.put(i.code(), i));
        List<ExtractedIndicator> out = new ArrayList<>();
        ExtractedIndicator above = x.indicators().isEmpty() ? null : x.indicators().get(0);
        for (Row r : rows) {
            ExtractedIndicator from = byCode.get(r.code());
            ExtractedIndicator t = from != null ? from : above;
            Double base = value(r.baseValue());
            Integer year = Integer.valueOf(r.targetYear().strip());
            int baseYear = t != null && t.baseYear() != null ? t.baseYear() : year - 5;
            String quote = from != null ? from.sourceText() : null;
            String typed = s(r.targetValue()).strip();
            boolean periodEnd = "TARGET_YEAR".equals(r.horizon());
            String cell = "PERIOD".equals(r.horizon()) && !typed.isEmpty() ? "〔" + typed + "〕" : typed;
            out.add(new ExtractedIndicator(r.code(), out.size() + 1, out.size() + 1, null,
                    r.name().strip(), s(r.unit()).strip(), t == null ? "ECONOMY" : t.category(),
                    t == null ? null : t.categoryVerbatim(), null, s(r.attribute()).isEmpty() ? null : r.attribute(),
                    null, t == null ? "LEVEL" : t.kind(), t == null ? "LINEAR" : t.path(),
                    t == null ? "UP" : t.direction(), t == null ? "AT_LEAST" : t.comparator(),
                    t == null ? null : t.band(), baseYear, base, base == null ? "TO_BE_ENTERED"
                            : from != null && base.equals(from.baseValue()) ? from.baseStatus() : "GIVEN",
                    t == null ? null : t.baseRole(), from == null ? List.of() : from.markers(), year, value(r.targetValue()), r.horizon(),
                    t != null && t.targetIsIncrement(), s(r.baseValue()).strip(), periodEnd ? cell : null,
                    periodEnd ? null : cell, null, quote, r.start(), r.end(), 1.0, null));
            above = out.get(out.size() - 1);
        }
        return new Extraction(x.source(), x.text(), x.title(), x.planStart(), x.planEnd(), x.outline(), out,
                x.targets(), x.baselineFacts(), x.projectDomains(), x.projects(), x.areas(), x.warnings());
    }

    /** The decisions with every grid row accepted (the grid replaces the per-row review of the table). */
    static Map<String, Decision> acceptRows(Map<String, Decision> decisions, List<Row> rows) {
        Map<String, Decision> m = new LinkedHashMap<>();
        decisions.forEach((k, d) -> {
            if (!k.startsWith(ReviewItems.IND + ":")) {
                m.put(k, d);
            }
        });
        rows.forEach(r -> m.put(ReviewItems.key(ReviewItems.IND, r.code()), new Decision(Decision.ACCEPTED, Map.of())));
        return m;
    }

    private static Double value(String v) {
        String t = s(v).strip().replace(",", "");
        return t.isEmpty() ? null : Double.valueOf(t);
    }

    static String s(String v) {
        return v == null ? "" : v;
    }

    private static String or(String a, String b) {
        return s(a).isBlank() ? s(b) : a;
    }

    private static String num(Double v) {
        return v == null ? "" : ReviewItems.num(v);
    }
}
