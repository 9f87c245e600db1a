package cn.lantu.collection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.util.CellReference;

import cn.lantu.collection.BulkFigureImport.Row;
import cn.lantu.indicator.Indicator;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;

/**
 * Checks each completed row of a bulk import sheet and keeps the good ones compactly; records every problem by row
 * and column. The checks of the figure itself are {@link FigureValidator#check}, the same as the form's, the API's
 * and the template's (a share within 0–100, no negative count, a plain number below 10^15, a town only where the
 * indicator has a town breakdown, no figure on a department or area); the year may go back ten years before the
 * base year (history from the yearbooks).
 */
final class BulkFigureRowCheck {

    /** Thrown when the sheet has more rows than {@link BulkFigureImport#MAX_ROWS}; no stack trace (control flow). */
    static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** A unit of the plan as the check needs it. */
    record Unit(long id, OrgUnit.Type type) {}

    /** One problem: sheet, row number, column letter and header (empty for a whole row), message in Chinese. */
    record CellProblem(String sheet, int row, String column, String header, String message) {
        String text() {
            return "工作表“" + sheet + "” 第" + row + "行" + (column.isEmpty() ? "" : " " + column + "列") + "：" + message;
        }
    }

    /** The file refused with its problems: as text for the API's list, and by cell for the import page. */
    static final class Refused extends ReportingException {
        private final transient List<CellProblem> cells;
        private final int count;

        Refused(String message, List<String> texts, List<CellProblem> cells, int count) {
            super(422, message, texts);
            this.cells = List.copyOf(cells);
            this.count = count;
        }

        List<CellProblem> cells() {
            return cells;
        }

        /** Every problem found, listed or not. */
        int count() {
            return count;
        }
    }

    private final Plan plan;
    private final Map<String, Indicator> indicators;
    private final Map<String, Unit> units;
    private final Set<Long> townBreakdown;
    private final List<Row> rows = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final List<CellProblem> problems = new ArrayList<>();
    private final BulkFigureImport.Progress progress;
    private int problemCount;
    private boolean headerSeen;
    private int declaredRows = -1;

    /**
     * @param indicators the plan's indicators by code
     * @param units the plan's org units by code
     * @param townBreakdown the ids of the indicators with a town breakdown (towns may have figures of these only)
     */
    BulkFigureRowCheck(Plan plan, Map<String, Indicator> indicators, Map<String, Unit> units, Set<Long> townBreakdown,
                       BulkFigureImport.Progress progress) {
        this.progress = progress;
        this.plan = plan;
        this.indicators = indicators;
        this.units = units;
        this.townBreakdown = townBreakdown;
    }

    /** Runs the plan office's stored checks over the good rows ({@link FigureChecks#checkRows}). */
    void storedChecks(FigureChecks checks) {
        Map<Long, Indicator> byId = new java.util.HashMap<>();
        indicators.values().forEach(i -> byId.put(i.id(), i));
        checks.checkRows(plan, rows, byId, (row, message) -> problem(row.line(), 4, message));
    }

    /** The checked rows; throws with the problems listed when the sheet had any (or no header, or no data). */
    List<Row> rowsOrThrow() {
        if (!headerSeen) {
            problem(1, null, "缺少表头行");
        }
        if (problemCount > 0) {
            List<String> listed = new ArrayList<>(problems.stream().map(CellProblem::text).toList());
            if (problemCount > listed.size()) {
                listed.add("……另有 " + (problemCount - listed.size()) + " 处问题未列出");
            }
            throw new Refused("文件有 " + problemCount + " 处问题，整个文件未导入（未写入任何数据）", listed, problems,
                    problemCount);
        }
        if (rows.isEmpty()) {
            throw ReportingException.invalid("文件中没有数据行", List.of());
        }
        return rows;
    }

    private void problem(int line, Integer col, String reason) {
        problemCount++;
        if (problems.size() < BulkFigureImport.MAX_LISTED) {
            problems.add(new CellProblem(BulkFigureImport.SHEET, line,
                    col == null ? "" : CellReference.convertNumToColString(col),
                    col == null ? "" : BulkFigureImport.HEADERS.get(col), reason));
        }
    }

