package cn.lantu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** .docx → text: paragraphs separated by blank lines, Word tables as tab-separated rows. */
final class DocxReader {
    private DocxReader() {
    }

    static String read(InputStream in) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(in)) {
            StringBuilder out = new StringBuilder();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    String t = p.getText();
                    if (t == null || t.isBlank()) {
                        continue;
                    }
                    for (String line : t.split("\r?\n|\u000b")) {
                        if (!line.isBlank()) {
                            out.append(line.strip()).append("\n\n");
                        }
                    }
                } else if (e instanceof XWPFTable table) {
                    appendTable(table, out);
                    out.append('\n');
                }
            }
            return out.toString();
        }
    }

    private static void appendTable(XWPFTable table, StringBuilder out) {
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                String t = cell.getText() == null ? "" : cell.getText().replaceAll("\\s*\r?\n\\s*", " ").strip();
                // a vertically merged continuation cell repeats nothing
                var tcPr = cell.getCTTc().getTcPr();
                boolean continuation = tcPr != null && tcPr.getVMerge() != null
                        && (tcPr.getVMerge().getVal() == null
                        || !"restart".equals(String.valueOf(tcPr.getVMerge().getVal())));
                cells.add(continuation ? "" : t.replace('\t', ' '));
                int span = tcPr != null && tcPr.getGridSpan() != null && tcPr.getGridSpan().getVal() != null
                        ? tcPr.getGridSpan().getVal().intValue() : 1;
                for (int i = 1; i < span; i++) {
                    cells.add("");
                }
            }
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            out.append(String.join("\t", cells)).append('\n');
        }
    }
}
