package cn.lantu.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.lantu.assessment.Assessment;
import cn.lantu.assessment.Finding;
import cn.lantu.assessment.PlanSummary;
import cn.lantu.indicator.Category;
import cn.lantu.indicator.Indicator;
import cn.lantu.monitoring.IndicatorAssessment;
import cn.lantu.monitoring.PlanAssessment;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.project.ProjectRepository;
import cn.lantu.report.ReportDocument.Block;
import cn.lantu.report.ReportDocument.Heading;
import cn.lantu.report.ReportDocument.Para;
import cn.lantu.report.ReportRepository.Trace;
import cn.lantu.task.ReformRepository;
import cn.lantu.task.TaskService;

/**
 * Writes the content of a report from an assessment: every number comes from the assessment or from the approved
 * figure revisions it used; the office's narrative replaces the pre-filled text of its section.
 *
 * <p>The long sections have their own builders ({@link IndicatorSection}, {@link TaskSection},
 * {@link ProjectSection}, {@link AppendixSection}); this class keeps the order of the sections and writes the short
 * ones (overall assessment, feasibility, problems and suggestions).
 */
@Component
class ReportBuilder {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

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

    private final TaskSection taskSection;
    private final ProjectSection projectSection;

    ReportBuilder(PlanRepository plans, ProjectRepository projects, ReformRepository reforms, TaskService tasks) {
        this.taskSection = new TaskSection(plans, reforms, tasks);
        this.projectSection = new ProjectSection(projects);
    }

    ReportDocument build(PlanAssessment pa, ReportType type, Instant asOf, Map<String, String> narratives,
                         List<Trace> traces, ReportCharts charts) {
        Plan plan = pa.plan();
        int year = pa.year();
        PlanSummary summary = pa.summary();
        List<Block> b = new ArrayList<>();
        SectionNarratives sections = new SectionNarratives(narratives, b);
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
        sections.narrative("overall", "（规划办可在此补充对规划实施总体情况的评价。）");

        // 二、主要指标完成情况
        IndicatorSection.add(pa, traces, charts, b, sections);

        // 三、文本目标、主要任务和改革
        taskSection.add(pa, asOf, b, sections);

        // 四、重大项目
        projectSection.add(plan, year, b, charts, sections);

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
        sections.narrative("feasibility", "（规划办可在此补充对目标可行性的判断。）");

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
        sections.narrative("problems", "（请规划办结合部门分析，补充问题成因。）");
        b.add(new Heading(2, "（二）对策建议", "suggestions"));
        sections.narrative("suggestions", "（请规划办补充下一阶段推进规划实施的对策建议。）");

        // 附件
        AppendixSection.add(pa, type, asOfText, traces, b);

        String subtitle = type == ReportType.ANNUAL ? "（" + year + "年度）" : type == ReportType.MIDTERM
                ? "（" + plan.periodStart() + "—" + year + "年）" : "（" + plan.period() + "年）";
        List<String> cover = List.of("（初稿）", "数据截至 " + asOfText, "蓝图规划监测评估平台生成 · "
                + DATE.format(Instant.now().atZone(ZONE)));
        return new ReportDocument(plan.code(), type, year, type.title(plan, year), subtitle, cover, asOf, pa.demo(),
                List.copyOf(b));
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

    /** "…（牵头单位：…）滞后于预期，实际完成：2026—2028年累计下降7.2%，序时应达：累计下降10.2%；今后需年均下降…". */
    private static String lagText(IndicatorAssessment ia, Plan plan) {
        Indicator i = ia.indicator();
        Assessment a = ia.assessment();
        StringBuilder sb = new StringBuilder(i.name()).append("（牵头单位：").append(ia.leadDepartment()).append("）")
                .append(a.status().label());
        if (a.comparison() != null) {
            sb.append("，").append(IndicatorSection.ACHIEVED).append("：").append(a.comparison().achievedText());
            String due = a.comparison().expectedText();
            if (due != null && !"—".equals(due)) {
                sb.append("，").append(IndicatorSection.DUE).append("：").append(due);
            }
        }
        if (a.catchUp() != null) {
            sb.append("；").append(need(i, a)).append("方能于").append(plan.periodEnd()).append("年实现目标");
        }
        return sb.append("。").toString();
    }

    /** What each remaining year must deliver, worded by kind (the catch-up of methodology §8). */
    private static String need(Indicator i, Assessment a) {
        double v = a.catchUp();
        String unit = a.catchUpUnit() == null ? "" : a.catchUpUnit();
        String amount = ReportFormat.num(Math.abs(v)) + unit;
        return switch (i.kind()) {
            case GROWTH -> "今后需年均增长" + ReportFormat.num(v) + unit;
            case DECLINE -> "今后需年均下降" + amount;
            case CUMULATIVE -> "今后需年均新增" + ReportFormat.num(v) + unit;
            case LEVEL -> "%".equals(unit) ? "今后需年均" + (v >= 0 ? "增长" : "下降") + amount
                    : "今后需年均" + (v >= 0 ? "提高" : "降低") + amount;
            default -> "需恢复至" + ReportFormat.num(v) + unit;
        };
    }
}
