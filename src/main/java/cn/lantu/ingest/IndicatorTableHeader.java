package cn.lantu.ingest;

import cn.lantu.outline.OutlineParser;
import cn.lantu.outline.ParsedOutlineNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header row of the indicator table: what each column holds and the years of the base and target columns.
 * Columns right of the name column hold the values; the cells left of them (category, number, name, sub-item)
 * vary from row to row, so rows are read from the right.
 *
 * @param cells      header cells, trailing empty ones dropped
 * @param roles      role of each header cell
 * @param valueRoles roles of the columns right of the name column
 * @param baseYear   year of the base values (2025)
 * @param targetYear year of the target values (2030)
 * @param starYear   year of base values marked *, from the note under the table (or the year before the base)
 */
record IndicatorTableHeader(List<String> cells, List<ColumnRole> roles, List<ColumnRole> valueRoles, int baseYear,
                            int targetYear, int starYear) {

    static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern STAR_NOTE = Pattern.compile("\\*[^。；]{0,8}?((?:19|20)\\d{2})\\s*年");

    /** Reads the header row; null, with a warning, when no column holds the indicator names. */
    static IndicatorTableHeader read(String headerRow, List<ParsedOutlineNode> notes, String key,
                                     List<String> warnings) {
        List<String> header = TableCells.trimTrailingEmpty(TableCells.cells(headerRow));
        List<ColumnRole> roles = new ArrayList<>();
        List<Integer> yearCols = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            ColumnRole r = headerRole(header.get(i));
            roles.add(r);
        }
        // years: base year from the base column, target year from the target column
        Integer baseYearHeader = null;
        Integer targetYearHeader = null;
        for (int i = 0; i < header.size(); i++) {
            Matcher y = YEAR.matcher(OutlineParser.norm(header.get(i)));
            if (y.find()) {
                yearCols.add(i);
                int year = Integer.parseInt(y.group());
                if (roles.get(i) == ColumnRole.TARGET) {
                    targetYearHeader = year;
                } else if (roles.get(i) == ColumnRole.BASE) {
                    if (baseYearHeader == null || year < baseYearHeader) {
                        baseYearHeader = year;
                    }
                }
            }
        }
        // two year columns without the word 目标: the later one is the target
        if (targetYearHeader == null && yearCols.size() >= 2) {
            int last = yearCols.get(yearCols.size() - 1);
            roles.set(last, ColumnRole.TARGET);
            Matcher y = YEAR.matcher(OutlineParser.norm(header.get(last)));
            y.find();
            targetYearHeader = Integer.parseInt(y.group());
        }
        int nameIdx = roles.indexOf(ColumnRole.NAME);
        if (nameIdx < 0) {
            warnings.add("indicator table " + key + ": no 指标名称 column in header");
            return null;
        }
        List<ColumnRole> valueRoles = new ArrayList<>(roles.subList(nameIdx + 1, roles.size()));
        int baseYear = baseYearHeader != null ? baseYearHeader : targetYearHeader != null ? targetYearHeader - 5 : 0;
        int targetYear = targetYearHeader != null ? targetYearHeader : baseYear + 5;
        int starYear = baseYear - 1;
        for (ParsedOutlineNode note : notes) {
            Matcher m = STAR_NOTE.matcher(note.text().replace("\\*", "*"));
            if (m.find()) {
                starYear = Integer.parseInt(m.group(1));
            }
        }
        return new IndicatorTableHeader(header, roles, valueRoles, baseYear, targetYear, starYear);
    }

    static ColumnRole headerRole(String cell) {
        String c = OutlineParser.norm(cell);
        if (c.isEmpty()) {
            return ColumnRole.OTHER;
        }
        if (c.contains("属性")) {
            return ColumnRole.ATTRIBUTE;
        }
        if (c.contains("序号") || c.equals("编号") || c.equals("No.")) {
            return ColumnRole.NUMBER;
        }
        if (c.contains("类型") || c.contains("类别") || c.contains("领域") || c.equals("分类")) {
            return ColumnRole.CATEGORY;
        }
        if (c.contains("单位") && !c.contains("指标")) {
            return ColumnRole.UNIT;
        }
        if (c.contains("年均") || c.contains("累计") || c.contains("增速") || c.contains("年增长")) {
            return ColumnRole.RATE;
        }
        if (c.contains("目标")) {
            return ColumnRole.TARGET;
        }
        if (c.contains("指标") || c.contains("名称")) {
            return ColumnRole.NAME;
        }
        if (c.contains("基期") || c.contains("现状") || c.contains("基数") || c.contains("实际")) {
            return ColumnRole.BASE;
        }
        if (YEAR.matcher(c).find()) {
            return ColumnRole.BASE; // refined by read(): the later year column is the target
        }
        return ColumnRole.OTHER;
    }
}
