package cn.lantu.reporting;

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

    ExcelController(ExcelService excel, ReportingAccess access, PlanLookup lookup) {
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
        return excel.upload(p, a, file.getOriginalFilename(), file.getBytes());
    }
}
