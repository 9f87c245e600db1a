package cn.lantu.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plan-wide roll-up of indicator assessments.
 *
 * <p>The plan-wide counts ({@link #overall()}) are over numbered items: rows sharing a table number count once, with
 * the worse of their statuses ({@link Status#worse}: NO_DATA only when all rows have no data). Category counts are
 * over items too (an item's category is its first row's). Attribute and department counts are over indicator rows,
 * because attribute and responsible department belong to indicators. All rows are kept in {@link #rows()}.
 */
public record PlanSummary(Rollup overall, List<Item> items, Map<String, Rollup> byCategory,
                          Map<Attribute, Rollup> byAttribute, Map<String, Rollup> byDepartment,
                          List<RolledItem> binding, List<RolledItem> rows, String sentence, String bindingSentence) {

    /** One numbered item with its (worst-of) status and the codes of its rows. */
    public record Item(int tableNumber, String category, Status status, Attribute attribute, List<String> codes) {
    }

    public static PlanSummary of(List<RolledItem> rows) {
        List<RolledItem> all = List.copyOf(rows);
        Map<Integer, List<RolledItem>> byNumber = new TreeMap<>();
        for (RolledItem r : all) {
            if (r.tableNumber() != null) {
                byNumber.computeIfAbsent(r.tableNumber(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Item> items = new ArrayList<>();
        for (Map.Entry<Integer, List<RolledItem>> e : byNumber.entrySet()) {
            Status worst = Status.NO_DATA;
            Attribute attr = Attribute.ANTICIPATORY;
            List<String> codes = new ArrayList<>();
            for (RolledItem r : e.getValue()) {
                worst = Status.worse(worst, r.status());
                if (r.attribute() == Attribute.BINDING) {
                    attr = Attribute.BINDING;
                }
                codes.add(r.code());
            }
            items.add(new Item(e.getKey(), e.getValue().get(0).category(), worst, attr, List.copyOf(codes)));
        }
        Rollup overall = Rollup.count(items.stream().map(Item::status).toList(),
                items.stream().map(Item::attribute).toList());

        Map<String, List<Item>> catItems = new LinkedHashMap<>();
        for (Item it : items) {
            catItems.computeIfAbsent(key(it.category()), k -> new ArrayList<>()).add(it);
        }
        Map<String, Rollup> byCategory = new LinkedHashMap<>();
        catItems.forEach((k, v) -> byCategory.put(k, Rollup.count(v.stream().map(Item::status).toList(),
                v.stream().map(Item::attribute).toList())));

        Map<Attribute, List<RolledItem>> attrRows = new EnumMap<>(Attribute.class);
        Map<String, List<RolledItem>> deptRows = new LinkedHashMap<>();
        List<RolledItem> binding = new ArrayList<>();
        for (RolledItem r : all) {
            attrRows.computeIfAbsent(r.attribute(), k -> new ArrayList<>()).add(r);
            deptRows.computeIfAbsent(key(r.department()), k -> new ArrayList<>()).add(r);
            if (r.attribute() == Attribute.BINDING) {
                binding.add(r);
            }
        }
        Map<Attribute, Rollup> byAttribute = new EnumMap<>(Attribute.class);
        attrRows.forEach((k, v) -> byAttribute.put(k, rowRollup(v)));
        Map<String, Rollup> byDepartment = new LinkedHashMap<>();
        deptRows.forEach((k, v) -> byDepartment.put(k, rowRollup(v)));

        String sentence = sentence(items.size(), overall, false, ChinesePhrases.INSTANCE);
        String bindingSentence = bindingSentence(binding, ChinesePhrases.INSTANCE);
        return new PlanSummary(overall, List.copyOf(items), Collections.unmodifiableMap(byCategory),
                Collections.unmodifiableMap(byAttribute), Collections.unmodifiableMap(byDepartment),
                List.copyOf(binding), all, sentence, bindingSentence);
    }

    /** Number of numbered items counted. */
    public int itemCount() {
        return items.size();
    }

    /** Items per status over the numbered items (all statuses present). */
    public Map<Status, Integer> counts() {
        return overall.counts();
    }

    /** The whole-plan sentence; with {@code includeZeros} every status is named, "0项" included. */
    public String sentence(boolean includeZeros) {
        return sentence(items.size(), overall, includeZeros, ChinesePhrases.INSTANCE);
    }

    /** {@link #sentence()} in the locale's language. */
    public String sentence(Locale locale) {
        return sentence(items.size(), overall, false, Phrasebook.of(locale));
    }

    /** {@link #sentence(boolean)} in the locale's language. */
    public String sentence(boolean includeZeros, Locale locale) {
        return sentence(items.size(), overall, includeZeros, Phrasebook.of(locale));
    }

    /** {@link #bindingSentence()} in the locale's language. */
    public String bindingSentence(Locale locale) {
        return bindingSentence(binding, Phrasebook.of(locale));
    }

    private static String sentence(int items, Rollup overall, boolean includeZeros, Phrasebook b) {
        return b.planSentence(items, overall.terms(includeZeros, b));
    }

    private static Rollup rowRollup(List<RolledItem> rows) {
        return Rollup.count(rows.stream().map(RolledItem::status).toList(),
                rows.stream().map(RolledItem::attribute).toList());
    }

    private static String key(String s) {
        return s == null || s.isBlank() ? "未分类" : s;
    }

    /** "约束性指标5项，其中3项基本符合预期，2项滞后于预期（A、B）". Lagging ones are named. */
    private static String bindingSentence(List<RolledItem> binding, Phrasebook b) {
        if (binding.isEmpty()) {
            return b.noBinding();
        }
        Rollup r = rowRollup(binding);
        StringBuilder sb = new StringBuilder(b.bindingSentence(binding.size(), r.terms(false, b)));
        List<String> lagging = new ArrayList<>();
        for (RolledItem it : binding) {
            if (it.status().isLagging()) {
                lagging.add(b.nameWithStatus(it.displayName(), it.status()));
            }
        }
        if (!lagging.isEmpty()) {
            sb.append(b.laggingBinding(b.list(lagging)));
        }
        return sb.toString();
    }
}
