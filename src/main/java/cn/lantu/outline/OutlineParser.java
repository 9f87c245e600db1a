package cn.lantu.outline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of a Chinese five-year-plan outline (Markdown or plain text with blank-line separated
 * paragraphs, typically converted from PDF) into a tree of {@link ParsedOutlineNode}s.
 *
 * <p>Structure is recognised from the Chinese numbering (一、 / （一） / 1. / （1）, 第一章 / 第一节, 专栏 N),
 * not from Markdown heading levels, which converters assign unreliably. Paragraphs split mid-sentence by
 * page breaks are joined; tables split across pages with a repeated header are merged; page numbers and
 * running headers are dropped. Every node keeps its offsets into the source string.
 *
 * <p>No dependencies besides the JDK; thread-safe (stateless).
 */
public final class OutlineParser {

    static final String CN_NUM = "[一二三四五六七八九十百零〇两]";
    static final Pattern CHAPTER_ZH = Pattern.compile("^第(" + CN_NUM + "{1,4}|\\d{1,3})章[：:、\\s]*(.*)$");
    static final Pattern SECTION_ZH = Pattern.compile("^第(" + CN_NUM + "{1,4}|\\d{1,3})节[：:、\\s]*(.*)$");
    static final Pattern PART_ZH = Pattern.compile("^第(" + CN_NUM + "{1,4}|\\d{1,3})篇[：:、\\s]*(.*)$");
    static final Pattern CN_ENUM = Pattern.compile("^(" + CN_NUM + "{1,3})[、．.]\\s*(.+)$");
    static final Pattern PAREN_CN = Pattern.compile("^[（(](" + CN_NUM + "{1,3})[）)]\\s*(.+)$");
    static final Pattern NUM = Pattern.compile("^(\\d{1,2})(?:[.．、](?![\\d%])|\\s)\\s*(.+)$");
    static final Pattern PAREN_NUM = Pattern.compile("^[（(](\\d{1,2})[）)]\\s*(.+)$");
    static final Pattern CIRCLED = Pattern.compile("^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\\s*(.+)$");
    static final Pattern COLUMN = Pattern.compile("^专栏\\s*(\\d{1,3}|" + CN_NUM + "{1,4})(?:[：:、.．\\s]+|(?=[^\\d]))(.*)$");
    static final Pattern TABLE_CAPTION = Pattern.compile("^(?:附)?表\\s*(\\d{1,3}|" + CN_NUM + "{1,3})(?:[：:、.．\\s]+|(?=[^\\d]))(.*)$");
    static final Pattern TABLE_CONT = Pattern.compile("^(续表.*|表\\s*\\d+\\s*[（(]续[）)].*)$");
    static final Pattern FIGURE_CAPTION = Pattern.compile("^图\\s*(\\d{1,3}|" + CN_NUM + "{1,3})(?:[：:、.．\\s]+|(?=[^\\d]))(.*)$");
    static final Pattern NOTE = Pattern.compile("^(注|说明|备注)[：:].*");
    static final Pattern BACK_MATTER = Pattern.compile("^(抄送|抄报|主送)[：:].*");
    public static final Pattern PAGE_MARK = Pattern.compile(
            "^[\\s\\-—–－_~]*(\\d{1,4}|第\\s*\\d{1,4}\\s*页(\\s*[/，,]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4})[\\s\\-—–－_~]*$");
    static final Pattern HR = Pattern.compile("^\\s*([-*_])(\\s*\\1){2,}\\s*$");
    static final Pattern MD_TABLE_SEP = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?>");
    static final Pattern SPACED_CELLS = Pattern.compile("\\S(?: {2,}|\u3000+)\\S");
    public static final Pattern STAGE = Pattern.compile(
            "[（(](前期|在建|实施|研究|续建|新建|新开工|开工|建成|竣工|完工|谋划|储备|预备|推进|拟建|待建|已建|改扩建|前期研究|实施中|规划|计划开工|计划)[）)]");

    /** Typical verbs leading a measure's lead phrase (verb-led vs. noun-led items in columns). */
    private static final String[] VERB_PREFIXES = {
        "推动", "推进", "加快", "加强", "加大", "深化", "深入", "完善", "提升", "提高", "提质", "打造", "建设", "建立", "健全",
        "实施", "强化", "构建", "坚持", "优化", "促进", "发展", "发挥", "前瞻", "拓展", "拓宽", "扩大", "激发", "培育", "大力",
        "全面", "持续", "积极", "做强", "做大", "做优", "做精", "落实", "守牢", "筑牢", "增强", "营造", "保障", "聚焦", "围绕",
        "统筹", "探索", "因地制宜", "鼓励", "支持", "引导", "重抓", "焕新", "稳步", "着力", "切实", "不断", "全力", "努力", "巩固",
        "创新", "推行", "开展", "提档", "织密", "保护", "确保", "严格", "规范", "倡导", "弘扬", "繁荣", "壮大", "升级", "夯实",
        "擦亮", "争创", "创建", "谋划", "布局", "融入", "服务", "防范", "化解", "维护", "贯彻", "践行", "树立", "畅通", "完成"
    };

