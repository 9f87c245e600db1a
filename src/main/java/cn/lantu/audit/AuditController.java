package cn.lantu.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
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
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditController {

    private static final ZoneId ZONE = cn.lantu.web.Formats.ZONE;

    private final AuditLog audit;
    private final AuditText text;

    AuditController(AuditLog audit, AuditText text) {
        this.audit = audit;
        this.text = text;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String q, @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("entries", audit.find(filter(actor, action, q, from, to), 500).stream()
                .map(e -> text.row(e, locale)).toList());
        Map<String, String> actions = new LinkedHashMap<>();
        audit.actions().forEach(a -> actions.put(a, text.action(a, locale)));
        model.addAttribute("actions", actions);
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
        Locale locale = LocaleContextHolder.getLocale();
        boolean en = locale.getLanguage().equals("en");
        StringBuilder sb = new StringBuilder("\uFEFF").append(en ? "No.,Time (Beijing),User,Action,Subject,Detail"
                : "序号,时间（北京时间）,操作人,操作,对象,内容").append("\r\n");
        for (AuditLog.Entry e : entries) {
            AuditText.Row r = text.row(e, locale);
            sb.append(r.id()).append(',').append(csv(r.time())).append(',').append(csv(r.actor())).append(',')
                    .append(csv(r.action())).append(',').append(csv(r.subject())).append(',')
                    .append(csv(r.detail())).append("\r\n");
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
