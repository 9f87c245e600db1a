package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The template parser's bounds: a sheet far beyond the row limit is refused as too large (413), not misreported as
 * "not an xlsx"; sheets other than 填报 and 信息 are never parsed (the report's 19 sheets of 4,950 × 20 numbers cost
 * what the two small template sheets cost); cells are counted over the whole read, not per sheet; shared strings
 * are bounded.
 */
class ExcelImportLimitsTest {

    static final long FIVE_MB = 5L << 20;
    /** SXSSF writes every cell's reference, so its 19 × 4,950 × 20 cells take 5.4 MB rather than the report's 4.9. */
    static final long LIMIT = 6L << 20;
    private static byte[] templateWithBigSheets;

    @Test
    void aSheetBeyondTheRowLimitIsRefusedAsTooLarge() throws Exception {
        byte[] bytes;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("填报");
            for (int r = 0; r < 12_000; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < 9; c++) {
                    row.createCell(c).setCellValue(r * 10 + c);
                }
            }
            wb.write(out);
            wb.dispose();
            bytes = out.toByteArray();
        }
        ReportingException e = catchThrowableOfType(ReportingException.class,
                () -> ExcelImport.read(bytes, 50L << 20));
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains(ExcelImport.TOO_LARGE, "超过" + ExcelImport.MAX_ROWS + "行");
    }

    /** A small valid-looking template (填报 with a header and three rows, 信息) plus {@code extra} big sheets. */
    static synchronized byte[] templateWithBigSheets(int extra) throws Exception {
        if (templateWithBigSheets == null) {
            templateWithBigSheets = buildTemplateWithBigSheets(extra);
        }
        return templateWithBigSheets;
    }

    private static byte[] buildTemplateWithBigSheets(int extra) throws Exception {
        return BigWorkbooks.build(wb -> {
            Sheet s = wb.createSheet(ExcelTemplate.SHEET);
            Row h = s.createRow(0);
            for (int c = 0; c < ExcelTemplate.HEADERS.size(); c++) {
                h.createCell(c).setCellValue(ExcelTemplate.HEADERS.get(c));
            }
            for (int r = 1; r <= 3; r++) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue("ZJ0" + r);
                row.createCell(5).setCellValue(r * 1.5);
            }
            Sheet m = wb.createSheet(ExcelTemplate.META);
            m.createRow(0).createCell(1).setCellValue("zhuji-15th");
            for (int i = 0; i < extra; i++) {
                BigWorkbooks.numbers(wb.createSheet("附表" + i), 4950, 20);
            }
        });
    }

    @Test
    void sheetsOtherThanTheTemplatesAreNeverParsed() throws Exception {
        byte[] bytes = templateWithBigSheets(18);
        assertThat((long) bytes.length).as("about the report's size").isLessThan(LIMIT);
        ExcelImport.read(bytes, LIMIT); // warm up class loading
        long before = BigWorkbooks.allocatedByThisThread();
        var sheets = ExcelImport.read(bytes, LIMIT);
        long allocated = BigWorkbooks.allocatedByThisThread() - before;
        assertThat(sheets.keySet()).containsExactly(ExcelTemplate.SHEET, ExcelTemplate.META);
        // 18 × 99,000 cells parsed would allocate well over a gigabyte; the two template sheets a few megabytes
        assertThat(allocated).as("bytes allocated reading the file").isLessThan(40L << 20);

        ExcelImport.Workbook wb = ExcelImport.readWorkbook(bytes, LIMIT);
        assertThat(wb.stats().sheetsRead()).isEqualTo(2);
        assertThat(wb.stats().sheetsSkipped()).isEqualTo(18);
        assertThat(wb.stats().cellsRead()).as("cells and rows of 填报 and 信息 only").isLessThan(50);
    }

    @Test
    void cellsAreCountedOverTheWholeWorkbookNotPerSheet() throws Exception {
        // 填报 of 4,950 × 20 numbers: 99,000 cells, under the old per-sheet limit of 100,000 yet far over the template
        byte[] one = BigWorkbooks.attack(19, ExcelTemplate.SHEET);
        assertThat((long) one.length).isLessThan(LIMIT);
        ReportingException e = catchThrowableOfType(ReportingException.class, () -> ExcelImport.read(one, LIMIT));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains(ExcelImport.TOO_LARGE, "单元格超过" + ExcelImport.MAX_CELLS);

        // two sheets each within the limit, together over it
        byte[] two = BigWorkbooks.build(wb -> {
            BigWorkbooks.numbers(wb.createSheet(ExcelTemplate.SHEET), 4000, 9);
            BigWorkbooks.numbers(wb.createSheet(ExcelTemplate.META), 2500, 9);
        });
        ReportingException both = catchThrowableOfType(ReportingException.class, () -> ExcelImport.read(two, FIVE_MB));
        assertThat(both).isNotNull();
        assertThat(both.status()).isEqualTo(413);
        assertThat(both.getMessage()).contains("单元格超过");
    }

    @Test
    void sharedStringsAreBounded() throws Exception {
        byte[] bytes = BigWorkbooks.build(true, wb -> {
            wb.createSheet(ExcelTemplate.SHEET).createRow(0).createCell(0).setCellValue("指标代码");
            Sheet other = wb.createSheet("文字");
            for (int r = 0; r < ExcelImport.MAX_SHARED_STRINGS + 10; r++) {
                other.createRow(r).createCell(0).setCellValue("第" + r + "条说明");
            }
        });
        ReportingException e = catchThrowableOfType(ReportingException.class, () -> ExcelImport.read(bytes, FIVE_MB));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains("文字内容过多");
    }
}
