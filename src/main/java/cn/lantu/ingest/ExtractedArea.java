package cn.lantu.ingest;

/**
 * A town/street (kind TOWN, with type 镇/街道/乡) or an area (DISTRICT, FUTURE_COMMUNITY, COMMON_PROSPERITY, AREA)
 * listed in a column.
 */
public record ExtractedArea(
        String code,
        String kind,
        String type,
        String name,
        String text,
        Integer column,
        String sourceText,
        int start,
        int end,
        String outlineKey,
        double confidence,
        String reason) {
}
