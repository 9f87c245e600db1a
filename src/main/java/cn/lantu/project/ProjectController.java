package cn.lantu.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import io.swagger.v3.oas.annotations.Operation;

/** The project portfolio by 专栏8 domain: page and JSON API. */
@Controller
public class ProjectController {

    private final ProjectRepository projects;
    private final PlanLookup lookup;

    public ProjectController(ProjectRepository projects, PlanLookup lookup) {
        this.projects = projects;
        this.lookup = lookup;
    }

    /** A domain with its outline targets and the projects registered in it so far. */
    public record DomainPortfolio(ProjectDomain domain, long confirmed, long namedUnconfirmed, List<Project> projects) {}

    /** The portfolio of a plan with its totals. */
    public record Portfolio(List<DomainPortfolio> domains, int plannedCount, BigDecimal totalInvestment,
                            BigDecimal periodInvestment) {}

    Portfolio portfolio(long planId) {
        Map<Long, List<Project>> byDomain = projects.projects(planId).stream()
                .collect(Collectors.groupingBy(Project::domainId));
        List<DomainPortfolio> domains = projects.domains(planId).stream().map(d -> {
            List<Project> list = byDomain.getOrDefault(d.id(), List.of());
            long confirmed = list.stream().filter(Project::confirmed).count();
            return new DomainPortfolio(d, confirmed, list.size() - confirmed, list);
        }).toList();
        BigDecimal[] totals = projects.totals(planId);
        return new Portfolio(domains, totals[0].intValue(), totals[1], totals[2]);
    }

    @GetMapping("/plans/{plan}/projects")
    String page(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("portfolio", portfolio(p.id()));
        return "project/portfolio";
    }

    @GetMapping("/api/v1/plans/{plan}/projects")
    @ResponseBody
    @Operation(summary = "The project portfolio by domain (专栏8), with the projects named in the outline")
    public Portfolio api(@PathVariable String plan) {
        return portfolio(lookup.require(plan).id());
    }
}