    /** The sheet declares its last row: the data rows to expect (blank ones included) for the progress bar. */
    void declaredLastRow(int lastRow) {
        declaredRows = Math.max(0, lastRow - 1);
    }

    void row(int line, String[] cells, boolean[] formula) {
        if (line > 1) {
            progress.rows(line - 1, declaredRows);
        }
        if (line == 1) {
            headerSeen = true;
            for (int c = 0; c < BulkFigureImport.HEADERS.size(); c++) {
                String actual = cells[c] == null ? "" : cells[c].trim();
                if (!actual.equals(BulkFigureImport.HEADERS.get(c))) {
                    problem(1, c, "表头应为“" + BulkFigureImport.HEADERS.get(c) + "”，实际为“"
                            + FigureValidator.cut(actual, 40) + "”");
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
        // every problem of the row is listed, each with its column; the checks of a figure are the form's
        int before = problemCount;
        Indicator indicator = indicators.get(trim(cells[0]));
        if (indicator == null) {
            problem(line, 0, "未知指标代码“" + FigureValidator.cut(trim(cells[0]), 40) + "”");
        }
        Unit unit = units.get(trim(cells[1]));
        if (unit == null) {
            problem(line, 1, "未知单位代码“" + FigureValidator.cut(trim(cells[1]), 40) + "”");
        }
        Integer year = wholeYear(trim(cells[2]));
        if (year == null) {
            problem(line, 2, "年份应为整数，实际为“" + FigureValidator.cut(trim(cells[2]), 40) + "”");
        }
        String period = trim(cells[3]).toUpperCase(java.util.Locale.ROOT);
        String note = cells[5] == null || cells[5].isBlank() ? null : cells[5].strip();
        String noteProblem = FigureValidator.textProblem("说明", note, FigureValidator.MAX_NOTE);
        if (noteProblem != null) {
            problem(line, 5, noteProblem);
        }
        List<FigureValidator.Problem> checked = new ArrayList<>();
        FigureValidator.Parsed parsed = null;
        if (indicator != null) {
            parsed = FigureValidator.check(plan, indicator, unit == null ? OrgUnit.Type.CITY : unit.type(),
                    townBreakdown.contains(indicator.id()), year == null ? plan.periodEnd() : year, period,
                    trim(cells[4]), true, checked);
        } else {
            String y = year == null ? null : FigureValidator.yearProblem(plan, year, true);
            if (y != null) {
                checked.add(new FigureValidator.Problem(FigureValidator.Field.YEAR, y));
            }
            String p = FigureValidator.periodProblem(period);
            if (p != null) {
                checked.add(new FigureValidator.Problem(FigureValidator.Field.PERIOD, p));
            }
        }
        for (FigureValidator.Problem p : checked) {
            if (p.field() == FigureValidator.Field.UNIT && unit == null) {
                continue;
            }
            problem(line, column(p.field()), p.message());
        }
        if (parsed != null && parsed.verdict() != null && checked.isEmpty()) {
            problem(line, 4, "批量导入只导入数值；“完成/未完成”请在填报页填写");
        }
        if (problemCount > before) {
            return;
        }
        if (!keys.add(indicator.id() + "|" + unit.id() + "|" + year + "|" + period)) {
            problem(line, null, "与前面的行重复（同一指标、单位、年份、期间）");
            return;
        }
        rows.add(new Row(line, indicator.id(), unit.id(), year, period, parsed.value(), note));
    }

    private static int column(FigureValidator.Field field) {
        return switch (field) {
            case INDICATOR -> 0;
            case UNIT -> 1;
            case YEAR -> 2;
            case PERIOD -> 3;
            case NOTE -> 5;
            default -> 4;
        };
    }

    /** The year of a cell: a whole number (2019, or 2019.0 as a spreadsheet stores it), else null. */
    private static Integer wholeYear(String s) {
        if (s.isEmpty() || s.length() > 12 || !s.matches("[-+]?\\d{1,6}(\\.0+)?")) {
            return null;
        }
        return (int) Double.parseDouble(s);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
