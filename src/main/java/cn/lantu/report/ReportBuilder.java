package cn.lantu.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.lantu.assessment.Assessment;
import cn.lantu.assessment.Finding;
import cn.lantu.assessment.Kind;
import cn.lantu.assessment.PlanSummary;
import cn.lantu.assessment.RolledItem;
import cn.lantu.assessment.Rollup;
import cn.lantu.assessment.Status;
import cn.lantu.indicator.Category;
import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.Table1Row;
import cn.lantu.monitoring.IndicatorAssessment;
import cn.lantu.monitoring.PlanAssessment;
import cn.lantu.plan.OutlineNode;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.project.Project;
import cn.lantu.project.ProjectDomain;
import cn.lantu.project.ProjectRepository;
import cn.lantu.report.ReportDocument.Block;
import cn.lantu.report.ReportDocument.Heading;
import cn.lantu.report.ReportDocument.Narrative;
import cn.lantu.report.ReportDocument.Para;
import cn.lantu.report.ReportDocument.Table;
import cn.lantu.report.ReportRepository.Trace;
import cn.lantu.task.Reform;
import cn.lantu.task.ReformRepository;

/**
 * Writes the content of a report from an assessment: every number comes from the assessment or from the approved
 * figure revisions it used; the office's narrative replaces the pre-filled text of its section.
 */
@Component
class ReportBuilder {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String TABLE1 = "表1";
    static final String TABLE_BINDING = "表2";

