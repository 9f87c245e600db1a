package cn.lantu.collection;

import java.io.IOException;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.security.Actor;

/**
 * The plan office's bulk import page (批量导入): upload the yearbook workbook, watch the rows being read and
 * checked (the job page polls its progress with htmx), then read the result: rows written and unchanged, or every
 * problem by row and column with nothing written. The JSON twin is in {@link ExcelController}.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class BulkImportController {

    /** The steps the page shows while a job runs. */
    static final java.util.List<String> PHASES = java.util.List.of("READING", "CHECKING", "WRITING");

    private final BulkImportJobs jobs;
    private final BulkFigureImport bulk;
    private final ReportingAccess access;
    private final PlanLookup lookup;
    private final org.springframework.context.MessageSource messages;

    BulkImportController(BulkImportJobs jobs, BulkFigureImport bulk, ReportingAccess access, PlanLookup lookup,
                         org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.jobs = jobs;
        this.bulk = bulk;
        this.access = access;
        this.lookup = lookup;
    }

    @GetMapping("/plans/{plan}/reporting/bulk")
    String page(@PathVariable String plan, Authentication auth, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("headers", BulkFigureImport.HEADERS);
        model.addAttribute("letters", java.util.stream.IntStream.range(0, BulkFigureImport.HEADERS.size())
                .mapToObj(org.apache.poi.ss.util.CellReference::convertNumToColString).toList());
        model.addAttribute("sheet", BulkFigureImport.SHEET);
        model.addAttribute("maxRows", BulkFigureImport.MAX_ROWS);
        model.addAttribute("maxKb", bulk.maxBytes() / 1024);
        BulkImportJobs.Job latest = jobs.latest(access.actor(auth));
        model.addAttribute("latest", latest == null ? null : latest.view());
        return "collection/bulk";
    }

    @PostMapping("/plans/{plan}/reporting/bulk")
    String upload(@PathVariable String plan, @RequestParam(value = "file", required = false) MultipartFile file,
                  Authentication auth, Model model, RedirectAttributes flash) throws IOException {
        Plan p = lookup.require(plan);
        Actor a = access.actor(auth);
        String problem = fileProblem(file);
        if (problem == null) {
            try {
                BulkImportJobs.Job job = jobs.start(p, a, file.getOriginalFilename(), file.getBytes());
                flash.addFlashAttribute("message", text("bulk.started", job.fileName));
                return "redirect:/plans/" + p.code() + "/reporting/bulk/jobs/" + job.id;
            } catch (ReportingException e) {
                problem = e.getMessage();
            }
        }
        model.addAttribute("fileError", problem);
        return page(plan, auth, model);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** What is wrong with the chosen file before it is read, or null. */
    private String fileProblem(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return text("bulk.file.missing");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".xlsx")) {
            return text("bulk.file.notXlsx");
        }
        if (file.getSize() > bulk.maxBytes()) {
            return text("bulk.file.tooLarge", bulk.maxBytes() / 1024);
        }
        return null;
    }

    @GetMapping("/plans/{plan}/reporting/bulk/jobs/{id}")
    String job(@PathVariable String plan, @PathVariable String id, Authentication auth, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("job", job(id, auth).view());
        model.addAttribute("phases", PHASES);
        return "collection/bulk-job";
    }

    /** The progress panel alone: polled by the job page every second while the job runs. */
    @GetMapping("/plans/{plan}/reporting/bulk/jobs/{id}/progress")
    String progress(@PathVariable String plan, @PathVariable String id, Authentication auth, Model model) {
        model.addAttribute("plan", lookup.require(plan));
        model.addAttribute("job", job(id, auth).view());
        model.addAttribute("phases", PHASES);
        return "collection/bulk-job :: progress";
    }

    private BulkImportJobs.Job job(String id, Authentication auth) {
        try {
            return jobs.get(id, access.actor(auth));
        } catch (ReportingException e) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
