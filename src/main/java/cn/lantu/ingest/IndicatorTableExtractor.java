package cn.lantu.ingest;

import cn.lantu.outline.MappedText;
import cn.lantu.outline.ParsedOutlineNode;
import cn.lantu.outline.OutlineParser;
import cn.lantu.outline.ParsedOutline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the main indicator table (主要指标) of an outline: tab- or space-separated text, Markdown tables, tables
 * split across pages (merged by the parser) and Word tables (converted to tab-separated rows by the reader).
 *
 * <p>This class picks the table and checks the result; {@link IndicatorTableHeader} reads the columns,
 * {@link IndicatorRowReader} the rows and {@link IndicatorFieldMapper} turns a row's cells into an indicator.
 */
final class IndicatorTableExtractor {

    private final IndicatorFieldMapper fields;

    IndicatorTableExtractor(String codePrefix) {
        this.fields = new IndicatorFieldMapper(codePrefix);
    }

    record Result(List<ExtractedIndicator> rows, String tableKey, List<String> warnings) {
    }

    /** Finds the main indicator table and reads its rows; empty when there is none. */
    Result extract(String text, OutlineParser.Detail detail) {
        List<String> warnings = new ArrayList<>();
        ParsedOutline outline = detail.outline();
        String best = null;
        int bestScore = 0;
        for (ParsedOutlineNode t : outline.tables()) {
            List<MappedText> rows = detail.tableRows().get(t.key());
            if (rows == null || rows.isEmpty()) {
                continue;
            }
            int score = 0;
            String title = t.title() == null ? "" : t.title();
            if (title.contains("主要指标")) {
                score += 10;
            } else if (title.contains("指标")) {
                score += 5;
            }
            String head = OutlineParser.norm(rows.get(0).toString());
            if (title.contains("完成") || title.contains("实施情况") || head.contains("完成") || head.contains("实现值")) {
                warnings.add("table “" + title + "” reports the previous plan's results; not taken as the indicator table");
                continue;
            }
            if (head.contains("指标")) {
                score += 3;
            }
            if (head.contains("属性")) {
                score += 3;
            }
            if (IndicatorTableHeader.YEAR.matcher(head).find()) {
                score += 1;
            }
            if (score > bestScore) {
                bestScore = score;
                best = t.key();
            }
        }
        if (best == null || bestScore < 4) {
            return new Result(List.of(), null, warnings);
        }
        return new Result(readTable(text, detail, best, warnings), best, warnings);
    }

    private List<ExtractedIndicator> readTable(String text, OutlineParser.Detail detail, String key,
                                               List<String> warnings) {
        List<MappedText> rows = detail.tableRows().get(key);
        ParsedOutline outline = detail.outline();
        IndicatorTableHeader header = IndicatorTableHeader.read(rows.get(0).toString(), outline.children(key), key,
                warnings);
        if (header == null) {
            return List.of();
        }
        List<ExtractedIndicator> out = IndicatorRowReader.read(rows, header, fields, text, warnings);
        // relational rows: link to the GDP growth row
        List<ExtractedIndicator> linked = new ArrayList<>();
        String gdp = out.stream().filter(i -> "GROWTH".equals(i.kind())
                && (i.name().contains("地区生产总值") || i.name().contains("GDP"))).map(ExtractedIndicator::code)
                .findFirst().orElse(null);
        for (ExtractedIndicator i : out) {
            if ("RELATIONAL".equals(i.kind()) && i.relatedIndicator() == null && gdp != null
                    && (i.rateVerbatim() + i.targetVerbatim()).contains("经济")) {
                i = withRelated(i, gdp);
            }
            linked.add(i);
        }
        checkCategoryCounts(linked, warnings);
        return linked;
    }

    private static void checkCategoryCounts(List<ExtractedIndicator> rows, List<String> warnings) {
        Map<String, java.util.Set<Integer>> numbers = new LinkedHashMap<>();
        Map<String, Integer> declared = new LinkedHashMap<>();
        for (ExtractedIndicator i : rows) {
            numbers.computeIfAbsent(i.category(), k -> new java.util.TreeSet<>()).add(i.tableNumber());
        }
        Map<String, java.util.Set<String>> blocks = new LinkedHashMap<>();
        for (ExtractedIndicator i : rows) {
            if (i.categoryCount() != null) {
                String block = i.categoryCount() + "|" + OutlineParser.norm(i.categoryVerbatim());
                if (blocks.computeIfAbsent(i.category(), k -> new java.util.HashSet<>()).add(block)) {
                    declared.merge(i.category(), i.categoryCount(), Integer::sum);
                }
            }
        }
        declared.forEach((cat, n) -> {
            int actual = numbers.getOrDefault(cat, java.util.Set.of()).size();
            if (actual != n) {
                warnings.add("indicator table: category " + cat + " declares " + n + " items but has " + actual
                        + " (a category split across pages is counted once)");
            }
        });
    }

    /** The row with {@code related} as the indicator it is measured against. */
    private static ExtractedIndicator withRelated(ExtractedIndicator i, String related) {
        return new ExtractedIndicator(i.code(), i.tableNumber(), i.tableRow(), i.subItem(), i.name(), i.unit(),
                i.category(), i.categoryVerbatim(), i.categoryCount(), i.attribute(), i.attributeVerbatim(), i.kind(),
                i.path(), i.direction(), i.comparator(), i.band(), i.baseYear(), i.baseValue(), i.baseStatus(),
                i.baseRole(), i.markers(), i.targetYear(), i.targetValue(), i.targetHorizon(), i.targetIsIncrement(),
                i.baseVerbatim(), i.targetVerbatim(), i.rateVerbatim(), related, i.sourceText(), i.start(), i.end(),
                i.confidence(), i.reason());
    }
}
