package cn.lantu.org;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import io.swagger.v3.oas.annotations.Operation;

/** Towns and streets (专栏10), areas (专栏3, 4, 13) and departments: a page and the JSON API. */
@Controller
@RequestMapping
public class OrgController {

    private final OrgRepository org;
    private final PlanLookup lookup;

    public OrgController(OrgRepository org, PlanLookup lookup) {
        this.org = org;
        this.lookup = lookup;
    }

    @GetMapping("/plans/{plan}/towns")
    String towns(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("towns", org.findByType(p.id(), OrgUnit.Type.TOWN));
        model.addAttribute("areas", org.findByType(p.id(), OrgUnit.Type.AREA));
        model.addAttribute("departments", org.findByType(p.id(), OrgUnit.Type.DEPARTMENT));
        return "org/towns";
    }

    @GetMapping("/api/v1/plans/{plan}/org-units")
    @ResponseBody
    @Operation(summary = "Org units of a plan: CITY, DEPARTMENT, TOWN or AREA")
    public List<OrgUnit> units(@PathVariable String plan, @RequestParam(defaultValue = "TOWN") OrgUnit.Type type) {
        return org.findByType(lookup.require(plan).id(), type);
    }
}
