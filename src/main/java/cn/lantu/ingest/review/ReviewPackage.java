package cn.lantu.ingest.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.function.Function;

import cn.lantu.ingest.ExtractedArea;
import cn.lantu.ingest.ExtractedIndicator;
import cn.lantu.ingest.ExtractedProject;
import cn.lantu.ingest.Extraction;
import cn.lantu.ingest.ExtractedProjectDomain;
import cn.lantu.ingest.ProseTarget;
import cn.lantu.ingest.PackageWriter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a reviewed extraction as a complete plan package that {@code PlanPackageLoader} accepts: the draft files
 * of {@link PackageWriter}, completed with what the loader needs and the writer leaves open (region code, a city
 * code, categories of prose targets, a band for 左右 targets, a domain for every project, verbatim quotes) and the
 * files the writer does not write (responsibilities.yaml and reforms.yaml, empty).
 */
final class ReviewPackage {

    /** What the plan office enters when loading: plan code, plan name and region code. */
    record PlanInfo(String code, String name, String regionCode) {}

    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    void write(Extraction reviewed, Map<String, String> targetCategories, PlanInfo info, Path dir)
            throws IOException {
        new PackageWriter().write(reviewed, dir, info.code());
        String outline = reviewed.text();

        Map<String, Object> plan = readMap(dir.resolve("plan.yaml"));
        plan.put("code", info.code());
        String name = blank(info.name()) ? (String) plan.get("name") : info.name().strip();
        if (blank(name)) {
            name = reviewed.source() == null ? info.code() : reviewed.source();
        }
        plan.put("name", name);
        @SuppressWarnings("unchecked")
        Map<String, Object> region = (Map<String, Object>) plan.computeIfAbsent("region", k -> new LinkedHashMap<>());
        if (blank((String) region.get("name"))) {
            region.put("name", name);
        }
        region.put("code", blank(info.regionCode()) ? "000000" : info.regionCode().strip());
        region.putIfAbsent("level", "COUNTY");
        int end = reviewed.planEnd() == null ? 2030 : reviewed.planEnd();
        plan.putIfAbsent("periodEnd", end);
        if (plan.get("periodStart") == null) {
            plan.put("periodStart", end - 4);
        }
        if (plan.get("baseYear") == null) {
            plan.put("baseYear", ((Number) plan.get("periodStart")).intValue() - 1);
        }
        plan.put("status", "DRAFT");
        plan.remove("warnings");

        List<Map<String, Object>> indicators = readList(dir.resolve("indicators.yaml"));
        restoreIndicatorStrings(indicators, reviewed);
        for (Map<String, Object> i : indicators) {
            String code = String.valueOf(i.get("code"));
            if (i.get("tableNumber") == null && targetCategories.containsKey(code) && i.get("category") == null) {
                i.put("category", targetCategories.get(code));
            }
            if ("ABOUT".equals(i.get("comparator")) && i.get("band") == null && i.get("targetValue") instanceof Number v) {
                String unit = String.valueOf(i.get("unit"));
                i.put("band", unit.contains("%") || unit.contains("百分点") ? 0.5
                        : Math.round(Math.abs(v.doubleValue()) * 0.05 * 100) / 100.0);
            }
            verbatim(i, outline);
        }

        List<Map<String, Object>> corrections = new ArrayList<>();
        for (Map<String, Object> c : readList(dir.resolve("corrections.yaml"))) {
            // an automatic repair whose anchor text is not in the outline cannot be replayed by the loader
            if (c.get("find") == null || outline.contains(String.valueOf(c.get("find")))) {
                corrections.add(c);
            }
        }

        Map<String, Object> org = readMap(dir.resolve("org.yaml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> city = (Map<String, Object>) org.computeIfAbsent("city", k -> new LinkedHashMap<>());
        city.put("code", "CITY");
        if (blank((String) city.get("name"))) {
            city.put("name", region.get("name"));
        }
        List<ExtractedArea> towns = reviewed.areas().stream().filter(a -> "TOWN".equals(a.kind())).toList();
        List<ExtractedArea> others = reviewed.areas().stream().filter(a -> !"TOWN".equals(a.kind())).toList();
        restore(listOf(org.get("towns")), towns, ExtractedArea::code, ExtractedArea::name);
        restore(listOf(org.get("areas")), others, ExtractedArea::code, ExtractedArea::name);
        for (String list : List.of("towns", "areas")) {
            for (Map<String, Object> u : listOf(org.get(list))) {
                verbatim(u, outline);
            }
        }

        Map<String, Object> projects = readMap(dir.resolve("projects.yaml"));
        restore(listOf(projects.get("domains")), reviewed.projectDomains(), ExtractedProjectDomain::code, ExtractedProjectDomain::name);
        restore(listOf(projects.get("projects")), reviewed.projects(), ExtractedProject::code, ExtractedProject::name);
        List<Map<String, Object>> domains = new ArrayList<>();
        for (Map<String, Object> d : listOf(projects.get("domains"))) {
            if ("TOTAL".equals(d.get("code"))) {
                // the column's stated totals, checked by the loader against the sum of the domains
                Map<String, Object> totals = new LinkedHashMap<>();
                totals.put("count", d.get("plannedCount"));
                totals.put("totalInvestment", d.get("totalInvestment"));
                totals.put("periodInvestment", d.get("periodInvestment"));
                totals.put("unit", d.get("unit"));
                plan.put("portfolioTotals", totals);
                continue;
            }
            d.putIfAbsent("plannedCount", 0);
            if (d.get("totalInvestment") == null) {
                d.put("totalInvestment", 0.0);
            }
            if (d.get("periodInvestment") == null) {
                d.put("periodInvestment", 0.0);
            }
            verbatim(d, outline);
            domains.add(d);
        }
        // named projects come from other columns than the domain totals: one domain per source column
        Map<String, Map<String, Object>> byColumn = new LinkedHashMap<>();
        for (Map<String, Object> p : listOf(projects.get("projects"))) {
            String column = p.get("source") == null ? "其他项目" : String.valueOf(p.get("source"));
            Map<String, Object> d = byColumn.computeIfAbsent(column, c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", String.format("C%02d", byColumn.size() + 1));
                m.put("name", c);
                m.put("plannedCount", 0);
                m.put("totalInvestment", 0.0);
                m.put("periodInvestment", 0.0);
                m.put("sourceQuote", null);
                m.put("note", "按专栏归组的点名项目（审核加载时生成，投资额待填）");
                return m;
            });
            d.put("plannedCount", ((Number) d.get("plannedCount")).intValue() + 1);
            p.put("domain", d.get("code"));
            verbatim(p, outline);
        }
        domains.addAll(byColumn.values());
        projects.put("domains", domains);

        writeYaml(dir.resolve("plan.yaml"), "# 经规划办审核的规划包（自动抽取，审核后加载）\n", plan);
        writeYaml(dir.resolve("indicators.yaml"), "# 经审核的表1指标与正文量化目标\n", indicators);
        writeYaml(dir.resolve("corrections.yaml"), "# 转换残留修复\n", corrections);
        writeYaml(dir.resolve("org.yaml"), "# 专栏所列镇街与片区（经审核）\n", org);
        writeYaml(dir.resolve("projects.yaml"), "# 重大项目（经审核）\n", projects);
        Files.writeString(dir.resolve("responsibilities.yaml"), "# 牵头部门待规划办在系统中分配\n[]\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("reforms.yaml"), "# 改革清单未自动抽取\ndomains: []\nitems: []\n",
                StandardCharsets.UTF_8);
    }

    /**
     * Puts back the text fields that the draft writer may have written as bare numbers (a code {@code 01} reads
     * back as the number 1), from the records, by position (the writer keeps the order of the lists).
     */
    private static void restoreIndicatorStrings(List<Map<String, Object>> items, Extraction x) {
        int n = x.indicators().size();
        for (int k = 0; k < items.size(); k++) {
            Map<String, Object> m = items.get(k);
            if (k < n) {
                ExtractedIndicator i = x.indicators().get(k);
                m.put("code", i.code());
                m.put("name", i.name());
                m.put("unit", i.unit());
                m.put("subItem", i.subItem());
                m.put("relatedIndicator", i.relatedIndicator());
            } else if (k - n < x.targets().size()) {
                ProseTarget t = x.targets().get(k - n);
                m.put("code", t.code());
                m.put("name", t.name());
                m.put("unit", t.unit());
            }
        }
    }

    private static <T> void restore(List<Map<String, Object>> items, List<T> records, Function<T, String> code,
                                    Function<T, String> name) {
        for (int k = 0; k < items.size() && k < records.size(); k++) {
            items.get(k).put("code", code.apply(records.get(k)));
            items.get(k).put("name", name.apply(records.get(k)));
        }
    }

    /** A quote the loader cannot find verbatim (page-break joins) is replaced by the exact source span. */
    private static void verbatim(Map<String, Object> item, String outline) {
        Object q = item.get("sourceQuote");
        if (q instanceof String quote && !outline.contains(quote)) {
            Integer s = item.get("quoteStart") instanceof Number n ? n.intValue()
                    : item.get("start") instanceof Number n2 ? n2.intValue() : null;
            Integer e = item.get("quoteEnd") instanceof Number n ? n.intValue()
                    : item.get("end") instanceof Number n2 ? n2.intValue() : null;
            item.put("sourceQuote", s != null && e != null && 0 <= s && s < e && e <= outline.length()
                    ? outline.substring(s, e) : null);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private Map<String, Object> readMap(Path file) throws IOException {
        Map<String, Object> m = yaml.readValue(Files.readString(file, StandardCharsets.UTF_8),
                new TypeReference<LinkedHashMap<String, Object>>() {});
        return m == null ? new LinkedHashMap<>() : m;
    }

    private List<Map<String, Object>> readList(Path file) throws IOException {
        List<Map<String, Object>> l = yaml.readValue(Files.readString(file, StandardCharsets.UTF_8),
                new TypeReference<ArrayList<Map<String, Object>>>() {});
        return l == null ? new ArrayList<>() : l;
    }

    private void writeYaml(Path file, String header, Object value) throws IOException {
        Files.writeString(file, header + yaml.writeValueAsString(value), StandardCharsets.UTF_8);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
