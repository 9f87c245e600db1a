package cn.lantu.ingest;

import cn.lantu.outline.MappedText;
import cn.lantu.outline.OutlineParser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the body rows of the indicator table. Value cells are taken from the right, aligned with the header; the
 * cells left of them are [category] [number] name [sub-item]. A category is stated once, on its first row or on a
 * row of its own; a numbered row followed by unnumbered rows is split into sub-items A, B…
 */
final class IndicatorRowReader {

    private static final Pattern COUNT = Pattern.compile("[（(]\\s*(\\d+)\\s*项\\s*[）)]");

    private IndicatorRowReader() {
    }

    /** Rows after the header, in table order; rows that cannot be read are skipped with a warning. */
    static List<ExtractedIndicator> read(List<MappedText> rows, IndicatorTableHeader header,
                                         IndicatorFieldMapper fields, String text, List<String> warnings) {
        List<ColumnRole> roles = header.roles();
        List<ColumnRole> valueRoles = header.valueRoles();
        List<ExtractedIndicator> out = new ArrayList<>();
        String category = null;
        String categoryVerbatim = null;
        Integer categoryCount = null;
        String parentName = null;
        Integer parentNumber = null;
        int subIndex = 0;
        int tableRow = 0;
        List<ExtractedIndicator> pendingParent = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            MappedText row = rows.get(r);
            String rowText = row.toString();
            List<String> cs = TableCells.cells(rowText);
            if (OutlineParser.norm(rowText).equals(OutlineParser.norm(rows.get(0).toString()))) {
                continue; // repeated header
            }
            while (cs.size() > header.cells().size() && cs.get(cs.size() - 1).isEmpty()) {
                cs.remove(cs.size() - 1);
            }
            long nonEmpty = cs.stream().filter(c -> !c.isEmpty()).count();
            if (nonEmpty == 0) {
                continue;
            }
            int nValues = valueRoles.size();
            String only = cs.stream().filter(c -> !c.isEmpty()).findFirst().orElse("");
            if (nonEmpty == 1 && (cs.size() < nValues || !only.matches("\\d+"))) {
                // a category row spanning the table: 一、经济发展（12 项）
                Matcher cm = COUNT.matcher(only);
                categoryCount = cm.find() ? Integer.parseInt(cm.group(1)) : null;
                categoryVerbatim = only;
                category = categoryCount == null ? only : TableCells.compact(COUNT.matcher(only).replaceAll(""));
                continue;
            }
            if (cs.size() < nValues + 1) {
                warnings.add("indicator table row with too few cells: " + rowText);
                continue;
            }
            List<String> values = cs.subList(cs.size() - nValues, cs.size());
            List<String> left = new ArrayList<>(cs.subList(0, cs.size() - nValues));
            // left part: [category] [number] name [subname]
            int numPos = -1;
            for (int i = 0; i < left.size(); i++) {
                if (left.get(i).matches("\\d{1,3}")) {
                    numPos = i;
                    break;
                }
            }
            String catCell = null;
            String name;
            String sub = null;
            Integer number = null;
            if (numPos >= 0) {
                number = Integer.parseInt(left.get(numPos));
                for (int i = 0; i < numPos; i++) {
                    if (!left.get(i).isEmpty()) {
                        catCell = left.get(i);
                    }
                }
                List<String> rest = left.subList(numPos + 1, left.size()).stream().filter(c -> !c.isEmpty()).toList();
                if (rest.isEmpty()) {
                    warnings.add("indicator table row without a name: " + rowText);
                    continue;
                }
                name = rest.get(0);
                if (rest.size() > 1) {
                    sub = rest.get(1);
                }
                parentName = name;
                parentNumber = number;
                subIndex = sub != null ? 1 : 0;
            } else {
                List<String> rest = left.stream().filter(c -> !c.isEmpty()).toList();
                int catCol = roles.indexOf(ColumnRole.CATEGORY);
                if (rest.size() >= 2 && catCol >= 0 && !left.get(catCol).isEmpty()) {
                    catCell = left.get(catCol);
                    rest = rest.subList(1, rest.size());
                }
                if (rest.isEmpty() || parentName == null) {
                    warnings.add("indicator table row without number: " + rowText);
                    continue;
                }
                // a sub-row of the previous numbered row
                name = parentName;
                number = parentNumber;
                sub = rest.get(rest.size() - 1);
                subIndex++;
                ExtractedIndicator prev = out.isEmpty() ? null : out.get(out.size() - 1);
                if (subIndex == 1 && prev != null && prev.subItem() == null && TableCells.absent(prev.baseVerbatim())
                        && TableCells.absent(prev.targetVerbatim()) && TableCells.absent(prev.rateVerbatim())) {
                    out.remove(out.size() - 1); // a heading row over its sub-items, without values of its own
                    tableRow--;
                }
                if (subIndex == 2 && !pendingParent.isEmpty()) {
                    // the parent row becomes sub-item A
                    ExtractedIndicator first = pendingParent.get(0);
                    out.set(out.indexOf(first), withCode(first, fields.code(first.tableNumber(), 1)));
                }
            }
            if (catCell != null) {
                String cv = catCell;
                Matcher cm = COUNT.matcher(cv);
                Integer count = cm.find() ? Integer.parseInt(cm.group(1)) : null;
                String cname = TableCells.compact(COUNT.matcher(cv).replaceAll(""));
                if (!cname.isEmpty()) {
                    category = cname;
                }
                categoryVerbatim = cv;
                categoryCount = count;
            }
            tableRow++;
            String base = TableCells.valueFor(values, valueRoles, ColumnRole.BASE);
            String target = TableCells.valueFor(values, valueRoles, ColumnRole.TARGET);
            String rate = TableCells.valueFor(values, valueRoles, ColumnRole.RATE);
            String attr = TableCells.valueFor(values, valueRoles, ColumnRole.ATTRIBUTE);
            String unitCol = TableCells.valueFor(values, valueRoles, ColumnRole.UNIT);
            int start = row.sourceStart();
            int end = row.sourceEnd();
            String sourceText = text.substring(start, end).strip();
            String[] pair = pairNames(sub != null ? sub : parentName, base, target);
            if (pair != null && sub == null) {
                // A/B: two values per cell, one indicator each (城镇/农村居民人均可支配收入 6.5/6.8)
                for (int k = 0; k < 2; k++) {
                    if (k == 1) {
                        tableRow++;
                    }
                    ExtractedIndicator one = fields.build(new IndicatorFieldMapper.RowCells(number, tableRow, pair[k],
                            null, k + 1, category, categoryVerbatim, categoryCount, unitCol, attr, half(base, k),
                            half(target, k), half(rate, k), sourceText, start, end), header);
                    out.add(withCode(one, fields.code(number, k + 1)));
                }
                pendingParent.clear();
                continue;
            }
            ExtractedIndicator ind = fields.build(new IndicatorFieldMapper.RowCells(number, tableRow, parentName, sub,
                    subIndex, category, categoryVerbatim, categoryCount, unitCol, attr, base, target, rate, sourceText,
                    start, end), header);
            out.add(ind);
            pendingParent.clear();
            if (sub != null && subIndex == 1) {
                pendingParent.add(ind);
            }
        }
        return out;
    }

    private static final Pattern PAIR = Pattern.compile("^\\D{0,3}?(-?\\d+(?:\\.\\d+)?)\\D{0,4}[/／](-?\\d+(?:\\.\\d+)?)\\D{0,4}$");
    private static final Pattern PAIR_NAME = Pattern.compile("^([\\u4e00-\\u9fff]{1,4})[/／、]([\\u4e00-\\u9fff]{1,4})(.+)$");

    /** The two names of an A/B row, or null when its base and target cells do not hold two values each. */
    static String[] pairNames(String name, String base, String target) {
        boolean b = base == null || TableCells.absent(base) || PAIR.matcher(base.strip()).matches();
        boolean t = target != null && PAIR.matcher(target.strip()).matches();
        if (!b || !t || name == null) {
            return null;
        }
        String n = TableCells.withoutFootnotes(name);
        Matcher u = Pattern.compile("[（(][^（）()]{1,14}[）)]$").matcher(n);
        String unit = u.find() ? u.group() : "";
        n = n.substring(0, n.length() - unit.length());
        Matcher m = PAIR_NAME.matcher(n);
        if (m.matches() && m.group(2).length() + m.group(3).length() > m.group(1).length()) {
            // 城镇/农村居民人均可支配收入: the second alternative is as long as the first
            String rest = m.group(2) + m.group(3);
            String second = rest.substring(0, m.group(1).length());
            String tail = rest.substring(m.group(1).length());
            return new String[] {m.group(1) + tail + unit, second + tail + unit};
        }
        return new String[] {n + "（A）" + unit, n + "（B）" + unit};
    }

    /** The first (k = 0) or second value of an A/B cell, keeping its marks (*, 左右, [ ]). */
    private static String half(String cell, int k) {
        if (cell == null || TableCells.absent(cell)) {
            return cell;
        }
        Matcher m = PAIR.matcher(cell.strip());
        if (!m.matches()) {
            return cell;
        }
        String keep = m.group(k + 1);
        return cell.strip().replace(m.group(1) + cell.strip().substring(m.end(1), m.start(2)) + m.group(2), keep);
    }

    private static ExtractedIndicator withCode(ExtractedIndicator i, String code) {
        return new ExtractedIndicator(code, i.tableNumber(), i.tableRow(), i.subItem(), i.name(), i.unit(),
                i.category(), i.categoryVerbatim(), i.categoryCount(), i.attribute(), i.attributeVerbatim(), i.kind(),
                i.path(), i.direction(), i.comparator(), i.band(), i.baseYear(), i.baseValue(), i.baseStatus(),
                i.baseRole(), i.markers(), i.targetYear(), i.targetValue(), i.targetHorizon(), i.targetIsIncrement(),
                i.baseVerbatim(), i.targetVerbatim(), i.rateVerbatim(), i.relatedIndicator(), i.sourceText(),
                i.start(), i.end(), i.confidence(), i.reason());
    }
}
