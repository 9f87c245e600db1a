package cn.lantu.collection;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Streams the bulk import sheet row by row with {@link XlsxStream} (no cell map, no workbook in memory, every other
 * sheet skipped unread, shared strings bounded), so that a 200,000-row file fits in a small heap; every completed
 * row goes to the {@link BulkFigureRowCheck}. Unreadable files, zip bombs and too many rows or cells become the
 * user-facing {@link ReportingException}s.
 */
final class BulkFigureSheetReader {

    /** Cells and rows over the whole read: the sheet's six columns for every allowed row, plus slack. */
    static final long MAX_CELLS = BulkFigureImport.MAX_ROWS * 8L;
    /** Shared strings of a bulk file: codes repeat, notes may not. */
    static final int MAX_SHARED_STRINGS = 400_000;
    static final long MAX_SHARED_CHARS = 8_000_000;
    static final XlsxStream.Limits LIMITS = new XlsxStream.Limits(MAX_CELLS, MAX_SHARED_STRINGS, MAX_SHARED_CHARS,
            XlsxStream.EXCEL_CELL_CHARS);

    private BulkFigureSheetReader() {
    }

    /** Feeds every row of the sheet {@link BulkFigureImport#SHEET} of {@code bytes} to {@code checker}. */
    static XlsxStream.Stats read(byte[] bytes, BulkFigureRowCheck checker) {
        int columns = BulkFigureImport.HEADERS.size();
        String[] cells = new String[columns];
        boolean[] formula = new boolean[columns];
        XlsxStream.Sink sink = new XlsxStream.Sink() {
            @Override
            public void cell(int row, int col, String type, String text, boolean isFormula) {
                if (col < columns) {
                    cells[col] = text;
                    formula[col] = isFormula;
                }
            }

            @Override
            public void dimension(int lastRow) {
                checker.declaredLastRow(lastRow);
            }

            @Override
            public void rowEnd(int row) {
                checker.row(row, cells, formula);
                Arrays.fill(cells, null);
                Arrays.fill(formula, false);
            }
        };
        XlsxStream.Stats stats;
        try {
            stats = XlsxStream.read(bytes, LIMITS, Map.of(BulkFigureImport.SHEET, sink));
        } catch (BulkFigureRowCheck.TooManyRows e) {
            throw new ReportingException(413, ExcelImport.TOO_LARGE + "（超过" + BulkFigureImport.MAX_ROWS + "行）");
        }
        if (stats.sheetsRead() == 0) {
            throw ReportingException.invalid("找不到工作表“" + BulkFigureImport.SHEET + "”，请使用系统下载的批量导入模板",
                    List.of());
        }
        return stats;
    }
}
