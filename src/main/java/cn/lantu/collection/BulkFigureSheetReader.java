package cn.lantu.collection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the bulk import sheet row by row with POI's event reader (no cell map, no workbook in memory), so that a
 * 200,000-row file fits in a small heap; every completed row goes to the {@link BulkFigureRowCheck}. Unreadable
 * files, zip bombs and too many rows become the user-facing {@link ReportingException}s.
 */
final class BulkFigureSheetReader {

    private BulkFigureSheetReader() {
    }

    /** Feeds every row of the sheet {@link BulkFigureImport#SHEET} of {@code bytes} to {@code checker}. */
    static void read(byte[] bytes, BulkFigureRowCheck checker) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("lantu-bulk", ".xlsx");
            Files.write(tmp, bytes);
            try (OPCPackage pkg = OPCPackage.open(tmp.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                SharedStrings strings = reader.getSharedStringsTable();
                XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
                boolean found = false;
                while (it.hasNext()) {
                    try (InputStream in = it.next()) {
                        if (BulkFigureImport.SHEET.equals(it.getSheetName())) {
                            found = true;
                            XMLReader xml = XMLHelper.newXMLReader();
                            xml.setContentHandler(new RowHandler(strings, checker));
                            xml.parse(new InputSource(in));
                        }
                    }
                }
                if (!found) {
                    throw ReportingException.invalid("找不到工作表“" + BulkFigureImport.SHEET + "”，请使用系统下载的批量导入模板",
                            List.of());
                }
            }
        } catch (ReportingException e) {
            throw e;
        } catch (BulkFigureRowCheck.TooManyRows e) {
            throw new ReportingException(413, ExcelImport.TOO_LARGE + "（超过" + BulkFigureImport.MAX_ROWS + "行）");
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw ReportingException.invalid(ExcelImport.NOT_XLSX, List.of(String.valueOf(e.getMessage())));
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage());
                if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("inflate ratio")) {
                    throw ReportingException.invalid(ExcelImport.ZIP_BOMB, List.of());
                }
            }
            throw ReportingException.invalid(ExcelImport.NOT_XLSX + "（无法读取：" + e.getClass().getSimpleName() + "）",
                    List.of());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // temp file cleanup is best effort
                }
            }
        }
    }

    /** SAX handler that hands each completed row (columns A–F) to the checker, keeping no cells behind it. */
    private static final class RowHandler extends DefaultHandler {
        private final SharedStrings strings;
        private final BulkFigureRowCheck checker;
        private final String[] cells = new String[BulkFigureImport.HEADERS.size()];
        private final boolean[] formula = new boolean[BulkFigureImport.HEADERS.size()];
        private final StringBuilder text = new StringBuilder();
        private int line;
        private int col = -1;
        private String type;
        private boolean inValue;

        RowHandler(SharedStrings strings, BulkFigureRowCheck checker) {
            this.strings = strings;
            this.checker = checker;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "row" -> {
                    java.util.Arrays.fill(cells, null);
                    java.util.Arrays.fill(formula, false);
                    String r = atts.getValue("r");
                    line = r == null ? line + 1 : Integer.parseInt(r);
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    col = ref == null ? col + 1 : columnOf(ref);
                    type = atts.getValue("t");
                    text.setLength(0);
                }
                case "f" -> {
                    if (col >= 0 && col < cells.length) {
                        formula[col] = true;
                    }
                }
                case "v", "t" -> inValue = true;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    if (col >= 0 && col < cells.length) {
                        String v = text.toString();
                        if ("s".equals(type) && !v.isEmpty()) {
                            v = strings.getItemAt(Integer.parseInt(v.trim())).getString();
                        }
                        cells[col] = v;
                    }
                }
                case "row" -> {
                    checker.row(line, cells, formula);
                    col = -1;
                }
                default -> { }
            }
        }

        /** The 0-based column of a cell reference such as "C17" (letters only, no allocation). */
        private static int columnOf(String ref) {
            int c = 0;
            for (int i = 0; i < ref.length(); i++) {
                char ch = ref.charAt(i);
                if (ch < 'A' || ch > 'Z') {
                    break;
                }
                c = c * 26 + (ch - 'A' + 1);
            }
            return c - 1;
        }
    }
}