    /** The sections whose text the office can write, with their default (pre-filled) text. */
    static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("overall", "总体评价");
        SECTIONS.put("indicators", "主要指标完成情况");
        SECTIONS.put("binding", "约束性指标");
        for (Category c : Category.values()) {
            SECTIONS.put("category-" + c.name(), c.label() + "领域");
        }
        SECTIONS.put("tasks", "文本目标、主要任务和改革");
        SECTIONS.put("projects", "重大项目");
        SECTIONS.put("feasibility", "规划目标可行性");
        SECTIONS.put("problems", "存在问题");
        SECTIONS.put("suggestions", "对策建议");
    }

    private final PlanRepository plans;
    private final ProjectRepository projects;
    private final ReformRepository reforms;

    ReportBuilder(PlanRepository plans, ProjectRepository projects, ReformRepository reforms) {
        this.plans = plans;
        this.projects = projects;
        this.reforms = reforms;
    }

    ReportDocument build(PlanAssessment pa, ReportType type, Instant asOf, Map<String, String> narratives,
                         List<Trace> traces, ReportCharts charts) {
        Plan plan = pa.plan();
        int year = pa.year();
        PlanSummary summary = pa.summary();
        List<Block> b = new ArrayList<>();
        Ctx ctx = new Ctx(narratives, b);
        String asOfText = TIME.format(asOf.atZone(ZONE));

        if (pa.demo()) {
            b.add(new Para("【" + ReportDocument.WATERMARK + "】本报告由系统演示数据生成，仅用于功能演示，不代表实际统计数据。",
                    true, false));
        }
        b.add(Para.of(intro(plan, type, year, asOfText)));

        // 一、总体评价
        b.add(new Heading(1, "一、总体评价", "overall"));
        b.add(new Para(summary.sentence() + "。", true, false));
        b.add(Para.of(summary.bindingSentence() + "。"));
        if (type == ReportType.MIDTERM) {
            b.add(Para.of("评估口径：" + (year - 2) + "—" + (year - 1) + "年为统计终值（实际），" + year
                    + "年为预计值（预计），附件2逐项标明。"));
        }
        b.add(charts.statusDistribution("图1 主要指标评估状态分布（按" + summary.itemCount() + "项主要指标计）",
                summary.counts()));
        ctx.narrative("overall", "（规划办可在此补充对规划实施总体情况的评价。）");

        // 二、主要指标完成情况
        b.add(new Heading(1, "二、主要指标完成情况", "indicators"));
        b.add(new Heading(2, "（一）主要指标总体情况", "table1"));
        b.add(Para.of("纲要表1所列" + summary.itemCount() + "项主要指标（" + pa.tableRows().size()
                + "个指标值）逐项评估结果见表1。“最新值”为截至" + year + "年的最新已审核数据，“进度预期值”为按时间进度"
                + "应达到的水平，状态按《评估方法》判定。"));
        b.add(table1(pa));
        List<ReportCharts.Path> paths = keyPaths(pa, traces);
        if (!paths.isEmpty()) {
            b.add(charts.paths("图2 重点指标目标完成进度（基期为0%，规划目标为100%）", paths, plan.periodStart() - 1,
                    plan.periodEnd()));
        }
        ctx.narrative("indicators", "（规划办可在此补充主要指标完成情况的分析。）");

        b.add(new Heading(2, "（二）约束性指标", "binding"));
        b.add(Para.of(summary.bindingSentence() + "。"));
        b.add(bindingTable(pa));
        ctx.narrative("binding", "（规划办可在此补充约束性指标的分析。）");

        b.add(new Heading(2, "（三）分领域情况", "categories"));
        int n = 1;
        for (Category c : Category.values()) {
            List<IndicatorAssessment> rows = pa.tableRows().stream().filter(a -> a.indicator().category() == c).toList();
            if (rows.isEmpty()) {
                continue;
            }
            b.add(new Heading(3, n++ + ". " + c.label(), "category-" + c.name()));
            Rollup r = summary.byCategory().get(c.label());
            int items = r == null ? (int) rows.stream().map(a -> a.indicator().tableNumber()).distinct().count()
                    : r.total();
            b.add(Para.of(c.label() + "领域" + items + "项指标中，" + (r == null ? "暂无评估结果" : r.terms(false)) + "。"));
            List<IndicatorAssessment> ahead = rows.stream().filter(a -> a.assessment().status() == Status.AHEAD
                    || a.assessment().status() == Status.ACHIEVED_EARLY).toList();
            List<IndicatorAssessment> behind = rows.stream().filter(a -> a.assessment().status().isLagging()).toList();
            if (!ahead.isEmpty()) {
                b.add(Para.of("快于预期或提前实现的指标：" + ahead.stream().map(a -> a.indicator().name())
                        .collect(Collectors.joining("、")) + "。"));
                ahead.forEach(a -> b.add(Para.of(a.indicator().name() + "：" + a.assessment().explanation())));
            }
            if (!behind.isEmpty()) {
                b.add(Para.of("滞后于预期的指标：" + behind.stream().map(a -> a.indicator().name())
                        .collect(Collectors.joining("、")) + "。"));
                behind.forEach(a -> b.add(Para.of(a.indicator().name() + "：" + a.assessment().explanation())));
            }
            if (ahead.isEmpty() && behind.isEmpty()) {
                b.add(Para.of("本领域无快于预期或滞后于预期的指标。"));
            }
            ctx.narrative("category-" + c.name(), "（规划办可在此补充" + c.label() + "领域的分析。）");
        }

        // 三、文本目标、主要任务和改革
        b.add(new Heading(1, "三、文本目标、主要任务和改革推进情况", "tasks"));
        textTargetsAndTasks(pa, b);
        ctx.narrative("tasks", "（规划办可在此补充主要任务和改革推进情况。）");

        // 四、重大项目
        b.add(new Heading(1, "四、重大项目推进情况", "projects"));
        portfolio(plan, year, b, charts);
        ctx.narrative("projects", "（规划办可在此补充重大项目投资完成情况和滞后项目的原因。）");

        // 五、可行性
        b.add(new Heading(1, "五、规划目标可行性分析", "feasibility"));
        List<Finding> findings = pa.findings();
        if (findings.isEmpty()) {
            b.add(Para.of("本规划未配置可行性核查项。"));
        }
        int k = 1;
        for (Finding f : findings) {
            b.add(Para.of(k++ + ". " + f.title() + "（" + f.severity().label() + "）：" + f.text()));
        }
        ctx.narrative("feasibility", "（规划办可在此补充对目标可行性的判断。）");

        // 六、问题与建议
        b.add(new Heading(1, "六、问题与建议", "problems"));
        b.add(new Heading(2, "（一）存在问题", "problems-list"));
        List<IndicatorAssessment> lagging = pa.indicators().stream()
                .filter(a -> a.assessment().status().isLagging()).toList();
        if (lagging.isEmpty()) {
            b.add(Para.of("截至" + year + "年，无滞后于预期的指标。"));
        } else {
            b.add(Para.of("截至" + year + "年，" + lagging.size() + "个指标滞后于预期，需加快推进："));
            int m = 1;
            for (IndicatorAssessment a : lagging) {
                b.add(Para.of(m++ + ". " + lagText(a, plan)));
            }
        }
        ctx.narrative("problems", "（请规划办结合部门分析，补充问题成因。）");
        b.add(new Heading(2, "（二）对策建议", "suggestions"));
        ctx.narrative("suggestions", "（请规划办补充下一阶段推进规划实施的对策建议。）");

        // 附件
        b.add(new ReportDocument.PageBreak());
        b.add(new Heading(1, "附件1 数据来源与截止时间", "appendix-sources"));
        b.add(Para.of("1. 数据来源：本报告全部数字取自蓝图平台经审核（已审定）的指标数据及其修订记录，评估结论按平台《监测评估方法》"
                + "由系统计算，规划办调整的结论已注明理由。"));
        b.add(Para.of("2. 数据截止时间：" + asOfText + "（北京时间）。此后审定或修订的数据不影响本报告。"));
        b.add(Para.of("3. 评估年份：" + year + "年。" + (type == ReportType.MIDTERM ? "中期评估以" + (year - 2) + "—"
                + (year - 1) + "年统计终值和" + year + "年预计值为依据。" : "")));
        b.add(Para.of("4. 规划文本：" + plan.name() + (plan.documentNumber() == null ? "" : "（" + plan.documentNumber()
                + "）") + "；重大项目依据专栏8，改革事项依据专栏9。"));
        if (pa.demo()) {
            b.add(Para.of("5. 本报告使用的是系统演示数据（" + ReportDocument.WATERMARK + "），不得作为正式评估结论引用。"));
        }
        b.add(new Heading(1, "附件2 数据溯源表", "appendix-trace"));
        b.add(Para.of("下表列出本报告所用每一个指标数值对应的数据记录（figure）及其审定修订版本（figure_revision），"
                + "共" + traces.size() + "条。"));
        b.add(traceTable(traces));

        String subtitle = type == ReportType.ANNUAL ? "（" + year + "年度）" : type == ReportType.MIDTERM
                ? "（" + plan.periodStart() + "—" + year + "年）" : "（" + plan.period() + "年）";
        List<String> cover = List.of("（初稿）", "数据截至 " + asOfText, "蓝图规划监测评估平台生成 · "
                + DATE.format(Instant.now().atZone(ZONE)));
        return new ReportDocument(plan.code(), type, year, type.title(plan, year), subtitle, cover, asOf, pa.demo(),
                List.copyOf(b));
    }

    /** Adds the narrative block of a section: the office's saved text or the pre-filled default. */
    private record Ctx(Map<String, String> narratives, List<Block> blocks) {
        void narrative(String key, String fallback) {
            String saved = narratives.get(key);
            boolean edited = saved != null && !saved.isBlank();
            blocks.add(new Narrative(key, SECTIONS.getOrDefault(key, key), edited ? saved : fallback, edited));
        }
    }

    private static String intro(Plan plan, ReportType type, int year, String asOf) {
        String what = switch (type) {
            case ANNUAL -> year + "年度规划实施监测分析";
            case MIDTERM -> "规划实施中期评估";
            case FINAL -> "规划实施总结评估";
        };
        return "根据《" + plan.name() + "》关于“年度监测分析—中期评估—总结评估”的要求，现依据截至" + asOf
                + "已审定的指标数据，开展" + what + "，形成本报告。";
    }

    static Table table1(PlanAssessment pa) {
        List<Indicator> rows = pa.tableRows().stream().map(IndicatorAssessment::indicator).toList();
        Map<String, IndicatorAssessment> byCode = new LinkedHashMap<>();
        pa.tableRows().forEach(a -> byCode.put(a.indicator().code(), a));
        List<List<String>> out = new ArrayList<>();
        for (Table1Row r : Table1Row.layout(rows)) {
            Indicator i = r.indicator();
            IndicatorAssessment ia = byCode.get(i.code());
            Assessment a = ia.assessment();
            String name = r.subRow() ? r.itemName() + "：" + (i.subItem() != null ? i.subItem() : i.name()) : i.name();
            out.add(List.of(r.numberCell() ? String.valueOf(i.tableNumber()) : "", name, i.unit(),
                    or(i.baseVerbatim(), num(i.baseValue())), or(i.targetVerbatim(), num(i.targetValue())),
                    i.attribute().label(), latest(a), expected(a),
                    a.status().label() + (ia.override() != null ? "（调整）" : "")));
        }
        return new Table(TABLE1 + " 主要指标完成情况（截至" + pa.year() + "年）",
                List.of("序号", "指标", "单位", pa.plan().baseYear() + "年基期", pa.plan().periodEnd() + "年目标", "属性",
                        "最新值", "进度预期值", "状态"),
                out, List.of(0.45, 2.6, 0.8, 1.0, 1.0, 0.9, 1.55, 1.0, 1.25));
    }

    static Table bindingTable(PlanAssessment pa) {
        List<List<String>> out = new ArrayList<>();
        Map<String, IndicatorAssessment> byCode = new LinkedHashMap<>();
        pa.indicators().forEach(a -> byCode.put(a.indicator().code(), a));
        for (RolledItem r : pa.summary().binding()) {
            IndicatorAssessment ia = byCode.get(r.code());
            Indicator i = ia.indicator();
            out.add(List.of(i.tableNumber() == null ? "文本" : String.valueOf(i.tableNumber()), i.name(), i.unit(),
                    or(i.targetVerbatim(), num(i.targetValue())), latest(ia.assessment()),
                    ia.assessment().status().label(), ia.leadDepartment()));
        }
        return new Table(TABLE_BINDING + " 约束性指标完成情况",
                List.of("序号", "指标", "单位", "目标", "最新值", "状态", "牵头单位"), out,
                List.of(0.45, 2.8, 0.9, 1.1, 1.55, 1.2, 1.6));
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

    private void portfolio(Plan plan, int year, List<Block> b, ReportCharts charts) {
        List<ProjectDomain> domains = projects.domains(plan.id());
        List<Project> list = projects.projects(plan.id());
        if (domains.isEmpty()) {
            b.add(Para.of("专栏8重大项目清单尚未导入。"));
            return;
        }
        int planned = domains.stream().mapToInt(ProjectDomain::plannedCount).sum();
        BigDecimal total = domains.stream().map(ProjectDomain::totalInvestment).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal period = domains.stream().map(ProjectDomain::periodInvestment).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Long, List<Project>> byDomain = list.stream().collect(Collectors.groupingBy(Project::domainId));
        Map<Long, Double> done = new LinkedHashMap<>();
        for (int y = plan.periodStart(); y <= year; y++) {
            projects.approvedAmounts(plan.id(), y).forEach((k, v) -> done.merge(k, v, Double::sum));
        }
        double doneTotal = done.values().stream().mapToDouble(Double::doubleValue).sum();
        long started = list.stream().filter(p -> p.stage().ordinal() >= Project.Stage.UNDER_CONSTRUCTION.ordinal()).count();
        b.add(Para.of("专栏8安排重大项目" + planned + "个，总投资" + num(total) + "亿元，其中“十五五”时期计划投资"
                + num(period) + "亿元。平台已登记项目" + list.size() + "个（其中已确认列入专栏8的"
                + list.stream().filter(Project::confirmed).count() + "个），已开工（在建、竣工或投运）" + started + "个。"
                + (done.isEmpty() ? "项目投资完成额尚未填报审定，投资完成率暂无法计算。"
                : plan.periodStart() + "—" + year + "年累计完成投资" + num(doneTotal) + "亿元（已审定），占“十五五”计划投资的"
                + pct(doneTotal, period.doubleValue()) + "。")));
        List<List<String>> rows = new ArrayList<>();
        Map<String, Double> chartPlanned = new LinkedHashMap<>();
        Map<String, Double> chartDone = new LinkedHashMap<>();
        for (ProjectDomain d : domains) {
            List<Project> ps = byDomain.getOrDefault(d.id(), List.of());
            long go = ps.stream().filter(p -> p.stage().ordinal() >= Project.Stage.UNDER_CONSTRUCTION.ordinal()).count();
            double dd = ps.stream().mapToDouble(p -> done.getOrDefault(p.id(), 0.0)).sum();
            rows.add(List.of(d.name(), String.valueOf(d.plannedCount()), num(d.totalInvestment()),
                    num(d.periodInvestment()), String.valueOf(ps.size()), String.valueOf(go), num(dd),
                    pct(dd, d.periodInvestment().doubleValue())));
            chartPlanned.put(d.name(), d.periodInvestment().doubleValue());
            chartDone.put(d.name(), dd);
        }
        rows.add(List.of("合计", String.valueOf(planned), num(total), num(period), String.valueOf(list.size()),
                String.valueOf(started), num(doneTotal), pct(doneTotal, period.doubleValue())));
        b.add(new Table("表4 重大项目推进情况（对照专栏8）", List.of("领域", "计划项目数", "总投资（亿元）",
                "“十五五”投资（亿元）", "已登记项目", "已开工", "已完成投资（亿元）", "完成率"), rows,
                List.of(2.4, 0.9, 1.1, 1.2, 0.9, 0.8, 1.2, 0.9)));
        b.add(charts.investment("图3 专栏8各领域“十五五”计划投资与已完成投资", chartPlanned, chartDone));
        List<Project> behind = list.stream().filter(p -> p.stage().ordinal() <= Project.Stage.PRELIMINARY.ordinal())
                .toList();
        if (!behind.isEmpty()) {
            b.add(Para.of("尚处谋划或前期阶段、需加快推进的项目" + behind.size() + "个：" + behind.stream().limit(30)
                    .map(p -> p.name() + "（" + p.stage().label() + "）").collect(Collectors.joining("、"))
                    + (behind.size() > 30 ? "等" : "") + "。"));
        }
    }

    private static String lagText(IndicatorAssessment ia, Plan plan) {
        Indicator i = ia.indicator();
        Assessment a = ia.assessment();
        StringBuilder sb = new StringBuilder(i.name()).append("（牵头单位：").append(ia.leadDepartment()).append("）")
                .append(a.status().label());
        if (a.latestValue() != null) {
            sb.append("，").append(a.latestYear()).append("年").append(a.latestEstimate() ? "预计" : "").append("为")
                    .append(num(a.latestValue())).append(unitOf(i));
        }
        if (a.expected() != null) {
            sb.append("，按时间进度应为").append(num(a.expected()));
        }
        if (a.catchUp() != null) {
            sb.append("；今后每年需达到").append(num(a.catchUp())).append(a.catchUpUnit() == null ? "" : a.catchUpUnit())
                    .append("方能于").append(plan.periodEnd()).append("年实现目标");
        }
        return sb.append("。").toString();
    }

    private static String unitOf(Indicator i) {
        return i.unit() == null || i.unit().isBlank() || "—".equals(i.unit()) ? "" : i.unit();
    }

    private static String counts(List<IndicatorAssessment> list) {
        Map<Status, Long> c = list.stream().collect(Collectors.groupingBy(a -> a.assessment().status(),
                () -> new java.util.EnumMap<>(Status.class), Collectors.counting()));
        return c.entrySet().stream().map(e -> e.getValue() + "项" + e.getKey().label()).collect(Collectors.joining("，"));
    }

    static Table traceTable(List<Trace> traces) {
        List<List<String>> rows = new ArrayList<>();
        for (Trace t : traces) {
            String v = t.value() != null ? num(t.value()) + ("—".equals(t.unit()) ? "" : t.unit())
                    : t.verdict() == null ? "—" : "ACHIEVED".equals(t.verdict()) ? "完成" : "未完成";
            rows.add(List.of(t.tableNumber() == null ? "文本" : String.valueOf(t.tableNumber()), t.name(),
                    String.valueOf(t.year()), v, t.estimate() ? "预计" : "实际", "F" + t.figureId(),
                    "v" + t.revision(), t.changedBy(), STAMP.format(t.changedAt().atZone(ZONE))));
        }
        return new Table("附表 数据溯源（指标数值—数据记录—审定修订版本）",
                List.of("序号", "指标", "年份", "数值", "性质", "数据记录", "修订版本", "审定人", "审定时间"), rows,
                List.of(0.5, 2.8, 0.7, 1.2, 0.6, 0.9, 0.7, 0.9, 1.6));
    }

    /** Up to five LEVEL indicators of Table 1 with a base, a target and approved figures: progress by year in %. */
    static List<ReportCharts.Path> keyPaths(PlanAssessment pa, List<Trace> traces) {
        Map<String, List<Trace>> byCode = traces.stream().collect(Collectors.groupingBy(Trace::code));
        List<ReportCharts.Path> out = new ArrayList<>();
        for (IndicatorAssessment ia : pa.tableRows()) {
            Indicator i = ia.indicator();
            if (i.kind() != Kind.LEVEL || i.baseValue() == null || i.targetValue() == null || out.size() >= 5) {
                continue;
            }
            double base = i.baseValue();
            double target = i.targetIsIncrement() ? base + i.targetValue() : i.targetValue();
            if (Math.abs(target - base) < 1e-9) {
                continue;
            }
            Map<Integer, Double> progress = new java.util.TreeMap<>();
            for (Trace t : byCode.getOrDefault(i.code(), List.of())) {
                if (t.value() != null) {
                    progress.put(t.year(), (t.value() - base) / (target - base) * 100);
                }
            }
            if (!progress.isEmpty()) {
                out.add(new ReportCharts.Path(i.name(), progress));
            }
        }
        return out;
    }

    static String latest(Assessment a) {
        if (a.latestValue() == null) {
            return a.latestYear() == null ? "—" : a.latestYear() + "年" + (a.latestEstimate() ? "（预计）" : "");
        }
        return num(a.latestValue()) + "（" + a.latestYear() + (a.latestEstimate() ? "预计" : "") + "）";
    }

    static String expected(Assessment a) {
        return a.expected() == null ? "—" : num(a.expected());
    }

    static String or(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    static String pct(double part, double whole) {
        return whole <= 0 ? "—" : String.format("%.1f%%", part / whole * 100);
    }

    static String num(Number n) {
        if (n == null) {
            return "—";
        }
        BigDecimal d = new BigDecimal(n.toString());
        if (d.scale() > 2) {
            d = d.setScale(2, RoundingMode.HALF_UP);
        }
        return d.stripTrailingZeros().toPlainString();
    }
}
