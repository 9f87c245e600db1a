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
