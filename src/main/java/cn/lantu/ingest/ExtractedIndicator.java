package cn.lantu.ingest;

import java.util.List;

/**
 * One value row of the main indicator table (主要指标), with the field names of the indicator API and of
 * {@code indicators.yaml}. Values stay in the indicator's own unit; verbatim cell texts are kept.
 *
 * <p>{@code start}/{@code end} are offsets of the row in the input text as read (end exclusive);
 * {@code confidence} is 0..1 and {@code reason} explains anything uncertain (null when certain).
 */
public record ExtractedIndicator(
        String code,
        Integer tableNumber,
        Integer tableRow,
        String subItem,
        String name,
        String unit,
        String category,
        String categoryVerbatim,
        Integer categoryCount,
        String attribute,
        String attributeVerbatim,
        String kind,
        String path,
        String direction,
        String comparator,
        Double band,
        Integer baseYear,
        Double baseValue,
        String baseStatus,
        String baseRole,
        List<String> markers,
        Integer targetYear,
        Double targetValue,
        String targetHorizon,
        boolean targetIsIncrement,
        String baseVerbatim,
        String targetVerbatim,
        String rateVerbatim,
        String relatedIndicator,
        String sourceText,
        int start,
        int end,
        double confidence,
        String reason) {
}
