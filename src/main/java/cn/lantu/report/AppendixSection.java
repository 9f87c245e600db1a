package cn.lantu.report;

import java.util.ArrayList;
import java.util.List;

import cn.lantu.monitoring.PlanAssessment;
import cn.lantu.plan.Plan;
import cn.lantu.report.ReportDocument.Block;
import cn.lantu.report.ReportDocument.Heading;
import cn.lantu.report.ReportDocument.Para;
import cn.lantu.report.ReportDocument.Table;
import cn.lantu.report.ReportRepository.Trace;

/**
 * The appendices of a report: where its numbers come from and when they were taken (附件1), and the trace of every
 * value to the reported figure and its approved revision (附件2), so that each number can be checked. The text says
 * in words where a number comes from; it never names the tables it is stored in.
 */
final class AppendixSection {

    private AppendixSection() {
    }

    /** Adds the appendices, after a page break. */
    static void add(PlanAssessment pa, ReportType type, String asOfText, List<Trace> traces, List<Block> b) {
        Plan plan = pa.plan();
        int year = pa.year();
        b.add(new ReportDocument.PageBreak());
        b.add(new Heading(1, "附件1 数据来源与截止时间", "appendix-sources"));
        b.add(Para.of("1. 数据来源：本报告的指标数字均为各责任部门填报并经规划办批准的数据（含修订记录）；重点任务进展取自"
                + "各牵头部门填报并经规划办批准的任务进度；重大项目投资取自项目单位填报并经批准的投资完成额；改革事项阶段取自"
                + "平台改革清单。评估结论按平台《监测评估方法》由系统计算，规划办调整的结论已注明理由。"));
        b.add(Para.of("2. 数据截止时间：" + asOfText + "（北京时间）。此后审定或修订的数据不影响本报告。"));
        b.add(Para.of("3. 评估年份：" + year + "年。" + (type == ReportType.MIDTERM ? "中期评估以" + (year - 2) + "—"
                + (year - 1) + "年统计终值和" + year + "年预计值为依据。" : "")));
        b.add(Para.of("4. 规划文本：" + plan.name() + (plan.documentNumber() == null ? "" : "（" + plan.documentNumber()
                + "）") + "；重大项目依据专栏8，改革事项依据专栏9。"));
        if (pa.demo()) {
            b.add(Para.of("5. 本报告使用的是系统演示数据（" + ReportDocument.WATERMARK + "），不得作为正式评估结论引用。"));
        }
        b.add(new Heading(1, "附件2 数据溯源表", "appendix-trace"));
        b.add(Para.of("下表逐条列出本报告所用的每一个指标数值：它是哪个部门填报并经规划办批准的数据、批准的是第几次修订、"
                + "由谁在何时批准，共" + traces.size() + "条。"));
        b.add(traceTable(traces));
    }

    static Table traceTable(List<Trace> traces) {
        List<List<String>> rows = new ArrayList<>();
        for (Trace t : traces) {
            String v = t.value() != null ? ReportFormat.num(t.value()) + ("—".equals(t.unit()) ? "" : t.unit())
                    : t.verdict() == null ? "—" : "ACHIEVED".equals(t.verdict()) ? "完成" : "未完成";
            rows.add(List.of(t.tableNumber() == null ? "文本" : String.valueOf(t.tableNumber()), t.name(),
                    String.valueOf(t.year()), v, t.estimate() ? "预计" : "实际", "F" + t.figureId(),
                    "v" + t.revision(), t.changedBy(),
                    ReportBuilder.STAMP.format(t.changedAt().atZone(ReportBuilder.ZONE))));
        }
        return new Table("附表 数据溯源（指标数值—填报数据—批准的修订版本）",
                List.of("序号", "指标", "年份", "数值", "性质", "数据编号", "修订版本", "审定人", "审定时间"), rows,
                List.of(0.5, 2.8, 0.7, 1.2, 0.6, 0.9, 0.7, 0.9, 1.6));
    }
}
