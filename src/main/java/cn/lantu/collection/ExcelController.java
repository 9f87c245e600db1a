package cn.lantu.collection;

import cn.lantu.security.Actor;
import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import io.swagger.v3.oas.annotations.Operation;

/** Excel template download and upload (JSON answers; the reporting page posts here too). */
@RestController
class ExcelController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ExcelService excel;
    private final ReportingAccess access;
    private final PlanLookup lookup;
    private final BulkFigureImport bulk;
    private final io.micrometer.core.instrument.Timer uploads;
    private final ImportGate gate;
    private final BulkImportJobs jobs;

    ExcelController(ExcelService excel, ReportingAccess access, PlanLookup lookup, BulkFigureImport bulk,
                    io.micrometer.core.instrument.MeterRegistry meters, ImportGate gate, BulkImportJobs jobs) {
        this.jobs = jobs;
        this.bulk = bulk;
        this.gate = gate;
        this.uploads = io.micrometer.core.instrument.Timer.builder("lantu.import.duration")
                .description("Duration of data imports").tag("source", "template-xlsx").register(meters);
        this.excel = excel;
        this.access = access;
        this.lookup = lookup;
    }

    @GetMapping("/api/v1/plans/{plan}/reporting/template.xlsx")
    @Operation(summary = "Pre-filled .xlsx template for one org unit and period")
    ResponseEntity<byte[]> template(@PathVariable String plan, @RequestParam(required = false) String unit,
                                    @RequestParam int year, @RequestParam(defaultValue = "Y") String period,
                                    Authentication auth) throws IOException {
        Plan p = lookup.require(plan);
        Actor a = access.actor(auth);
        Queries.requireYearAndPeriod(p, year, period, false);
        FigureService.requireText("单位代码", unit, FigureValidator.MAX_CODE);
        byte[] bytes = excel.template(p, a, unit, year, period);
        String name = "lantu-" + (unit == null ? "unit" : unit) + "-" + year + "-" + period + ".xlsx";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(bytes);
    }

    @PostMapping(value = "/api/v1/plans/{plan}/reporting/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a filled template: all-or-nothing, idempotent; problems listed with sheet/row/column")
    ExcelService.Result upload(@PathVariable String plan, @RequestParam("file") MultipartFile file,
                               Authentication auth) throws IOException {
        Plan p = lookup.require(plan);
        Actor a = access.actor(auth);
        if (file.getSize() > excel.maxBytes()) {
            throw new ReportingException(413, ExcelImport.TOO_LARGE + "（上限 " + excel.maxBytes() / 1024 + " KB）");
        }
        return gate.run(() -> {
            byte[] bytes = file.getBytes();
            return uploads.record(() -> excel.upload(p, a, file.getOriginalFilename(), bytes));
        });
    }

    @GetMapping("/api/v1/plans/{plan}/reporting/bulk-template.xlsx")
    @Operation(summary = "Empty .xlsx for the plan office's bulk import (指标代码, 单位代码, 年份, 期间, 数值, 说明)")
    ResponseEntity<byte[]> bulkTemplate(@PathVariable String plan, Authentication auth) throws IOException {
        Plan p = lookup.require(plan);
        if (access.actor(auth).role() != cn.lantu.security.Role.ADMIN) {
            throw ReportingException.forbidden("批量导入仅限规划办（管理员）");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lantu-bulk-" + p.code() + ".xlsx\"")
                .body(bulk.template(p));
    }

    @PostMapping(value = "/api/v1/plans/{plan}/reporting/bulk-upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Plan office bulk import of approved figures (up to 200,000 rows): all-or-nothing, "
            + "idempotent, every change kept as a revision")
    BulkFigureImport.Result bulkUpload(@PathVariable String plan, @RequestParam("file") MultipartFile file,
                                       Authentication auth) throws IOException {
        Plan p = lookup.require(plan);
        Actor a = access.actor(auth);
        if (file.getSize() > bulk.maxBytes()) {
            throw new ReportingException(413, ExcelImport.TOO_LARGE + "（上限 " + bulk.maxBytes() / 1024 + " KB）");
        }
        if (a.role() != cn.lantu.security.Role.ADMIN) {
            throw ReportingException.forbidden("批量导入仅限规划办（管理员）");
        }
        return gate.run(() -> bulk.importFile(p, a, file.getOriginalFilename(), file.getBytes()));
    }

    @PostMapping(value = "/api/v1/plans/{plan}/reporting/bulk-jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Start a bulk import in the background (the import page's way): answers 202 with the job; "
            + "poll it until running is false. One job per user at a time (409); 429 when imports are at their limit")
    ResponseEntity<BulkImportJobs.View> startBulkJob(@PathVariable String plan, @RequestParam("file") MultipartFile file,
                                                    Authentication auth) throws IOException {
        Plan p = lookup.require(plan);
        Actor a = access.actor(auth);
        if (file.getSize() > bulk.maxBytes()) {
            throw new ReportingException(413, ExcelImport.TOO_LARGE + "（上限 " + bulk.maxBytes() / 1024 + " KB）");
        }
        BulkImportJobs.Job job = jobs.start(p, a, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/api/v1/plans/" + p.code()
                + "/reporting/bulk-jobs/" + job.id).body(job.view());
    }

    @GetMapping("/api/v1/plans/{plan}/reporting/bulk-jobs/{id}")
    @Operation(summary = "A bulk import job: phase (READING, CHECKING, WRITING, DONE, FAILED), rows read of the rows "
            + "the sheet declares, then the result (rows written, unchanged) or every problem by sheet, row and column")
    BulkImportJobs.View bulkJob(@PathVariable String plan, @PathVariable String id, Authentication auth) {
        lookup.require(plan);
        return jobs.get(id, access.actor(auth)).view();
    }
}
