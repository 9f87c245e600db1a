package cn.lantu.ingest;

import cn.lantu.outline.OutlineParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the cells of one indicator-table row into an {@link ExtractedIndicator}: name and unit, attribute
 * (约束性/预期性), which cell holds the target, kind, direction, comparator and base. The table states most of this
 * only implicitly, so each inference lowers the confidence or leaves a reason.
 */
final class IndicatorFieldMapper {

    /**
     * The cells of one row as read, before interpretation.
     *
     * @param number     the row's number (序号), shared by its sub-rows
     * @param tableRow   1-based position among the indicator rows
     * @param parentName name cell of the numbered row
     * @param sub        sub-item name (城镇 / 农村) or null
     * @param subIndex   1-based sub-item position, 0 for a row without sub-items
     * @param category   current category name, e.g. 经济发展
     * @param unitCell   cell of the unit column, or null when the table has none
     */
    record RowCells(Integer number, int tableRow, String parentName, String sub, int subIndex, String category,
                    String categoryVerbatim, Integer categoryCount, String unitCell, String attributeCell,
                    String baseCell, String targetCell, String rateCell, String sourceText, int start, int end) {
    }

    private static final Pattern TRAILING_UNIT = Pattern.compile("[（(]([^（）()]{1,14})[）)]\\s*$");
    private static final Pattern UNIT_WORD = Pattern.compile(
            ".*(%|‰|/|元|人|件|岁|米|吨|亩|瓦|斤|个|家|所|次|天|小时|辆|户|套|张|床|公顷|平方|立方|度|倍|项|座|公里|千米|标准煤|分贝|小时|年|分|标箱|FLOPS|EFLOPS).*");
    private static final Pattern DOWN_NAME = Pattern.compile(
            ".*(下降|降低|减少|排放|浓度|能耗|用水量|倍差|差距|死亡率|事故|发生率|失业率|负债率|PM2\\.5|耗).*");

    private final String codePrefix;

    IndicatorFieldMapper(String codePrefix) {
        this.codePrefix = codePrefix;
    }

    /** Row code: prefix, two-digit number, and A, B… for sub-items (ZJ12A). */
    String code(Integer number, int subIndex) {
        String n = number == null ? "XX" : String.format(Locale.ROOT, "%02d", number);
        return codePrefix + n + (subIndex > 0 ? String.valueOf((char) ('A' + subIndex - 1)) : "");
    }

    /** Stable code of a category (经济发展 → ECONOMY); an unknown category keeps its name. */
    static String categoryCode(String cat) {
        if (cat == null) {
            return null;
        }
        if (cat.contains("经济")) {
            return "ECONOMY";
        }
        if (cat.contains("创新") || cat.contains("科技")) {
            return "INNOVATION";
        }
        if (cat.contains("民生") || cat.contains("福祉") || cat.contains("社会") || cat.contains("共享")) {
            return "WELLBEING";
        }
        if (cat.contains("绿色") || cat.contains("生态") || cat.contains("低碳") || cat.contains("环境")) {
            return "GREEN";
        }
        if (cat.contains("安全")) {
            return "SECURITY";
        }
        return cat;
    }

