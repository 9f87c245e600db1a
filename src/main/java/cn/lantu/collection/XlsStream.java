package cn.lantu.collection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import cn.lantu.web.Spreadsheets;

/**
 * Hands the cells of the named sheets of an uploaded .xls (Excel 97–2003) to the same {@link XlsxStream.Sink}s, with
 * the same cell and text bounds, so that a template saved as .xls passes exactly the checks of one saved as .xlsx.
 * An .xls is read into memory (POI HSSF); what bounds that is the file size, checked before, and the format's own
 * cap of 65,536 rows a sheet.
 */
final class XlsStream {

    /** .xls files are read whole; a full 65,536-row bulk sheet of six columns stays well below this. */
    static final long MAX_XLS_BYTES = 16L * 1024 * 1024;

    private XlsStream() {
    }

    static XlsxStream.Stats read(byte[] bytes, XlsxStream.Limits limits, Map<String, XlsxStream.Sink> sheets) {
        if (bytes.length > MAX_XLS_BYTES) {
            throw new ReportingException(413, ExcelImport.TOO_LARGE + "（.xls 文件超过" + MAX_XLS_BYTES / 1024 / 1024
                    + " MB：请另存为 .xlsx 后再上传）");
        }
        try (HSSFWorkbook wb = Spreadsheets.openXls(bytes)) {
            long cells = 0;
            int read = 0;
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                XlsxStream.Sink sink = sheets.get(sheet.getSheetName());
                if (sink == null) {
                    continue;
                }
                read++;
                sink.start();
                for (Row row : sheet) {
                    cells = count(cells, limits);
                    int r = row.getRowNum() + 1;
                    for (Cell cell : row) {
                        cells = count(cells, limits);
                        boolean formula = cell.getCellType() == CellType.FORMULA;
                        CellType type = formula ? cell.getCachedFormulaResultType() : cell.getCellType();
                        String text = text(cell, type);
                        if (text.length() > limits.maxCellChars()) {
                            throw XlsxStream.tooLong(limits.maxCellChars());
                        }
                        sink.cell(r, cell.getColumnIndex(), typeOf(type, formula), text, formula);
                    }
                    sink.rowEnd(r);
                }
            }
            return new XlsxStream.Stats(cells, read, wb.getNumberOfSheets() - read, 0, 0);
        } catch (Spreadsheets.Unreadable e) {
            throw ReportingException.invalid(e.getMessage(), List.of());
        } catch (java.io.IOException e) {
            throw ReportingException.invalid(Spreadsheets.WRONG_FORMAT, List.of());
        }
    }

    private static long count(long cells, XlsxStream.Limits limits) {
        if (cells + 1 > limits.maxCells()) {
            throw new ReportingException(413, XlsxStream.tooManyCells(limits.maxCells()));
        }
        return cells + 1;
    }

    /** The type attribute an .xlsx would carry for the same cell: strings "s", booleans "b", errors "e". */
    private static String typeOf(CellType type, boolean formula) {
        return switch (type) {
            case STRING -> formula ? "str" : "s";
            case BOOLEAN -> "b";
            case ERROR -> "e";
            default -> null;
        };
    }

    /** The text an .xlsx stores for the cell: numbers in their shortest plain form, booleans as 1/0. */
    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros()
                    .toPlainString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "1" : "0";
            case ERROR -> "#ERR" + cell.getErrorCellValue();
            default -> "";
        };
    }
}
