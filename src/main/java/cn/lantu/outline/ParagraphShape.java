package cn.lantu.outline;

import static cn.lantu.outline.OutlinePatterns.STAGE;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shape of a paragraph (numbered? short lead phrase? verb-led? a list of projects?), used to decide where a column
 * ends and what its items are. The static helpers read lead phrases and project lists from the text.
 */
record ParagraphShape(boolean numbered, String number, String lead, boolean verbLed, int length, boolean projects,
                      boolean fragment) {

    /** Typical verbs leading a measure's lead phrase (verb-led vs. noun-led items in columns). */
    private static final String[] VERB_PREFIXES = {
        "推动", "推进", "加快", "加强", "加大", "深化", "深入", "完善", "提升", "提高", "提质", "打造", "建设", "建立", "健全",
        "实施", "强化", "构建", "坚持", "优化", "促进", "发展", "发挥", "前瞻", "拓展", "拓宽", "扩大", "激发", "培育", "大力",
        "全面", "持续", "积极", "做强", "做大", "做优", "做精", "落实", "守牢", "筑牢", "增强", "营造", "保障", "聚焦", "围绕",
        "统筹", "探索", "因地制宜", "鼓励", "支持", "引导", "重抓", "焕新", "稳步", "着力", "切实", "不断", "全力", "努力", "巩固",
        "创新", "推行", "开展", "提档", "织密", "保护", "确保", "严格", "规范", "倡导", "弘扬", "繁荣", "壮大", "升级", "夯实",
        "擦亮", "争创", "创建", "谋划", "布局", "融入", "服务", "防范", "化解", "维护", "贯彻", "践行", "树立", "畅通", "完成"
    };

    /** The item number in front of a measure or column item: 1. / 1、 / (1) / ①. */
    static final Pattern NUMBER_PREFIX = Pattern.compile(
            "^(?:(\\d{1,2})(?:[.．、](?![\\d%])|\\s+)|[（(](\\d{1,2})[）)]|([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))\\s*");

    boolean hasLead() {
        return lead != null;
    }

    /** The shape of paragraph text {@code s}; {@code bullet}: it was a list item line, so it counts as numbered. */
    static ParagraphShape of(String s, boolean bullet) {
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
        return new ParagraphShape(number != null || bullet, number, lead, verb, s.length(), projects,
                hasUnbalancedClosingQuote(s));
    }

    /** Drops leading dashes (——) and bullet marks, which are not part of an item's lead phrase. */
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

    /**
     * Whether paragraph {@code p} is still an item of the column whose items so far had the shapes {@code prev}:
     * columns have no end mark, so the column ends where the items stop looking alike.
     */
    static boolean columnContinues(List<ParagraphShape> prev, ParagraphShape p, boolean columnHasContent) {
        if (p.fragment()) {
            return false; // starts mid-sentence (text lost at a page break): not a fresh item
        }
        if (prev.isEmpty()) {
            return true;
        }
        boolean allNumbered = prev.stream().allMatch(ParagraphShape::numbered);
        if (allNumbered && !p.numbered()) {
            return false;
        }
        ParagraphShape last = prev.get(prev.size() - 1);
        if (allNumbered && last.number() != null && p.number() != null
                && Cjk.parseNumeral(p.number()) == Cjk.parseNumeral(last.number()) + 1) {
            return true;
        }
        boolean allLead = prev.stream().allMatch(ParagraphShape::hasLead);
        if (allLead && !p.hasLead()) {
            return false;
        }
        boolean allNoun = prev.size() >= 2 && prev.stream().allMatch(x -> x.hasLead() && !x.verbLed());
        if (allNoun && p.verbLed() && !p.numbered()) {
            return false;
        }
        boolean allProjects = prev.stream().allMatch(ParagraphShape::projects);
        if (allProjects && !p.projects() && prev.size() >= 2) {
            return false;
        }
        int max = prev.stream().mapToInt(ParagraphShape::length).max().orElse(0);
        return !(p.length() > 300 && p.length() > 2.5 * max);
    }

    /** A closing quote near the start with no opening one: the paragraph lost its beginning at a page break. */
    static boolean hasUnbalancedClosingQuote(String s) {
        int open = s.indexOf('“');
        int close = s.indexOf('”');
        return close >= 0 && (open < 0 || close < open) && close < 30;
    }

    /** Short and not ending like prose: numbering on such a paragraph may be a heading's. */
    static boolean headingLike(String s) {
        return s.length() <= 60 && s.indexOf('。') < 0 && !s.endsWith("；") && !s.endsWith("，");
    }
}
