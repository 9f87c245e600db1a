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

    /** Whether the node lies under a review section or chapter. */
    static boolean inReviewSection(ParsedOutlineNode n, Map<String, ParsedOutlineNode> byKey) {
        ParsedOutlineNode p = n;
        while (p != null) {
            if ((p.type() == NodeType.SECTION || p.type() == NodeType.CHAPTER) && p.title() != null
                    && RETRO_TITLE.matcher(p.title()).matches()) {
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