    /** Characters that end a sentence (a paragraph ending otherwise continues on the next page). */
    private static final String TERMINAL = "。；：！？!?;:…";

    public ParsedOutline parse(String source) {
        return parse(source, List.of());
    }

    public ParsedOutline parse(String source, List<TextCorrection> corrections) {
        return parseDetailed(source, corrections).outline();
    }

    /** Parse result with the mapped text of every node (for extractors working on offsets). */
    public record Detail(ParsedOutline outline, Map<String, MappedText> nodeText, Map<String, List<MappedText>> tableRows,
                  List<Para> paragraphs) {
    }

    // ------------------------------------------------------------------------------------------------------
    // Step 1: segmentation into raw units

    enum Kind { TEXT, TABLE, HR, DROPPED }

    /** A logical paragraph (or table) after cleaning. */
    static final class Para {
        Kind kind;
        MappedText text;                 // cleaned text (tables: rows joined with \n)
        List<MappedText> rows = new ArrayList<>(); // tables only: raw-ish rows
        boolean hash;                    // had a markdown heading marker
        boolean bullet;                  // was a list item line
        int srcStart;
        int srcEnd;

        String str() {
            return text.toString();
        }
    }

    private record Line(int start, int end) {
    }

    static List<Para> segment(String src, List<String> warnings) {
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
        List<Para> out = new ArrayList<>();
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

    private static void flushBlock(String src, List<Line> block, List<Para> out) {
        if (block.isEmpty()) {
            return;
        }
        // split into runs of table lines and text lines
        int k = 0;
        while (k < block.size()) {
            Line l = block.get(k);
            String s = src.substring(l.start, l.end);
            if (HR.matcher(s).matches()) {
                Para p = new Para();
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
                Para p = new Para();
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
            Para p = null;
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
                    p = new Para();
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

    private static boolean isAsciiWord(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static void finishText(Para p, List<Para> out) {
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

    private static void dropRunningHeaders(List<Para> paras, List<String> warnings) {
        Map<String, Integer> counts = new HashMap<>();
        for (Para p : paras) {
            if (p.kind == Kind.TEXT && p.text.length() <= 40) {
                counts.merge(p.str(), 1, Integer::sum);
            }
        }
        Set<String> reported = new HashSet<>();
        for (Para p : paras) {
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

    private static boolean isStructural(String s) {
        return CHAPTER_ZH.matcher(s).matches() || SECTION_ZH.matcher(s).matches() || CN_ENUM.matcher(s).matches()
                || PAREN_CN.matcher(s).matches() || COLUMN.matcher(s).matches() || NUM.matcher(s).matches()
                || PAREN_NUM.matcher(s).matches() || TABLE_CAPTION.matcher(s).matches()
                || FIGURE_CAPTION.matcher(s).matches();
    }

    // ------------------------------------------------------------------------------------------------------
    // Step 2: joins and corrections

    static boolean headingLike(String s) {
        return s.length() <= 60 && s.indexOf('。') < 0 && !s.endsWith("；") && !s.endsWith("，");
    }

    /** A paragraph that must not be continued onto the next one (headings, captions). */
    private static boolean isHeadingPara(Para p) {
        String s = p.str();
        if (p.hash && s.length() <= 80) {
            return true;
        }
        if (!headingLike(s)) {
            return false;
        }
        return isStructural(s) || PART_ZH.matcher(s).matches() || TABLE_CONT.matcher(s).matches();
    }

    private static boolean startsStructure(Para p) {
        String s = p.str();
        return p.hash || p.bullet || isStructural(s) || PART_ZH.matcher(s).matches() || s.startsWith("——")
                || CIRCLED.matcher(s).matches() || NOTE.matcher(s).matches() || BACK_MATTER.matcher(s).matches()
                || TABLE_CONT.matcher(s).matches();
    }

    static boolean endsSentence(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char last = s.charAt(s.length() - 1);
        if (TERMINAL.indexOf(last) >= 0 || last == '）' || last == ')' || last == '》' || last == '】') {
            return true;
        }
        if ((last == '”' || last == '’' || last == '」' || last == '』' || last == '"') && s.length() >= 2) {
            char prev = s.charAt(s.length() - 2);
            return TERMINAL.indexOf(prev) >= 0;
        }
        return false;
    }

    private static boolean looksLikeProse(String s) {
        return s.indexOf('。') >= 0 || s.indexOf('，') >= 0 || s.indexOf('；') >= 0 || s.indexOf('、') >= 0
                || s.length() >= 40;
    }

    private static List<Para> joinAndCorrect(List<Para> units, List<TextCorrection> corrections,
                                             List<String> applied, List<String> warnings) {
        List<Para> paras = new ArrayList<>();
        for (Para p : units) {
            if (p.kind != Kind.DROPPED && p.kind != Kind.HR) {
                paras.add(p);
            }
        }
        List<TextCorrection> joins = new ArrayList<>();
        List<TextCorrection> replaces = new ArrayList<>();
        for (TextCorrection c : corrections == null ? List.<TextCorrection>of() : corrections) {
            if (TextCorrection.JOIN_PARAGRAPH.equalsIgnoreCase(c.kind())) {
                joins.add(c);
            } else if (TextCorrection.REPLACE.equalsIgnoreCase(c.kind())) {
                replaces.add(c);
            } else {
                applied.add(c.id() + " " + c.kind() + " (recorded only)" + (c.note() == null ? "" : ": " + c.note()));
            }
        }
        Set<TextCorrection> usedJoins = new HashSet<>();
        List<Para> out = new ArrayList<>();
        for (int i = 0; i < paras.size(); i++) {
            Para p = paras.get(i);
            while (p.kind == Kind.TEXT && i + 1 < paras.size() && paras.get(i + 1).kind == Kind.TEXT) {
                Para next = paras.get(i + 1);
                String s = p.str();
                TextCorrection byCorrection = null;
                for (TextCorrection c : joins) {
                    if (c.find() != null && !c.find().isEmpty() && s.endsWith(c.find())) {
                        byCorrection = c;
                        break;
                    }
                }
                boolean auto = byCorrection == null && !isHeadingPara(p) && !endsSentence(s) && looksLikeProse(s)
                        && !startsStructure(next) && !next.hash;
                if (byCorrection == null && !auto) {
                    break;
                }
                String tail = s.length() > 12 ? s.substring(s.length() - 12) : s;
                String head = next.str().length() > 12 ? next.str().substring(0, 12) : next.str();
                if (byCorrection != null) {
                    usedJoins.add(byCorrection);
                    applied.add(byCorrection.id() + " JOIN_PARAGRAPH @" + p.srcStart + ": …" + tail + " + " + head + "…");
                } else {
                    applied.add("auto JOIN_PARAGRAPH @" + next.srcStart + ": …" + tail + " + " + head + "…");
                }
                Para merged = new Para();
                merged.kind = Kind.TEXT;
                merged.hash = p.hash;
                merged.bullet = p.bullet;
                merged.srcStart = p.srcStart;
                merged.srcEnd = next.srcEnd;
                merged.text = new MappedText().append(p.text);
                if (isAsciiWord(s.charAt(s.length() - 1)) && next.text.length() > 0 && isAsciiWord(next.text.charAt(0))) {
                    merged.text.appendSynthetic(" ", next.srcStart);
                }
                merged.text.append(next.text);
                p = merged;
                i++;
            }
            out.add(p);
        }
        for (TextCorrection c : joins) {
            if (!usedJoins.contains(c)) {
                boolean alreadyJoined = out.stream().anyMatch(p -> p.kind == Kind.TEXT && p.str().contains(c.find()));
                if (alreadyJoined) {
                    applied.add(c.id() + " JOIN_PARAGRAPH: already joined (\"" + c.find() + "\")");
                } else {
                    warnings.add("correction " + c.id() + " JOIN_PARAGRAPH: no paragraph ends with \"" + c.find() + "\"");
                }
            }
        }
        // merge tables split across pages
        List<Para> merged = new ArrayList<>();
        for (Para p : out) {
            Para prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (p.kind == Kind.TABLE && prev != null && prev.kind == Kind.TABLE) {
                String h1 = norm(prev.rows.get(0).toString());
                String h2 = norm(p.rows.get(0).toString());
                List<MappedText> rows = new ArrayList<>(p.rows);
                if (h1.equals(h2)) {
                    rows.remove(0);
                }
                for (MappedText r : rows) {
                    prev.rows.add(r);
                    prev.text.appendSynthetic("\n", r.sourceStart());
                    prev.text.append(r);
                }
                prev.srcEnd = p.srcEnd;
                applied.add("auto TABLE_PAGE_BREAK @" + p.srcStart + ": table continued on next page"
                        + (h1.equals(h2) ? " (repeated header dropped)" : ""));
                continue;
            }
            merged.add(p);
        }
        // replacements
        for (TextCorrection c : replaces) {
            if (c.find() == null || c.find().isEmpty()) {
                warnings.add("correction " + c.id() + " REPLACE has no find text");
                continue;
            }
            int count = 0;
            for (Para p : merged) {
                if (p.kind != Kind.TEXT) {
                    continue;
                }
                if (!c.all() && count > 0) {
                    break;
                }
                String s = p.str();
                int idx = s.indexOf(c.find());
                while (idx >= 0) {
                    count++;
                    if (!c.all()) {
                        break;
                    }
                    idx = s.indexOf(c.find(), idx + c.find().length());
                }
                if (idx >= 0 || (c.all() && s.contains(c.find()))) {
                    p.text = p.text.replace(c.find(), c.replace() == null ? "" : c.replace(), c.all());
                }
            }
            if (count == 0) {
                // the find text may be written as in the raw source: normalise it like the parser cleans text
                String nf = normalizeLikeText(c.find());
                String nr = c.replace() == null ? "" : normalizeLikeText(c.replace());
                for (Para p : merged) {
                    if (p.kind != Kind.TEXT || (!c.all() && count > 0)) {
                        continue;
                    }
                    String s = p.str();
                    int idx = s.indexOf(nf);
                    while (idx >= 0 && !nf.isEmpty()) {
                        count++;
                        idx = c.all() ? s.indexOf(nf, idx + nf.length()) : -1;
                    }
                    if (!nf.isEmpty() && s.contains(nf) && !nf.equals(nr)) {
                        p.text = p.text.replace(nf, nr, c.all());
                    }
                }
                if (count == 0 && !nf.equals(c.find()) && merged.stream().anyMatch(p -> p.kind == Kind.TEXT
                        && p.str().contains(nr) && !nr.isEmpty())) {
                    applied.add(c.id() + " REPLACE \"" + c.find() + "\": already normalised by the parser");
                    continue;
                }
                boolean inTable = merged.stream().anyMatch(p -> p.kind == Kind.TABLE
                        && p.rows.stream().anyMatch(r -> norm(r.toString()).contains(norm(c.find().replaceAll("</?[a-zA-Z]+>", "")))));
                if (count == 0 && inTable) {
                    applied.add(c.id() + " REPLACE \"" + c.find() + "\": in a table; cell texts are normalised by the table reader");
                    continue;
                }
            }
            if (count == 0) {
                warnings.add("correction " + c.id() + " REPLACE: \"" + c.find() + "\" not found");
            } else {
                applied.add(c.id() + " REPLACE \"" + c.find() + "\" → \"" + c.replace() + "\" (" + count + "×)");
            }
        }
        return merged;
    }

    /** {@code s} cleaned the way paragraph text is cleaned (markup removed, odd spaces next to CJK removed). */
    static String normalizeLikeText(String s) {
        return removeOddSpaces(cleanInline(s, 0, s.length(), false)).toString();
    }

    public static String norm(String s) {
        return s.replaceAll("[\\s|*]+", "");
    }

    // ------------------------------------------------------------------------------------------------------
    // Step 3: structure

    /** Shape of a paragraph, used to decide where a column ends. */
    record Shape(boolean numbered, String number, String lead, boolean verbLed, int length, boolean projects,
                 boolean fragment) {
        boolean hasLead() {
            return lead != null;
        }
    }

    private static final Pattern NUMBER_PREFIX = Pattern.compile(
            "^(?:(\\d{1,2})(?:[.．、](?![\\d%])|\\s+)|[（(](\\d{1,2})[）)]|([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))\\s*");

    static Shape shape(String s, boolean bullet) {
        String body = s;
        String number = null;
        Matcher m = NUMBER_PREFIX.matcher(s);
        if (m.find() && m.end() < s.length()) {
            number = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                    : String.valueOf("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".indexOf(m.group(3)) + 1);
            body = s.substring(m.end());
        }
        body = stripDash(body);
        String lead = leadPhrase(body);
        if (lead == null && number != null && body.length() <= 41 && body.indexOf('。') == body.length() - 1) {
            lead = body.substring(0, body.length() - 1).strip(); // a one-sentence numbered item: the sentence is its title
        }
        boolean verb = lead != null && isVerbLed(lead);
        boolean projects = lead != null && splitProjects(body.substring(Math.min(body.length(), lead.length() + 1))) != null;
        return new Shape(number != null || bullet, number, lead, verb, s.length(), projects,
                hasUnbalancedClosingQuote(s));
    }

    static String stripDash(String s) {
        int i = 0;
        while (i < s.length() && "—－-●■◆•".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i).strip();
    }

    /** The short lead phrase of a paragraph ("焕新升级传统产业。…" → 焕新升级传统产业), or null. */
    static String leadPhrase(String body) {
        int dot = body.indexOf('。');
        int colon = body.indexOf('：');
        int end = dot;
        if (colon >= 0 && (dot < 0 || colon < dot) && colon <= 30) {
            end = colon;
        }
        if (end < 0) {
            return body.length() <= 30 && !body.isEmpty() && body.indexOf('，') < 0 && body.indexOf('；') < 0 ? body : null;
        }
        String lead = body.substring(0, end).strip();
        if (lead.length() < 2 || lead.length() > 30 || lead.indexOf('，') >= 0 || lead.indexOf('；') >= 0
                || lead.indexOf(',') >= 0) {
            return null;
        }
        return lead;
    }

    static boolean isVerbLed(String lead) {
        String l = lead;
        if (l.startsWith("以") && l.length() > 4) {
            return true;
        }
        for (String v : VERB_PREFIXES) {
            if (l.startsWith(v)) {
                return true;
            }
        }
        return false;
    }

    /** A project-list remainder "A（前期）、B（在建）。" split into [start,end) ranges, or null. */
    static List<int[]> splitProjects(String rest) {
        String r = rest;
        int len = r.length();
        while (len > 0 && (r.charAt(len - 1) == '。' || r.charAt(len - 1) == '；' || r.charAt(len - 1) == ' ')) {
            len--;
        }
        if (len == 0) {
            return null;
        }
        List<int[]> out = new ArrayList<>();
        int pos = 0;
        Matcher m = STAGE.matcher(r).region(0, len);
        while (pos < len) {
            while (pos < len && (r.charAt(pos) == ' ')) {
                pos++;
            }
            if (!m.find(pos)) {
                return null;
            }
            int segEnd = m.end();
            if (m.start() - pos < 2) {
                return null;
            }
            // a stage bracket must end the segment: separator or end
            if (segEnd < len && "、；，;,".indexOf(r.charAt(segEnd)) < 0) {
                // not a separator: maybe a stage word in the middle of a name; keep searching
                int search = segEnd;
                boolean found = false;
                while (m.find(search)) {
                    segEnd = m.end();
                    if (segEnd >= len || "、；，;,".indexOf(r.charAt(segEnd)) >= 0) {
                        found = true;
                        break;
                    }
                    search = segEnd;
                }
                if (!found) {
                    return null;
                }
            }
            out.add(new int[] {pos, segEnd});
            pos = segEnd + 1;
            m = STAGE.matcher(r).region(0, len);
        }
        return out.isEmpty() ? null : out;
    }

    private final class Builder {
        final List<ParsedOutlineNode> nodes = new ArrayList<>();
        final Map<String, MappedText> nodeText = new LinkedHashMap<>();
        final Map<String, List<MappedText>> tableRows = new LinkedHashMap<>();
        final Map<String, Integer> ordinals = new HashMap<>();
        final Set<String> keys = new HashSet<>();
        final Set<String> projectGroups = new HashSet<>();
        final List<String> warnings;

        Builder(List<String> warnings) {
            this.warnings = warnings;
        }

        int nextOrdinal(String parent, NodeType type) {
            return ordinals.merge(parent + "|" + type, 1, Integer::sum);
        }

        String add(String key, NodeType type, String number, String title, MappedText text, int start, int end,
                   String parent, int ordinal) {
            String k = key;
            int dup = 2;
            while (!keys.add(k)) {
                k = key + "_" + dup++;
            }
            nodes.add(new ParsedOutlineNode(k, type, number, title, text.toString(), start, end, parent, ordinal));
            nodeText.put(k, text);
            return k;
        }
    }

    private ParsedOutline build(List<Para> paras, List<String> applied, List<String> warnings, Builder b) {
        // which heading systems are in use?
        boolean zhChapters = paras.stream().anyMatch(p -> p.kind == Kind.TEXT && headingLike(p.str())
                && CHAPTER_ZH.matcher(p.str()).matches());
        boolean zhSections = paras.stream().anyMatch(p -> p.kind == Kind.TEXT && headingLike(p.str())
                && SECTION_ZH.matcher(p.str()).matches());

        String title = null;
        String chapterKey = null;
        String sectionKey = null;
        long lastChapter = 0;
        long lastSection = 0;
        int chapterCount = 0;
        int sectionCount = 0;
        boolean backMatter = false;

        // column state
        String columnKey = null;
        String groupKey = null;
        int groupCount = 0;
        int itemCount = 0;             // items directly in column (no group)
        int groupItemCount = 0;
        int columnParaCount = 0;
        List<Shape> colShapes = new ArrayList<>();
        boolean columnHasContent = false;
        Set<Long> columnNumbers = new HashSet<>();
        long lastColumn = 0;

        String tableKey = null;
        String pendingCaptionNumber = null;
        String pendingCaptionTitle = null;
        Para pendingCaption = null;
        int tableCount = 0;
        int figureCount = 0;
        int tableNoteCount = 0;
        int preambleCount = 0;
        int backCount = 0;

        for (int idx = 0; idx < paras.size(); idx++) {
            Para p = paras.get(idx);
            String s = p.str();
            MappedText t = p.text;
            int start = t.length() > 0 ? t.sourceStart() : p.srcStart;
            int end = t.length() > 0 ? t.sourceEnd() : p.srcEnd;

            if (p.kind == Kind.TABLE) {
                tableCount++;
                String number = pendingCaptionNumber;
                String key = number != null ? "tab" + arabic(number) : "tabx" + tableCount;
                int tStart = pendingCaption != null ? pendingCaption.text.sourceStart() : p.srcStart;
                MappedText full = new MappedText();
                if (pendingCaption != null) {
                    full.append(pendingCaption.text).appendSynthetic("\n", p.srcStart);
                }
                full.append(t);
                String parent = columnKey != null ? columnKey : sectionKey != null ? sectionKey : chapterKey;
                tableKey = b.add(key, NodeType.TABLE, number, pendingCaptionTitle, full, tStart, p.srcEnd, parent,
                        b.nextOrdinal(parent, NodeType.TABLE));
                b.tableRows.put(tableKey, p.rows);
                pendingCaption = null;
                pendingCaptionNumber = null;
                pendingCaptionTitle = null;
                tableNoteCount = 0;
                continue;
            }
            if (pendingCaption != null) {
                // caption without a table following: keep it as a figure-like caption
                b.add("tabx" + (++tableCount), NodeType.TABLE, pendingCaptionNumber, pendingCaptionTitle,
                        pendingCaption.text, pendingCaption.text.sourceStart(), pendingCaption.text.sourceEnd(),
                        sectionKey != null ? sectionKey : chapterKey, 0);
                warnings.add("table caption without table: " + pendingCaption.str());
                pendingCaption = null;
            }
            if (backMatter || (chapterKey != null && BACK_MATTER.matcher(s).matches())) {
                backMatter = true;
                columnKey = null;
                b.add("b" + (++backCount), NodeType.PARAGRAPH, null, null, t, start, end, null, backCount);
                continue;
            }
            boolean hl = headingLike(s);
            // table notes
            if (tableKey != null && NOTE.matcher(s).matches()) {
                b.add(tableKey + ".p" + (++tableNoteCount), NodeType.PARAGRAPH, null, null, t, start, end, tableKey,
                        tableNoteCount);
                continue;
            }
            tableKey = null;
            Matcher m;
            // table caption
            if (hl && (m = TABLE_CAPTION.matcher(s)).matches() && idx + 1 < paras.size()) {
                pendingCaption = p;
                pendingCaptionNumber = m.group(1);
                pendingCaptionTitle = m.group(2).strip();
                if (paras.get(idx + 1).kind != Kind.TABLE) {
                    // flush as a caption-only table node
                    continue;
                }
                continue;
            }
            if (hl && TABLE_CONT.matcher(s).matches()) {
                continue;
            }
            if (hl && (m = FIGURE_CAPTION.matcher(s)).matches()) {
                figureCount++;
                String parent = sectionKey != null ? sectionKey : chapterKey;
                b.add("fig" + arabic(m.group(1)), NodeType.FIGURE_CAPTION, m.group(1), m.group(2).strip(), t, start, end,
                        parent, b.nextOrdinal(parent, NodeType.FIGURE_CAPTION));
                continue;
            }
            // chapter?
            String chapterNumber = null;
            String chapterTitle = null;
            if (hl) {
                if (zhChapters && (m = CHAPTER_ZH.matcher(s)).matches()) {
                    chapterNumber = m.group(1);
                    chapterTitle = m.group(2);
                } else if (!zhChapters && (m = CN_ENUM.matcher(s)).matches()) {
                    long v = Cjk.parseNumeral(m.group(1));
                    if (v == lastChapter + 1 || (p.hash && v > lastChapter)) {
                        chapterNumber = m.group(1);
                        chapterTitle = m.group(2);
                        if (v != lastChapter + 1) {
                            warnings.add("chapter numbering jumps from " + lastChapter + " to " + v + " at " + start);
                        }
                    }
                }
            }
            if (chapterNumber != null) {
                lastChapter = Cjk.parseNumeral(chapterNumber);
                chapterCount++;
                columnKey = null;
                sectionKey = null;
                lastSection = 0;
                sectionCount = 0;
                chapterKey = b.add("c" + chapterCount, NodeType.CHAPTER, chapterNumber, chapterTitle.strip(), t, start,
                        end, null, chapterCount);
                continue;
            }
            if (chapterKey == null) {
                if (title == null && hl && s.contains("规划") && !s.contains("通知") && !s.startsWith("关于")
                        && s.length() >= 6) {
                    title = s;
                }
                if (hl && PART_ZH.matcher(s).matches()) {
                    b.add("part" + (++preambleCount), NodeType.PARAGRAPH, null, s, t, start, end, null, preambleCount);
                    continue;
                }
                b.add("p" + (++preambleCount), NodeType.PARAGRAPH, null, hl ? s : null, t, start, end, null,
                        preambleCount);
                continue;
            }
            if (hl && PART_ZH.matcher(s).matches()) {
                // a 篇 heading between chapters: keep as a top-level paragraph
                columnKey = null;
                b.add("part" + (++preambleCount), NodeType.PARAGRAPH, null, s, t, start, end, null, preambleCount);
                continue;
            }
            // section?
            String sectionNumber = null;
            String sectionTitle = null;
            if (zhSections && hl && (m = SECTION_ZH.matcher(s)).matches()) {
                sectionNumber = m.group(1);
                sectionTitle = m.group(2);
            } else if (!zhSections && zhChapters && hl && (m = CN_ENUM.matcher(s)).matches()) {
                sectionNumber = m.group(1);
                sectionTitle = m.group(2);
            } else if (!zhChapters && (m = PAREN_CN.matcher(s)).matches()) {
                long v = Cjk.parseNumeral(m.group(1));
                boolean sequential = v == lastSection + 1 || v == 1 && lastSection == 0;
                if (hl && (sequential || p.hash)) {
                    sectionNumber = m.group(1);
                    sectionTitle = m.group(2);
                    if (!sequential) {
                        warnings.add("section numbering jumps from " + lastSection + " to " + v + " at " + start);
                    }
                }
            }
            if (sectionNumber != null) {
                long v = Cjk.parseNumeral(sectionNumber);
                lastSection = v;
                sectionCount++;
                columnKey = null;
                sectionKey = b.add(chapterKey + ".s" + sectionCount, NodeType.SECTION, sectionNumber,
                        sectionTitle.strip(), t, start, end, chapterKey, sectionCount);
                continue;
            }
            // column?
            if (hl && (m = COLUMN.matcher(s)).matches()) {
                long v = Cjk.parseNumeral(m.group(1));
                String number = v >= 0 ? String.valueOf(v) : m.group(1);
                if (v >= 0 && v != lastColumn + 1) {
                    warnings.add("column numbering jumps from " + lastColumn + " to " + v + " at " + start);
                }
                lastColumn = Math.max(lastColumn, v);
                String key = v >= 0 && columnNumbers.add(v) ? "col" + v : "colx" + (columnNumbers.size() + 1);
                String parent = sectionKey != null ? sectionKey : chapterKey;
                columnKey = b.add(key, NodeType.COLUMN, number, m.group(2).strip(), t, start, end, parent,
                        b.nextOrdinal(parent, NodeType.COLUMN));
                groupKey = null;
                groupCount = 0;
                itemCount = 0;
                groupItemCount = 0;
                columnParaCount = 0;
                colShapes.clear();
                columnHasContent = false;
                continue;
            }
            Shape sh = shape(s, p.bullet);
            if (columnKey != null) {
                boolean groupHeading = !p.bullet && sh.numbered() && hl && s.length() <= 30
                        && sh.lead() != null && !s.endsWith("。");
                boolean cont = groupHeading || columnContinues(colShapes, sh, columnHasContent);
                if (cont) {
                    if (groupHeading) {
                        groupCount++;
                        groupItemCount = 0;
                        groupKey = b.add(columnKey + ".g" + groupCount, NodeType.COLUMN_GROUP, sh.number(), sh.lead(),
                                t, start, end, columnKey, groupCount);
                        colShapes.clear();
                        columnHasContent = true;
                        continue;
                    }
                    boolean intro = !columnHasContent && !sh.numbered() && !sh.hasLead() && idx + 1 < paras.size()
                            && paras.get(idx + 1).kind == Kind.TEXT;
                    columnHasContent = true;
                    if (intro) {
                        columnParaCount++;
                        b.add(columnKey + ".p" + columnParaCount, NodeType.PARAGRAPH, null, null, t, start, end,
                                columnKey, columnParaCount);
                        continue;
                    }
                    colShapes.add(sh);
                    if (sh.projects() && (groupKey == null || isProjectGroup(b, groupKey))) {
                        // a domain paragraph listing projects: group + one item per project
                        groupCount++;
                        String gk = b.add(columnKey + ".g" + groupCount, NodeType.COLUMN_GROUP, sh.number(),
                                sh.lead(), t, start, end, columnKey, groupCount);
                        addProjects(b, gk, t, s);
                        groupKey = gk;
                        continue;
                    }
                    if (groupKey != null && !isProjectGroup(b, groupKey)) {
                        groupItemCount++;
                        b.add(groupKey + ".i" + groupItemCount, NodeType.COLUMN_ITEM, sh.number(), sh.lead(), t,
                                start, end, groupKey, groupItemCount);
                    } else {
                        itemCount++;
                        b.add(columnKey + ".i" + itemCount, NodeType.COLUMN_ITEM, sh.number(), sh.lead(), t, start,
                                end, columnKey, itemCount);
                    }
                    continue;
                }
                columnKey = null;
                groupKey = null;
            }
            if (sectionKey == null) {
                String key = chapterKey + ".p";
                int ord = b.nextOrdinal(chapterKey, NodeType.PARAGRAPH);
                b.add(key + ord, NodeType.PARAGRAPH, sh.number(), sh.lead(), t, start, end, chapterKey, ord);
            } else {
                int ord = b.nextOrdinal(sectionKey, NodeType.MEASURE);
                b.add(sectionKey + ".m" + ord, NodeType.MEASURE, sh.number(), sh.lead(), t, start, end, sectionKey, ord);
            }
            if (hasUnbalancedClosingQuote(s)) {
                warnings.add("possible lost text before offset " + start + ": paragraph starts mid-sentence: "
                        + s.substring(0, Math.min(20, s.length())) + "…");
            }
        }
        if (pendingCaption != null) {
            warnings.add("table caption without table: " + pendingCaption.str());
        }
        return new ParsedOutline(title, extendContainers(b.nodes), applied, warnings);
    }

    private static boolean isProjectGroup(Builder b, String groupKey) {
        // a project group has items created by addProjects (titles without stage); mark via nodeText identity
        return b.projectGroups.contains(groupKey);
    }

    private static void addProjects(Builder b, String groupKey, MappedText t, String s) {
        b.projectGroups.add(groupKey);
        String body = s;
        int offset = 0;
        Matcher m = NUMBER_PREFIX.matcher(s);
        if (m.find()) {
            offset = m.end();
        }
        int dot = s.indexOf('。', offset);
        int colon = s.indexOf('：', offset);
        int cut = dot < 0 ? colon : colon < 0 ? dot : Math.min(dot, colon);
        int restStart = cut + 1;
        List<int[]> ranges = splitProjects(body.substring(restStart));
        if (ranges == null) {
            return;
        }
        int k = 0;
        for (int[] r : ranges) {
            k++;
            int a = restStart + r[0];
            int e = restStart + r[1];
            MappedText item = t.subSequence(a, e).trim();
            String itemText = item.toString();
            Matcher st = STAGE.matcher(itemText);
            String name = itemText;
            int last = -1;
            while (st.find()) {
                last = st.start();
            }
            if (last > 0 && last + 1 < itemText.length()) {
                name = itemText.substring(0, last).strip();
            }
            b.add(groupKey + ".i" + k, NodeType.COLUMN_ITEM, null, name, item, item.sourceStart(), item.sourceEnd(),
                    groupKey, k);
        }
    }

    private static boolean columnContinues(List<Shape> prev, Shape p, boolean columnHasContent) {
        if (p.fragment()) {
            return false; // starts mid-sentence (text lost at a page break): not a fresh item
        }
        if (prev.isEmpty()) {
            return true;
        }
        boolean allNumbered = prev.stream().allMatch(Shape::numbered);
        if (allNumbered && !p.numbered()) {
            return false;
        }
        Shape last = prev.get(prev.size() - 1);
        if (allNumbered && last.number() != null && p.number() != null
                && Cjk.parseNumeral(p.number()) == Cjk.parseNumeral(last.number()) + 1) {
            return true;
        }
        boolean allLead = prev.stream().allMatch(Shape::hasLead);
        if (allLead && !p.hasLead()) {
            return false;
        }
        boolean allNoun = prev.size() >= 2 && prev.stream().allMatch(x -> x.hasLead() && !x.verbLed());
        if (allNoun && p.verbLed() && !p.numbered()) {
            return false;
        }
        boolean allProjects = prev.stream().allMatch(Shape::projects);
        if (allProjects && !p.projects() && prev.size() >= 2) {
            return false;
        }
        int max = prev.stream().mapToInt(Shape::length).max().orElse(0);
        return !(p.length() > 300 && p.length() > 2.5 * max);
    }

    private static boolean hasUnbalancedClosingQuote(String s) {
        int open = s.indexOf('“');
        int close = s.indexOf('”');
        return close >= 0 && (open < 0 || close < open) && close < 30;
    }

    static String arabic(String number) {
        long v = Cjk.parseNumeral(number);
        return v >= 0 ? String.valueOf(v) : number;
    }

    /** Containers span their descendants. */
    private static List<ParsedOutlineNode> extendContainers(List<ParsedOutlineNode> nodes) {
        Map<String, Integer> index = new HashMap<>();
        List<ParsedOutlineNode> out = new ArrayList<>(nodes);
        for (int i = 0; i < out.size(); i++) {
            index.put(out.get(i).key(), i);
        }
        for (int i = out.size() - 1; i >= 0; i--) {
            ParsedOutlineNode n = out.get(i);
            if (n.parentKey() == null) {
                continue;
            }
            Integer pi = index.get(n.parentKey());
            if (pi == null) {
                continue;
            }
            ParsedOutlineNode parent = out.get(pi);
            if (n.end() > parent.end()) {
                out.set(pi, parent.withEnd(n.end()));
            }
        }
        return out;
    }

    public Detail parseDetailed(String source, List<TextCorrection> corrections) {
        List<String> warnings = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        List<Para> units = segment(source, warnings);
        List<Para> paras = joinAndCorrect(units, corrections, applied, warnings);
        Builder b = new Builder(warnings);
        ParsedOutline outline = build(paras, applied, warnings, b);
        return new Detail(outline, b.nodeText, b.tableRows, paras);
    }
}
