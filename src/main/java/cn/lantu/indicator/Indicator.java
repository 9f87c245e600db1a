package cn.lantu.indicator;

import java.util.List;

import cn.lantu.assessment.Attribute;
import cn.lantu.assessment.Comparator;
import cn.lantu.assessment.Direction;
import cn.lantu.assessment.Kind;
import cn.lantu.assessment.Path;

/**
 * An indicator of a plan: a row of Table 1 (tableNumber set) or a quantified text target (文本目标, tableNumber null).
 * Values stay in the indicator's own unit; the verbatim cell texts are kept beside the parsed values.
 */
public record Indicator(
        long id,
        long planId,
        String code,
        Integer tableNumber,
        Integer tableRow,
        String subItem,
        String name,
        String unit,
        Category category,
        Attribute attribute,
        Kind kind,
        Path path,
        Direction direction,
        Comparator comparator,
        Double band,
        int baseYear,
        Double baseValue,
        BaseStatus baseStatus,
        String baseRole,
        List<String> markers,
        int targetYear,
        Double targetValue,
        String targetHorizon,
        boolean targetIsIncrement,
        String baseVerbatim,
        String targetVerbatim,
        String rateVerbatim,
        String attributeVerbatim,
        String relatedCode,
        String sourceText,
        String sourceQuote,
        String outlineKey,
        List<String> notes,
        boolean published) {

    /** GIVEN: stated in the outline; ESTIMATE: 预计; TO_BE_ENTERED: the outline does not give it. */
    public enum BaseStatus { GIVEN, ESTIMATE, TO_BE_ENTERED }

    /** Units of things counted one by one (companies, schools, people, ranks): a figure in them is a whole number. */
    static final java.util.Set<String> COUNT_UNITS = java.util.Set.of("个", "家", "所", "人", "件", "起", "名", "位",
            "项", "座", "户", "处", "条", "台", "辆", "套", "次", "只", "场", "栋", "批", "枚", "支", "类", "篇", "部",
            "种", "艘", "架", "张", "本", "册", "例", "宗", "亩");

    /** True when the indicator counts whole things, so 2.165 companies is not a figure anyone could report. */
    public boolean wholeNumber() {
        return unit != null && COUNT_UNITS.contains(unit.trim());
    }

    /** Decimals the outline states the base or target in (56.0 → 1, 7 → 0); null when neither is written. */
    public Integer statedDecimals() {
        Integer best = null;
        for (String v : new String[] {baseVerbatim, targetVerbatim}) {
            if (v == null) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+(?:\\.(\\d+))?").matcher(v);
            while (m.find()) {
                int d = m.group(1) == null ? 0 : m.group(1).length();
                best = best == null ? d : Math.max(best, d);
            }
        }
        return best;
    }

    public boolean inTable() {
        return tableNumber != null;
    }

    public boolean starred() {
        return markers.contains("STAR");
    }

    public boolean cumulative() {
        return markers.contains("CUMULATIVE");
    }
}
