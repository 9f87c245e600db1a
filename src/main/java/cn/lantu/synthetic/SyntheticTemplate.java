package cn.lantu.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ResourceLoader;

import cn.lantu.outline.OutlineParser;
import cn.lantu.outline.ParsedOutline;
import cn.lantu.outline.TextCorrection;
import cn.lantu.plan.OutlineNode;
import cn.lantu.task.TaskService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The template plan package of the synthetic generator (the Zhuji plan), read and parsed once per run: the package
 * files, the indicators, and the structure the synthetic tasks and projects are spread over (chapters, departments,
 * towns, 专栏8 project domains), plus how many tasks the outline gives ({@link TaskService#isTaskNode}) and how many
 * projects the package names. Immutable; shared by the worker threads.
 */
record SyntheticTemplate(Map<String, String> files, ObjectNode plan, ArrayNode indicators, List<Chapter> chapters,
                         List<Unit> departments, List<Unit> towns, List<Domain> domains, int outlineTasks,
                         int namedProjects) {

    static final List<String> FILES = List.of("plan.yaml", "outline.md", "corrections.yaml", "indicators.yaml",
            "org.yaml", "responsibilities.yaml", "projects.yaml", "reforms.yaml");

    /** A chapter whose measures become tasks (not chapter 一, see {@link TaskService#isTaskNode}). */
    record Chapter(String key, String title) {}

    record Unit(String code, String name) {}

    /** A 专栏8 domain: planned count and investment (亿元). */
    record Domain(String code, String name, int plannedCount, double totalInvestment, double periodInvestment) {}

    static SyntheticTemplate read(ResourceLoader resources, String location, YAMLMapper yaml) {
        String base = location.endsWith("/") ? location : location + "/";
        if (!base.contains(":")) {
            base = "file:" + base;
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : FILES) {
            try (InputStream in = resources.getResource(base + f).getInputStream()) {
                files.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("template package " + base + f, e);
            }
        }
        ObjectNode plan = (ObjectNode) yaml.readTree(files.get("plan.yaml"));
        ArrayNode indicators = (ArrayNode) yaml.readTree(files.get("indicators.yaml"));

        // the outline as the loader parses it (with the package's corrections)
        List<TextCorrection> corrections = new ArrayList<>();
        JsonNode cs = yaml.readTree(files.get("corrections.yaml"));
        for (JsonNode c : cs.isArray() ? cs : yaml.createArrayNode()) {
            corrections.add(new TextCorrection(text(c, "id"), text(c, "kind"), text(c, "find"), text(c, "replace"),
                    c.path("all").asBoolean(false), text(c, "note")));
        }
        ParsedOutline outline = new OutlineParser().parse(files.get("outline.md"), corrections);
        List<Chapter> chapters = new ArrayList<>();
        int outlineTasks = 0;
        int seq = 0;
        for (cn.lantu.outline.ParsedOutlineNode n : outline.nodes()) {
            OutlineNode node = new OutlineNode(0, n.key(), n.type().name(), n.number(), n.title(), n.text(), n.start(),
                    n.end(), n.parentKey(), n.ordinal(), seq++);
            if (TaskService.isTaskNode(node)) {
                outlineTasks++;
            }
            if ("CHAPTER".equals(node.type()) && !"c1".equals(node.key())) {
                chapters.add(new Chapter(node.key(), node.title() == null ? node.key() : node.title()));
            }
        }

        JsonNode org = yaml.readTree(files.get("org.yaml"));
        List<Unit> departments = units(org.path("departments"));
        List<Unit> towns = units(org.path("towns"));
        JsonNode projects = yaml.readTree(files.get("projects.yaml"));
        List<Domain> domains = new ArrayList<>();
        for (JsonNode d : projects.path("domains")) {
            domains.add(new Domain(text(d, "code"), text(d, "name"), d.path("plannedCount").asInt(),
                    d.path("totalInvestment").asDouble(), d.path("periodInvestment").asDouble()));
        }
        int named = projects.path("projects").size();
        if (chapters.isEmpty() || departments.isEmpty() || domains.isEmpty()) {
            throw new IllegalStateException("template package " + base + " lacks chapters, departments or domains");
        }
        return new SyntheticTemplate(files, plan, indicators, List.copyOf(chapters), departments, towns,
                List.copyOf(domains), outlineTasks, named);
    }

    private static List<Unit> units(JsonNode list) {
        List<Unit> out = new ArrayList<>();
        for (JsonNode u : list) {
            out.add(new Unit(text(u, "code"), text(u, "name")));
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
