package cn.lantu.planpackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a plan package folder ("classpath:plans/zhuji-15th", "file:/path" or a plain path) into a
 * {@link PlanPackage}. Syntax and type errors are collected per item, so one run reports all of them.
 */
@Component
public class PlanPackageReader {

    static final List<String> FILES = List.of("plan.yaml", "corrections.yaml", "indicators.yaml", "org.yaml",
            "responsibilities.yaml", "projects.yaml", "reforms.yaml");

    private final ResourceLoader resources;
    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public PlanPackageReader(ResourceLoader resources) {
        this.resources = resources;
    }

    public PlanPackage read(String location) {
        String base = location.contains(":") ? location : "file:" + location;
        base = base.endsWith("/") ? base : base + "/";
        List<String> errors = new ArrayList<>();
        MessageDigest digest = sha256();

        JsonNode planNode = tree(base, "plan.yaml", errors, digest);
        PlanPackage.PlanDef plan = convert("plan.yaml", "plan", planNode, PlanPackage.PlanDef.class, errors);
        String outlineName = plan != null && plan.outline() != null ? plan.outline() : "outline.md";
        String outline = text(base, outlineName, errors, digest);

        List<PlanPackage.CorrectionDef> corrections = list(base, "corrections.yaml", null,
                PlanPackage.CorrectionDef.class, PlanPackage.CorrectionDef::id, errors, digest);
        List<PlanPackage.IndicatorDef> indicators = list(base, "indicators.yaml", null,
                PlanPackage.IndicatorDef.class, PlanPackage.IndicatorDef::code, errors, digest);
        JsonNode orgNode = tree(base, "org.yaml", errors, digest);
        PlanPackage.OrgDef org = convert("org.yaml", "org", orgNode, PlanPackage.OrgDef.class, errors);
        List<PlanPackage.ResponsibilityDef> responsibilities = list(base, "responsibilities.yaml", null,
                PlanPackage.ResponsibilityDef.class, PlanPackage.ResponsibilityDef::indicator, errors, digest);
        JsonNode projectsNode = tree(base, "projects.yaml", errors, digest);
        PlanPackage.ProjectsDef projects = convert("projects.yaml", "projects", projectsNode,
                PlanPackage.ProjectsDef.class, errors);
        JsonNode reformsNode = tree(base, "reforms.yaml", errors, digest);
        PlanPackage.ReformsDef reforms = convert("reforms.yaml", "reforms", reformsNode,
                PlanPackage.ReformsDef.class, errors);

        if (!errors.isEmpty()) {
            throw new PackageException(errors);
        }
        return new PlanPackage(location, plan, outline, corrections, indicators, org, responsibilities, projects,
                reforms, HexFormat.of().formatHex(digest.digest()));
    }

    private <T> List<T> list(String base, String file, String field, Class<T> type, Function<T, String> id,
                             List<String> errors, MessageDigest digest) {
        JsonNode root = tree(base, file, errors, digest);
        List<T> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        JsonNode items = root.isArray() ? root : root.get(field == null ? "items" : field);
        if (items == null || !items.isArray()) {
            errors.add(file + ": expected a list" + (field == null ? "" : " under '" + field + "'"));
            return out;
        }
        int i = 0;
        for (JsonNode item : items) {
            i++;
            String label = "item #" + i + (item.has("code") ? " (" + item.get("code").asString() + ")"
                    : item.has("id") ? " (" + item.get("id").asString() + ")"
                    : item.has("indicator") ? " (" + item.get("indicator").asString() + ")" : "");
            T value = convert(file, label, item, type, errors);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    private <T> T convert(String file, String label, JsonNode node, Class<T> type, List<String> errors) {
        if (node == null) {
            return null;
        }
        try {
            return yaml.treeToValue(node, type);
        } catch (JacksonException e) {
            errors.add(file + ": " + label + ": " + e.getOriginalMessage()
                    + (e.getPath().isEmpty() ? "" : " (field '" + e.getPathReference() + "')"));
            return null;
        }
    }

    private JsonNode tree(String base, String file, List<String> errors, MessageDigest digest) {
        String content = text(base, file, errors, digest);
        if (content == null) {
            return null;
        }
        try {
            return yaml.readTree(content);
        } catch (JacksonException e) {
            errors.add(file + ": not valid YAML: " + e.getOriginalMessage());
            return null;
        }
    }

    private String text(String base, String file, List<String> errors, MessageDigest digest) {
        Resource resource = resources.getResource(base + file);
        if (!resource.exists()) {
            errors.add(file + ": missing from the package " + base);
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            digest.update(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.add(file + ": cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
