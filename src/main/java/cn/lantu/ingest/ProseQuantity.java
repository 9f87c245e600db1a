package cn.lantu.ingest;

/**
 * A value found in prose. {@code start}/{@code end} cover the whole match (for a rank the leading 第/前 too),
 * {@code numStart} where the number begins: the metric name is the text before it.
 *
 * @param valueMax upper bound of a range (3—5家), otherwise null
 * @param suffix   以上, 左右, 以内… after the unit; sets the comparator
 * @param chinese  written in Chinese numerals, which are less often targets
 * @param rank     a ranking (第3位, 前十) rather than an amount
 * @param rankPre  第 or 前 for a rank
 */
record ProseQuantity(int start, int end, int numStart, double value, Double valueMax, String unit, String suffix,
                     boolean chinese, boolean rank, String rankPre) {
}
