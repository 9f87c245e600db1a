package cn.lantu.collection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellReference;

import cn.lantu.collection.BulkFigureImport.Row;
import cn.lantu.plan.Plan;

/**
 * Checks each completed row of a bulk import sheet and keeps the good ones compactly; records problems by row and
 * column. Kept apart from the streamed reading so that the rules of a valid row are in one place.
 */
final class BulkFigureRowCheck {

    private static final Pattern PERIOD = Pattern.compile("Y|Q[1-4]|M(0[1-9]|1[0-2])");

    /** Thrown when the sheet has more rows than {@link BulkFigureImport#MAX_ROWS}; no stack trace (control flow). */
    static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private final Plan plan;
    private final Map<String, Long> indicators;
    private final Map<String, Long> units;
    private final List<Row> rows = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private int problemCount;
    private boolean headerSeen;

    BulkFigureRowCheck(Plan plan, Map<String, Long> indicators, Map<String, Long> units) {
        this.plan = plan;
        this.indicators = indicators;
        this.units = units;
    }

    /** The checked rows; throws with the problems listed when the sheet had any (or no header, or no data). */
    List<Row> rowsOrThrow() {
        if (!headerSeen) {
            problem(1, null, "缺少表头行");
        }
        if (problemCount > 0) {
            List<String> listed = new ArrayList<>(problems);
            if (problemCount > listed.size()) {
                listed.add("……另有 " + (problemCount - listed.size()) + " 处问题未列出");
            }
            throw ReportingException.invalid("文件有 " + problemCount + " 处问题，整个文件未导入（未写入任何数据）",
                    listed);
        }
        if (rows.isEmpty()) {
            throw ReportingException.invalid("文件中没有数据行", List.of());
        }
        return rows;
    }

    private void problem(int line, Integer col, String reason) {
        problemCount++;
        if (problems.size() < BulkFigureImport.MAX_LISTED) {
            problems.add("工作表“" + BulkFigureImport.SHEET + "” 第" + line + "行" + (col == null ? "" : " "
                    + CellReference.convertNumToColString(col) + "列") + "：" + reason);
        }
    }

    void row(int line, String[] cells, boolean[] formula) {
        if (line == 1) {
            headerSeen = true;
            for (int c = 0; c < BulkFigureImport.HEADERS.size(); c++) {
                String actual = cells[c] == null ? "" : cells[c].trim();
                if (!actual.equals(BulkFigureImport.HEADERS.get(c))) {
                    problem(1, c, "表头应为“" + BulkFigureImport.HEADERS.get(c) + "”，实际为“" + actual + "”");
                }
            }
            return;
        }
        boolean blank = true;
        for (int c = 0; c < 5; c++) {
            if (cells[c] != null && !cells[c].isBlank()) {
                blank = false;
            }
        }
        if (blank) {
            return;
        }
        if (rows.size() + problemCount >= BulkFigureImport.MAX_ROWS) {
            throw new TooManyRows();
        }
        for (int c = 0; c < BulkFigureImport.HEADERS.size(); c++) {
            if (formula[c]) {
                problem(line, c, ExcelImport.FORMULA);
                return;
            }
        }
        Long indicator = indicators.get(trim(cells[0]));
        if (indicator == null) {
            problem(line, 0, "未知指标代码“" + trim(cells[0]) + "”");
            return;
        }
        Long unit = units.get(trim(cells[1]));
        if (unit == null) {
            problem(line, 1, "未知单位代码“" + trim(cells[1]) + "”");
            return;
        }
        int year;
        try {
            year = (int) Double.parseDouble(trim(cells[2]));
        } catch (NumberFormatException e) {
            problem(line, 2, "年份应为数字，实际为“" + trim(cells[2]) + "”");
            return;
        }
        if (year < plan.baseYear() - 10 || year > plan.periodEnd()) {
            problem(line, 2, "年份 " + year + " 不在 " + (plan.baseYear() - 10) + "–" + plan.periodEnd() + " 之内");
            return;
        }
        String period = trim(cells[3]).toUpperCase(java.util.Locale.ROOT);
        if (!PERIOD.matcher(period).matches()) {
            problem(line, 3, "期间应为 Y、Q1–Q4 或 M01–M12，实际为“" + trim(cells[3]) + "”");
            return;
        }
        double value;
        try {
            value = Double.parseDouble(trim(cells[4]));
        } catch (NumberFormatException e) {
            problem(line, 4, "数值应为数字，实际为“" + trim(cells[4]) + "”");
            return;
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            problem(line, 4, "数值无效");
            return;
        }
        if (!keys.add(indicator + "|" + unit + "|" + year + "|" + period)) {
            problem(line, null, "与前面的行重复（同一指标、单位、年份、期间）");
            return;
        }
        String note = cells[5] == null || cells[5].isBlank() ? null : cells[5].strip();
        if (note != null && note.length() > 2000) {
            problem(line, 5, "说明超过2000字");
            return;
        }
        rows.add(new Row(line, indicator, unit, year, period, value, note));
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
