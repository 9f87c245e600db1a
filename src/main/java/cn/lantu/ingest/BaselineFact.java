package cn.lantu.ingest;

/**
 * A retrospective quantified fact (the review of the previous plan): baseline, not target.
 *
 * @param year     the year the fact refers to when stated (e.g. 2025 in "2025年超750亿元"), else null
 * @param period   the period when stated instead of a year (e.g. “十四五”期间), else null
 * @param qualifier 超 / 近 / 逾 / 累计 … as written before the value, else null
 */
public record BaselineFact(
        String name,
        double value,
        String unit,
        Integer year,
        String period,
        String qualifier,
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
