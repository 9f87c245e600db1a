package cn.lantu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ExtractCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExtractCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonIsTheOnlyThingOnStdout() throws Exception {
        Path outline = IngestTestSupport.zhujiOutlinePath();
        Run r = run("extract", outline.toString(), "--json", "--code-prefix", "ZJ");
        assertThat(r.code()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        assertThat(doc.get("indicators")).hasSize(27);
        assertThat(doc.get("targets").size()).isGreaterThanOrEqualTo(35);
        assertThat(doc.get("baselineFacts").size()).isGreaterThan(10);
        JsonNode first = doc.get("indicators").get(0);
        for (String f : new String[] {"code", "tableNumber", "name", "unit", "category", "attribute", "kind", "path",
            "direction", "comparator", "baseYear", "baseValue", "targetYear", "targetValue", "baseVerbatim",
            "targetVerbatim", "rateVerbatim", "markers", "sourceText"}) {
            assertThat(first.has(f)).as(f).isTrue();
        }
        JsonNode t = doc.get("targets").get(0);
        for (String f : new String[] {"name", "value", "unit", "comparator", "horizon", "sourceText", "start", "end"}) {
            assertThat(t.has(f)).as(f).isTrue();
        }
        String text = Files.readString(outline);
        int start = t.get("start").asInt();
        int end = t.get("end").asInt();
        assertThat(text.substring(start, end)).contains("3000");
        assertThat(r.out().strip()).startsWith("{").endsWith("}");
    }

    @Test
    void outWritesADraftPackage(@TempDir Path dir) throws Exception {
        Run r = run("extract", IngestTestSupport.zhujiOutlinePath().toString(), "--out", dir.toString(),
                "--plan-code", "zhuji-15th-draft");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        for (String f : new String[] {"plan.yaml", "outline.md", "corrections.yaml", "indicators.yaml", "org.yaml",
            "projects.yaml", "baseline-facts.yaml"}) {
            assertThat(dir.resolve(f)).exists();
        }
        YAMLMapper yaml = YAMLMapper.builder().build();
        JsonNode plan = yaml.readTree(Files.readString(dir.resolve("plan.yaml")));
        assertThat(plan.get("periodEnd").asInt()).isEqualTo(2030);
        assertThat(plan.get("documentNumber").asString()).isEqualTo("诸政发〔2026〕7号");
        assertThat(plan.get("status").asString()).isEqualTo("DRAFT");
        JsonNode indicators = yaml.readTree(Files.readString(dir.resolve("indicators.yaml")));
        for (JsonNode i : indicators) {
            assertThat(i.get("extracted").asBoolean()).isTrue();
            assertThat(i.has("start") && i.has("end") && i.has("confidence")).isTrue();
        }
        JsonNode corrections = yaml.readTree(Files.readString(dir.resolve("corrections.yaml")));
        long joins = 0;
        for (JsonNode c : corrections) {
            if ("JOIN_PARAGRAPH".equals(c.get("kind").asString())) {
                joins++;
            }
        }
        assertThat(joins).isEqualTo(54); // the page-break splits the shipped corrections.yaml lists by hand
        JsonNode org = yaml.readTree(Files.readString(dir.resolve("org.yaml")));
        assertThat(org.get("towns")).hasSize(23);
        String outlineCopy = Files.readString(dir.resolve("outline.md"));
        assertThat(outlineCopy).isEqualTo(IngestTestSupport.zhujiOutline());
        // the written package reads back with the shipped corrections
        Run again = run("extract", dir.resolve("outline.md").toString(), "--json", "--corrections",
                IngestTestSupport.projectRoot().resolve("src/main/resources/plans/zhuji-15th/corrections.yaml").toString());
        assertThat(again.code()).isZero();
        assertThat(again.err()).doesNotContain("not found");
    }

    @Test
    void usageErrors() {
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("extract", "x.md").code()).isEqualTo(2);
        assertThat(run("extract", "/no/such/file.md", "--json").code()).isEqualTo(1);
        Run r = run("extract", "a.md", "--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("usage");
    }
}
