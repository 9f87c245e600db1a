package cn.lantu.collection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded workbook with POI's streaming SAX reader ({@link XSSFReader}), never building the whole
 * workbook in memory. Refuses outright what is not an xlsx, too large, a zip bomb (POI's ZipSecureFile limits) or
 * contains formulas where values are expected.
 */
final class ExcelImport {

    static final String NOT_XLSX = "文件不是Excel工作簿（.xlsx），请使用系统下载的模板";
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

    /** Reads the named sheets; throws a ReportingException (422/413) when the file is refused outright. */
    static Map<String, Sheet> read(byte[] bytes, long maxBytes) {
        if (bytes.length > maxBytes) {
            throw new ReportingException(413, TOO_LARGE + "（" + bytes.length / 1024 + " KB，上限 " + maxBytes / 1024
                    + " KB）");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw ReportingException.invalid(NOT_XLSX, List.of());
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("lantu-upload", ".xlsx");
            Files.write(tmp, bytes);
            try (OPCPackage pkg = OPCPackage.open(tmp.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                SharedStrings strings = reader.getSharedStringsTable();
                Map<String, Sheet> out = new LinkedHashMap<>();
                XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
                while (it.hasNext()) {
                    try (InputStream in = it.next()) {
                        String name = it.getSheetName();
                        out.put(name, parse(in, strings));
                    }
                }
                return out;
            }
        } catch (ReportingException e) {
            throw e;
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw ReportingException.invalid(NOT_XLSX, List.of(String.valueOf(e.getMessage())));
        } catch (Exception e) {
            if (isZipBomb(e)) {
                throw ReportingException.invalid(ZIP_BOMB, List.of());
            }
            throw ReportingException.invalid(NOT_XLSX + "（无法读取：" + e.getClass().getSimpleName() + "）", List.of());
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

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("MAX_ENTRY_SIZE")
                    || m.contains("inflate ratio"))) {
                return true;
            }
        }
        return false;
    }

    private static Sheet parse(InputStream in, SharedStrings strings)
            throws IOException, SAXException, ParserConfigurationException {
        Map<Integer, Map<Integer, Cell>> rows = new HashMap<>();
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new DefaultHandler() {
            String ref;
            String type;
            boolean formula;
            StringBuilder text;
            boolean inValue;
            int cellsSeen;

            @Override
            public void startElement(String uri, String local, String qName, Attributes atts) {
                switch (local) {
                    case "c" -> {
                        ref = atts.getValue("r");
                        type = atts.getValue("t");
                        formula = false;
                        text = new StringBuilder();
                        if (++cellsSeen > MAX_ROWS * 20) {
                            throw new ReportingException(413, TOO_LARGE + "（超过" + MAX_ROWS + "行）");
                        }
                    }
                    case "f" -> formula = true;
                    case "v", "t" -> inValue = true;
                    default -> { }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inValue && text != null) {
                    text.append(ch, start, length);
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                if (local.equals("v") || local.equals("t")) {
                    inValue = false;
                } else if (local.equals("c") && ref != null) {
                    CellReference cr = new CellReference(ref);
                    String value = text.toString();
                    if ("s".equals(type) && !value.isEmpty()) {
                        value = strings.getItemAt(Integer.parseInt(value.trim())).getString();
                    }
                    rows.computeIfAbsent(cr.getRow() + 1, k -> new HashMap<>())
                            .put((int) cr.getCol(), new Cell(type, value, formula));
                    ref = null;
                    text = null;
                }
            }
        });
        xml.parse(new InputSource(in));
        if (rows.keySet().stream().anyMatch(r -> r > MAX_ROWS)) {
            throw new ReportingException(413, TOO_LARGE + "（超过" + MAX_ROWS + "行）");
        }
        return new Sheet(rows);
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
