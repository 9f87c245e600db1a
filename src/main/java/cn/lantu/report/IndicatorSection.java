package cn.lantu.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.lantu.assessment.Assessment;
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
import cn.lantu.plan.Plan;
import cn.lantu.report.ReportDocument.Block;
import cn.lantu.report.ReportDocument.Heading;
import cn.lantu.report.ReportDocument.Para;
import cn.lantu.report.ReportDocument.Table;
import cn.lantu.report.ReportRepository.Trace;

/**
 * Section 二 of a report, 主要指标完成情况: Table 1 with the progress chart of key indicators, the binding
 * indicators, and the indicators by category (ahead and lagging ones named with their explanation).
 */
final class IndicatorSection {

    static final String TABLE1 = "表1";
    static final String TABLE_BINDING = "表2";

    /** Column headings of the compared pairs, the same on the assessment page. */
    static final String ACHIEVED = "实际完成";
    static final String DUE = "序时应达";
    static final String PROGRESS = "完成进度";
    static final String ELAPSED = "序时进度";

    /** What the compared columns of Tables 1 and 2 mean, for a reader without the methodology at hand. */
    static final String COLUMNS_NOTE = "表中“" + ACHIEVED + "”与“" + DUE + "”按同一口径对照：水平类指标为最新年度的水平与"
            + "按时间进度应达到的水平；增长类指标为规划期以来已实现的年均增速与目标年均增速；累计类指标为规划期累计完成数与"
            + "按时间进度应累计完成数；下降类指标为规划期累计下降幅度与按时间进度应下降的幅度；底线类和上级下达类指标为当年"
            + "水平或完成情况与规定要求。“" + PROGRESS + "”为规划目标已完成的比例（基期为0，目标为100%），“" + ELAPSED
            + "”为规划期已经过去的时间比例。状态按平台《监测评估方法》判定。";

    private IndicatorSection() {
    }

    /** Adds section 二 with its narratives (indicators, binding, one per category that has indicators). */
    static void add(PlanAssessment pa, List<Trace> traces, ReportCharts charts, List<Block> b,
                    SectionNarratives narratives) {
        Plan plan = pa.plan();
        int year = pa.year();
        PlanSummary summary = pa.summary();
        b.add(new Heading(1, "二、主要指标完成情况", "indicators"));
        b.add(new Heading(2, "（一）主要指标总体情况", "table1"));
        b.add(Para.of("纲要表1所列" + summary.itemCount() + "项主要指标（" + pa.tableRows().size()
                + "个指标值）逐项评估结果见表1。" + COLUMNS_NOTE));
        b.add(table1(pa));
        adjustments(pa).forEach(b::add);
        List<ReportCharts.Path> paths = keyPaths(pa, traces);
        if (!paths.isEmpty()) {
            b.add(charts.paths("图2 重点指标目标完成进度（基期为0%，规划目标为100%）", paths, plan.periodStart() - 1,
                    plan.periodEnd()));
        }
        narratives.narrative("indicators", "（规划办可在此补充主要指标完成情况的分析。）");

        b.add(new Heading(2, "（二）约束性指标", "binding"));
        b.add(Para.of(summary.bindingSentence() + "。"));
        b.add(bindingTable(pa));
        narratives.narrative("binding", "（规划办可在此补充约束性指标的分析。）");

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
            narratives.narrative("category-" + c.name(), "（规划办可在此补充" + c.label() + "领域的分析。）");
        }
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
            out.add(List.of(r.numberCell() ? String.valueOf(i.tableNumber()) : "", name, ReportFormat.unit(i),
                    ReportFormat.or(i.baseVerbatim(), ReportFormat.num(i.baseValue())), target(ia),
                    i.attribute().label(), ReportFormat.achieved(a), ReportFormat.due(a),
                    ReportFormat.fraction(a.progress()), ReportFormat.fraction(a.elapsed()),
                    a.status().label() + (ia.override() != null ? "（人工校核）" : "")));
        }
        return new Table(TABLE1 + " 主要指标完成情况（截至" + pa.year() + "年）",
                List.of("序号", "指标", "单位", pa.plan().baseYear() + "年基期", pa.plan().periodEnd() + "年目标", "属性",
                        ACHIEVED, DUE, PROGRESS, ELAPSED, "状态"),
                out, List.of(0.55, 1.85, 0.55, 0.75, 0.85, 0.8, 1.65, 1.25, 0.75, 0.75, 0.95));
    }

    /** The target as the plan states it, with the approved revision beside it (原目标 … → 调整后 …). */
    static String target(IndicatorAssessment ia) {
        return ReportFormat.target(ia.indicator()) + (ia.targetChange() == null ? ""
                : "（调整后 " + ReportFormat.num(ia.targetChange().revised()) + "）");
    }

    /** Notes under Table 1: each approved target revision and each status the plan office checked, with its reason. */
    static List<Para> adjustments(PlanAssessment pa) {
        List<Para> out = new ArrayList<>();
        for (IndicatorAssessment ia : pa.indicators()) {
            if (ia.targetChange() != null) {
                out.add(Para.of("规划调整：" + ia.indicator().name() + "，" + ia.targetChange().text() + "，理由："
                        + ia.targetChange().reason() + "。"));
            }
        }
        for (IndicatorAssessment ia : pa.indicators()) {
            if (ia.override() != null) {
                out.add(Para.of("人工校核：" + ia.indicator().name() + " " + pa.year() + "年评估结论由规划办校核为“"
                        + ia.override().override().label() + "”（测算结论：" + ia.override().computed().label() + "），理由："
                        + ia.override().reason() + "。"));
            }
        }
        return out;
    }

    static Table bindingTable(PlanAssessment pa) {
        List<List<String>> out = new ArrayList<>();
        Map<String, IndicatorAssessment> byCode = new LinkedHashMap<>();
        pa.indicators().forEach(a -> byCode.put(a.indicator().code(), a));
        for (RolledItem r : pa.summary().binding()) {
            IndicatorAssessment ia = byCode.get(r.code());
            Indicator i = ia.indicator();
            out.add(List.of(i.tableNumber() == null ? "文本" : String.valueOf(i.tableNumber()), i.name(),
                    ReportFormat.unit(i), target(ia), ReportFormat.achieved(ia.assessment()),
                    ReportFormat.due(ia.assessment()), ia.assessment().status().label(), ia.leadDepartment()));
        }
        return new Table(TABLE_BINDING + " 约束性指标完成情况",
                List.of("序号", "指标", "单位", "目标", ACHIEVED, DUE, "状态", "牵头单位"), out,
                List.of(0.45, 2.3, 0.7, 1.0, 1.9, 1.4, 1.1, 1.5));
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
}
