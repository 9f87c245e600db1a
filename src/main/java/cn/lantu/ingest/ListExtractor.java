package cn.lantu.ingest;

import cn.lantu.outline.MappedText;
import cn.lantu.outline.NodeType;
import cn.lantu.outline.ParsedOutlineNode;
import cn.lantu.outline.OutlineParser;
import cn.lantu.outline.ParsedOutline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Project lists (names, stages, domain totals) and town / area lists from an outline's columns. */
final class ListExtractor {

    private static final Pattern DOMAIN = Pattern.compile(
            "(?:安排|包括|共|谋划实施)?(?:重大|重点)?(?:工程)?项目\\s*(\\d+)\\s*个.{0,20}?总投资\\s*(\\d+(?:\\.\\d+)?)\\s*(亿元|万元)");
    private static final Pattern PERIOD_INVEST = Pattern.compile(
            "(?:五年|“十[一二三四五六七八九]五”期间|期内|规划期内?)\\s*(?:计划)?(?:完成)?(?:计划)?投资\\s*(\\d+(?:\\.\\d+)?)\\s*(亿元|万元)");
    private static final Pattern TOTAL = Pattern.compile(
            "(\\d+)\\s*大领域\\s*(\\d+)\\s*个(?:重大|重点)?项目.{0,6}?总投资\\s*(\\d+(?:\\.\\d+)?)\\s*(亿元|万元)");
    private static final Pattern AREA = Pattern.compile(".*?(共富片区|未来产业社区|产业社区|片区|园区|新区|小镇|之城|功能区|组团|板块|集聚区|新城|港区)$");

    record Result(List<ExtractedProjectDomain> domains, List<ExtractedProject> projects, List<ExtractedArea> areas,
                  Set<String> consumedKeys) {
    }

