package cn.lantu.indicator;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;

/** Table 1 reproduced as printed, followed by the text targets (文本目标). */
@Controller
public class IndicatorController {

    private final IndicatorRepository indicators;
    private final PlanLookup lookup;

    public IndicatorController(IndicatorRepository indicators, PlanLookup lookup) {
        this.indicators = indicators;
        this.lookup = lookup;
    }

    @GetMapping("/plans/{plan}/indicators")
    String table(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        List<Indicator> all = indicators.findByPlan(p.id());
        model.addAttribute("plan", p);
        model.addAttribute("rows", Table1Row.layout(all.stream().filter(Indicator::inTable).toList()));
        model.addAttribute("textTargets", all.stream().filter(i -> !i.inTable()).toList());
        return "indicator/table";
    }
}
