package cn.lantu.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Indicator tables in text that lost its cell borders, rewritten as tab-separated rows:
 * <ul>
 *   <li>single spaces between cells (text copied from a PDF): the columns are read from the header words, a row
 *       is cut at the unit bracket ending the name or, without one, by reading value cells from the right;</li>
 *   <li>one cell per line (text copied from a web page), with or without blank lines between rows.</li>
 * </ul>
 * Rows that wrap onto the next line are joined, category rows (一、经济强（12 项）) become one-cell rows, a header
 * repeated after a page break is dropped, and the table ends at the first heading, note or prose paragraph.
 */
final class LineTable {
    private LineTable() {
    }

    enum Role { NUMBER, CATEGORY, NAME, UNIT, ATTRIBUTE, VALUE, OTHER }

    private static final Pattern HEADER_WORD = Pattern.compile(
            "序号|编号|类别|分类|领域|一级指标|二级指标|指标名称|主要指标|指标|计量单位|单位|属性|指标属性|备注"
            + "|(?:(?:19|20)\\d{2}年?(?:[—\\-~至](?:19|20)?\\d{2,4}年?)?)(?:预期目标值?|目标值?|基期值?|现状值?|基数|实际值?|完成值?|预计值?|值)?"
            + "|年均增长率?(?:[［\\[【（(]?累计[］\\]】）)]?)?|年均增速|五年累计|[［\\[【（(]累计[］\\]】）)]|累计|目标值?|基期值?|现状值?");
    private static final Pattern ATTRIBUTE = Pattern.compile("(?:预期性?|约束性?|指导性)[*＊★∗]?");
    private static final Pattern UNIT_TAIL = Pattern.compile(".*[（(][^（）()\\d]{0,12}[%‰a-zA-Z/／²³·\\u4e00-\\u9fff][^（）()]{0,8}[）)]$");
    private static final Pattern CATEGORY = Pattern.compile(
            "^(?:[一二三四五六七八九十]+[、.．]\\S.{0,24}|[（(][一二三四五六七八九十]+[）)]\\S.{0,24}|\\S{2,16}[（(]\\s*\\d+\\s*项\\s*[）)])$");
    private static final Pattern HEADING = Pattern.compile("^(?:第[一二三四五六七八九十百零〇]+[章节篇]|#|注[：:]|说明[：:]|备注[：:]|资料来源|专栏\\s*\\d).*");
    private static final Pattern NUMBER_START = Pattern.compile("^\\d{1,3}(?:[\\s.．、]+\\S.*|)$");
    private static final Pattern SUB_START = Pattern.compile("^(?:[a-zA-Z][.、．）)]|[（(][a-zA-Z][）)]|其中[：:]).*");
    private static final Pattern UNIT = Pattern.compile(
            "%|％|‰|[万亿千百十]?(?:元|人|个|家|所|件|项|岁|年|吨|亩|公顷|公里|千米|米|平方米|立方米|平方公里|千瓦|千瓦时|瓦|张|床|辆|户|套|座|次|人次|标箱|分|斤|天|小时|倍|元/人|美元|标准煤)"
            + "(?:[/／·][^\\s\\d]{1,6})?|[a-zA-Z][a-zA-Z0-9/·]{0,8}|[^\\s\\d]{1,4}/[^\\s\\d]{1,6}");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,3})(?:[\\s.．、]|$)");
    private static final Pattern QUALIFIER = Pattern.compile("左右|以上|以内|以下|个百分点.*|倍|%|％|‰|\\]|］|〕|】");

    /** Lines with any such table rewritten; all other lines unchanged. */
    static List<String> convert(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            List<String> header = line.indexOf('\t') < 0 && !line.strip().startsWith("|") ? headerWords(line) : null;
            if (header != null && header.size() >= 3) {
                i = spacedTable(lines, i, header, out);
            } else if (header != null && header.size() == 1) {
                int end = cellPerLineTable(lines, i, out);
                if (end == i) {
                    out.add(line);
                    i++;
                } else {
                    i = end;
                }
            } else {
                out.add(line);
                i++;
            }
        }
        return out;
    }

    /** The header words of a line when it consists of them only (and names the indicator column), else null. */
    static List<String> headerWords(String line) {
        String c = line.replaceAll("\\s+", "");
        if (c.isEmpty() || c.length() > 70) {
            return null;
        }
        Matcher m = HEADER_WORD.matcher(c);
        List<String> words = new ArrayList<>();
        int pos = 0;
        while (m.find()) {
            if (m.start() != pos) {
                return null;
            }
            words.add(m.group());
            pos = m.end();
        }
        if (pos != c.length()) {
            return null;
        }
        return words;
    }

    static Role role(String word) {
        if (word.contains("属性")) {
            return Role.ATTRIBUTE;
        }
        if (word.equals("序号") || word.equals("编号")) {
            return Role.NUMBER;
        }
        if (word.equals("类别") || word.equals("分类") || word.equals("领域") || word.equals("一级指标")) {
            return Role.CATEGORY;
        }
        if (word.contains("单位")) {
            return Role.UNIT;
        }
        if (word.contains("指标")) {
            return Role.NAME;
        }
        return word.equals("备注") ? Role.OTHER : Role.VALUE;
    }

    private static int spacedTable(List<String> lines, int start, List<String> header, List<String> out) {
        List<Role> roles = header.stream().map(LineTable::role).toList();
        if (!roles.contains(Role.NAME) || roles.indexOf(Role.NAME) == roles.size() - 1) {
            out.add(lines.get(start));
            return start + 1;
        }
        String headerKey = lines.get(start).replaceAll("\\s+", "");
        out.add(String.join("\t", header));
        int i = start + 1;
        String pending = null;
        while (i < lines.size()) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) {
                i++;
                continue;
            }
            if (t.replaceAll("\\s+", "").equals(headerKey) || (pending == null && headerWords(t) != null)) {
                i++; // header repeated after a page break, or the second row of a two-row header
                continue;
            }
            boolean rowStart = NUMBER_START.matcher(t).matches() || SUB_START.matcher(t).matches()
                    || !roles.contains(Role.NUMBER) && !prose(t);
            if (HEADING.matcher(t).matches() || !rowStart && prose(t)) {
                break;
            }
            if (CATEGORY.matcher(t.replaceAll("\\s+", "")).matches() && !NUMBER_START.matcher(t).matches()) {
                flush(pending, header, out);
                pending = null;
                out.add("\t" + t.replaceAll("\\s+", ""));
            } else if (rowStart && (pending == null || complete(pending, roles) || nextNumber(t, pending))) {
                flush(pending, header, out);
                pending = t;
            } else if (pending == null) {
                break;
            } else {
                pending = continueRow(pending, t, roles);
            }
            i++;
        }
        flush(pending, header, out);
        out.add("");
        return i;
    }

    /** Row n+1 after row n starts a new row even when row n looked unfinished. */
    private static boolean nextNumber(String t, String pending) {
        Matcher a = LEADING_NUMBER.matcher(t);
        Matcher b = LEADING_NUMBER.matcher(pending);
        return a.find() && b.find() && Integer.parseInt(a.group(1)) == Integer.parseInt(b.group(1)) + 1;
    }

    private static boolean prose(String t) {
        return t.endsWith("。") || t.length() >= 28 && (t.contains("，") || t.contains("。"));
    }

    private static void flush(String row, List<String> header, List<String> out) {
        if (row != null) {
            out.add(String.join("\t", cells(row, header)));
        }
    }

    /** A row is complete when it ends with its attribute (or, without that column, with a value). */
    private static boolean complete(String row, List<Role> roles) {
        List<String> tok = tokens(row);
        String last = tok.get(tok.size() - 1);
        return roles.get(roles.size() - 1) == Role.ATTRIBUTE ? ATTRIBUTE.matcher(last).matches() : valueish(last);
    }

    /** Wrapped text: the rest of the name (it ends with the unit bracket) or of a worded value before the attribute. */
    private static String continueRow(String row, String more, List<Role> roles) {
        if (!complete(row, roles)) {
            return row + " " + more;
        }
        List<String> tok = new ArrayList<>(tokens(row));
        int at = tok.size();
        if (ATTRIBUTE.matcher(tok.get(at - 1)).matches()) {
            at--;
        }
        if (more.contains("（") || more.contains("(")) {
            while (at > 1 && valueish(tok.get(at - 1))) {
                at--;
            }
            tok.add(at, more);
        } else {
            tok.set(at - 1, tok.get(at - 1) + more);
        }
        return String.join(" ", tok);
    }

    /** Whitespace-separated tokens, with 左右/以上/个百分点… and lone comparison signs joined to their number. */
    static List<String> tokens(String row) {
        List<String> out = new ArrayList<>();
        String glue = "";
        for (String t : row.strip().split("[\\s\u3000]+")) {
            if (t.matches("[<>＜＞≤≥≦≧~～\\[［【〔]+")) {
                glue += t;
                continue;
            }
            t = glue + t;
            glue = "";
            if (!out.isEmpty() && QUALIFIER.matcher(t).matches() && valueish(out.get(out.size() - 1))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + t);
            } else {
                out.add(t);
            }
        }
        if (!glue.isEmpty()) {
            out.add(glue);
        }
        return out;
    }

    static boolean valueish(String t) {
        return t.matches(".*\\d.*") && !UNIT_TAIL.matcher(t).matches() || t.matches("[—\\-－–/／]+");
    }

    /** The cells of one row in header order. */
    static List<String> cells(String row, List<String> header) {
        List<Role> roles = header.stream().map(LineTable::role).toList();
        List<String> tok = new ArrayList<>(tokens(row));
        String[] cells = new String[roles.size()];
        java.util.Arrays.fill(cells, "");
        int nameAt = roles.indexOf(Role.NAME);
        int from = 0;
        for (int r = 0; r < nameAt && from < tok.size() - 1; r++) {
            String t = tok.get(from);
            if (roles.get(r) == Role.NUMBER && t.matches("\\d{1,3}[.．、]?")) {
                cells[r] = t.replaceAll("[.．、]", "");
                from++;
            } else if (roles.get(r) == Role.CATEGORY && !t.matches("\\d.*") && from + 1 < tok.size()
                    && tok.get(from + 1).matches("\\d{1,3}[.．、]?")) {
                cells[r] = t;
                from++;
            }
        }
        List<Integer> right = new ArrayList<>();
        for (int r = nameAt + 1; r < roles.size(); r++) {
            right.add(r);
        }
        // the attribute is recognised by its words wherever its column is
        int attrCol = roles.indexOf(Role.ATTRIBUTE);
        if (attrCol > nameAt) {
            for (int k = tok.size() - 1; k > from; k--) {
                if (ATTRIBUTE.matcher(tok.get(k)).matches()) {
                    cells[attrCol] = tok.remove(k);
                    break;
                }
            }
            right.remove(Integer.valueOf(attrCol));
        }
        int unitCol = roles.indexOf(Role.UNIT);
        int nameEnd = -1;
        for (int k = from; k < tok.size(); k++) {
            if (UNIT_TAIL.matcher(tok.get(k)).matches()) {
                nameEnd = k + 1; // the name ends with its unit in brackets
            }
        }
        if (nameEnd < 0 && unitCol > nameAt) {
            for (int k = from + 1; k < tok.size(); k++) {
                if (UNIT.matcher(tok.get(k)).matches()) {
                    cells[unitCol] = tok.remove(k);
                    right.remove(Integer.valueOf(unitCol));
                    nameEnd = k;
                    break;
                }
            }
        }
        right.removeIf(r -> roles.get(r) != Role.VALUE);
        if (nameEnd < 0) {
            // no unit to cut at: value cells are read from the right
            nameEnd = tok.size();
            int v = right.size();
            while (v > 0 && nameEnd > from + 1 && valueish(tok.get(nameEnd - 1))) {
                nameEnd--;
                v--;
            }
        }
        List<String> values = joinWords(tok.subList(Math.min(nameEnd, tok.size()), tok.size()));
        boolean rateLast = !right.isEmpty() && rateColumn(header, right.get(right.size() - 1));
        int shift = values.size() < right.size() && !rateLast ? right.size() - values.size() : 0;
        for (int k = 0; k < values.size() && k + shift < right.size(); k++) {
            boolean last = k + shift == right.size() - 1;
            cells[right.get(k + shift)] = last ? String.join("", values.subList(k, values.size())) : values.get(k);
        }
        cells[nameAt] = TableCells.compact(String.join(" ", tok.subList(from, Math.min(nameEnd, tok.size()))));
        return List.of(cells);
    }

    /** Consecutive worded tokens (与经济增长 / 保持同步) are one cell. */
    private static List<String> joinWords(List<String> tok) {
        List<String> out = new ArrayList<>();
        for (String t : tok) {
            if (!out.isEmpty() && !valueish(t) && !valueish(out.get(out.size() - 1))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + t);
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether the value column {@code col} is a rate / cumulative column (missing cells there are at the end). */
    private static boolean rateColumn(List<String> header, int col) {
        return header.get(col).contains("年均") || header.get(col).contains("累计");
    }

    /** Header cells one per line, then rows one cell per line; returns the index after the table (start if none). */
    private static int cellPerLineTable(List<String> lines, int start, List<String> out) {
        List<String> header = new ArrayList<>();
        int i = start;
        while (i < lines.size()) {
            String t = lines.get(i).strip();
            List<String> w = t.isEmpty() ? null : headerWords(t);
            if (t.isEmpty()) {
                i++;
                continue;
            }
            if (w == null || w.size() != 1) {
                break;
            }
            header.add(w.get(0));
            i++;
        }
        List<Role> roles = header.stream().map(LineTable::role).toList();
        if (header.size() < 3 || !roles.contains(Role.NAME)) {
            return start;
        }
        boolean numbered = roles.get(0) == Role.NUMBER;
        out.add(String.join("\t", header));
        List<String> row = new ArrayList<>();
        int lastNumber = 0;
        while (i < lines.size()) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) {
                i++;
                continue;
            }
            if (HEADING.matcher(t).matches() || prose(t) || t.replaceAll("\\s+", "").equals(header.get(0))) {
                if (!t.replaceAll("\\s+", "").equals(header.get(0))) {
                    break;
                }
                i += header.size(); // repeated header, one cell per line
                continue;
            }
            boolean category = CATEGORY.matcher(t.replaceAll("\\s+", "")).matches();
            boolean newRow = category || row.size() >= header.size()
                    || numbered && t.matches("\\d{1,3}") && Integer.parseInt(t) == lastNumber + 1 && row.size() >= 2;
            if (numbered && (newRow || row.isEmpty()) && t.matches("\\d{1,3}") && Integer.parseInt(t) == lastNumber + 1) {
                lastNumber = Integer.parseInt(t);
            }
            if (newRow && !row.isEmpty()) {
                out.add(String.join("\t", row));
                row.clear();
            }
            row.add(t);
            if (category) {
                out.add("\t" + t);
                row.clear();
            }
            i++;
        }
        if (!row.isEmpty()) {
            out.add(String.join("\t", row));
        }
        out.add("");
        return i;
    }
}
