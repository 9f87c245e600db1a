package cn.lantu.ingest;

import cn.lantu.outline.TextCorrection;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Command line: {@code extract FILE --json} prints one JSON document (arrays {@code indicators}, {@code targets},
 * {@code baselineFacts}, plus {@code projectDomains}, {@code projects}, {@code areas}, {@code warnings}) on
 * {@code out} and nothing else; {@code extract FILE --out DIR} writes a draft plan package. Options:
 * {@code --code-prefix P} (codes P01…, PT001…), {@code --plan-code C}, {@code --corrections corrections.yaml}.
 * Diagnostics go to {@code err}. Exit codes: 0 ok, 1 I/O error, 2 usage error.
 */
public final class ExtractCommand {
    private ExtractCommand() {
    }

    public static final String USAGE = "usage: extract FILE (--json | --out DIR) [--code-prefix P] [--plan-code C]"
            + " [--corrections corrections.yaml]";

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.isEmpty() && a.get(0).equals("extract")) {
            a.remove(0);
        }
        String file = null;
        boolean json = false;
        String outDir = null;
        String prefix = "";
        String planCode = null;
        String correctionsFile = null;
        for (int i = 0; i < a.size(); i++) {
            String s = a.get(i);
            switch (s) {
                case "--json" -> json = true;
                case "--out" -> outDir = i + 1 < a.size() ? a.get(++i) : null;
                case "--code-prefix" -> prefix = i + 1 < a.size() ? a.get(++i) : "";
                case "--plan-code" -> planCode = i + 1 < a.size() ? a.get(++i) : null;
                case "--corrections" -> correctionsFile = i + 1 < a.size() ? a.get(++i) : null;
                case "-h", "--help" -> {
                    err.println(USAGE);
                    return 0;
                }
                default -> {
                    if (s.startsWith("--") || file != null) {
                        err.println("unknown argument: " + s);
                        err.println(USAGE);
                        return 2;
                    }
                    file = s;
                }
            }
        }
        if (file == null || (!json && outDir == null)) {
            err.println(USAGE);
            return 2;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            err.println("no such file: " + file);
            return 1;
        }
        try {
            List<TextCorrection> corrections = correctionsFile == null ? List.of() : readCorrections(Path.of(correctionsFile));
            Extraction x = new OutlineExtractor().codePrefix(prefix).corrections(corrections).extract(path);
            for (String w : x.warnings()) {
                err.println("warning: " + w);
            }
            if (outDir != null) {
                new PackageWriter().write(x, Path.of(outDir), planCode);
                err.println("wrote draft package to " + outDir + ": " + x.indicators().size() + " table rows, "
                        + x.targets().size() + " prose targets, " + x.baselineFacts().size() + " baseline facts");
            }
            if (json) {
                out.println(toJson(x));
                out.flush();
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("extract failed: " + e);
            return 1;
        }
    }

    /** The JSON document printed by {@code --json}. */
    public static String toJson(Extraction x) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("source", x.source());
        doc.put("title", x.title());
        doc.put("planStart", x.planStart());
        doc.put("planEnd", x.planEnd());
        doc.put("indicators", x.indicators());
        doc.put("targets", x.targets());
        doc.put("baselineFacts", x.baselineFacts());
        doc.put("projectDomains", x.projectDomains());
        doc.put("projects", x.projects());
        doc.put("areas", x.areas());
        doc.put("warnings", x.warnings());
        return JsonMapper.builder().build().writeValueAsString(doc);
    }

    static List<TextCorrection> readCorrections(Path file) throws IOException {
        JsonNode root = YAMLMapper.builder().build().readTree(Files.readString(file));
        List<TextCorrection> out = new ArrayList<>();
        for (JsonNode n : root) {
            out.add(new TextCorrection(text(n, "id"), text(n, "kind"), text(n, "find"), text(n, "replace"),
                    n.has("all") && n.get("all").asBoolean(), text(n, "note")));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
