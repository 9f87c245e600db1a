package cn.lantu.outline;

import static cn.lantu.outline.OutlinePatterns.HR;
import static cn.lantu.outline.OutlinePatterns.HTML_TAG;
import static cn.lantu.outline.OutlinePatterns.MD_TABLE_SEP;
import static cn.lantu.outline.OutlinePatterns.PAGE_MARK;
import static cn.lantu.outline.OutlinePatterns.SPACED_CELLS;
import static cn.lantu.outline.OutlinePatterns.isStructural;

import cn.lantu.outline.OutlineParagraph.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step 1 of parsing: cuts the raw source into cleaned paragraphs and tables. Blank lines separate blocks; inside a
 * block, table lines and bullet/numbered lines start new units. Markdown marks, html tags and spaces that PDF
 * conversion put between CJK characters are removed; page numbers and running headers are marked as dropped.
 * Every character keeps its source offset (via {@link MappedText}).
 */
final class ParagraphSegmenter {

    private ParagraphSegmenter() {
    }

    private record Line(int start, int end) {
    }

    /** The units of {@code src} in order; page marks and running headers stay in the list, marked DROPPED. */
    static List<OutlineParagraph> segment(String src, List<String> warnings) {
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i <= n) {
            int j = src.indexOf('\n', i);
            if (j < 0) {
                j = n;
            }
            int e = j;
            if (e > i && src.charAt(e - 1) == '\r') {
                e--;
            }
            lines.add(new Line(i, e));
            if (j >= n) {
                break;
            }
            i = j + 1;
        }
        List<OutlineParagraph> out = new ArrayList<>();
        List<Line> block = new ArrayList<>();
        for (Line l : lines) {
            if (src.substring(l.start, l.end).isBlank()) {
                flushBlock(src, block, out);
                block.clear();
            } else {
                block.add(l);
            }
        }
        flushBlock(src, block, out);
        dropRunningHeaders(out, warnings);
        return out;
    }

    private static boolean isTableLine(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return false;
        }
        if (t.startsWith("|") && t.indexOf('|', 1) > 0) {
            return true;
        }
        if (s.indexOf('\t') >= 0 && !s.strip().isEmpty()) {
            return true;
        }
        Matcher m = SPACED_CELLS.matcher(t);
        int c = 0;
        while (m.find()) {
            c++;
        }
        return c >= 2;
    }

    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*+•●◆■]\\s+|\\d{1,2}[.．](?!\\d)|——|[（(]\\d{1,2}[）)]).*");

    private static void flushBlock(String src, List<Line> block, List<OutlineParagraph> out) {
        if (block.isEmpty()) {
            return;
        }
        // split into runs of table lines and text lines
        int k = 0;
        while (k < block.size()) {
            Line l = block.get(k);
            String s = src.substring(l.start, l.end);
            if (HR.matcher(s).matches()) {
                OutlineParagraph p = new OutlineParagraph();
                p.kind = Kind.HR;
                p.text = new MappedText();
                p.srcStart = l.start;
                p.srcEnd = l.end;
                out.add(p);
                k++;
                continue;
            }
            boolean table = isTableLine(s) && (k + 1 < block.size() && isTableLine(lineText(src, block.get(k + 1)))
                    || (k > 0 && isTableLine(lineText(src, block.get(k - 1)))) || s.indexOf('\t') >= 0
                    || s.strip().startsWith("|"));
            if (table) {
                OutlineParagraph p = new OutlineParagraph();
                p.kind = Kind.TABLE;
                p.srcStart = l.start;
                while (k < block.size() && isTableLine(lineText(src, block.get(k)))) {
                    Line r = block.get(k);
                    String rs = lineText(src, r);
                    if (!MD_TABLE_SEP.matcher(rs).matches()) {
                        p.rows.add(cleanRow(src, r.start, r.end));
                    }
                    p.srcEnd = r.end;
                    k++;
                }
                MappedText t = new MappedText();
                for (MappedText row : p.rows) {
                    if (t.length() > 0) {
                        t.appendSynthetic("\n", row.sourceStart());
                    }
                    t.append(row);
                }
                p.text = t;
                out.add(p);
                continue;
            }
            // text run: lines until a table line; a bullet/numbered line starts a new paragraph
            OutlineParagraph p = null;
            while (k < block.size()) {
                Line r = block.get(k);
                String rs = lineText(src, r);
                if (HR.matcher(rs).matches() || (isTableLine(rs) && (rs.indexOf('\t') >= 0 || rs.strip().startsWith("|")
                        || (k + 1 < block.size() && isTableLine(lineText(src, block.get(k + 1))))))) {
                    break;
                }
                boolean startsNew = p == null || BULLET.matcher(rs).matches() || rs.stripLeading().startsWith("#");
                if (startsNew) {
                    if (p != null) {
                        finishText(p, out);
                    }
                    p = new OutlineParagraph();
                    p.kind = Kind.TEXT;
                    p.text = new MappedText();
                    p.srcStart = r.start;
                }
                boolean[] flags = new boolean[2];
                MappedText cleaned = cleanLine(src, r.start, r.end, flags, p.text.length() == 0);
                if (p.text.length() == 0) {
                    p.hash = flags[0];
                    p.bullet = flags[1];
                } else if (cleaned.length() > 0 && isAsciiWord(p.text.charAt(p.text.length() - 1))
                        && isAsciiWord(cleaned.charAt(0))) {
                    p.text.appendSynthetic(" ", r.start);
                }
                p.text.append(cleaned);
                p.srcEnd = r.end;
                k++;
            }
            if (p != null) {
                finishText(p, out);
            }
        }
    }

    static boolean isAsciiWord(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static void finishText(OutlineParagraph p, List<OutlineParagraph> out) {
        p.text = removeOddSpaces(p.text);
        String s = p.text.toString();
        if (s.isEmpty()) {
            return;
        }
        if (PAGE_MARK.matcher(s).matches()) {
            p.kind = Kind.DROPPED;
        }
        out.add(p);
    }

    private static String lineText(String src, Line l) {
        return src.substring(l.start, l.end);
    }

    /** Strips markdown from one line: heading marks, list bullets, bold, escapes, html tags. */
    static MappedText cleanLine(String src, int start, int end, boolean[] flags, boolean first) {
        int i = start;
        while (i < end && MappedText.isBlank(src.charAt(i))) {
            i++;
        }
        if (i < end && src.charAt(i) == '>') {
            i++;
            while (i < end && src.charAt(i) == ' ') {
                i++;
            }
        }
        if (i < end && src.charAt(i) == '#') {
            while (i < end && src.charAt(i) == '#') {
                i++;
            }
            flags[0] = true;
            while (i < end && MappedText.isBlank(src.charAt(i))) {
                i++;
            }
        }
        if (i + 1 < end && "-*+•●◆■".indexOf(src.charAt(i)) >= 0 && MappedText.isBlank(src.charAt(i + 1))) {
            flags[1] = true;
            i += 2;
            while (i < end && MappedText.isBlank(src.charAt(i))) {
                i++;
            }
        }
        return cleanInline(src, i, end, false);
    }

    static MappedText cleanRow(String src, int start, int end) {
        return cleanInline(src, start, end, true);
    }

    private static MappedText cleanInline(String src, int start, int end, boolean keepLayout) {
        MappedText m = new MappedText();
        int i = start;
        while (i < end) {
            char c = src.charAt(i);
            if ((c == '*' || c == '_') && i + 1 < end && src.charAt(i + 1) == c) {
                i += 2;
                continue;
            }
            if (c == '\\' && i + 1 < end && "*_#[]()`\\|<>-.+!~".indexOf(src.charAt(i + 1)) >= 0) {
                m.append(src.charAt(i + 1), i + 1);
                i += 2;
                continue;
            }
            if (c == '<') {
                Matcher tag = HTML_TAG.matcher(src).region(i, end);
                if (tag.lookingAt()) {
                    String name = tag.group().toLowerCase();
                    if (name.startsWith("<br")) {
                        m.append(' ', i);
                    }
                    i = tag.end();
                    continue;
                }
            }
            if (c == '\r') {
                i++;
                continue;
            }
            m.append(c, i);
            i++;
        }
        return keepLayout ? m : m;
    }

    /** Removes spaces next to CJK characters ("绿色 低碳" → "绿色低碳") and collapses runs of spaces. */
    static MappedText removeOddSpaces(MappedText in) {
        MappedText out = new MappedText();
        int n = in.length();
        for (int i = 0; i < n; i++) {
            char c = in.charAt(i);
            if (MappedText.isBlank(c)) {
                int j = i;
                while (j < n && MappedText.isBlank(in.charAt(j))) {
                    j++;
                }
                boolean atEdge = out.length() == 0 || j >= n;
                char prev = out.length() > 0 ? out.charAt(out.length() - 1) : ' ';
                char next = j < n ? in.charAt(j) : ' ';
                if (!atEdge && !Cjk.isCjk(prev) && !Cjk.isCjk(next)) {
                    out.append(' ', in.sourceOffset(i));
                }
                i = j - 1;
                continue;
            }
            out.append(c, in.sourceOffset(i));
        }
        return out;
    }

    /** A short line repeated three or more times (and not numbered like a heading) is a page header or footer. */
    private static void dropRunningHeaders(List<OutlineParagraph> paras, List<String> warnings) {
        Map<String, Integer> counts = new HashMap<>();
        for (OutlineParagraph p : paras) {
            if (p.kind == Kind.TEXT && p.text.length() <= 40) {
                counts.merge(p.str(), 1, Integer::sum);
            }
        }
        Set<String> reported = new HashSet<>();
        for (OutlineParagraph p : paras) {
            if (p.kind != Kind.TEXT) {
                continue;
            }
            String s = p.str();
            Integer c = counts.get(s);
            if (c != null && c >= 3 && !isStructural(s) && !p.hash) {
                p.kind = Kind.DROPPED;
                if (reported.add(s)) {
                    warnings.add("dropped running header/footer repeated " + c + " times: " + s);
                }
            }
        }
    }

    /** {@code s} cleaned the way paragraph text is cleaned (markup removed, odd spaces next to CJK removed). */
    static String normalizeLikeText(String s) {
        return removeOddSpaces(cleanInline(s, 0, s.length(), false)).toString();
    }
}
