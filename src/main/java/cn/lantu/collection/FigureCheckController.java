package cn.lantu.collection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;

/** The plan office's page of checks (校验规则): list, add, edit, delete, and the figures that break them. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class FigureCheckController {

    private final PlanLookup lookup;
    private final FigureChecks checks;
    private final FigureCheckViolations violations;
    private final ReportingAccess access;
    private final IndicatorRepository indicators;
    private final OrgRepository org;

    FigureCheckController(PlanLookup lookup, FigureChecks checks, FigureCheckViolations violations,
                          ReportingAccess access, IndicatorRepository indicators, OrgRepository org) {
        this.lookup = lookup;
        this.checks = checks;
        this.violations = violations;
        this.access = access;
        this.indicators = indicators;
        this.org = org;
    }

    @GetMapping("/plans/{plan}/checks")
    String page(@PathVariable String plan, @RequestParam(required = false) Long edit, Model model) {
        Plan p = lookup.require(plan);
        Map<String, String> form = new LinkedHashMap<>();
        if (edit != null) {
            checks.find(edit).filter(c -> c.planId() == p.id()).ifPresent(c -> form.putAll(formOf(c)));
        }
        return render(p, form, Map.of(), model);
    }

    private String render(Plan p, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("plan", p);
        model.addAttribute("checks", checks.all(p));
        model.addAttribute("indicators", indicators.findByPlan(p.id()));
        List<OrgUnit> units = new ArrayList<>(org.findByType(p.id(), OrgUnit.Type.CITY));
        units.addAll(org.findByType(p.id(), OrgUnit.Type.TOWN));
        model.addAttribute("units", units);
        model.addAttribute("types", FigureCheck.Type.values());
        model.addAttribute("severities", FigureCheck.Severity.values());
        model.addAttribute("comparators", FigureCheck.Comparator.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "collection/checks";
    }

    @PostMapping("/plans/{plan}/checks")
    String save(@PathVariable String plan, @RequestParam Map<String, String> params, Authentication auth,
                Model model, RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        Map<String, String> errors = new LinkedHashMap<>();
        FigureChecks.Draft d = new FigureChecks.Draft(params.get("indicator"), params.get("unit"),
                parse(FigureCheck.Type.class, params.get("type")), number(params, "min", errors),
                number(params, "max", errors), number(params, "maxChange", errors),
                parse(FigureCheck.Comparator.class, params.get("comparator")), params.get("otherIndicator"),
                parse(FigureCheck.Severity.class, params.get("severity")), params.get("message"),
                params.get("version") == null || params.get("version").isBlank() ? null
                        : Integer.valueOf(params.get("version")));
        String id = params.get("id");
        try {
            if (!errors.isEmpty()) {
                throw ReportingException.invalid("校验规则有误", List.of());
            }
            FigureCheck saved = id == null || id.isBlank() ? checks.create(p, access.actor(auth), d)
                    : checks.update(p, access.actor(auth), Long.parseLong(id), d);
            flash.addFlashAttribute("message", "已保存校验规则：" + saved.rule());
            return "redirect:/plans/" + p.code() + "/checks";
        } catch (ReportingException e) {
            for (Object o : e.problems()) {
                if (o instanceof FigureChecks.FieldError fe) {
                    errors.putIfAbsent(fe.field(), fe.message());
                }
            }
            if (errors.isEmpty()) {
                errors.put("form", e.getMessage());
            }
            model.addAttribute("error", e.getMessage());
            return render(p, params, errors, model);
        }
    }

    @PostMapping("/plans/{plan}/checks/{id}/delete")
    String delete(@PathVariable String plan, @PathVariable long id, @RequestParam(required = false) Integer version,
                  Authentication auth, RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        try {
            checks.delete(p, access.actor(auth), id, version);
            flash.addFlashAttribute("message", "已删除校验规则");
        } catch (ReportingException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/plans/" + p.code() + "/checks";
    }

    @GetMapping("/plans/{plan}/checks/violations")
    String violations(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("found", violations.find(p));
        return "collection/check-violations";
    }

    private static Map<String, String> formOf(FigureCheck c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", String.valueOf(c.id()));
        f.put("version", String.valueOf(c.version()));
        f.put("indicator", c.indicatorCode());
        f.put("unit", c.orgUnitCode() == null ? "" : c.orgUnitCode());
        f.put("otherIndicator", c.otherIndicatorCode() == null ? "" : c.otherIndicatorCode());
        f.put("type", c.type().name());
        f.put("min", c.min() == null ? "" : FigureValidator.fmt(c.min()));
        f.put("max", c.max() == null ? "" : FigureValidator.fmt(c.max()));
        f.put("maxChange", c.maxChange() == null ? "" : FigureValidator.fmt(c.maxChange()));
        f.put("comparator", c.comparator() == null ? "" : c.comparator().name());
        f.put("severity", c.severity().name());
        f.put("message", c.message());
        return f;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s) {
        try {
            return s == null || s.isBlank() ? null : Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Double number(Map<String, String> params, String field, Map<String, String> errors) {
        String s = params.get(field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "“" + FigureValidator.cut(s, 20) + "”不是数字");
            return null;
        }
    }
}
