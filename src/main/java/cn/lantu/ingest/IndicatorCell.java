package cn.lantu.ingest;

import cn.lantu.outline.Cjk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A base, target or rate cell of the indicator table, parsed. Cells carry more than a number: 以上/左右/以内 set
 * the comparator, * marks a value of an earlier year, 预计 an estimate, [ ] a five-year total; words without a
 * number (与经济增长同步, 完成省下达指标) are kept as {@code qualitative}.
 */
record IndicatorCell(Double value, String comparator, boolean star, boolean estimate, boolean bracket,
                     String qualitative) {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    /** Parses a cell; null when it is absent (empty or a dash). */
    static IndicatorCell parse(String cell) {
        if (TableCells.absent(cell)) {
            return null;
        }
        String c = cell.replaceAll("\\s+", "").replace("\\*", "*").replace('＞', '>').replace('＜', '<')
                .replace('≧', '≥').replace('≦', '≤');
        boolean bracket = c.contains("[") || c.contains("【") || c.contains("〔") || c.contains("［");
        boolean star = c.contains("*") || c.contains("＊");
        boolean estimate = c.contains("预计");
        String comparator = null;
        if (c.contains("以上") || c.contains("不低于") || c.contains("不少于") || c.contains("≥") || c.contains(">=")
                || c.startsWith("超") || c.startsWith(">")) {
            comparator = "AT_LEAST";
        } else if (c.contains("左右") || c.startsWith("约")) {
            comparator = "ABOUT";
        } else if (c.contains("以内") || c.contains("以下") || c.contains("不高于") || c.contains("不超过")
                || c.contains("≤") || c.contains("<=") || c.startsWith("<")) {
            comparator = "AT_MOST";
        }
        Matcher m = NUMBER.matcher(Cjk.halfWidth(c));
        if (m.find()) {
            String rest = c.replaceAll("[\\d.\\[\\]【】〔〕［］*＊%‰\\-]", "").replace("预计", "").replace("以上", "")
                    .replace("左右", "").replace("以内", "").replace("以下", "").replace("不低于", "")
                    .replace("不高于", "").replace("不超过", "").replace("不少于", "").replace("约", "")
                    .replace("超", "").replace("个百分点", "").replace("提高", "").replace("提升", "")
                    .replace("高于", "").replace("低于", "").replace("<", "").replace(">", "").replace("≥", "")
                    .replace("≤", "");
            Double v = Double.parseDouble(m.group());
            if (rest.length() > 2) {
                // a number inside words, e.g. "完成省下达指标" has none; "与2025年持平" keeps text
                return new IndicatorCell(null, comparator, star, estimate, bracket, c);
            }
            return new IndicatorCell(v, comparator, star, estimate, bracket, null);
        }
        return new IndicatorCell(null, comparator, star, estimate, bracket, c);
    }
}
