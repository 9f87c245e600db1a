package cn.lantu.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import cn.lantu.assessment.Status;
import cn.lantu.monitoring.IndicatorAssessment;
import cn.lantu.monitoring.PlanAssessment;
import cn.lantu.plan.OutlineNode;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.report.ReportDocument.Block;
import cn.lantu.report.ReportDocument.Heading;
import cn.lantu.report.ReportDocument.Para;
import cn.lantu.report.ReportDocument.Table;
import cn.lantu.task.Reform;
import cn.lantu.task.ReformRepository;

/**
 * Section 三 of a report, 文本目标、主要任务和改革: the text targets by chapter, the measures the outline deploys per
 * chapter, and the reforms of 专栏9 by domain and stage. Reads the outline and the reforms itself.
 */
final class TaskSection {

    private final PlanRepository plans;
    private final ReformRepository reforms;

    TaskSection(PlanRepository plans, ReformRepository reforms) {
        this.plans = plans;
        this.reforms = reforms;
    }

    /** Adds section 三 with its narrative. */
    void add(PlanAssessment pa, List<Block> b, SectionNarratives narratives) {
        b.add(new Heading(1, "三、文本目标、主要任务和改革推进情况", "tasks"));
        textTargetsAndTasks(pa, b);
        narratives.narrative("tasks", "（规划办可在此补充主要任务和改革推进情况。）");
    }

    private void textTargetsAndTasks(PlanAssessment pa, List<Block> b) {
        Plan plan = pa.plan();
        List<OutlineNode> nodes = plans.nodes(plan.id());
        Map<String, OutlineNode> byKey = new LinkedHashMap<>();
        nodes.forEach(x -> byKey.put(x.key(), x));
        Map<String, String> chapterTitle = new LinkedHashMap<>();
        for (OutlineNode x : nodes) {
            if ("CHAPTER".equals(x.type())) {
                chapterTitle.put(x.key(), (x.number() == null ? "" : x.number() + " ") + Objects.toString(x.title(), ""));
            }
        }
        b.add(new Heading(2, "（一）文本目标", "text-targets"));
        List<IndicatorAssessment> text = pa.textTargets();
        if (text.isEmpty()) {
            b.add(Para.of("纲要正文未设置可量化的文本目标。"));
        } else {
            Map<String, List<IndicatorAssessment>> byChapter = new LinkedHashMap<>();
            for (IndicatorAssessment a : text) {
                String ch = chapterOf(a.indicator().outlineKey(), byKey);
                byChapter.computeIfAbsent(ch == null ? "其他" : chapterTitle.getOrDefault(ch, ch), k -> new ArrayList<>())
                        .add(a);
            }
            b.add(Para.of("纲要正文中可量化的文本目标共" + text.size() + "项，"
                    + counts(text) + "。按章节列示如下："));
            byChapter.forEach((ch, list) -> b.add(Para.of(ch + "：" + list.stream()
                    .map(a -> a.indicator().name() + "（" + a.assessment().status().label() + "）")
                    .collect(Collectors.joining("；")) + "。")));
        }

        b.add(new Heading(2, "（二）主要任务", "tasks-list"));
        Map<String, Integer> measures = new LinkedHashMap<>();
        for (OutlineNode x : nodes) {
            if ("MEASURE".equals(x.type())) {
                String ch = chapterOf(x.key(), byKey);
                if (ch != null) {
                    measures.merge(chapterTitle.getOrDefault(ch, ch), 1, Integer::sum);
                }
            }
        }
        if (measures.isEmpty()) {
            b.add(Para.of("主要任务台账尚未建立。"));
        } else {
            int total = measures.values().stream().mapToInt(Integer::intValue).sum();
            b.add(Para.of("纲要各章共部署举措" + total + "项。任务分解与进度填报台账尚未形成数据，本节按章节列示部署的举措数量，"
                    + "任务进展待任务台账建立后自动汇总："));
            List<List<String>> rows = new ArrayList<>();
            measures.forEach((k, v) -> rows.add(List.of(k, String.valueOf(v))));
            b.add(new Table("表3 主要任务按章节分布", List.of("章节", "举措数"), rows, List.of(5.0, 1.0)));
        }

        b.add(new Heading(2, "（三）重大改革", "reforms"));
        List<Reform> list = reforms.findByPlan(plan.id());
        if (list.isEmpty()) {
            b.add(Para.of("专栏9改革清单尚未导入。"));
        } else {
            Map<String, List<Reform>> byDomain = list.stream().collect(Collectors.groupingBy(Reform::domainName,
                    LinkedHashMap::new, Collectors.toList()));
            b.add(Para.of("专栏9共列重大改革事项" + list.size() + "项，分布于" + byDomain.size() + "个领域；各事项所处阶段："
                    + list.stream().collect(Collectors.groupingBy(r -> stageLabel(r.stage()), LinkedHashMap::new,
                            Collectors.counting())).entrySet().stream().map(e -> e.getKey() + e.getValue() + "项")
                    .collect(Collectors.joining("，")) + "。"));
            byDomain.forEach((d, rs) -> b.add(Para.of(d + "（" + rs.size() + "项）：" + rs.stream().map(Reform::name)
                    .collect(Collectors.joining("；")) + "。")));
        }
    }

    static String stageLabel(String stage) {
        return switch (stage == null ? "" : stage) {
            case "COLLECTING" -> "征集申报";
            case "APPROVED", "ASSESSING" -> "评估立项";
            case "IN_PROGRESS", "MANAGING" -> "过程管理";
            case "DONE", "RESULTS" -> "成果转化";
            default -> stage;
        };
    }

    private static String chapterOf(String key, Map<String, OutlineNode> byKey) {
        OutlineNode x = key == null ? null : byKey.get(key);
        int guard = 0;
        while (x != null && !"CHAPTER".equals(x.type()) && guard++ < 20) {
            x = x.parentKey() == null ? null : byKey.get(x.parentKey());
        }
        return x == null ? null : x.key();
    }

    private static String counts(List<IndicatorAssessment> list) {
        Map<Status, Long> c = list.stream().collect(Collectors.groupingBy(a -> a.assessment().status(),
                () -> new java.util.EnumMap<>(Status.class), Collectors.counting()));
        return c.entrySet().stream().map(e -> e.getValue() + "项" + e.getKey().label()).collect(Collectors.joining("，"));
    }
}