    Result extract(OutlineParser.Detail detail) {
        ParsedOutline outline = detail.outline();
        List<ExtractedProjectDomain> domains = new ArrayList<>();
        List<ExtractedProject> projects = new ArrayList<>();
        List<ExtractedArea> areas = new ArrayList<>();
        Set<String> consumed = new java.util.HashSet<>();
        for (ParsedOutlineNode col : outline.columns()) {
            List<ParsedOutlineNode> desc = outline.descendants(col.key());
            // domains with totals
            for (ParsedOutlineNode n : desc) {
                if (n.type() != NodeType.COLUMN_ITEM && n.type() != NodeType.PARAGRAPH) {
                    continue;
                }
                MappedText t = detail.nodeText().get(n.key());
                Matcher tot = TOTAL.matcher(n.text());
                if (tot.find()) {
                    Matcher pi = PERIOD_INVEST.matcher(n.text());
                    domains.add(new ExtractedProjectDomain("TOTAL", null, "合计", Integer.parseInt(tot.group(2)),
                            Double.parseDouble(tot.group(3)), pi.find() ? Double.parseDouble(pi.group(1)) : null,
                            tot.group(4), n.text(), t.sourceStart(), t.sourceEnd(), n.key(), 0.8,
                            "column total: " + tot.group(1) + " domains"));
                    consumed.add(n.key());
                    continue;
                }
                Matcher d = DOMAIN.matcher(n.text());
                if (d.find()) {
                    Matcher pi = PERIOD_INVEST.matcher(n.text());
                    Integer number = n.number() != null && n.number().matches("\\d+") ? Integer.parseInt(n.number()) : null;
                    String name = n.title() != null ? n.title() : n.text().substring(0, Math.min(12, n.text().length()));
                    domains.add(new ExtractedProjectDomain(String.format(Locale.ROOT, "D%02d",
                            domains.stream().filter(x -> x.number() != null || !"TOTAL".equals(x.code())).count() + 1), number, name,
                            Integer.parseInt(d.group(1)), Double.parseDouble(d.group(2)),
                            pi.find() ? Double.parseDouble(pi.group(1)) : null, d.group(3), n.text(), t.sourceStart(),
                            t.sourceEnd(), n.key(), n.title() != null ? 0.9 : 0.6,
                            n.title() != null ? null : "domain name not found"));
                    consumed.add(n.key());
                }
            }
            // projects: items with a stage in brackets
            for (ParsedOutlineNode n : desc) {
                if (n.type() != NodeType.COLUMN_ITEM) {
                    continue;
                }
                String body = n.text().replaceAll("[。；;\\s]+$", "");
                Matcher st = OutlineParser.STAGE.matcher(body);
                String label = null;
                int lastEnd = -1;
                while (st.find()) {
                    label = st.group(1);
                    lastEnd = st.end();
                }
                if (label == null || lastEnd != body.length()) {
                    continue;
                }
                ParsedOutlineNode group = outline.find(n.parentKey()).orElse(null);
                String groupName = group != null && group.type() == NodeType.COLUMN_GROUP ? group.title() : null;
                projects.add(new ExtractedProject(String.format(Locale.ROOT, "P%03d", projects.size() + 1), n.title(),
                        groupName, label, stage(label), "专栏" + col.number() + " " + col.title(), n.text(), n.start(),
                        n.end(), n.key(), 0.9, null));
                consumed.add(n.key());
            }
            // towns and areas
            List<ParsedOutlineNode> items = desc.stream().filter(n -> n.type() == NodeType.COLUMN_ITEM && n.title() != null)
                    .toList();
            if (items.size() < 3) {
                continue;
            }
            int towns = 0;
            Map<String, Integer> kinds = new LinkedHashMap<>();
            for (ParsedOutlineNode i : items) {
                if (townType(i.title()) != null) {
                    towns++;
                }
                String k = areaKind(i.title());
                if (k != null) {
                    kinds.merge(k, 1, Integer::sum);
                }
            }
            int areaCount = kinds.values().stream().mapToInt(Integer::intValue).sum();
            Integer colNo = col.number() != null && col.number().matches("\\d+") ? Integer.parseInt(col.number()) : null;
            if (towns >= 0.6 * items.size()) {
                for (ParsedOutlineNode i : items) {
                    String type = townType(i.title());
                    MappedText t = detail.nodeText().get(i.key());
                    String rest = restAfterLead(i);
                    areas.add(new ExtractedArea(String.format(Locale.ROOT, "TOWN%02d", count(areas, "TOWN") + 1), "TOWN",
                            type, i.title(), rest, colNo, i.text(), t.sourceStart(), t.sourceEnd(), i.key(),
                            type != null ? 0.95 : 0.5, type != null ? null : "not named as 镇/街道/乡 in a town column"));
                }
            } else if (areaCount >= 0.6 * items.size()) {
                String major = kinds.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                        .orElse("AREA");
                for (ParsedOutlineNode i : items) {
                    String k = areaKind(i.title());
                    MappedText t = detail.nodeText().get(i.key());
                    String kind = k != null ? k : major;
                    String prefix = switch (kind) {
                        case "COMMON_PROSPERITY" -> "CP";
                        case "FUTURE_COMMUNITY" -> "FC";
                        case "DISTRICT" -> "D";
                        default -> "A";
                    };
                    areas.add(new ExtractedArea(String.format(Locale.ROOT, "%s%02d", prefix, count(areas, kind) + 1), kind,
                            null, i.title(), restAfterLead(i), colNo, i.text(), t.sourceStart(), t.sourceEnd(), i.key(),
                            k != null ? 0.85 : 0.5, k != null ? null : "kind taken from the other items of the column"));
                }
            }
        }
        return new Result(domains, projects, areas, consumed);
    }

    private static int count(List<ExtractedArea> areas, String kind) {
        return (int) areas.stream().filter(a -> a.kind().equals(kind)).count();
    }

    private static String restAfterLead(ParsedOutlineNode i) {
        String t = i.text();
        int dot = t.indexOf('。');
        return dot >= 0 && dot + 1 < t.length() ? t.substring(dot + 1) : t;
    }

    static String townType(String title) {
        if (title == null || title.length() > 8) {
            return null;
        }
        if (title.endsWith("街道")) {
            return "街道";
        }
        if (title.endsWith("镇")) {
            return "镇";
        }
        if (title.endsWith("乡")) {
            return "乡";
        }
        return null;
    }

    static String areaKind(String title) {
        if (title == null) {
            return null;
        }
        Matcher m = AREA.matcher(title);
        if (!m.matches()) {
            return null;
        }
        String end = m.group(1);
        if (end.equals("共富片区")) {
            return "COMMON_PROSPERITY";
        }
        if (end.endsWith("产业社区")) {
            return "FUTURE_COMMUNITY";
        }
        return "DISTRICT";
    }

    static String stage(String label) {
        return switch (label) {
            case "在建", "续建", "实施中", "已建" -> "UNDER_CONSTRUCTION";
            case "研究", "谋划", "储备", "前期研究", "规划" -> "PLANNING";
            case "建成", "竣工", "完工" -> "COMPLETED";
            default -> "PRELIMINARY";
        };
    }
}
