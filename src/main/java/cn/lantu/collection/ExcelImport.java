package cn.lantu.collection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellReference;

/**
 * Reads an uploaded template with {@link XlsxStream}: only its sheets 填报 and 信息 are parsed (every other sheet is
 * skipped unread), cells are counted over the whole read and shared strings are bounded, so a file's cost does not
 * grow with what else it packs. Refuses outright what is neither an .xlsx nor an .xls, too large, a zip bomb (POI's ZipSecureFile
 * limits) or contains formulas where values are expected.
 */
final class ExcelImport {

    static final String NOT_XLSX = cn.lantu.web.Spreadsheets.WRONG_FORMAT;
    static final String TOO_LARGE = "文件过大，已拒绝";
    static final String ZIP_BOMB = "文件异常（疑似压缩炸弹：解压后体积异常），已拒绝";
    static final String FORMULA = "文件含公式，已拒绝：请只填写数值，不要使用公式";
    static final int MAX_ROWS = 5000;

    /** A problem with its sheet, row (1-based), column letter and reason. */
    record Problem(String sheet, int row, String column, String reason) {
        @Override
        public String toString() {
            return "工作表“" + sheet + "”" + (row > 0 ? " 第" + row + "行" : "") + (column == null ? "" : " " + column + "列")
                    + "：" + reason;
        }
    }

    /** A cell as stored: its type attribute, text, and whether it holds a formula. */
    record Cell(String type, String text, boolean formula) {}

    /** Rows (1-based) → column index → cell. */
    record Sheet(Map<Integer, Map<Integer, Cell>> rows) {
        Cell cell(int row, int col) {
            Map<Integer, Cell> r = rows.get(row);
            return r == null ? null : r.get(col);
        }

        String text(int row, int col) {
            Cell c = cell(row, col);
            return c == null || c.text() == null ? "" : c.text().trim();
        }
    }

    private ExcelImport() {}

    /** The sheets a template upload needs and what reading them cost. */
    record Workbook(Map<String, Sheet> sheets, XlsxStream.Stats stats) {
        Sheet sheet(String name) {
            return sheets.get(name);
        }
    }

    /**
     * Cells (and rows) read over the whole workbook: the template's two sheets only; every other sheet is skipped
     * unread. 5,000 rows of the template's 9 columns plus their row elements fit with room to spare.
     */
    static final long MAX_CELLS = MAX_ROWS * 12L;
    /** Shared strings of a template: entries and characters (a department's template holds a few hundred). */
    static final int MAX_SHARED_STRINGS = 50_000;
    static final long MAX_SHARED_CHARS = 2_000_000;
    static final XlsxStream.Limits LIMITS = new XlsxStream.Limits(MAX_CELLS, MAX_SHARED_STRINGS, MAX_SHARED_CHARS,
            XlsxStream.EXCEL_CELL_CHARS);

    /** Reads the template's sheets; throws a ReportingException (422/413) when the file is refused outright. */
    static Map<String, Sheet> read(byte[] bytes, long maxBytes) {
        return readWorkbook(bytes, maxBytes).sheets();
    }

    /**
     * Reads the sheets 填报 (columns A–I kept) and 信息 (columns A–B kept) and nothing else; cells in other columns are
     * counted, not kept.
     */
    static Workbook readWorkbook(byte[] bytes, long maxBytes) {
        if (bytes.length > maxBytes) {
            throw new ReportingException(413, TOO_LARGE + "（" + bytes.length / 1024 + " KB，上限 " + maxBytes / 1024
                    + " KB）");
        }
        SheetSink values = new SheetSink(ExcelTemplate.HEADERS.size());
        SheetSink meta = new SheetSink(2);
        Map<String, XlsxStream.Sink> sinks = new LinkedHashMap<>();
        sinks.put(ExcelTemplate.SHEET, values);
        sinks.put(ExcelTemplate.META, meta);
        XlsxStream.Stats stats = XlsxStream.read(bytes, LIMITS, sinks);
        Map<String, Sheet> out = new LinkedHashMap<>();
        // only the sheets the file has: a missing one stays missing, so that the upload names it
        if (values.found) {
            out.put(ExcelTemplate.SHEET, new Sheet(values.rows));
        }
        if (meta.found) {
            out.put(ExcelTemplate.META, new Sheet(meta.rows));
        }
        return new Workbook(out, stats);
    }

    /** Keeps the cells of the first {@code columns} columns of a sheet of at most {@link #MAX_ROWS} rows. */
    private static final class SheetSink implements XlsxStream.Sink {
        final Map<Integer, Map<Integer, Cell>> rows = new HashMap<>();
        final int columns;
        boolean found;

        SheetSink(int columns) {
            this.columns = columns;
        }

        @Override
        public void start() {
            found = true;
        }

        @Override
        public void cell(int row, int col, String type, String text, boolean formula) {
            if (row > MAX_ROWS) {
                throw new ReportingException(413, TOO_LARGE + "（超过" + MAX_ROWS + "行）");
            }
            if (col < columns) {
                rows.computeIfAbsent(row, k -> new HashMap<>()).put(col, new Cell(type, text, formula));
            }
        }
    }

    static List<Problem> headerProblems(Sheet sheet) {
        List<Problem> out = new ArrayList<>();
        for (int c = 0; c < ExcelTemplate.HEADERS.size(); c++) {
            String actual = sheet.text(1, c);
            if (!actual.equals(ExcelTemplate.HEADERS.get(c))) {
                out.add(new Problem(ExcelTemplate.SHEET, 1, CellReference.convertNumToColString(c),
                        "表头应为“" + ExcelTemplate.HEADERS.get(c) + "”，实际为“" + actual + "”"));
            }
        }
        return out;
    }

    static String col(int c) {
        return CellReference.convertNumToColString(c);
    }
}
