package cn.lantu.ingest;

import cn.lantu.outline.OutlineParser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Text PDF → text. PDFBox extracts lines page by page; lines are re-flowed into paragraphs (a paragraph ends
 * at a line that ends a sentence and is shorter than a full line, or before a heading); pages are separated by
 * blank lines so that the parser's page-break repair joins sentences split across pages. Page numbers are
 * dropped by the parser. Table rows keep their cell gaps (runs of spaces).
 */
final class PdfReader {
    private PdfReader() {
    }

    static String read(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<List<String>> pages = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(new ArrayList<>(Arrays.asList(stripper.getText(doc).split("\r?\n", -1))));
            }
            return joinPages(pages);
        }
    }

    /** Drops page numbers and running headers/footers (first/last lines repeated on several pages), reflows pages. */
    static String joinPages(List<List<String>> pages) {
        java.util.Map<String, Integer> edge = new java.util.HashMap<>();
        for (List<String> page : pages) {
            List<String> lines = page.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < Math.min(2, lines.size()); i++) {
                seen.add(lines.get(i));
                seen.add(lines.get(lines.size() - 1 - i));
            }
            seen.forEach(l -> edge.merge(l, 1, Integer::sum));
        }
        int threshold = Math.max(2, pages.size() / 2);
        StringBuilder out = new StringBuilder();
        java.util.Set<String> kept = new java.util.HashSet<>();
        for (List<String> page : pages) {
            List<String> lines = new ArrayList<>();
            for (String l : page) {
                String t = l.strip();
                if (OutlineParser.PAGE_MARK.matcher(t).matches() && !t.isEmpty()) {
                    continue;
                }
                if (!t.isEmpty() && t.length() <= 40 && edge.getOrDefault(t, 0) >= threshold) {
                    if (kept.add(t)) {
                        lines.add("");
                        lines.add(t); // keep the first occurrence (often the title) as its own paragraph
                        lines.add("");
                    }
                    continue;
                }
                lines.add(l);
            }
            out.append(reflow(lines)).append("\n\n");
        }
        return out.toString();
    }

    private static final Pattern HEADING = Pattern.compile(
            "^(第[一二三四五六七八九十百零〇]+[章节篇]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|专栏\\s*\\d+|表\\s*\\d+|图\\s*\\d+"
            + "|\\d{1,2}[.．](?!\\d)|[（(]\\d{1,2}[）)]|——).*");
    private static final Pattern TABLE_LINE = Pattern.compile(".*\\S(?: {2,}|\t)\\S.*(?: {2,}|\t)\\S.*");

    /** Joins hard-wrapped lines into paragraphs separated by blank lines. */
    static String reflow(List<String> lines) {
        int max = 0;
        List<Integer> lengths = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank()) {
                lengths.add(l.strip().length());
            }
        }
        if (!lengths.isEmpty()) {
            List<Integer> sorted = new ArrayList<>(lengths);
            sorted.sort(null);
            max = sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.9)));
        }
        StringBuilder out = new StringBuilder();
        StringBuilder para = new StringBuilder();
        for (String raw : lines) {
            String l = raw.strip();
            if (l.isEmpty()) {
                flush(para, out);
                continue;
            }
            boolean table = TABLE_LINE.matcher(raw).matches() || raw.indexOf('\t') >= 0;
            if (table) {
                flush(para, out);
                out.append(raw.stripTrailing()).append('\n');
                continue;
            }
            if (HEADING.matcher(l).matches() || para.length() == 0 && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                flush(para, out);
            }
            if (para.length() > 0 && Character.isLetterOrDigit(para.charAt(para.length() - 1))
                    && para.charAt(para.length() - 1) < 128 && Character.isLetterOrDigit(l.charAt(0)) && l.charAt(0) < 128) {
                para.append(' ');
            }
            para.append(l);
            char last = l.charAt(l.length() - 1);
            boolean endsSentence = "。！？；：!?;:”）".indexOf(last) >= 0;
            boolean shortLine = l.length() < Math.max(8, max * 0.85);
            boolean headingLine = HEADING.matcher(l).matches() && l.length() <= 40 && "。；".indexOf(last) < 0;
            if ((endsSentence && shortLine) || headingLine) {
                flush(para, out);
            }
        }
        flush(para, out);
        return out.toString();
    }

    private static void flush(StringBuilder para, StringBuilder out) {
        if (para.length() > 0) {
            if (out.length() > 0 && out.charAt(out.length() - 1) == '\n' && (out.length() < 2
                    || out.charAt(out.length() - 2) != '\n')) {
                out.append('\n');
            }
            out.append(para).append("\n\n");
            para.setLength(0);
        }
    }
}
