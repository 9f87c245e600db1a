package cn.lantu.cockpit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.monitoring.FigureHistoryRepository;
import cn.lantu.monitoring.IndicatorAssessment;
import cn.lantu.monitoring.PlanAssessmentService;
import cn.lantu.monitoring.StatusOverrideRepository;
import cn.lantu.monitoring.TargetRepository;
import cn.lantu.assessment.Status;
import cn.lantu.org.OrgRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.plan.PlanRepository;
import cn.lantu.collection.TownBreakdownService;
import cn.lantu.task.TaskService;
import cn.lantu.web.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page per indicator: its definition and verbatim cells, the observed series against the expected path with
 * the projection and target, status and explanation, responsibilities, the outline text and every revision.
 */
@Controller
public class IndicatorPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlanLookup lookup;
    private final PlanRepository plans;
    private final IndicatorRepository indicators;
    private final OrgRepository org;
    private final PlanAssessmentService assessments;
    private final FigureHistoryRepository history;
    private final TaskService tasks;
    private final TownBreakdownService towns;
    private final TargetRepository targets;
    private final StatusOverrideRepository overrides;

    public IndicatorPageController(PlanLookup lookup, PlanRepository plans, IndicatorRepository indicators,
                                   OrgRepository org, PlanAssessmentService assessments,
                                   FigureHistoryRepository history, TaskService tasks, TownBreakdownService towns,
                                   TargetRepository targets, StatusOverrideRepository overrides) {
        this.targets = targets;
        this.overrides = overrides;
        this.tasks = tasks;
        this.towns = towns;
        this.lookup = lookup;
        this.plans = plans;
        this.indicators = indicators;
        this.org = org;
        this.assessments = assessments;
        this.history = history;
    }

    @GetMapping("/plans/{plan}/indicators/{code}")
    String page(@PathVariable String plan, @PathVariable String code, @RequestParam(required = false) Integer year,
                Model model) {
        Plan p = lookup.require(plan);
        Indicator i = indicators.findByCode(p.id(), code).orElseThrow(() -> new NotFoundException("指标不存在: " + code));
        int y = year == null ? assessments.defaultYear(p) : year;
        IndicatorAssessment ia = assessments.assess(p, y).indicators().stream()
                .filter(a -> a.indicator().code().equals(code)).findFirst().orElseThrow();
        model.addAttribute("plan", p);
        model.addAttribute("indicator", i);
        model.addAttribute("year", y);
        model.addAttribute("ia", ia);
        model.addAttribute("a", ia.assessment());
        var responsibilities = org.responsibilitiesOf(i.id());
        model.addAttribute("responsibilities", responsibilities);
        boolean byTown = responsibilities.stream().anyMatch(r -> !"NONE".equals(r.townBreakdown()));
        model.addAttribute("townBreakdown", byTown ? towns.of(i.id(), y) : null);
        model.addAttribute("node", i.outlineKey() == null ? null : plans.node(p.id(), i.outlineKey()).orElse(null));
        model.addAttribute("revisions", history.ofIndicator(i.id(), assessments.demo()));
        model.addAttribute("related", tasks.byIndicator(p.id(), code));
        model.addAttribute("targetRevisions", targets.revisions(i.id()));
        model.addAttribute("overrideHistory", overrides.history(i.id()));
        model.addAttribute("overrideVersion", overrides.current(i.id(), y).map(StatusOverrideRepository.Stored::id)
                .orElse(0L));
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(p.periodStart(), p.periodEnd()).boxed()
                .toList());
        model.addAttribute("statuses", java.util.Arrays.stream(Status.values()).filter(s -> s != Status.NO_DATA)
                .toList());
        model.addAttribute("timelineJson", JSON.writeValueAsString(assessments.timeline(p, i)));
        return "cockpit/indicator";
    }
}
