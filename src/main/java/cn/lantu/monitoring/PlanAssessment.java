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

    public List<IndicatorAssessment> textTargets() {
        return indicators.stream().filter(a -> !a.indicator().inTable()).toList();
    }
}
