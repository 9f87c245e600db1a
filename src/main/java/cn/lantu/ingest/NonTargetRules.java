package cn.lantu.ingest;

import cn.lantu.outline.NodeType;
import cn.lantu.outline.ParsedOutlineNode;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Values that are not targets. Review sections (现实基础, 发展成就…) and sentences about the previous plan period
 * report achievements, which become baseline facts; a count after a just-listed enumeration merely restates it.
 */
final class NonTargetRules {

    private static final Pattern RETRO_TITLE = Pattern.compile(
            ".*(现实基础|发展基础|发展成就|主要成就|取得的成就|成就回顾|回顾|发展现状|基础条件|工作总结|规划实施情况).*");

    private NonTargetRules() {
    }

    private static final Pattern PAST_CUE = Pattern.compile(
            "过去五年|五年来|连续\\d+年|连续[一二三四五六七八九十]+年|从20\\d\\d年的|比20\\d\\d年|跃居|跃升至|荣获|获评");
    private static final Pattern FUTURE_CUE = Pattern.compile("力争|确保|展望|期末|五”末|将");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    /**
     * Sections and chapters that review the previous plan whatever their title ("砥砺五载…"): the first paragraph
     * speaks of the past (过去五年, the previous plan, a past year) and past cues outnumber future years.
     */
    static java.util.Set<String> reviewSections(java.util.List<ParsedOutlineNode> nodes,
                                                Map<String, cn.lantu.outline.MappedText> texts, int planStart,
                                                String previousPlan, Map<String, ParsedOutlineNode> byKey) {
        Map<String, int[]> cues = new java.util.HashMap<>();
        Map<String, String> firstText = new java.util.HashMap<>();
        for (ParsedOutlineNode n : nodes) {
            cn.lantu.outline.MappedText t = texts.get(n.key());
            if (t == null || n.type() == NodeType.SECTION || n.type() == NodeType.CHAPTER) {
                continue;
            }
            String s = t.toString();
            int past = count(PAST_CUE, s);
            int future = count(FUTURE_CUE, s);
            java.util.regex.Matcher y = YEAR.matcher(s);
            while (y.find()) {
                if (Integer.parseInt(y.group(1)) < planStart) {
                    past++;
                } else {
                    future++;
                }
            }
            for (ParsedOutlineNode p = byKey.get(n.parentKey()); p != null; p = byKey.get(p.parentKey())) {
                if (p.type() == NodeType.SECTION || p.type() == NodeType.CHAPTER) {
                    int[] c = cues.computeIfAbsent(p.key(), k -> new int[2]);
                    c[0] += past;
                    c[1] += future;
                    firstText.putIfAbsent(p.key(), s);
                }
                if (p.parentKey() == null) {
                    break;
                }
            }
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        cues.forEach((key, c) -> {
            String first = firstText.get(key);
            boolean pastStart = retrospectiveSentence(first, previousPlan);
            if (pastStart && c[0] >= 3 && c[0] > 3 * c[1]) {
                out.add(key);
            }
        });
        return out;
    }

    private static int count(Pattern p, String s) {
        int n = 0;
        java.util.regex.Matcher m = p.matcher(s);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Whether the node lies under a review section or chapter (by title, or in {@code reviewKeys}). */
    static boolean inReviewSection(ParsedOutlineNode n, Map<String, ParsedOutlineNode> byKey,
                                   java.util.Set<String> reviewKeys) {
        ParsedOutlineNode p = n;
        while (p != null) {
            if ((p.type() == NodeType.SECTION || p.type() == NodeType.CHAPTER) && (reviewKeys.contains(p.key())
                    || p.title() != null && RETRO_TITLE.matcher(p.title()).matches())) {
                return true;
            }
            p = p.parentKey() == null ? null : byKey.get(p.parentKey());
        }
        return false;
    }

    /** Whether the sentence speaks of the previous plan period or of the past five years. */
    static boolean retrospectiveSentence(String sentence, String previousPlan) {
        return sentence.contains("“" + previousPlan + "”期间") || sentence.contains("“" + previousPlan + "”时期")
                || sentence.contains("“" + previousPlan + "”以来") || sentence.contains(previousPlan + "期间")
                || sentence.matches(".*(过去五年|五年来|近五年来|截至目前|截至20\\d\\d年底?).*");
    }

    static boolean restatesEnumeration(String segment, ProseQuantity q) {
        // "A、B、C 3个…" restates the count of a just-listed enumeration
        int items = 1;
        int depth = 0;
        for (char c : segment.toCharArray()) {
            if (c == '“' || c == '（') {
                depth++;
            } else if ((c == '”' || c == '）') && depth > 0) {
                depth--;
            } else if (c == '、' && depth == 0) {
                items++;
            }
        }
        return items >= 2 && q.value() == items;
    }
}
