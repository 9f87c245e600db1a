package cn.lantu.collection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.audit.AuditLog;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;

/**
 * The plan office's responsibilities page (目标责任分工): lead and co-operating units of every indicator, task and
 * project, filtered by unit; defaults confirmed in bulk; and the reporting periods with their due dates.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ResponsibilityAdminController {

    /** Rows shown at once; the filters narrow a longer list. */
    static final int PAGE_ROWS = 300;

    private final Responsibilities responsibilities;
    private final PlanRepository plans;
    private final OrgRepository org;
    private final AuditLog audit;
    private final ReportingPeriods periods;
    private final MessageSource messages;

    ResponsibilityAdminController(Responsibilities responsibilities, PlanRepository plans, OrgRepository org,
                                  AuditLog audit, ReportingPeriods periods, MessageSource messages) {
        this.responsibilities = responsibilities;
        this.plans = plans;
        this.org = org;
        this.audit = audit;
        this.periods = periods;
        this.messages = messages;
    }

    private Plan plan() {
        return plans.findAll().get(0);
    }

    @GetMapping("/admin/responsibilities")
    String page(@RequestParam(defaultValue = "indicator") String kind, @RequestParam(required = false) Long unit,
                @RequestParam(defaultValue = "false") boolean pending, Model model) {
        return list(model, Responsibilities.Kind.of(kind), unit, pending, List.of());
    }

    private String list(Model model, Responsibilities.Kind kind, Long unit, boolean pending, List<Long> chosen) {
        Plan p = plan();
        List<Responsibilities.Item> all = responsibilities.list(p.id(), kind, unit, pending);
        model.addAttribute("kind", kind.slug());
        model.addAttribute("kinds", List.of("indicator", "task", "project"));
        model.addAttribute("unit", unit);
        model.addAttribute("pending", pending);
        model.addAttribute("rows", all.size() > PAGE_ROWS ? all.subList(0, PAGE_ROWS) : all);
        model.addAttribute("total", all.size());
        model.addAttribute("pendingCount", all.stream().filter(Responsibilities.Item::pending).count());
        model.addAttribute("chosen", chosen);
        model.addAttribute("units", org.findByType(p.id(), OrgUnit.Type.DEPARTMENT));
        model.addAttribute("periods", periods.all(p));
        return "admin/responsibilities";
    }

    @GetMapping("/admin/responsibilities/{kind}/{id}")
    String edit(@PathVariable String kind, @PathVariable long id, Model model) {
        Responsibilities.Item item = responsibilities.item(plan().id(), Responsibilities.Kind.of(kind), id);
        return form(model, item, new Responsibilities.Change(item.lead() == null ? null : item.lead().unitId(),
                item.cooperating().stream().map(Responsibilities.Party::unitId).toList(), item.frequency(),
                item.townBreakdown(), item.version()), Map.of());
    }

    @PostMapping("/admin/responsibilities/{kind}/{id}")
    String save(@PathVariable String kind, @PathVariable long id, @RequestParam(required = false) Long lead,
                @RequestParam(required = false) List<Long> cooperating,
                @RequestParam(required = false) String frequency, @RequestParam(required = false) String townBreakdown,
                @RequestParam(required = false) String version, Authentication who, Model model,
                RedirectAttributes flash) {
        Responsibilities.Kind k = Responsibilities.Kind.of(kind);
        Responsibilities.Change change = new Responsibilities.Change(lead, cooperating == null ? List.of() : cooperating,
                frequency, townBreakdown, version);
        Responsibilities.Outcome outcome = responsibilities.save(plan().id(), k, id, change, who.getName());
        if (!outcome.ok()) {
            model.addAttribute("error", text("duty.error.form"));
            return form(model, outcome.saved(), change, outcome.errors());
        }
        flash.addFlashAttribute("message", text("duty.saved", outcome.saved().name()));
        return "redirect:/admin/responsibilities?kind=" + k.slug() + "#item-" + id;
    }

    private String form(Model model, Responsibilities.Item item, Responsibilities.Change entered,
                        Map<String, String> errors) {
        model.addAttribute("item", item);
        model.addAttribute("kind", item.kind().slug());
        model.addAttribute("entered", entered);
        model.addAttribute("errors", errors);
        model.addAttribute("units", org.findByType(plan().id(), OrgUnit.Type.DEPARTMENT));
        model.addAttribute("townRules", Responsibilities.TOWN_RULES);
        return "admin/responsibility-edit";
    }

    /** 确认默认分工: the ticked rows, or every row the filters show. */
    @PostMapping("/admin/responsibilities/confirm")
    String confirm(@RequestParam String kind, @RequestParam(required = false) List<Long> item,
                   @RequestParam(defaultValue = "selected") String scope, @RequestParam(required = false) Long unit,
                   @RequestParam(defaultValue = "false") boolean pending, Authentication who, Model model,
                   RedirectAttributes flash) {
        Responsibilities.Kind k = Responsibilities.Kind.of(kind);
        Plan p = plan();
        List<Long> ids = "shown".equals(scope)
                ? responsibilities.list(p.id(), k, unit, pending).stream().limit(PAGE_ROWS)
                        .map(Responsibilities.Item::id).toList()
                : item == null ? List.of() : item;
        if (ids.isEmpty()) {
            model.addAttribute("confirmError", text("duty.error.noneSelected"));
            return list(model, k, unit, pending, List.of());
        }
        List<Responsibilities.Item> done = responsibilities.confirm(p.id(), k, ids, who.getName());
        flash.addFlashAttribute("message", done.isEmpty() ? text("duty.confirmed.none")
                : text("duty.confirmed", done.size()));
        return "redirect:/admin/responsibilities?kind=" + k.slug() + (unit == null ? "" : "&unit=" + unit)
                + (pending ? "&pending=true" : "");
    }

    @PostMapping("/admin/periods")
    String period(@RequestParam int year, @RequestParam String period, @RequestParam LocalDate dueDate,
                  @RequestParam(defaultValue = "false") boolean open, Authentication auth, RedirectAttributes flash) {
        periods.set(plan(), year, period, dueDate, open);
        audit.record(auth.getName(), "PERIOD_SET", "period:" + cn.lantu.web.Formats.periodZh(year, period),
                FigureApiController.periodDetail(dueDate, open));
        flash.addFlashAttribute("message", "已保存填报期 " + cn.lantu.web.Formats.periodZh(year, period));
        return "redirect:/admin/responsibilities#periods";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    static String frequencyLabel(String f) {
        return f == null ? "" : switch (f) {
            case "MONTHLY" -> "月报";
            case "QUARTERLY" -> "季报";
            case "ANNUAL" -> "年报";
            default -> f;
        };
    }
}
