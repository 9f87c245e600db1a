package cn.lantu.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Brings outline text as officials have it into the shape the outline parser reads (paragraphs separated by
 * blank lines, table rows as tab-separated lines):
 * <ul>
 *   <li>drops page footers ({@code — 13 —}, {@code 第3页}), roman page numbers of the contents, contents lines with
 *       dotted leaders and page numbers, and the site navigation of a web page above the first real paragraph;</li>
 *   <li>turns indicator tables written one cell per line or with single spaces between cells into tab-separated
 *       rows ({@link LineTable});</li>
 *   <li>unwraps hard-wrapped PDF text; text with one paragraph per line (no blank lines) gets blank lines.</li>
 * </ul>
 * Text that already has the parser's shape (paragraphs separated by blank lines) keeps its page numbers and
 * splits for the parser's page-break repair; unless a table needs rewriting it passes through unchanged.
 */
final class OutlineText {
    private OutlineText() {
    }

    static final Pattern FOOTER = Pattern.compile(
            "^\\s*(?:[—–\\-－]{1,2}\\s*\\d{1,4}\\s*[—–\\-－]{1,2}|第\\s*\\d{1,4}\\s*页(?:\\s*[/，,]?\\s*共\\s*\\d{1,4}\\s*页)?"
            + "|[IVXLC]{1,6}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,3})\\s*$");
    static final Pattern TOC_LINE = Pattern.compile("^.*\\S\\s*(?:[.．·…•]\\s*){4,}\\s*\\d{1,4}\\s*$");
    private static final Pattern DATE_TIME = Pattern.compile("^\\s*(?:\\d{4}[-/年])?\\d{1,2}[-/月]\\d{1,2}日?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?\\s*$");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[。！？；：!?;:”’）)】」』]$");

    static String prepare(String raw) {
        List<String> lines = new ArrayList<>(List.of(raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        List<String> kept = new ArrayList<>();
        for (String l : lines) {
            String t = l.strip();
            if (t.isEmpty() || !(FOOTER.matcher(t).matches() || TOC_LINE.matcher(t).matches()
                    || DATE_TIME.matcher(t).matches())) {
                kept.add(l.stripTrailing());
            }
        }
        dropNavigation(kept);
        if (hardWrapped(kept)) {
            return PdfReader.reflow(LineTable.convert(kept));
        }
        if (singleNewlines(kept)) {
            return spaceParagraphs(LineTable.convert(kept));
        }
        // blank-line separated text: page numbers stay for the parser's page-break repair, which records its joins
        List<String> converted = LineTable.convert(lines);
        return converted.equals(lines) ? raw : String.join("\n", converted);
    }

    /** Short lines (menu items) above the first real paragraph of a web page: dropped when there are several. */
    private static void dropNavigation(List<String> lines) {
        int first = 0;
        while (first < lines.size() && lines.get(first).strip().length() < 30) {
            first++;
        }
        if (first >= lines.size()) {
            return;
        }
        List<Integer> menu = new ArrayList<>();
        for (int i = 0; i < first; i++) {
            String t = lines.get(i).strip();
            if (!t.isEmpty() && t.length() <= 6 && !t.startsWith("#") && !t.matches(".*[\\d一二三四五六七八九十]、?.*")
                    && !t.replace(" ", "").matches("目录|前言|序言")) {
                menu.add(i);
            }
        }
        if (menu.size() >= 3) {
            for (int k = menu.size() - 1; k >= 0; k--) {
                lines.remove((int) menu.get(k));
            }
        }
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /**
     * PDF text: few blank lines, and most lines of about the same (full) length, many of them ending mid-sentence.
     */
    static boolean hardWrapped(List<String> lines) {
        int nonBlank = 0;
        int blank = 0;
        int open = 0;
        for (String l : lines) {
            String t = l.strip();
            if (t.isEmpty()) {
                blank++;
            } else if (l.indexOf('\t') < 0) {
                nonBlank++;
                if (!SENTENCE_END.matcher(t).matches() && t.length() >= 15) {
                    open++;
                }
            }
        }
        return nonBlank >= 8 && blank * 10 <= nonBlank && open * 3 > nonBlank;
    }

    /** One paragraph per line, without blank lines between them. */
    private static boolean singleNewlines(List<String> lines) {
        int nonBlank = 0;
        int blank = 0;
        for (String l : lines) {
            if (l.isBlank()) {
                blank++;
            } else {
                nonBlank++;
            }
        }
        return nonBlank > 3 && blank <= nonBlank / 4;
    }

    /** Blank lines between paragraphs; consecutive table rows (tabs, pipes) stay together. */
    private static String spaceParagraphs(List<String> lines) {
        StringBuilder out = new StringBuilder();
        boolean prevTable = false;
        for (String l : lines) {
            if (l.isBlank()) {
                continue;
            }
            boolean table = l.indexOf('\t') >= 0 || l.strip().startsWith("|");
            if (out.length() > 0) {
                out.append(table && prevTable ? "\n" : "\n\n");
            }
            out.append(l);
            prevTable = table;
        }
        return out.append('\n').toString();
    }
}
