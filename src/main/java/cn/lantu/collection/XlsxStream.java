package cn.lantu.collection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import cn.lantu.web.Spreadsheets;

/**
 * Streams the cells of the named sheets of an uploaded .xlsx with a SAX parser, and nothing else: the XML of every
 * other sheet is never inflated or parsed, the shared strings are read by a bounded streaming reader (never POI's
 * in-memory table), and one cell counter runs over everything read, so that the work and memory an upload costs
 * are bounded by {@link Limits}, not by how many sheets or cells an attacker packs into five megabytes.
 * Unreadable files, zip bombs and files over a limit become the user-facing {@link ReportingException}s.
 */
final class XlsxStream {

    /** The cells of one sheet in document order; {@code row} is 1-based, {@code col} 0-based. */
    interface Sink {
        /** The sheet was found and its reading begins. */
        default void start() {
        }

        void cell(int row, int col, String type, String text, boolean formula);

        default void rowEnd(int row) {
        }

        /** The sheet's declared last row ({@code <dimension ref="A1:F2001">}), when the file states it. */
        default void dimension(int lastRow) {
        }
    }

    /**
     * Bounds of one read: cells (and rows) over all sheets read, shared strings (entries and characters), and the
     * characters of one cell.
     */
    record Limits(long maxCells, int maxSharedStrings, long maxSharedChars, int maxCellChars) {}

    /** What a read cost: cells and rows parsed, sheets parsed and skipped unread, shared strings held. */
    record Stats(long cellsRead, int sheetsRead, int sheetsSkipped, int sharedStrings, long sharedChars) {}

    /** Excel's own limit on the text of a cell. */
    static final int EXCEL_CELL_CHARS = 32_767;

    private XlsxStream() {
    }

    static String tooManyCells(long max) {
        return ExcelImport.TOO_LARGE + "（单元格超过" + max + "个：整个工作簿只读取需要的工作表，其中的单元格合计不能超过此数）";
    }

    /**
     * Reads the sheets named in {@code sheets} (others are skipped unread) and returns what the read cost; an .xls
     * (told by its content) goes to {@link XlsStream} with the same limits.
     */
    static Stats read(byte[] bytes, Limits limits, Map<String, Sink> sheets) {
        switch (Spreadsheets.format(bytes)) {
            case XLS -> {
                return XlsStream.read(bytes, limits, sheets);
            }
            case OTHER -> throw ReportingException.invalid(ExcelImport.NOT_XLSX, List.of());
            default -> { }
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("lantu-upload", ".xlsx");
            Files.write(tmp, bytes);
            try (OPCPackage pkg = OPCPackage.open(tmp.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                Counter counter = new Counter(limits.maxCells());
                List<String> strings = null;
                int read = 0;
                int skipped = 0;
                XSSFReader.SheetIterator it = reader.getSheetIterator();
                while (it.hasNext()) {
                    // next() only opens the part's stream: an unread sheet is never inflated
                    try (InputStream in = it.next()) {
                        Sink sink = sheets.get(it.getSheetName());
                        if (sink == null) {
                            skipped++;
                            continue;
                        }
                        if (strings == null) {
                            strings = sharedStrings(reader, limits);
                        }
                        read++;
                        sink.start();
                        XMLReader xml = XMLHelper.newXMLReader();
                        xml.setContentHandler(new CellHandler(strings, sink, counter, limits.maxCellChars()));
                        xml.parse(new InputSource(in));
                    }
                }
                long chars = strings == null ? 0 : strings.stream().mapToLong(String::length).sum();
                return new Stats(counter.cells, read, skipped, strings == null ? 0 : strings.size(), chars);
            }
        } catch (ReportingException | BulkFigureRowCheck.TooManyRows e) {
            throw e;
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw ReportingException.invalid(ExcelImport.NOT_XLSX, List.of());
        } catch (Exception e) {
            if (isZipBomb(e)) {
                throw ReportingException.invalid(ExcelImport.ZIP_BOMB, List.of());
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

    static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("MAX_ENTRY_SIZE")
                    || m.contains("inflate ratio"))) {
                return true;
            }
        }
        return false;
    }

