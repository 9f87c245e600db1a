package cn.lantu.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantu.assessment.Feasibility;
import cn.lantu.assessment.Finding;
import cn.lantu.assessment.IndicatorSpec;
import cn.lantu.assessment.Kind;
import cn.lantu.indicator.Indicator;
import cn.lantu.plan.Plan;
import cn.lantu.project.ProjectDomain;

/**
 * Runs the declarative feasibility checks of a plan package (plan.yaml {@code feasibilityChecks}) with the
 * plan's current data: the entered 2025 level where there is one, the fallback bound where there is not.
 */
final class FeasibilityChecks {

    private FeasibilityChecks() {}

    @SuppressWarnings("unchecked")
    static List<Finding> run(Plan plan, List<Map<String, Object>> checks, Map<String, Object> portfolioTotals,
                             Map<String, Indicator> byCode, List<ProjectDomain> domains) {
        List<Finding> out = new ArrayList<>();
        for (Map<String, Object> c : checks) {
            String code = (String) c.get("code");
            String title = (String) c.get("title");
            try {
                switch (String.valueOf(c.get("kind"))) {
                    case "COMPOUND_GOAL" -> {
                        Indicator goal = byCode.get((String) c.get("goalIndicator"));
                        Indicator rate = byCode.get((String) c.get("rateIndicator"));
                        Indicator level = byCode.get((String) c.get("levelIndicator"));
                        Double base = level == null ? null : level.baseValue();
                        boolean bound = base == null;
                        if (bound) {
                            base = ((Number) c.get("fallbackBaseLevel")).doubleValue();
                        }
                        out.add(Feasibility.compoundGoal(code, goal.name(), goal.unit(), plan.baseYear(), base, bound,
                                goal.targetYear(), goal.targetValue(), rate.targetValue()));
                    }
                    case "COMPONENT_SUM" -> {
                        Indicator total = byCode.get((String) c.get("total"));
                        Map<String, Double> parts = new LinkedHashMap<>();
                        for (String k : (List<String>) c.get("components")) {
                            Indicator i = byCode.get(k);
                            parts.put(i.name(), i.targetValue());
                        }
                        Feasibility.Scope scope = "DIFFERENT".equals(c.get("scope"))
                                ? Feasibility.Scope.DIFFERENT : Feasibility.Scope.SAME;
                        out.add(Feasibility.componentSum(code, title, parts, total.name(), total.targetValue(), scope,
                                (String) c.get("note"), total.unit()));
                    }
                    case "PORTFOLIO" -> {
                        List<Feasibility.Row> rows = domains.stream().map(d -> Feasibility.Row.of(d.name(),
                                d.plannedCount(), d.totalInvestment().doubleValue(),
                                d.periodInvestment().doubleValue())).toList();
                        out.add(Feasibility.portfolioSum(code, title, rows, List.of(
                                new Feasibility.Measure("项目个数", "个", num(portfolioTotals.get("count")),
                                        "projects", ""),
                                new Feasibility.Measure("总投资", "亿元", num(portfolioTotals.get("totalInvestment")),
                                        "total investment", "亿元"),
                                new Feasibility.Measure("“十五五”投资", "亿元",
                                        num(portfolioTotals.get("periodInvestment")),
                                        "investment in the plan period", "亿元"))));
                    }
                    case "TARGET_MET_AT_BASE" -> {
                        for (Indicator i : byCode.values()) {
                            boolean levelLike = i.kind() == Kind.LEVEL || i.kind() == Kind.FLOOR;
                            if (levelLike && i.baseValue() != null && i.targetValue() != null && !i.targetIsIncrement()) {
                                IndicatorSpec spec = IndicatorSpecs.of(i, plan.periodStart());
                                Finding f = Feasibility.targetMetAtBase(spec);
                                if (f.severity() == cn.lantu.assessment.FindingSeverity.INFO) {
                                    out.add(f);
                                }
                            }
                        }
                    }
                    default -> { }
                }
            } catch (RuntimeException e) {
                out.add(new Finding(code, cn.lantu.assessment.FindingKind.COMPONENT_SUM, title,
                        "无法计算：" + e.getMessage(), Map.of(), cn.lantu.assessment.FindingSeverity.INFO, title,
                        "Cannot be computed: " + e.getMessage()));
            }
        }
        return out;
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
