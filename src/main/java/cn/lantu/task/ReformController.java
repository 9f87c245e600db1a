package cn.lantu.task;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import io.swagger.v3.oas.annotations.Operation;

/** The reform list (专栏9): page and JSON API. */
@Controller
public class ReformController {

    private final ReformRepository reforms;
    private final PlanLookup lookup;

    public ReformController(ReformRepository reforms, PlanLookup lookup) {
        this.reforms = reforms;
        this.lookup = lookup;
    }

    @GetMapping("/plans/{plan}/reforms")
    String page(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("reforms", reforms.findByPlan(p.id()));
        return "task/reforms";
    }

    @GetMapping("/api/v1/plans/{plan}/reforms")
    @ResponseBody
    @Operation(summary = "The reform items of 专栏9 with their domain")
    public List<Reform> api(@PathVariable String plan) {
        return reforms.findByPlan(lookup.require(plan).id());
    }
}
