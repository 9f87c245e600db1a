package cn.lantu.cockpit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.web.Formats;
import cn.lantu.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The plan office acknowledges a warning (已知悉) with a note, from the cockpit's warning list or through the API;
 * the API also lists every warning with why, since when and who must act.
 */
@Controller
class WarningsController {

    private static final java.util.regex.Pattern BACK =
            java.util.regex.Pattern.compile("/plans/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*(\\?year=\\d{4})?");

    private final PlanLookup lookup;
    private final CockpitController cockpits;
    private final WarningBoard warnings;

    WarningsController(PlanLookup lookup, CockpitController cockpits, WarningBoard warnings) {
        this.lookup = lookup;
        this.cockpits = cockpits;
        this.warnings = warnings;
    }

    @PostMapping("/plans/{plan}/warnings/acknowledge")
    @PreAuthorize("hasRole('ADMIN')")
    String acknowledge(@PathVariable String plan, @RequestParam int year, @RequestParam String subject,
                       @RequestParam String code, @RequestParam(required = false) Integer version,
                       @RequestParam(required = false) String note,
                       @RequestParam(required = false) String back, Authentication who, Locale locale,
                       RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        WarningBoard.Subject s = subject(subject);
        CockpitController.Cockpit c = cockpits.current(p, year);
        // back to the page the form was on (the cockpit, the plan home or a unit page of this plan), nowhere else
        String page = back != null && BACK.matcher(back).matches() && (back.equals("/plans/" + p.code())
                || back.startsWith("/plans/" + p.code() + "/")) ? back : "/plans/" + p.code() + "/cockpit?year=" + c.year();
        String to = "redirect:" + page;
        try {
            WarningBoard.Raised r = warnings.acknowledge(p, c.year(), warnings.of(p, c, locale), s, code, note, version, who.getName());
            flash.addFlashAttribute("message", "已确认知悉“" + r.item().name() + "”的预警，该预警移出预警清单，"
                    + "状态变化时将重新提示");
            return to + "#acknowledged-warnings";
        } catch (WarningBoard.Refused e) {
            // the note is kept and the message shown beside it, in the item's own form
            flash.addFlashAttribute("ackCode", s.name() + "-" + code);
            flash.addFlashAttribute("ackNote", note);
            flash.addFlashAttribute("ackError", e.getMessage());
            return to + "#warning-" + s.name() + "-" + code;
        }
    }

    private static WarningBoard.Subject subject(String s) {
        try {
            return WarningBoard.Subject.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("预警事项类型不存在：" + s);
        }
    }

    @GetMapping(value = "/api/v1/plans/{plan}/warnings", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Every red and yellow warning of the plan for a year: why, since when, who must act, and "
            + "whether the plan office acknowledged it (acknowledged ones are off the top list until the status changes)")
    public List<Map<String, Object>> list(@PathVariable String plan, @RequestParam(required = false) Integer year,
                                          Locale locale) {
        Plan p = lookup.require(plan);
        CockpitController.Cockpit c = cockpits.current(p, year);
        return warnings.of(p, c, locale).all().stream()
                .map(r -> json(c.year(), r)).toList();
    }

    /** Body of the API acknowledgement: the year, the note and the version of the acknowledgement seen (0 if none). */
    public record AckBody(Integer year, String note, Integer version) {}

    @PostMapping(value = "/api/v1/plans/{plan}/warnings/{subject}/{code}/acknowledgement", produces = "application/json")
    @ResponseBody
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Acknowledge a warning (已知悉) with a note: it stays listed, marked, but leaves the top list "
            + "until its status changes. 422 with field errors for a missing note; 409 when the version is stale.")
    public ResponseEntity<Map<String, Object>> acknowledgeApi(@PathVariable String plan, @PathVariable String subject,
                                                              @PathVariable String code, @RequestBody AckBody body,
                                                              Authentication who, Locale locale) {
        Plan p = lookup.require(plan);
        WarningBoard.Subject s = subject(subject);
        CockpitController.Cockpit c = cockpits.current(p, body.year());
        try {
            WarningBoard.Raised r = warnings.acknowledge(p, c.year(), warnings.of(p, c, locale), s, code, body.note(), body.version(), who.getName());
            return ResponseEntity.ok(json(c.year(), r));
        } catch (WarningBoard.Refused e) {
            HttpStatus status = "version".equals(e.field) ? HttpStatus.CONFLICT
                    : "warning".equals(e.field) ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY;
            return ResponseEntity.status(status).body(Map.of("errors", Map.of(e.field, e.getMessage())));
        }
    }

    private static Map<String, Object> json(int year, WarningBoard.Raised r) {
        Map<String, Object> out = new LinkedHashMap<>();
        WarningBoard.Item it = r.item();
        out.put("year", year);
        out.put("subject", it.subject().name());
        out.put("code", it.code());
        out.put("name", it.name());
        out.put("level", it.level().name());
        out.put("status", it.statusKey());
        out.put("why", it.why());
        out.put("since", r.since().toString());
        out.put("sinceText", Formats.dateZh(r.since()));
        out.put("lead", it.lead());
        out.put("acknowledged", r.acknowledged());
        out.put("version", r.version());
        if (r.ack() != null) {
            out.put("note", r.ack().note());
            out.put("acknowledgedBy", r.ack().by());
            out.put("acknowledgedAt", r.ack().at().toString());
        }
        return out;
    }
}
