package cn.lantu.cockpit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.lantu.assessment.Assessment;
import cn.lantu.indicator.Indicator;
import cn.lantu.monitoring.IndicatorAssessment;
import cn.lantu.monitoring.PlanAssessment;
import cn.lantu.monitoring.PlanAssessmentService;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.org.Responsibility;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.project.ProjectService;
import cn.lantu.task.TaskService;
import cn.lantu.web.NotFoundException;

/**
 * Comparison across years (indicators down the side, years across the top, a status word in each coloured cell),
 * and one page per department or town with everything it answers for and how it stands.
 */
@Controller
public class MatrixController {

    private final PlanLookup lookup;
    private final PlanAssessmentService assessments;
    private final OrgRepository org;
    private final TaskService tasks;
    private final ProjectService projects;

    private final CockpitController cockpits;
    private final WarningBoard warnings;

    public MatrixController(PlanLookup lookup, PlanAssessmentService assessments, OrgRepository org,
                            TaskService tasks, ProjectService projects, CockpitController cockpits,
                            WarningBoard warnings, cn.lantu.collection.Reminders reminders) {
        this.cockpits = cockpits;
        this.warnings = warnings;
        this.reminders = reminders;
        this.tasks = tasks;
        this.projects = projects;
        this.lookup = lookup;
        this.assessments = assessments;
        this.org = org;
    }

    private final cn.lantu.collection.Reminders reminders;

    /** One matrix row: an indicator and its assessment in each year of the period. */
    public record MatrixRow(Indicator indicator, List<Assessment> years) {}

    @GetMapping("/plans/{plan}/matrix")
    String matrix(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        List<Integer> years = new ArrayList<>();
        Map<String, MatrixRow> rows = new LinkedHashMap<>();
        for (int y = p.periodStart(); y <= p.periodEnd(); y++) {
            years.add(y);
            for (IndicatorAssessment a : assessments.assess(p, y).tableRows()) {
                rows.computeIfAbsent(a.indicator().code(), c -> new MatrixRow(a.indicator(), new ArrayList<>()))
                        .years().add(a.assessment());
            }
        }
        model.addAttribute("plan", p);
        model.addAttribute("years", years);
        model.addAttribute("rows", rows.values());
        return "cockpit/matrix";
    }

    @GetMapping("/plans/{plan}/matrix/projects")
    String projectMatrix(@PathVariable String plan,
                         @org.springframework.web.bind.annotation.RequestParam(required = false) Integer year,
                         Model model) {
        Plan p = lookup.require(plan);
        int y = year == null ? projects.defaultYear(p) : year;
        Map<String, String> names = new LinkedHashMap<>();
        projects.rows(p.id(), y, java.time.LocalDate.of(y, 12, 31))
                .forEach(r -> names.put(r.project().code(), r.project().name()));
        model.addAttribute("plan", p);
        model.addAttribute("year", y);
        model.addAttribute("names", names);
        model.addAttribute("quarters", projects.quarterly(p.id(), y));
        return "cockpit/project-matrix";
    }

    @GetMapping("/plans/{plan}/units/{code}")
    String unit(@PathVariable String plan, @PathVariable String code, Model model, java.util.Locale locale,
                org.springframework.security.core.Authentication auth) {
        Plan p = lookup.require(plan);
        OrgUnit unit = org.findByCode(p.id(), code).orElseThrow(() -> new NotFoundException("单位不存在: " + code));
        PlanAssessment pa = assessments.assess(p, assessments.defaultYear(p));
        Map<Long, List<Responsibility>> resp = org.responsibilitiesOfPlan(p.id());
        List<IndicatorAssessment> lead = new ArrayList<>();
        List<IndicatorAssessment> cooperate = new ArrayList<>();
        for (IndicatorAssessment a : pa.indicators()) {
            for (Responsibility r : resp.getOrDefault(a.indicator().id(), List.of())) {
                if (r.orgUnitId() == unit.id()) {
                    (r.role() == Responsibility.Role.LEAD ? lead : cooperate).add(a);
                }
            }
        }
        List<OrgUnit> areas = unit.type() == OrgUnit.Type.TOWN ? org.findByType(p.id(), OrgUnit.Type.AREA).stream()
                .filter(a -> a.townCodes().contains(unit.code())).toList() : List.of();
        model.addAttribute("plan", p);
        model.addAttribute("unit", unit);
        model.addAttribute("year", pa.year());
        model.addAttribute("lead", lead);
        model.addAttribute("cooperate", cooperate);
        model.addAttribute("areas", areas);
        model.addAttribute("related", unit.type() == OrgUnit.Type.TOWN ? tasks.byTown(p.id(), unit.code()) : null);
        model.addAttribute("board", warnings.of(p, cockpits.current(p, pa.year()), locale).ledBy(unit.name()));
        model.addAttribute("warningBack", "/plans/" + p.code() + "/units/" + unit.code());
        model.addAttribute("reminders", reminders.historyFor(auth, p, unit.id()));
        return "cockpit/unit";
    }
}
