package cn.lantu.ingest;

/**
 * A quantified forward-looking target found in the outline's prose (文本目标).
 *
 * @param name        metric name, e.g. 农村居民人均可支配收入
 * @param value       target value (lower bound of a range); 100 for 全覆盖, 0 for 清零
 * @param valueMax    upper bound of a range (3—5个), otherwise null
 * @param unit        unit as written (亿元, 家, %, 个百分点…)
 * @param comparator  AT_LEAST | ABOUT | AT_MOST | EXACT
 * @param horizon     TARGET_YEAR | ANNUAL | PERIOD
 * @param targetYear  the year of a TARGET_YEAR target (stated, or the plan's end year)
 * @param kind        LEVEL | GROWTH | CUMULATIVE | DECLINE | FLOOR
 * @param direction   UP | DOWN
 * @param quote       the phrase the value came from (exact text of the input between quoteStart and quoteEnd,
 *                    modulo page-break joins)
 * @param sourceText  the sentence it came from (cleaned)
 * @param start       offset of the sentence in the input text as read
 * @param end         end offset (exclusive) of the sentence
 * @param outlineKey  key of the outline node holding the sentence
 */
public record ProseTarget(
        String code,
        String name,
        double value,
        Double valueMax,
        String unit,
        String comparator,
        String horizon,
        Integer targetYear,
        String kind,
        String direction,
        String quote,
        int quoteStart,
        int quoteEnd,
        String sourceText,
        int start,
        int end,
        String outlineKey,
        double confidence,
        String reason) {
}
