package cn.lantu.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The package folder of one synthetic plan: the template files with the plan's code, name, region and shifted
 * indicator values, written to disk so that the plan is loaded through the loader of real plans.
 */
final class SyntheticPlanPackage {

    private static final Logger log = LoggerFactory.getLogger(SyntheticPlanPackage.class);

    private SyntheticPlanPackage() {
    }

    static void write(Path dir, SyntheticTemplate t, YAMLMapper yaml, long seed, int i, double shift) {
        try {
            Files.createDirectories(dir);
            ObjectNode plan = t.plan().deepCopy();
            String county = "合成县" + String.format("%04d", i);
            plan.put("code", SyntheticGenerator.planCode(seed, i));
            plan.put("name", SyntheticGenerator.NAME_PREFIX + county + "国民经济和社会发展第十五个五年规划纲要");
            plan.put("shortName", SyntheticGenerator.NAME_PREFIX + county + "“十五五”规划纲要");
            plan.put("issuer", SyntheticGenerator.NAME_PREFIX + county + "人民政府");
            plan.put("documentNumber", "合成〔" + seed + "〕" + i + "号");
            ObjectNode region = plan.putObject("region");
            region.put("name", county);
            region.put("code", SyntheticRegions.countyCode(i));
            region.put("level", "COUNTY");
            region.put("parentCode", SyntheticRegions.cityCode(i));
            region.put("parentName", "合成市" + SyntheticRegions.cityCode(i).substring(2));
            ArrayNode shifted = t.indicators().deepCopy();
            for (JsonNode n : shifted) {
                ObjectNode o = (ObjectNode) n;
                for (String f : List.of("baseValue", "targetValue")) {
                    JsonNode v = o.get(f);
                    if (v != null && v.isNumber()) {
                        double s = SyntheticFigures.round(v.asDouble() * shift, 3);
                        if ("%".equals(o.path("unit").asString()) && s > 100) {
                            s = 100;
                        }
                        o.put(f, s);
                    }
                }
            }
            for (String f : SyntheticTemplate.FILES) {
                String content = switch (f) {
                    case "plan.yaml" -> yaml.writeValueAsString(plan);
                    case "indicators.yaml" -> yaml.writeValueAsString(shifted);
                    default -> t.files().get(f);
                };
                Files.writeString(dir.resolve(f), content, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a package folder (or the run's temporary folder); leftovers in the temp dir are only logged. */
    static void deleteQuietly(Path p) {
        try (var walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", p, e.toString());
        }
    }
}
