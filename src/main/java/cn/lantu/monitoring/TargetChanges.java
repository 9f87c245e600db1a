package cn.lantu.monitoring;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.plan.Plan;

/**
 * The approved target revisions of a plan as they stand this year, for pages that show targets without an
 * assessment (Table 1: {@code ${@targetChanges.ofPlan(plan)}}), keyed by indicator code.
 */
@Component("targetChanges")
public class TargetChanges {

    private final TargetRepository targets;
    private final IndicatorRepository indicators;

    TargetChanges(TargetRepository targets, IndicatorRepository indicators) {
        this.targets = targets;
        this.indicators = indicators;
    }

    public Map<String, TargetChange> ofPlan(Plan plan) {
        Map<String, List<TargetRepository.Revision>> approved = targets.approved(plan.id());
        Map<String, TargetChange> out = new HashMap<>();
        if (approved.isEmpty()) {
            return out;
        }
        int year = Math.max(plan.periodStart(), Math.min(plan.periodEnd(), LocalDate.now(TargetRevisions.BEIJING).getYear()));
        for (Indicator i : indicators.findByPlan(plan.id())) {
            List<TargetRepository.Revision> list = approved.get(i.code());
            if (list != null) {
                out.put(i.code(), TargetChange.of(IndicatorSpecs.of(i, plan.periodStart()).targetValue(),
                        TargetRepository.inForce(list, plan.periodEnd()), year));
            }
        }
        return out;
    }
}
