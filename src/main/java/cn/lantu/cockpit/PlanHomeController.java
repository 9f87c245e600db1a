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

    public PlanHomeController(PlanLookup lookup, PlanRepository plans, IndicatorRepository indicators,
                              OrgRepository org, ProjectRepository projects, ReformRepository reforms,
                              PlanAssessmentService assessments) {
        this.lookup = lookup;
        this.plans = plans;
        this.indicators = indicators;
        this.org = org;
        this.projects = projects;
        this.reforms = reforms;
        this.assessments = assessments;
    }

    @GetMapping("/plans/{plan}")
    String home(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        var all = indicators.findByPlan(p.id());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("章", plans.nodesOfType(p.id(), "CHAPTER").size());
        counts.put("节", plans.nodesOfType(p.id(), "SECTION").size());
        counts.put("举措段落", plans.nodesOfType(p.id(), "MEASURE").size());
        counts.put("专栏", plans.nodesOfType(p.id(), "COLUMN").size());
        counts.put("主要指标（表1序号）", all.stream().filter(Indicator::inTable).map(Indicator::tableNumber).distinct().count());
        counts.put("表1数值行", all.stream().filter(Indicator::inTable).count());
        counts.put("文本目标", all.stream().filter(i -> !i.inTable()).count());
        counts.put("镇街", org.findByType(p.id(), OrgUnit.Type.TOWN).size());
        counts.put("片区（专栏3、4、13）", org.findByType(p.id(), OrgUnit.Type.AREA).size());
        counts.put("部门（默认名单）", org.findByType(p.id(), OrgUnit.Type.DEPARTMENT).size());
        counts.put("重大项目领域（专栏8）", projects.domains(p.id()).size());
        counts.put("纲要点名项目", projects.projects(p.id()).size());
        counts.put("改革事项（专栏9）", reforms.findByPlan(p.id()).size());
        counts.put("原文更正", plans.corrections(p.id()).size());
        PlanAssessment assessment = assessments.assess(p, assessments.defaultYear(p));
        model.addAttribute("plan", p);
        model.addAttribute("counts", counts);
        model.addAttribute("assessment", assessment);
        model.addAttribute("findings", assessment.findings());
        return "cockpit/home";
    }
}
