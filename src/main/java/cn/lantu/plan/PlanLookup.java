package cn.lantu.plan;

import org.springframework.stereotype.Component;

import cn.lantu.web.NotFoundException;

/** Resolves the plan named in a URL (by id or code) or answers 404. */
@Component
public class PlanLookup {

    private final PlanRepository plans;

    public PlanLookup(PlanRepository plans) {
        this.plans = plans;
    }

    public Plan require(String idOrCode) {
        return plans.find(idOrCode).orElseThrow(() -> new NotFoundException("规划不存在: " + idOrCode));
    }
}
