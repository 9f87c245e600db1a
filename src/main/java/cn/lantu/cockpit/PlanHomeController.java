package cn.lantu.cockpit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.monitoring.PlanAssessment;
import cn.lantu.monitoring.PlanAssessmentService;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.plan.PlanRepository;
import cn.lantu.project.ProjectRepository;
import cn.lantu.task.ReformRepository;

/** The plan's home page: what the plan holds, its assessment at a glance, and its feasibility findings. */
@Controller
public class PlanHomeController {

    private final PlanLookup lookup;
    private final PlanRepository plans;
    private final IndicatorRepository indicators;
    private final OrgRepository org;
    private final ProjectRepository projects;
    private final ReformRepository reforms;
    private final PlanAssessmentService assessments;
    private final CockpitController cockpits;
    private final WarningBoard warnings;

    public PlanHomeController(PlanLookup lookup, PlanRepository plans, IndicatorRepository indicators,
                              OrgRepository org, ProjectRepository projects, ReformRepository reforms,
                              PlanAssessmentService assessments, CockpitController cockpits,
                              WarningBoard warnings) {
        this.cockpits = cockpits;
        this.warnings = warnings;
        this.lookup = lookup;
        this.plans = plans;
        this.indicators = indicators;
        this.org = org;
        this.projects = projects;
        this.reforms = reforms;
        this.assessments = assessments;
    }

    @GetMapping("/plans/{plan}")
    String home(@PathVariable String plan, Model model, java.util.Locale locale) {
        Plan p = lookup.require(plan);
        var all = indicators.findByPlan(p.id());
        // keys are message keys (plan.count.*), worded per language by the template
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("plan.count.chapters", plans.nodesOfType(p.id(), "CHAPTER").size());
        counts.put("plan.count.sections", plans.nodesOfType(p.id(), "SECTION").size());
        counts.put("plan.count.measures", plans.nodesOfType(p.id(), "MEASURE").size());
        counts.put("plan.count.columns", plans.nodesOfType(p.id(), "COLUMN").size());
        counts.put("plan.count.tableItems", all.stream().filter(Indicator::inTable).map(Indicator::tableNumber).distinct().count());
        counts.put("plan.count.tableRows", all.stream().filter(Indicator::inTable).count());
        counts.put("plan.count.textTargets", all.stream().filter(i -> !i.inTable()).count());
        counts.put("plan.count.towns", org.findByType(p.id(), OrgUnit.Type.TOWN).size());
        counts.put("plan.count.areas", org.findByType(p.id(), OrgUnit.Type.AREA).size());
        counts.put("plan.count.departments", org.findByType(p.id(), OrgUnit.Type.DEPARTMENT).size());
        counts.put("plan.count.projectDomains", projects.domains(p.id()).size());
        counts.put("plan.count.projects", projects.projects(p.id()).size());
        counts.put("plan.count.reforms", reforms.findByPlan(p.id()).size());
        counts.put("plan.count.corrections", plans.corrections(p.id()).size());
        PlanAssessment assessment = assessments.assess(p, assessments.defaultYear(p));
        model.addAttribute("plan", p);
        model.addAttribute("counts", counts);
        model.addAttribute("assessment", assessment);
        model.addAttribute("findings", assessment.findings());
        model.addAttribute("board", warnings.of(p, cockpits.current(p, assessment.year()), locale));
        model.addAttribute("warningBack", "/plans/" + p.code());
        return "cockpit/home";
    }
}
