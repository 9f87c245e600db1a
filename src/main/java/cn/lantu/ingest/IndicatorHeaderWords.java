package cn.lantu.ingest;

/**
 * The extractor's reading of one header cell of an indicator table (序号/指标/单位/属性/2025年/2030年/年均增长…),
 * for tables the plan office pastes or uploads instead of the extracted one.
 */
public final class IndicatorHeaderWords {

    private IndicatorHeaderWords() {}

    /** NUMBER, NAME, UNIT, ATTRIBUTE, BASE, TARGET, RATE, CATEGORY, SUBNAME or OTHER; a bare year reads as BASE. */
    public static String role(String headerCell) {
        return IndicatorTableHeader.headerRole(headerCell == null ? "" : headerCell).name();
    }
}
