package cn.lantu.plan;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.lantu.web.NotFoundException;

/** Pages: the list of plans, the outline tree with full text, and the columns (专栏). */
@Controller
public class PlanController {

    private final PlanRepository plans;
    private final PlanLookup lookup;

    public PlanController(PlanRepository plans, PlanLookup lookup) {
        this.plans = plans;
        this.lookup = lookup;
    }

    @GetMapping("/plans")
    String list(Model model) {
        model.addAttribute("plans", plans.findAll());
        return "plan/list";
    }

    @GetMapping("/plans/{plan}/outline")
    String outline(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        List<OutlineNode> nodes = plans.nodes(p.id());
        model.addAttribute("plan", p);
        model.addAttribute("nodes", OutlineView.of(nodes));
        model.addAttribute("toc", nodes.stream()
                .filter(n -> "CHAPTER".equals(n.type()) || "SECTION".equals(n.type()) || n.isColumn()).toList());
        model.addAttribute("corrections", plans.corrections(p.id()));
        return "plan/outline";
    }

    @GetMapping("/plans/{plan}/columns")
    String columns(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("columns", plans.nodesOfType(p.id(), "COLUMN"));
        return "plan/columns";
    }

    @GetMapping("/plans/{plan}/columns/{number}")
    String column(@PathVariable String plan, @PathVariable String number, Model model) {
        Plan p = lookup.require(plan);
        OutlineNode column = plans.nodesOfType(p.id(), "COLUMN").stream()
                .filter(c -> number.equals(c.number())).findFirst()
                .orElseThrow(() -> new NotFoundException("专栏 " + number));
        model.addAttribute("plan", p);
        model.addAttribute("column", column);
        model.addAttribute("nodes", OutlineView.of(plans.subtree(p.id(), column.key())));
        return "plan/column";
    }
}