    /** The shared strings, read with a bounded SAX pass (entries and characters counted as they come). */
    private static List<String> sharedStrings(XSSFReader reader, Limits limits) throws Exception {
        InputStream data;
        try {
            data = reader.getSharedStringsData();
        } catch (InvalidFormatException | IllegalArgumentException e) {
            data = null;
        }
        List<String> out = new ArrayList<>();
        if (data == null) {
            return out;
        }
        try (InputStream in = data) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                final StringBuilder text = new StringBuilder();
                long chars;
                boolean inItem;
                boolean inText;
                int phonetic;

                @Override
                public void startElement(String uri, String local, String qName, Attributes atts) {
                    switch (local) {
                        case "sst" -> {
                            String unique = atts.getValue("uniqueCount");
                            if (unique != null && unique.length() < 12 && unique.chars().allMatch(Character::isDigit)
                                    && Long.parseLong(unique) > limits.maxSharedStrings()) {
                                throw tooManyStrings(limits);
                            }
                        }
                        case "si" -> {
                            inItem = true;
                            text.setLength(0);
                            if (out.size() >= limits.maxSharedStrings()) {
                                throw tooManyStrings(limits);
                            }
                        }
                        case "rPh" -> phonetic++;
                        case "t" -> inText = inItem && phonetic == 0;
                        default -> { }
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (inText) {
                        chars += length;
                        if (chars > limits.maxSharedChars()) {
                            throw tooManyStrings(limits);
                        }
                        if (text.length() + length > limits.maxCellChars()) {
                            throw tooLong(limits.maxCellChars());
                        }
                        text.append(ch, start, length);
                    }
                }

                @Override
                public void endElement(String uri, String local, String qName) {
                    switch (local) {
                        case "t" -> inText = false;
                        case "rPh" -> phonetic--;
                        case "si" -> {
                            out.add(text.toString());
                            inItem = false;
                        }
                        default -> { }
                    }
                }
            });
            xml.parse(new InputSource(in));
        }
        return out;
    }

    static ReportingException tooManyStrings(Limits limits) {
        return new ReportingException(413, ExcelImport.TOO_LARGE + "（文字内容过多：不同的文字超过" + limits.maxSharedStrings()
                + "条或合计超过" + limits.maxSharedChars() + "字）");
    }

    static ReportingException tooLong(int max) {
        return new ReportingException(413, ExcelImport.TOO_LARGE + "（有单元格的内容超过" + max + "字）");
    }

    /** Cells and rows read so far over the whole workbook. */
    private static final class Counter {
        final long max;
        long cells;

        Counter(long max) {
            this.max = max;
        }

        void add() {
            if (++cells > max) {
                throw new ReportingException(413, tooManyCells(max));
            }
        }
    }

    /** Hands every cell (value text resolved, formula flagged) and every row end to the sink. */
    private static final class CellHandler extends DefaultHandler {
        private final List<String> strings;
        private final Sink sink;
        private final Counter counter;
        private final int maxCellChars;
        private final StringBuilder text = new StringBuilder();
        private int row;
        private int col = -1;
        private String type;
        private boolean formula;
        private boolean inCell;
        private boolean inValue;

        CellHandler(List<String> strings, Sink sink, Counter counter, int maxCellChars) {
            this.strings = strings;
            this.sink = sink;
            this.counter = counter;
            this.maxCellChars = maxCellChars;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "row" -> {
                    counter.add();
                    String r = atts.getValue("r");
                    row = r == null ? row + 1 : number(r);
                    col = -1;
                }
                case "c" -> {
                    counter.add();
                    String ref = atts.getValue("r");
                    col = ref == null ? col + 1 : columnOf(ref);
                    type = atts.getValue("t");
                    formula = false;
                    inCell = true;
                    text.setLength(0);
                }
                case "f" -> formula = true;
                case "v", "t" -> inValue = inCell;
                case "dimension" -> {
                    String ref = atts.getValue("ref");
                    String last = ref == null ? "" : ref.substring(ref.indexOf(':') + 1).replaceAll("^[A-Z]{1,4}", "");
                    if (!last.isEmpty() && last.length() < 8 && last.chars().allMatch(Character::isDigit)) {
                        sink.dimension(Integer.parseInt(last));
                    }
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                if (text.length() + length > maxCellChars) {
                    throw tooLong(maxCellChars);
                }
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    inCell = false;
                    String value = text.toString();
                    if ("s".equals(type) && !value.isEmpty()) {
                        value = shared(value.trim());
                    }
                    if (col >= 0) {
                        sink.cell(row, col, type, value, formula);
                    }
                }
                case "row" -> sink.rowEnd(row);
                default -> { }
            }
        }

        private String shared(String index) {
            int i = index.length() < 10 && !index.isEmpty() && index.chars().allMatch(Character::isDigit)
                    ? Integer.parseInt(index) : -1;
            if (i < 0 || i >= strings.size()) {
                throw ReportingException.invalid(ExcelImport.NOT_XLSX + "（文字引用无效）", List.of());
            }
            return strings.get(i);
        }

        private static int number(String s) {
            if (s.isEmpty() || s.length() > 7 || !s.chars().allMatch(Character::isDigit)) {
                throw ReportingException.invalid(ExcelImport.NOT_XLSX + "（行号无效）", List.of());
            }
            return Integer.parseInt(s);
        }

        /** The 0-based column of a cell reference such as "C17"; the row part is checked too. */
        private int columnOf(String ref) {
            int c = 0;
            int i = 0;
            while (i < ref.length() && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z' && i < 4) {
                c = c * 26 + (ref.charAt(i) - 'A' + 1);
                i++;
            }
            if (i == 0 || c > 16_384) {
                throw ReportingException.invalid(ExcelImport.NOT_XLSX + "（单元格位置无效：" + cut(ref) + "）", List.of());
            }
            if (i < ref.length()) {
                row = number(ref.substring(i));
            }
            return c - 1;
        }

        private static String cut(String s) {
            return s.length() > 20 ? s.substring(0, 20) + "…" : s;
        }
    }
}
