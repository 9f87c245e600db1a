package cn.lantu.ingest;

import cn.lantu.outline.OutlineParser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a table row into cells and tidies cell text. Rows arrive as Markdown (| a | b |), tab-separated (Word
 * tables, converted by the reader) or space-aligned text, where two or more spaces separate cells.
 */
final class TableCells {

    private TableCells() {
    }

    /** The cells of one row, stripped; empty cells are kept so that columns stay aligned. */
    static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        String r = row;
        if (r.strip().startsWith("|")) {
            String s = r.strip();
            if (s.startsWith("|")) {
                s = s.substring(1);
            }
            if (s.endsWith("|")) {
                s = s.substring(0, s.length() - 1);
            }
            for (String c : s.split("\\|", -1)) {
                out.add(c.strip());
            }
            return out;
        }
        if (r.indexOf('\t') >= 0) {
            for (String c : r.split("\t", -1)) {
                out.add(c.strip());
            }
        } else {
            for (String c : r.strip().split("(?: {2,}|\u3000+)", -1)) {
                out.add(c.strip());
            }
        }
        return out;
    }

    /** The cell of the column with {@code role}, or null when the table has no such column. */
    static String valueFor(List<String> values, List<ColumnRole> roles, ColumnRole role) {
        int i = roles.indexOf(role);
        return i >= 0 && i < values.size() ? values.get(i) : null;
    }

    static List<String> trimTrailingEmpty(List<String> cs) {
        List<String> out = new ArrayList<>(cs);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Removes spaces (except between two Latin letters) and markup; half-width parentheses become full-width. */
    static String compact(String s) {
        String t = s.replaceAll("</?[a-zA-Z]+[^>]*>", "").replace("\\*", "*");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == '\u3000' || c == '\t') {
                char p = b.length() > 0 ? b.charAt(b.length() - 1) : ' ';
                char n = i + 1 < t.length() ? t.charAt(i + 1) : ' ';
                if (Character.isLetter(p) && p < 128 && Character.isLetter(n) && n < 128) {
                    b.append(' ');
                }
                continue;
            }
            b.append(c == '(' ? '（' : c == ')' ? '）' : c);
        }
        return b.toString().strip();
    }

    private static final java.util.regex.Pattern FOOTNOTE = java.util.regex.Pattern.compile(
            "[★☆※∗＊*△▲#＃]+|[［\\[]\\d{1,2}[］\\]]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
            + "|(?<=[\\u4e00-\\u9fff])(?<![第前近每约超达])[1-9](?=[\\u4e00-\\u9fff])(?![岁个年月日万亿千百元人项家次倍级类号条所座张辆台套批轮代])");

    /** An indicator name without footnote marks (★, ∗, [1], superscripts, a digit glued between words). */
    static String withoutFootnotes(String name) {
        return name == null ? null : FOOTNOTE.matcher(name).replaceAll("").strip();
    }

    /** Whether a cell is empty or holds only a dash: no value given. */
    static boolean absent(String cell) {
        if (cell == null) {
            return true;
        }
        String c = OutlineParser.norm(cell);
        return c.isEmpty() || c.matches("[—\\-－–/／]+");
    }
}
