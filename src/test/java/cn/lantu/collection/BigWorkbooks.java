package cn.lantu.collection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Workbooks of the memory-exhaustion report (many sheets of thousands of numbers), built with SXSSF. */
final class BigWorkbooks {

    private BigWorkbooks() {
    }

    /** Fills a sheet with {@code rows} × {@code cols} numbers. */
    static void numbers(Sheet s, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            Row row = s.createRow(r);
            for (int c = 0; c < cols; c++) {
                row.createCell(c).setCellValue((r * cols + c) % 1000);
            }
        }
    }

    /** A workbook built by {@code fill}, streamed to bytes. */
    static byte[] build(Consumer<SXSSFWorkbook> fill) throws IOException {
        return build(false, fill);
    }

    /** As {@link #build(Consumer)}, with text in the shared strings part when {@code sharedStrings}. */
    static byte[] build(boolean sharedStrings, Consumer<SXSSFWorkbook> fill) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, sharedStrings);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(wb);
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    /** The report's attack: {@code sheets} sheets of 4,950 × 20 numbers, the first named {@code firstName}. */
    static synchronized byte[] attack(int sheets, String firstName) throws IOException {
        return ATTACKS.computeIfAbsent(sheets + "/" + firstName, k -> {
            try {
                return buildAttack(sheets, firstName);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static final java.util.Map<String, byte[]> ATTACKS = new java.util.HashMap<>();

    private static byte[] buildAttack(int sheets, String firstName) throws IOException {
        return build(wb -> {
            for (int i = 0; i < sheets; i++) {
                numbers(wb.createSheet(i == 0 ? firstName : "数据" + i), 4950, 20);
            }
        });
    }

    /** Bytes allocated by all live threads so far (HotSpot's per-thread counters). */
    static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = t.getAllThreadIds();
        long sum = 0;
        for (long a : t.getThreadAllocatedBytes(ids)) {
            sum += Math.max(0, a);
        }
        return sum;
    }

    /** Bytes allocated by the current thread so far. */
    static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
