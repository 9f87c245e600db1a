package cn.lantu.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reports as documents, the office's narrative, saved versions and the published ones. */
@RestController
@Tag(name = "reports", description = "评估报告")
public class ReportApiController {

    private final ReportService reports;
    private final PlanLookup lookup;

    public ReportApiController(ReportService reports, PlanLookup lookup) {
        this.reports = reports;
        this.lookup = lookup;
    }

    @GetMapping("/api/v1/plans/{plan}/reports/{type}")
    @Operation(summary = "Generate a report (annual|midterm|final) as docx (default), pdf or html from the approved data as of now")
    public ResponseEntity<byte[]> generate(@PathVariable String plan, @PathVariable String type,
                                           @RequestParam(required = false) Integer year,
                                           @RequestParam(required = false) String format) {
        Plan p = lookup.require(plan);
        return send(reports.generate(p, ReportType.of(type), year, ReportService.Format.of(format)), false);
    }

    /** The office's text for a section. */
    public record NarrativeRequest(String text) {}

    @GetMapping("/api/v1/plans/{plan}/reports/{type}/narratives")
    @Operation(summary = "The office's saved narrative by section, and the section keys")
    public Map<String, Object> narratives(@PathVariable String plan, @PathVariable String type,
                                          @RequestParam(required = false) Integer year) {
        Plan p = lookup.require(plan);
        ReportType t = ReportType.of(type);
        int y = reports.year(p, t, year);
        return Map.of("year", y, "sections", reports.sections(), "narratives", reports.narratives(p, t, y));
    }

    @PutMapping("/api/v1/plans/{plan}/reports/{type}/narratives/{section}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Save the office's text for a section (plan office only); empty text restores the default")
    public Map<String, String> saveNarrative(@PathVariable String plan, @PathVariable String type,
                                             @PathVariable String section, @RequestParam(required = false) Integer year,
                                             @RequestBody NarrativeRequest body, Authentication who) {
        Plan p = lookup.require(plan);
        ReportType t = ReportType.of(type);
        reports.saveNarrative(p, t, year, section, body.text(), who.getName());
        return reports.narratives(p, t, reports.year(p, t, year));
    }

    @PostMapping("/api/v1/plans/{plan}/reports/{type}/versions")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Save a version of the report: who, when, the data as of now and the narrative")
    public ReportRepository.Version saveVersion(@PathVariable String plan, @PathVariable String type,
                                                @RequestParam(required = false) Integer year, Authentication who) {
        return reports.saveVersion(lookup.require(plan), ReportType.of(type), year, who.getName());
    }

    @GetMapping("/api/v1/plans/{plan}/reports/{type}/versions")
    @Operation(summary = "The saved versions of a report, newest first")
    public List<ReportRepository.Version> versions(@PathVariable String plan, @PathVariable String type,
                                                   @RequestParam(required = false) Integer year) {
        return reports.versions(lookup.require(plan), ReportType.of(type), year);
    }

    @GetMapping("/api/v1/reports/versions/{id}")
    @Operation(summary = "A saved version as a document, regenerated from the data as of its as-of time")
    public ResponseEntity<byte[]> version(@PathVariable long id, @RequestParam(required = false) String format,
                                          Authentication who) {
        // a version not yet published is for the plan office, the leadership and the supervisors (人大, 审计), not
        // for the departments that report into it
        boolean reader = who != null && who.getAuthorities().stream().map(g -> g.getAuthority()).anyMatch(g ->
                g.equals("ROLE_ADMIN") || g.equals("ROLE_LEADER") || g.equals("ROLE_SUPERVISOR"));
        if (!reader && !reports.version(id).published()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN,
                    "该报告版本尚未发布，只有规划办、领导和监督用户可以查看");
        }
        return send(reports.renderVersion(id, ReportService.Format.of(format)), false);
    }

    @GetMapping("/api/v1/reports/versions/{id}/public-preview")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "A saved version as the public would read it once published: only published indicators")
    public ResponseEntity<byte[]> publicPreview(@PathVariable long id, @RequestParam(required = false) String format) {
        return send(reports.render(reports.publicPreview(id).document(), ReportService.Format.of(format)), false);
    }

    @PostMapping("/api/v1/reports/versions/{id}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Publish a saved version on the public portal (plan office only)")
    public ReportRepository.Version publish(@PathVariable long id, Authentication who) {
        reports.publish(id, who.getName());
        return reports.version(id);
    }

    @GetMapping("/api/v1/public/reports")
    @Operation(summary = "Published reports (public)")
    public List<ReportRepository.Version> published() {
        return reports.published();
    }

    @GetMapping("/api/v1/public/reports/{id}")
    @Operation(summary = "A published report as a document (public)")
    public ResponseEntity<byte[]> publishedDocument(@PathVariable long id, @RequestParam(required = false) String format) {
        return send(reports.renderPublished(id, ReportService.Format.of(format == null ? "pdf" : format)), false);
    }

    static ResponseEntity<byte[]> send(ReportService.Rendered r, boolean inline) {
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.CONTENT_TYPE, r.format().contentType());
        if (r.format() != ReportService.Format.HTML) {
            h.setContentDisposition((inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                    .filename(r.fileName(), StandardCharsets.UTF_8).build());
        }
        h.set("X-Report-As-Of", r.document().asOf().toString());
        if (r.document().demo()) {
            h.set("X-Demo-Data", "true");
        }
        return new ResponseEntity<>(r.bytes(), h, HttpStatus.OK);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(CjkFonts.MissingFontException.class)
    ResponseEntity<Map<String, String>> noFont(CjkFonts.MissingFontException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage()));
    }

    static ResponseStatusException notFound(String m) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, m);
    }
}
