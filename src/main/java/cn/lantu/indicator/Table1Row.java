package cn.lantu.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value row of Table 1 as printed: the category cell spans its rows ("经济发展（6项）"), and an item with
 * two indicators (row 12) spans two rows with its sub-items beside it. {@code categoryItems} is the number of items in
 * the category, for wording the cell in another language.
 */
public record Table1Row(Indicator indicator, String categoryCell, int categorySpan, boolean numberCell,
                        int numberSpan, String itemName, boolean subRow, int categoryItems) {

    /** Lays out the table rows (already in table order) the way the outline prints them. */
    public static List<Table1Row> layout(List<Indicator> rows) {
        Map<Category, List<Indicator>> byCategory = new LinkedHashMap<>();
        for (Indicator i : rows) {
            byCategory.computeIfAbsent(i.category(), c -> new ArrayList<>()).add(i);
        }
        List<Table1Row> out = new ArrayList<>();
        for (Map.Entry<Category, List<Indicator>> e : byCategory.entrySet()) {
            List<Indicator> list = e.getValue();
            long items = list.stream().map(Indicator::tableNumber).distinct().count();
            Integer previous = null;
            for (int k = 0; k < list.size(); k++) {
                Indicator i = list.get(k);
                int span = (int) list.stream().filter(x -> x.tableNumber().equals(i.tableNumber())).count();
                boolean first = !i.tableNumber().equals(previous);
                String itemName = span > 1 ? groupName(list, i.tableNumber()) : i.name();
                out.add(new Table1Row(i, k == 0 ? e.getKey().label() + "（" + items + "项）" : null, list.size(),
                        first, span, itemName, span > 1, (int) items));
                previous = i.tableNumber();
            }
        }
        return out;
    }

    /** The item name shared by sub-rows, as printed in the first sub-row's cells (the cell after its number). */
    private static String groupName(List<Indicator> list, Integer number) {
        Indicator first = list.stream().filter(x -> x.tableNumber().equals(number)).findFirst().orElseThrow();
        if (first.sourceText() != null) {
            String[] cells = first.sourceText().split("\t");
            for (int k = 0; k + 1 < cells.length; k++) {
                if (cells[k].trim().equals(String.valueOf(number))) {
                    return cells[k + 1].trim();
                }
            }
        }
        return first.name();
    }
}
