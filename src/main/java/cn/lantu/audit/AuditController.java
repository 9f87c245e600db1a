package cn.lantu.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrators' view of the audit log: filterable, exportable to CSV, read-only. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String q, @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to, Model model) {
        model.addAttribute("entries", audit.find(filter(actor, action, q, from, to), 500));
        model.addAttribute("actions", audit.actions());
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("q", q);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("retentionDays", audit.retentionDays());
        return "admin/audit";
    }

    /** Recomputes the hash chain and shows the result on the audit page. */
    @GetMapping("/admin/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", audit.verify());
        return page(null, null, null, null, null, model);
    }

    @GetMapping("/admin/audit.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String actor,
                               @RequestParam(required = false) String action,
                               @RequestParam(required = false) String q, @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to) {
        List<AuditLog.Entry> entries = audit.find(filter(actor, action, q, from, to), 0);
        StringBuilder sb = new StringBuilder("\uFEFFid,logged_at,actor,action,subject,detail\r\n");
        for (AuditLog.Entry e : entries) {
            sb.append(e.id()).append(',').append(e.loggedAt()).append(',').append(csv(e.actor())).append(',')
                    .append(csv(e.action())).append(',').append(csv(e.subject())).append(',')
                    .append(csv(e.detail())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
                .body(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static AuditLog.Filter filter(String actor, String action, String q, LocalDate from, LocalDate to) {
        Instant f = from == null ? null : from.atStartOfDay(ZONE).toInstant();
        Instant t = to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant();
        return new AuditLog.Filter(actor, action, q, f, t);
    }

    /** RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with a quote. */
    static String csv(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
