package cn.lantu.workbench;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.plan.PlanRepository;
import cn.lantu.security.Actor;
import cn.lantu.security.Role;
import cn.lantu.security.UserRepository;
import cn.lantu.web.Formats;
import cn.lantu.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;

/**
 * 我的工作: where everyone lands after login. A reporter sees its unit's figures to report and its task deadlines,
 * an approver its sign-off queue (and its unit's own work), the plan office the overview of what waits for it;
 * a leader is sent on to the cockpit and a supervisor to the reports.
 */
@Controller
class WorkController {

    private final MyWork work;
    private final UserRepository users;
    private final PlanRepository plans;
    private final PlanLookup lookup;
    private final OrgRepository org;

    WorkController(MyWork work, UserRepository users, PlanRepository plans, PlanLookup lookup, OrgRepository org) {
        this.work = work;
        this.users = users;
        this.plans = plans;
        this.lookup = lookup;
        this.org = org;
    }

    /** The plan asked for, else the plan of the user's unit, else the first plan; empty when there is none. */
    private Optional<Plan> plan(String code, Actor a) {
        if (code != null && !code.isBlank()) {
            return Optional.of(lookup.require(code));
        }
        Optional<Plan> own = a.orgUnitId() == null ? Optional.empty()
                : org.findById(a.orgUnitId()).map(OrgUnit::planId).flatMap(plans::findById);
        return own.or(() -> plans.findAll().stream().findFirst());
    }

    @GetMapping("/work")
    String page(@RequestParam(required = false) String plan, Authentication auth, Model model) {
        Actor a = Actor.current(users);
        Optional<Plan> p = plan(plan, a);
        if (p.isEmpty()) {
            return "redirect:/plans";
        }
        if (a.role() == Role.LEADER || a.role() == Role.SUPERVISOR || a.role().systemAdministration()) {
            return "redirect:" + MyWork.home(a.role(), p.get());
        }
        LocalDate today = LocalDate.now(Formats.ZONE);
        model.addAttribute("plan", p.get());
        model.addAttribute("work", work.of(a, p.get(), today));
        model.addAttribute("maxListed", MyWork.MAX_LISTED);
        return "workbench/work";
    }

    @GetMapping(value = "/api/v1/work", produces = "application/json")
    @ResponseBody
    @Operation(summary = "What waits for the signed-in user (the page 我的工作): figures to report and task deadlines "
            + "of the user's unit, the approver's or plan office's review queue, the plan office's overview; "
            + "home is the page the user lands on after login")
    MyWork.Work api(@RequestParam(required = false) String plan) {
        Actor a = Actor.current(users);
        Plan p = plan(plan, a).orElseThrow(() -> new NotFoundException("没有规划"));
        return work.of(a, p, LocalDate.now(Formats.ZONE));
    }
}
