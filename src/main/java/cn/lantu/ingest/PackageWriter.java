package cn.lantu.ingest;

import cn.lantu.outline.TextCorrection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes an {@link Extraction} as a draft plan package (docs/plan-package.md): plan.yaml, outline.md,
 * corrections.yaml, indicators.yaml, org.yaml, projects.yaml and baseline-facts.yaml. Every extracted item carries
 * {@code extracted: true}, its source offsets ({@code start}, {@code end} into outline.md) and, where uncertain,
 * {@code confidence} and {@code reason}.
 */
public final class PackageWriter {

    private static final Pattern DOC_NUMBER = Pattern.compile("[\\p{IsHan}]{1,6}〔\\d{4}〕\\d+号");
    private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern JOIN = Pattern.compile("^auto JOIN_PARAGRAPH @(\\d+): …(.*) \\+ (.*)…$");

    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            // codes such as "01" must read back as strings, not as the number 1
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    public void write(Extraction x, Path dir, String planCode) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("outline.md"), x.text(), StandardCharsets.UTF_8);
        write(dir.resolve("plan.yaml"), "# 自动抽取的规划包草稿（extracted: true），须经规划办审核后方可加载\n", plan(x, planCode));
        write(dir.resolve("corrections.yaml"), "# 解析时自动发现的转换残留（分页截断段落、跨页表格、疑似缺失文字）\n", corrections(x));
        write(dir.resolve("indicators.yaml"), "# 表1主要指标各行及正文量化目标（自动抽取，start/end 为 outline.md 中的字符偏移）\n",
                indicators(x));
        write(dir.resolve("org.yaml"), "# 专栏所列镇街与片区（自动抽取）\n", org(x));
        write(dir.resolve("projects.yaml"), "# 重大项目专栏的领域合计与点名项目（自动抽取）\n", projects(x));
        write(dir.resolve("baseline-facts.yaml"), "# 回顾上一规划期的量化事实（基期事实，不是目标）\n", facts(x));
    }

    private void write(Path file, String header, Object value) throws IOException {
        Files.writeString(file, header + yaml.writeValueAsString(value), StandardCharsets.UTF_8);
    }

    Map<String, Object> plan(Extraction x, String planCode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", 1);
        m.put("code", planCode == null ? "draft" : planCode);
        m.put("name", x.title());
        m.put("shortName", null);
        String region = x.title() == null ? null : x.title().replaceAll("(国民经济和社会发展|经济和社会发展|国民经济).*$", "");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", region);
        m.put("region", r);
        m.put("periodStart", x.planStart());
        m.put("periodEnd", x.planEnd());
        m.put("baseYear", x.planStart() == null ? null : x.planStart() - 1);
        m.put("status", "DRAFT");
        m.put("version", 1);
        String head = x.text().substring(0, Math.min(x.text().length(), 2000));
        Matcher issuer = Pattern.compile("(?m)^[#\\s]*([\\p{IsHan}]{2,20}人民政府)\\s*$").matcher(head);
        m.put("issuer", issuer.find() ? issuer.group(1) : null);
        Matcher doc = DOC_NUMBER.matcher(head);
        m.put("documentNumber", doc.find() ? doc.group() : null);
        Matcher date = DATE.matcher(head);
        m.put("issuedOn", date.find() ? String.format("%s-%02d-%02d", date.group(1), Integer.parseInt(date.group(2)),
                Integer.parseInt(date.group(3))) : null);
        m.put("outline", "outline.md");
        m.put("extracted", true);
        m.put("warnings", x.warnings());
        return m;
    }

    List<Map<String, Object>> corrections(Extraction x) {
        List<Map<String, Object>> out = new ArrayList<>();
        int k = 0;
        for (String a : x.outline().appliedCorrections()) {
            Matcher j = JOIN.matcher(a);
            Map<String, Object> m = new LinkedHashMap<>();
            if (j.matches()) {
                String tail = j.group(2);
                m.put("id", String.format("A%02d", ++k));
                m.put("kind", TextCorrection.JOIN_PARAGRAPH);
                m.put("find", tail.length() > 8 ? tail.substring(tail.length() - 8) : tail);
                m.put("replace", null);
                m.put("note", "分页截断段落（自动合并）：“" + tail + " / " + j.group(3) + "”");
            } else if (a.startsWith("auto TABLE_PAGE_BREAK")) {
                m.put("id", String.format("A%02d", ++k));
                m.put("kind", "TABLE_PAGE_BREAK");
                m.put("find", null);
                m.put("replace", null);
                m.put("note", a.substring("auto ".length()));
            } else {
                continue;
            }
            m.put("extracted", true);
            out.add(m);
        }
        for (String w : x.warnings()) {
            if (w.startsWith("possible lost text")) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", String.format("A%02d", ++k));
                m.put("kind", "LOST_TEXT");
                m.put("find", null);
                m.put("replace", null);
                m.put("note", w);
                m.put("extracted", true);
                m.put("confidence", 0.5);
                out.add(m);
            }
        }
        return out;
    }

    List<Map<String, Object>> indicators(Extraction x) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExtractedIndicator i : x.indicators()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", i.code());
            m.put("tableNumber", i.tableNumber());
            m.put("name", i.name());
            m.put("unit", i.unit());
            m.put("category", i.category());
            m.put("attribute", i.attribute());
            m.put("kind", i.kind());
            m.put("path", i.path());
            m.put("direction", i.direction());
            m.put("comparator", i.comparator());
            m.put("band", i.band());
            m.put("baseYear", i.baseYear());
            m.put("baseValue", i.baseValue());
            m.put("baseStatus", i.baseStatus());
            m.put("baseRole", i.baseRole());
            m.put("markers", i.markers());
            m.put("targetYear", i.targetYear());
            m.put("targetValue", i.targetValue());
            m.put("targetHorizon", i.targetHorizon());
            m.put("targetIsIncrement", i.targetIsIncrement());
            m.put("baseVerbatim", i.baseVerbatim());
            m.put("targetVerbatim", i.targetVerbatim());
            m.put("rateVerbatim", i.rateVerbatim());
            m.put("attributeVerbatim", i.attributeVerbatim());
            m.put("relatedIndicator", i.relatedIndicator());
            m.put("sourceText", i.sourceText());
            m.put("sourceQuote", i.sourceText());
            m.put("tableRow", i.tableRow());
            m.put("subItem", i.subItem());
            m.put("notes", List.of());
            provenance(m, i.start(), i.end(), i.confidence(), i.reason());
            out.add(m);
        }
        int base = x.planStart() == null ? 0 : x.planStart() - 1;
        for (ProseTarget t : x.targets()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", t.code());
            m.put("tableNumber", null);
            m.put("name", t.name());
            m.put("unit", t.unit());
            m.put("category", null);
            m.put("attribute", "ANTICIPATORY");
            m.put("kind", t.kind());
            m.put("path", "LEVEL".equals(t.kind()) ? "LINEAR" : null);
            m.put("direction", t.direction());
            m.put("comparator", t.comparator());
            m.put("band", null);
            m.put("baseYear", base);
            m.put("baseValue", null);
            m.put("baseStatus", "TO_BE_ENTERED");
            m.put("baseRole", "NONE");
            m.put("markers", List.of());
            m.put("targetYear", t.targetYear() != null ? t.targetYear() : x.planEnd());
            m.put("targetValue", t.value());
            m.put("targetValueMax", t.valueMax());
            m.put("targetHorizon", t.horizon());
            m.put("sourceText", t.sourceText());
            m.put("sourceQuote", t.quote());
            m.put("outlineKey", t.outlineKey());
            m.put("notes", List.of());
            provenance(m, t.start(), t.end(), t.confidence(), t.reason());
            m.put("quoteStart", t.quoteStart());
            m.put("quoteEnd", t.quoteEnd());
            out.add(m);
        }
        return out;
    }

    Map<String, Object> org(Extraction x) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> city = new LinkedHashMap<>();
        city.put("name", x.title() == null ? null : x.title().replaceAll("(国民经济和社会发展|经济和社会发展|国民经济).*$", ""));
        m.put("city", city);
        m.put("departments", List.of());
        List<Map<String, Object>> towns = new ArrayList<>();
        List<Map<String, Object>> areas = new ArrayList<>();
        for (ExtractedArea a : x.areas()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", a.code());
            if ("TOWN".equals(a.kind())) {
                e.put("name", a.name());
                e.put("type", a.type());
                e.put("positioning", a.text());
            } else {
                e.put("kind", a.kind());
                e.put("name", a.name());
                e.put("column", a.column());
                e.put("text", a.text());
                e.put("towns", List.of());
            }
            e.put("sourceQuote", a.sourceText());
            e.put("outlineKey", a.outlineKey());
            provenance(e, a.start(), a.end(), a.confidence(), a.reason());
            ("TOWN".equals(a.kind()) ? towns : areas).add(e);
        }
        m.put("towns", towns);
        m.put("areas", areas);
        return m;
    }

    Map<String, Object> projects(Extraction x) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> domains = new ArrayList<>();
        for (ExtractedProjectDomain d : x.projectDomains()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", d.code());
            e.put("number", d.number());
            e.put("name", d.name());
            e.put("plannedCount", d.plannedCount());
            e.put("totalInvestment", d.totalInvestment());
            e.put("periodInvestment", d.periodInvestment());
            e.put("unit", d.unit());
            e.put("sourceQuote", d.sourceText());
            e.put("outlineKey", d.outlineKey());
            provenance(e, d.start(), d.end(), d.confidence(), d.reason());
            domains.add(e);
        }
        List<Map<String, Object>> projects = new ArrayList<>();
        for (ExtractedProject p : x.projects()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", p.code());
            e.put("name", p.name());
            e.put("domain", null);
            e.put("stageLabel", p.stageLabel());
            e.put("stage", p.stage());
            e.put("confirmed", false);
            e.put("source", p.column());
            e.put("group", p.group());
            e.put("sourceQuote", p.sourceText());
            e.put("outlineKey", p.outlineKey());
            provenance(e, p.start(), p.end(), p.confidence(), p.reason());
            projects.add(e);
        }
        m.put("domains", domains);
        m.put("projects", projects);
        return m;
    }

    List<Map<String, Object>> facts(Extraction x) {
        List<Map<String, Object>> out = new ArrayList<>();
        int k = 0;
        for (BaselineFact f : x.baselineFacts()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", String.format("F%03d", ++k));
            e.put("name", f.name());
            e.put("value", f.value());
            e.put("unit", f.unit());
            e.put("year", f.year());
            e.put("period", f.period());
            e.put("qualifier", f.qualifier());
            e.put("sourceText", f.sourceText());
            e.put("sourceQuote", f.quote());
            e.put("outlineKey", f.outlineKey());
            provenance(e, f.start(), f.end(), f.confidence(), f.reason());
            out.add(e);
        }
        return out;
    }

    private static void provenance(Map<String, Object> m, int start, int end, double confidence, String reason) {
        m.put("extracted", true);
        m.put("start", start);
        m.put("end", end);
        m.put("confidence", confidence);
        m.put("reason", reason);
    }
}
