package cn.lantu.monitoring;

import java.util.Locale;
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

import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.web.NotFoundException;

/**
 * The plan office's adjustment pages: the revision proposal and the status override on the indicator page (their
 * forms post here; on an error the page comes back with the input and the message beside the field), and the list
 * of the plan's target revisions where a second plan officer approves or rejects them.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PlanAdjustmentController {

    private final PlanLookup lookup;
    private final IndicatorRepository indicators;
    private final TargetRepository targets;
    private final TargetRevisions revisions;
    private final StatusOverrides overrides;
    private final MessageSource messages;
    private final cn.lantu.audit.AuditLog audit;

    PlanAdjustmentController(PlanLookup lookup, IndicatorRepository indicators, TargetRepository targets,
                             TargetRevisions revisions, StatusOverrides overrides, MessageSource messages,
                             cn.lantu.audit.AuditLog audit) {
        this.audit = audit;
        this.lookup = lookup;
        this.indicators = indicators;
        this.targets = targets;
        this.revisions = revisions;
        this.overrides = overrides;
        this.messages = messages;
    }

    @PostMapping("/plans/{plan}/indicators/{code}/target-revisions")
    String propose(@PathVariable String plan, @PathVariable String code, @RequestParam Map<String, String> form,
                   Authentication who, RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        Indicator i = indicator(p, code);
        TargetRevisions.Outcome o = revisions.propose(p, i, new TargetRevisions.Proposal(form.get("value"),
                form.get("reason"), form.get("approval"), form.get("documentDate"), form.get("effectiveYear")),
                who.getName());
        if (o.ok()) {
            flash.addFlashAttribute("message", text("revision.flash.proposed", o.revision().version()));
            return "redirect:/plans/" + p.code() + "/indicators/" + code;
        }
        refused(who, i, "目标调整未提交", o.errors());
        flash.addFlashAttribute("revisionErrors", o.errors());
        flash.addFlashAttribute("revisionForm", form);
        flash.addFlashAttribute("error", text("revision.flash.invalid"));
        return "redirect:/plans/" + p.code() + "/indicators/" + code + "#revision-form";
    }

    @GetMapping("/plans/{plan}/target-revisions")
    String list(@PathVariable String plan, @RequestParam(required = false) RevisionState state, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("state", state);
        model.addAttribute("states", RevisionState.values());
        model.addAttribute("revisions", targets.ofPlan(p.id(), state));
        return "monitoring/target-revisions";
    }

    @PostMapping("/plans/{plan}/target-revisions/{id}/decision")
    String decide(@PathVariable String plan, @PathVariable long id, @RequestParam String decision,
                  @RequestParam(required = false) Integer version, @RequestParam(required = false) String comment,
                  Authentication who, RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        boolean approve = "approve".equals(decision);
        TargetRevisions.Outcome o = revisions.decide(p, id, version, approve, comment, who.getName());
        if (o.ok()) {
            flash.addFlashAttribute("message", text(approve ? "revision.flash.approved" : "revision.flash.rejected",
                    o.revision().indicatorName(), o.revision().version()));
        } else {
            refused(who, "indicator:" + o.revision().indicatorId(), o.revision().indicatorName() + " 目标调整（第"
                    + o.revision().version() + "次）" + (approve ? "批准" : "退回") + "未完成", o.errors());
            flash.addFlashAttribute("decisionErrors", Map.of(id, o.errors()));
            flash.addFlashAttribute("decisionComment", Map.of(id, comment == null ? "" : comment));
            flash.addFlashAttribute("error", String.join("；", o.errors().values()));
        }
        return "redirect:/plans/" + p.code() + "/target-revisions#revision-" + id;
    }

    @PostMapping("/plans/{plan}/indicators/{code}/status-override")
    String override(@PathVariable String plan, @PathVariable String code, @RequestParam Map<String, String> form,
                    Authentication who, RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        Indicator i = indicator(p, code);
        Integer year = integer(form.get("year"));
        StatusOverrides.Outcome o = overrides.override(p, i, year, form.get("status"), form.get("reason"),
                longOrZero(form.get("version")), who.getName());
        if (!o.ok()) {
            refused(who, i, (year == null ? "" : year + "年") + "人工校核未保存", o.errors());
        }
        return back(p, code, year, o, form, flash, "override.flash.saved");
    }

    @PostMapping("/plans/{plan}/indicators/{code}/status-override/withdraw")
    String withdraw(@PathVariable String plan, @PathVariable String code, @RequestParam Map<String, String> form,
                    Authentication who, RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        Indicator i = indicator(p, code);
        Integer year = integer(form.get("year"));
        StatusOverrides.Outcome o = overrides.withdraw(p, i, year, longOrZero(form.get("version")),
                form.get("withdrawReason"), who.getName());
        if (!o.ok()) {
            refused(who, i, (year == null ? "" : year + "年") + "人工校核未撤销", o.errors());
        }
        return back(p, code, year, o, form, flash, "override.flash.withdrawn");
    }

    private String back(Plan p, String code, Integer year, StatusOverrides.Outcome o, Map<String, String> form,
                        RedirectAttributes flash, String done) {
        if (o.ok()) {
            flash.addFlashAttribute("message", text(done, String.valueOf(year)));
        } else {
            flash.addFlashAttribute("overrideErrors", o.errors());
            flash.addFlashAttribute("overrideForm", form);
            flash.addFlashAttribute("error", String.join("；", o.errors().values()));
        }
        // after a save the page opens at the top, where the confirmation is; after an error at the form
        return "redirect:/plans/" + p.code() + "/indicators/" + code + (year == null ? "" : "?year=" + year)
                + (o.ok() ? "" : "#status-override");
    }

    /**
     * A refused attempt is recorded as such: the page answers with a redirect back to the form, which the audit
     * trail's safety net would otherwise log as a successful request.
     */
    private void refused(Authentication who, Indicator i, String what, Map<String, String> errors) {
        refused(who, "indicator:" + i.id(), i.name() + " " + what, errors);
    }

    private void refused(Authentication who, String subject, String what, Map<String, String> errors) {
        audit.record(who.getName(), "ADJUSTMENT_REFUSED", subject, what + "：" + String.join("；", errors.values()));
    }

    private Indicator indicator(Plan p, String code) {
        return indicators.findByCode(p.id(), code).orElseThrow(() -> new NotFoundException("指标不存在: " + code));
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long longOrZero(String s) {
        try {
            return s == null || s.isBlank() ? 0L : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