    /** Interprets one row's cells; the base and target years come from the header. */
    ExtractedIndicator build(RowCells row, IndicatorTableHeader header) {
        List<String> reasons = new ArrayList<>();
        double confidence = 1.0;
        // name and unit
        String rawName = TableCells.withoutFootnotes(row.sub() != null ? row.sub() : row.parentName());
        String unit = row.unitCell() != null && !TableCells.absent(row.unitCell()) ? TableCells.compact(row.unitCell())
                : null;
        String nameCell = rawName;
        Matcher um = TRAILING_UNIT.matcher(nameCell);
        if (um.find() && UNIT_WORD.matcher(um.group(1)).matches() && !um.group(1).contains("含")) {
            if (unit == null) {
                unit = TableCells.compact(um.group(1)).replace("（", "(").replace("）", ")");
            }
            nameCell = nameCell.substring(0, um.start());
        }
        if (unit == null && row.sub() != null) {
            Matcher pm = TRAILING_UNIT.matcher(TableCells.withoutFootnotes(row.parentName()));
            if (pm.find() && UNIT_WORD.matcher(pm.group(1)).matches()) {
                unit = TableCells.compact(pm.group(1));
            }
        }
        String subItem = row.sub() != null ? TableCells.compact(nameCell) : null;
        String name;
        if (row.sub() != null) {
            String parent = TableCells.compact(TRAILING_UNIT.matcher(TableCells.withoutFootnotes(row.parentName()))
                    .replaceAll(""));
            int has = parent.indexOf("拥有");
            if (has >= 0) {
                name = parent.substring(0, has + 2) + subItem;
            } else if (parent.startsWith("每")) {
                Matcher pm = Pattern.compile("^每[^\\s]{1,4}?人(口)?").matcher(parent);
                name = pm.find() ? pm.group() + subItem : parent + "：" + subItem;
            } else {
                name = parent + "：" + subItem;
            }
        } else {
            name = TableCells.compact(nameCell);
        }
        if (unit == null) {
            unit = "";
        }
        // attribute
        String attribute = null;
        String attributeVerbatim = row.attributeCell() == null ? null : OutlineParser.norm(row.attributeCell());
        if (attributeVerbatim != null) {
            if (attributeVerbatim.contains("约束")) {
                attribute = "BINDING";
            } else if (attributeVerbatim.contains("预期")) {
                attribute = "ANTICIPATORY";
            }
        }
        if (attribute == null) {
            reasons.add("attribute not stated");
            confidence -= 0.2;
        }
        IndicatorCell base = IndicatorCell.parse(row.baseCell());
        IndicatorCell target = IndicatorCell.parse(row.targetCell());
        IndicatorCell rate = IndicatorCell.parse(row.rateCell());
        List<String> markers = new ArrayList<>();
        if (base != null && base.star()) {
            markers.add("STAR");
        }
        if (base != null && base.estimate()) {
            markers.add("ESTIMATE");
        }
        if ((base != null && base.bracket()) || (rate != null && rate.bracket()) || (target != null && target.bracket())) {
            markers.add("CUMULATIVE");
        }
        // which cell holds the target?
        IndicatorCell goal;
        String horizon;
        if (target != null && (target.value() != null || rate == null)) {
            goal = target;
            horizon = target.bracket() ? "PERIOD" : "TARGET_YEAR";
        } else if (rate != null) {
            goal = rate;
            horizon = rate.bracket() ? "PERIOD" : "ANNUAL";
        } else {
            goal = null;
            horizon = "TARGET_YEAR";
        }
        String qual = goal != null && goal.qualitative() != null ? goal.qualitative()
                : base != null && base.qualitative() != null ? base.qualitative() : null;
        String kind;
        String n = name;
        boolean declineName = n.contains("下降") || n.contains("降低") || n.contains("减少");
        boolean growthName = n.contains("增长") || n.contains("增速") || n.endsWith("增幅");
        boolean increment = false;
        if (goal != null && goal.qualitative() != null && goal.value() == null) {
            String q = goal.qualitative();
            if (q.contains("同步") || q.contains("快于") || q.contains("高于经济") || q.contains("持平")) {
                kind = "RELATIONAL";
            } else if (q.contains("稳定") || q.contains("保持")) {
                kind = "STABLE";
            } else if (q.contains("下达") || q.contains("上级") || q.contains("考核")) {
                kind = "ASSIGNED";
            } else {
                kind = "QUALITATIVE";
            }
        } else if (goal == null) {
            kind = "QUALITATIVE";
            reasons.add("no target value");
            confidence -= 0.3;
        } else if (horizon.equals("PERIOD")) {
            if (declineName) {
                kind = "DECLINE";
            } else if (n.contains("新增") || n.contains("累计") || n.contains("人数") || n.contains("完成")) {
                kind = "CUMULATIVE";
            } else {
                kind = "LEVEL";
                increment = true;
            }
        } else if (horizon.equals("ANNUAL")) {
            kind = declineName ? "DECLINE" : growthName ? "GROWTH" : (n.contains("新增") ? "CUMULATIVE" : "GROWTH");
        } else {
            kind = declineName && "%".equals(unit) ? "DECLINE" : "LEVEL";
        }
        // direction
        String direction;
        Double baseValue = base != null ? base.value() : null;
        Double targetValue = goal != null ? goal.value() : null;
        if (declineName || DOWN_NAME.matcher(n).matches()) {
            direction = "DOWN";
        } else if ("LEVEL".equals(kind) && baseValue != null && targetValue != null && targetValue < baseValue
                && !(base != null && base.bracket())) {
            direction = "DOWN";
        } else {
            direction = "UP";
        }
        if ("LEVEL".equals(kind) && "BINDING".equals(attribute) && "UP".equals(direction)) {
            kind = "FLOOR";
        }
        // comparator
        String comparator = goal != null ? goal.comparator() : null;
        if (comparator == null) {
            switch (kind) {
                case "ASSIGNED" -> comparator = "DOWN".equals(direction) ? "AT_MOST" : "AT_LEAST";
                case "QUALITATIVE" -> comparator = null;
                case "STABLE", "RELATIONAL", "CUMULATIVE", "DECLINE", "FLOOR" -> comparator = "AT_LEAST";
                case "LEVEL" -> comparator = "DOWN".equals(direction) ? "AT_MOST" : "AT_LEAST";
                default -> comparator = "EXACT";
            }
        }
        Double band = null;
        if ("ABOUT".equals(comparator) && goal != null && goal.value() != null) {
            String raw = OutlineParser.norm(goal == target ? row.targetCell() : row.rateCell());
            Matcher dm = Pattern.compile("\\d+\\.(\\d+)").matcher(raw);
            int decimals = dm.find() ? dm.group(1).length() : 0;
            band = "%".equals(unit) || decimals == 0 ? 0.5 : Math.pow(10, -decimals);
            if (decimals >= 2) {
                band = Math.pow(10, -decimals);
            }
        }
        // base
        String baseStatus;
        String baseRole;
        int baseYear = base != null && base.star() ? header.starYear() : header.baseYear();
        if (baseValue == null) {
            baseStatus = "TO_BE_ENTERED";
        } else if (base.estimate()) {
            baseStatus = "ESTIMATE";
        } else {
            baseStatus = "GIVEN";
        }
        if (base != null && base.bracket()) {
            baseRole = "PREVIOUS_PLAN_TOTAL";
        } else {
            baseRole = switch (kind) {
                case "LEVEL", "FLOOR" -> "LEVEL";
                case "GROWTH", "DECLINE", "CUMULATIVE" -> baseValue != null ? "RATE" : "NONE";
                default -> "NONE";
            };
        }
        if (qual != null && goal != null && goal.value() == null && kind.equals("QUALITATIVE")) {
            reasons.add("qualitative target: " + qual);
            confidence -= 0.2;
        }
        if (base != null && base.qualitative() != null && base.value() == null && baseValue == null
                && !kind.equals("STABLE") && !kind.equals("RELATIONAL") && !kind.equals("ASSIGNED")) {
            reasons.add("base value not numeric: " + base.qualitative());
        }
        String path = "LEVEL".equals(kind) ? "LINEAR" : null;
        return new ExtractedIndicator(code(row.number(), row.subIndex() > 0 && row.sub() != null ? row.subIndex() : 0),
                row.number(), row.tableRow(), subItem, name, unit, categoryCode(row.category()), row.categoryVerbatim(),
                row.categoryCount(), attribute, attributeVerbatim, kind, path, direction, comparator, band, baseYear,
                baseValue, baseStatus, baseRole, markers, header.targetYear(), targetValue, horizon, increment,
                row.baseCell() == null ? null : row.baseCell().strip(),
                row.targetCell() == null ? null : row.targetCell().strip(),
                row.rateCell() == null ? null : row.rateCell().strip(), null, row.sourceText(), row.start(), row.end(),
                Math.max(0.1, confidence), reasons.isEmpty() ? null : String.join("; ", reasons));
    }
}
