package cn.lantu.cockpit;

import java.util.stream.IntStream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.lantu.monitoring.PlanAssessmentService;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;

/** 监测评估: every indicator's status for a chosen year, the roll-up, and the binding indicators apart. */
@Controller
public class AssessmentPageController {

    private final PlanLookup lookup;
    private final PlanAssessmentService assessments;

    public AssessmentPageController(PlanLookup lookup, PlanAssessmentService assessments) {
        this.lookup = lookup;
        this.assessments = assessments;
    }

    @GetMapping("/plans/{plan}/assessment")
    String page(@PathVariable String plan, @RequestParam(required = false) Integer year, Model model) {
        Plan p = lookup.require(plan);
        int y = year == null ? assessments.defaultYear(p) : Math.min(Math.max(year, p.periodStart()), p.periodEnd());
        model.addAttribute("plan", p);
        model.addAttribute("years", IntStream.rangeClosed(p.periodStart(), p.periodEnd()).boxed().toList());
        model.addAttribute("assessment", assessments.assess(p, y));
        return "cockpit/assessment";
    }
}
