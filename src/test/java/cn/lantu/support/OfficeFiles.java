package cn.lantu.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Office files as other suites write them: an .xlsx re-saved as .xls (Excel 97–2003) by POI HSSF, the same through
 * LibreOffice ({@code soffice --headless --convert-to}) where it is installed, and a WPS-like compound file.
 */
public final class OfficeFiles {

    private OfficeFiles() {
    }

    /** The cell values (text, numbers, booleans) of every sheet of {@code xlsx}, written as an .xls by HSSF. */
    public static byte[] toXls(byte[] xlsx) throws Exception {
        try (Workbook in = WorkbookFactory.create(new ByteArrayInputStream(xlsx));
             HSSFWorkbook out = new HSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            for (Sheet sheet : in) {
                Sheet copy = out.createSheet(sheet.getSheetName());
                for (Row row : sheet) {
                    Row r = copy.createRow(row.getRowNum());
                    for (Cell cell : row) {
                        Cell c = r.createCell(cell.getColumnIndex());
                        switch (cell.getCellType()) {
                            case STRING -> c.setCellValue(cell.getStringCellValue());
                            case NUMERIC -> c.setCellValue(cell.getNumericCellValue());
                            case BOOLEAN -> c.setCellValue(cell.getBooleanCellValue());
                            default -> { }
                        }
                    }
                }
            }
            out.write(bytes);
            return bytes.toByteArray();
        }
    }

    /** An OLE2 compound file with no Excel "Workbook" stream, as a WPS .et or a Word .doc is to an .xls reader. */
    public static byte[] compoundFileWithoutWorkbook() throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream("WPS表格".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "WpsContent");
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    public static boolean sofficeInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/soffice"));
    }

    /** {@code bytes} (a file ending {@code fromExt}) converted by LibreOffice to {@code toExt} ("xls", "xlsx", "pdf"). */
    public static byte[] soffice(byte[] bytes, String fromExt, String toExt) throws Exception {
        Path dir = Files.createTempDirectory("lantu-soffice");
        Path src = dir.resolve("in." + fromExt);
        Files.write(src, bytes);
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder("/usr/bin/soffice", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--headless", "--convert-to", toExt, "--outdir", out.toString(), src.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("soffice did not finish in 180 s");
        }
        Path result = out.resolve("in." + toExt);
        if (!Files.exists(result)) {
            throw new IllegalStateException("soffice wrote nothing: " + Files.readString(dir.resolve("log")));
        }
        return Files.readAllBytes(result);
    }
}
