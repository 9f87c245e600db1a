package cn.lantu.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
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
import cn.lantu.task.ReformService;
import cn.lantu.task.TaskService;

/**
 * Section 三 of a report, 文本目标、主要任务和改革: the text targets by chapter, the key tasks of the task ledger
 * with their status, and the reforms of 专栏9 by domain and stage. The tasks are the rows of the task pages
 * ({@link TaskService#rows}: the same tasks, the same latest approved progress and the same status), so the report
 * counts what {@code /plans/{plan}/tasks} lists.
 */
final class TaskSection {

    static final String TASK_TABLE = "表3";

    /** What the task ledger holds, in the words of the task page. */
    static final String LEDGER = "这些任务由纲要自动生成：第二至十二章的每个举措段落，以及专栏1、2（生产性服务业）、5、7、11、14、15、16的"
            + "每一项行动，并含规划办新增、拆分、合并后的任务。";

    private final PlanRepository plans;
    private final ReformRepository reforms;
    private final TaskService tasks;

    TaskSection(PlanRepository plans, ReformRepository reforms, TaskService tasks) {
        this.plans = plans;
        this.reforms = reforms;
        this.tasks = tasks;
    }

    /** Adds section 三 with its narrative; task status is judged as of the report's data time, like the pages. */
    void add(PlanAssessment pa, Instant asOf, List<Block> b, SectionNarratives narratives) {
        b.add(new Heading(1, "三、文本目标、主要任务和改革推进情况", "tasks"));
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
        textTargets(pa, b, byKey, chapterTitle);
        // the status is judged on the server's date of the data time, as the task pages judge it on theirs
        keyTasks(plan, LocalDate.ofInstant(asOf, ZoneId.systemDefault()),
                ReportBuilder.DATE.format(asOf.atZone(ReportBuilder.ZONE)), b, byKey, chapterTitle);
        reforms(plan, b);
        narratives.narrative("tasks", "（规划办可在此补充主要任务和改革推进情况。）");
    }

    private static void textTargets(PlanAssessment pa, List<Block> b, Map<String, OutlineNode> byKey,
                                    Map<String, String> chapterTitle) {
        b.add(new Heading(2, "（一）文本目标", "text-targets"));
        List<IndicatorAssessment> text = pa.textTargets();
        if (text.isEmpty()) {
            b.add(Para.of("纲要正文未设置可量化的文本目标。"));
            return;
        }
        Map<String, List<IndicatorAssessment>> byChapter = new LinkedHashMap<>();
        for (IndicatorAssessment a : text) {
            String ch = chapterOf(a.indicator().outlineKey(), byKey);
            byChapter.computeIfAbsent(ch == null ? "其他" : chapterTitle.getOrDefault(ch, ch), k -> new ArrayList<>())
                    .add(a);
        }
        b.add(Para.of("纲要正文中可量化的文本目标共" + text.size() + "项，" + counts(text) + "。按章节列示如下："));
        byChapter.forEach((ch, list) -> b.add(Para.of(ch + "：" + list.stream()
                .map(a -> a.indicator().name() + "（" + a.assessment().status().label() + "）")
                .collect(Collectors.joining("；")) + "。")));
    }

