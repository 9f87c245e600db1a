package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A template upload far beyond the row limit is refused as too large (413), not misreported as "not an xlsx". */
class ExcelImportLimitsTest {

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
}
