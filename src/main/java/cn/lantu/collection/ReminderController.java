package cn.lantu.collection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.notify.Notifier;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 催报 from the overdue list (page and API), and a unit's reminder history as JSON. */
@Controller
@Tag(name = "reporting", description = "数据填报")
class ReminderController {

    private final PlanLookup lookup;
    private final Reminders reminders;
    private final ReportingAccess access;
    private final OrgRepository org;

    ReminderController(PlanLookup lookup, Reminders reminders, ReportingAccess access, OrgRepository org) {
        this.lookup = lookup;
        this.reminders = reminders;
        this.access = access;
        this.org = org;
    }

    @PostMapping("/plans/{plan}/reporting/reminders")
    @PreAuthorize("hasRole('ADMIN')")
    String send(@PathVariable String plan, @RequestParam(required = false) List<String> targets,
                @RequestParam(required = false) List<String> channels, @RequestParam(required = false) String note,
                Authentication auth, RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        List<Notifier.Channel> chosen = new ArrayList<>();
        for (String c : channels == null ? List.<String>of() : channels) {
            for (Notifier.Channel known : Notifier.Channel.values()) {
                if (known.name().equals(c)) {
                    chosen.add(known);
                }
            }
        }
        try {
            Reminders.Sent sent = reminders.send(p, access.actor(auth), new Reminders.Request(targets, chosen, note),
                    Instant.now());
            flash.addFlashAttribute("message", "已催报 " + sent.reminded() + " 个单位" + (sent.withoutAccounts().isEmpty()
                    ? "" : "；" + String.join("、", sent.withoutAccounts()) + " 没有填报人或审核人账号，未能催报"));
        } catch (ReportingException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (Object o : e.problems()) {
                if (o instanceof FigureChecks.FieldError fe) {
                    errors.merge(fe.field(), fe.message(), (a, b) -> a + "；" + b);
                }
            }
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("reminderErrors", errors);
            flash.addFlashAttribute("chosenTargets", targets == null ? List.of() : targets);
            flash.addFlashAttribute("chosenChannels", channels == null ? List.of() : channels);
            flash.addFlashAttribute("enteredNote", note);
        }
        return "redirect:/plans/" + p.code() + "/reporting/calendar#overdue";
    }

    @PostMapping("/api/v1/plans/{plan}/reporting/reminders")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseBody
    @Operation(summary = "催报: remind the chosen units (targets \"<unit id>:<year>:<period>\" from the overdue list) "
            + "through the chosen channels (APP, MAIL, WEBHOOK); 422 with the problems by field")
    Reminders.Sent sendApi(@PathVariable String plan, @RequestBody Reminders.Request request, Authentication auth) {
        return reminders.send(lookup.require(plan), access.actor(auth), request, Instant.now());
    }

    @GetMapping("/api/v1/plans/{plan}/units/{code}/reminders")
    @ResponseBody
    @Operation(summary = "The reminders sent to a unit, newest first, with whether it answered (submitted after)")
    List<Reminders.Reminder> history(@PathVariable String plan, @PathVariable String code, Authentication auth) {
        Plan p = lookup.require(plan);
        OrgUnit unit = org.findByCode(p.id(), code).orElseThrow(() -> new ReportingException(404, "单位不存在"));
        List<Reminders.Reminder> out = reminders.historyFor(access.actor(auth), p, unit.id());
        if (out == null) {
            throw ReportingException.forbidden("无权查看其他单位的催报记录");
        }
        return out;
    }
}