    private void keyTasks(Plan plan, LocalDate asOf, String date, List<Block> b, Map<String, OutlineNode> byKey,
                          Map<String, String> chapterTitle) {
        b.add(new Heading(2, "（二）主要任务", "tasks-list"));
        List<TaskService.Row> rows = tasks.rows(plan, asOf);
        if (rows.isEmpty()) {
            b.add(Para.of("重点任务台账尚未建立。"));
            return;
        }
        long reported = rows.stream().filter(r -> r.status().progress() != null).count();
        double schedule = rows.get(0).status().schedulePct();
        StringBuilder sb = new StringBuilder("平台重点任务台账共有任务" + rows.size() + "项，与平台“重点任务”页一致。" + LEDGER);
        if (reported == 0) {
            sb.append("截至").append(date).append("，尚无经审定的任务进度填报，各项任务的状态按节点计划判断：");
        } else {
            sb.append("截至").append(date).append("，已有").append(reported)
                    .append("项任务的进度填报经规划办审定；按最新审定进度对照规划期序时进度（")
                    .append(String.format("%.1f", schedule)).append("%）及节点计划，任务状态为：");
        }
        sb.append(stateTerms(rows)).append("。各章节分布见").append(TASK_TABLE).append("。");
        b.add(Para.of(sb.toString()));

        Map<String, List<TaskService.Row>> byGroup = new LinkedHashMap<>();
        chapterTitle.values().forEach(t -> byGroup.put(t, new ArrayList<>()));
        for (TaskService.Row r : rows) {
            String ch = r.task().chapterKey() != null ? r.task().chapterKey() : chapterOf(r.task().outlineKey(), byKey);
            String group = ch != null ? chapterTitle.getOrDefault(ch, ch)
                    : r.task().columnNo() != null ? "专栏" + r.task().columnNo() : "规划办新增任务";
            byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(r);
        }
        List<List<String>> table = new ArrayList<>();
        byGroup.forEach((group, list) -> {
            if (!list.isEmpty()) {
                table.add(taskRow(group, list));
            }
        });
        table.add(taskRow("合计", rows));
        List<String> header = new ArrayList<>(List.of("章节", "任务数", "进度已审定"));
        for (TaskService.State s : TaskService.State.values()) {
            header.add(s.label());
        }
        List<Double> widths = new ArrayList<>(List.of(4.0, 0.8, 0.9));
        for (int i = 0; i < TaskService.State.values().length; i++) {
            widths.add(0.8);
        }
        b.add(new Table(TASK_TABLE + " 重点任务按章节分布及进展（截至" + date + "）", header, table, widths));
    }

    private static List<String> taskRow(String group, List<TaskService.Row> list) {
        List<String> row = new ArrayList<>(List.of(group, String.valueOf(list.size()),
                String.valueOf(list.stream().filter(r -> r.status().progress() != null).count())));
        Map<TaskService.State, Long> by = byState(list);
        for (TaskService.State s : TaskService.State.values()) {
            row.add(String.valueOf(by.getOrDefault(s, 0L)));
        }
        return row;
    }

    private static Map<TaskService.State, Long> byState(List<TaskService.Row> rows) {
        return rows.stream().collect(Collectors.groupingBy(r -> r.status().state(),
                () -> new EnumMap<>(TaskService.State.class), Collectors.counting()));
    }

    /** "已完成2项，按序时推进5项，…", in the order of the states, zero terms left out. */
    static String stateTerms(List<TaskService.Row> rows) {
        return byState(rows).entrySet().stream().map(e -> e.getKey().label() + e.getValue() + "项")
                .collect(Collectors.joining("，"));
    }

    private void reforms(Plan plan, List<Block> b) {
        b.add(new Heading(2, "（三）重大改革", "reforms"));
        List<Reform> list = reforms.findByPlan(plan.id());
        if (list.isEmpty()) {
            b.add(Para.of("专栏9改革清单尚未导入。"));
            return;
        }
        Map<String, List<Reform>> byDomain = list.stream().collect(Collectors.groupingBy(Reform::domainName,
                LinkedHashMap::new, Collectors.toList()));
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (ReformService.Stage s : ReformService.Stage.values()) {
            byStage.put(s.label(), 0L);
        }
        list.forEach(r -> byStage.merge(stageLabel(r.stage()), 1L, Long::sum));
        b.add(Para.of("专栏9共列重大改革事项" + list.size() + "项，分布于" + byDomain.size() + "个领域；各事项所处阶段（"
                + "征集申报→评估立项→过程管理→成果转化）：" + byStage.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + e.getValue() + "项").collect(Collectors.joining("，")) + "。"));
        byDomain.forEach((d, rs) -> b.add(Para.of(d + "（" + rs.size() + "项）：" + rs.stream().map(Reform::name)
                .collect(Collectors.joining("；")) + "。")));
    }

    /** The Chinese label of a reform stage, as on the reform page; never the stored code. */
    static String stageLabel(String stage) {
        for (ReformService.Stage s : ReformService.Stage.values()) {
            if (s.name().equals(stage)) {
                return s.label();
            }
        }
        return "阶段未登记";
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
                () -> new EnumMap<>(Status.class), Collectors.counting()));
        return c.entrySet().stream().map(e -> e.getValue() + "项" + e.getKey().label()).collect(Collectors.joining("，"));
    }
}
