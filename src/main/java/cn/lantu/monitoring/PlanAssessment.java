package cn.lantu.monitoring;

import java.util.List;

import cn.lantu.assessment.Finding;
import cn.lantu.assessment.PlanSummary;
import cn.lantu.plan.Plan;

/** A plan's assessment for one year: every indicator, the roll-up over the numbered items, and the findings. */
public record PlanAssessment(Plan plan, int year, boolean demo, List<IndicatorAssessment> indicators,
                             PlanSummary summary, List<Finding> findings) {

    public List<IndicatorAssessment> tableRows() {
        return indicators.stream().filter(a -> a.indicator().inTable()).toList();
    }

    /**
     * What the public may see: only published indicators, and the roll-up recomputed over them, so a withdrawn
     * indicator is neither shown nor counted on the portal or in a published report.
     */
    public PlanAssessment publishedOnly() {
        List<IndicatorAssessment> shown = indicators.stream().filter(a -> a.indicator().published()).toList();
        List<cn.lantu.assessment.RolledItem> rolled = shown.stream().map(a -> new cn.lantu.assessment.RolledItem(
                a.indicator().code(), a.indicator().tableNumber(), a.indicator().category().label(),
                a.indicator().attribute(), a.leadDepartment(), a.assessment(), a.indicator().name())).toList();
        return new PlanAssessment(plan, year, demo, shown, PlanSummary.of(rolled), findings);
    }

    public List<IndicatorAssessment> textTargets() {
        return indicators.stream().filter(a -> !a.indicator().inTable()).toList();
    }
}
