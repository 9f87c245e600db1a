package cn.lantu.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.lantu.plan.Plan;
import cn.lantu.project.Project;
import cn.lantu.project.ProjectDomain;
import cn.lantu.project.ProjectRepository;
import cn.lantu.report.ReportDocument.Block;
import cn.lantu.report.ReportDocument.Heading;
import cn.lantu.report.ReportDocument.Para;
import cn.lantu.report.ReportDocument.Table;

/**
 * Section 四 of a report, 重大项目: the projects against 专栏8 by domain (registered, started, approved investment
 * up to the report year), the investment chart and the projects still in planning. Reads the projects itself.
 */
final class ProjectSection {

    private final ProjectRepository projects;

    ProjectSection(ProjectRepository projects) {
        this.projects = projects;
    }

    /** Adds section 四 with its narrative. */
    void add(Plan plan, int year, List<Block> b, ReportCharts charts, SectionNarratives narratives) {
        b.add(new Heading(1, "四、重大项目推进情况", "projects"));
        portfolio(plan, year, b, charts);
        narratives.narrative("projects", "（规划办可在此补充重大项目投资完成情况和滞后项目的原因。）");
    }

    /** "2026年完成投资" for one year, "2026—2028年累计完成投资" for several. */
    static String period(int from, int to) {
        return from >= to ? to + "年完成投资" : from + "—" + to + "年累计完成投资";
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
        b.add(Para.of("专栏8安排重大项目" + planned + "个，总投资" + ReportFormat.num(total)
                + "亿元，其中“十五五”时期计划投资" + ReportFormat.num(period) + "亿元。平台已登记项目" + list.size()
                + "个（其中已确认列入专栏8的" + list.stream().filter(Project::confirmed).count()
                + "个），已开工（在建、竣工或投运）" + started + "个。"
                + (done.isEmpty() ? "项目投资完成额尚未填报审定，投资完成率暂无法计算。"
                : period(plan.periodStart(), year) + ReportFormat.num(doneTotal)
                + "亿元（已审定），占“十五五”计划投资的" + ReportFormat.pct(doneTotal, period.doubleValue()) + "。")));
        List<List<String>> rows = new ArrayList<>();
        Map<String, Double> chartPlanned = new LinkedHashMap<>();
        Map<String, Double> chartDone = new LinkedHashMap<>();
        for (ProjectDomain d : domains) {
            List<Project> ps = byDomain.getOrDefault(d.id(), List.of());
            long go = ps.stream().filter(p -> p.stage().ordinal() >= Project.Stage.UNDER_CONSTRUCTION.ordinal()).count();
            double dd = ps.stream().mapToDouble(p -> done.getOrDefault(p.id(), 0.0)).sum();
            rows.add(List.of(d.name(), String.valueOf(d.plannedCount()), ReportFormat.num(d.totalInvestment()),
                    ReportFormat.num(d.periodInvestment()), String.valueOf(ps.size()), String.valueOf(go),
                    ReportFormat.num(dd), ReportFormat.pct(dd, d.periodInvestment().doubleValue())));
            chartPlanned.put(d.name(), d.periodInvestment().doubleValue());
            chartDone.put(d.name(), dd);
        }
        rows.add(List.of("合计", String.valueOf(planned), ReportFormat.num(total), ReportFormat.num(period),
                String.valueOf(list.size()), String.valueOf(started), ReportFormat.num(doneTotal),
                ReportFormat.pct(doneTotal, period.doubleValue())));
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
}
