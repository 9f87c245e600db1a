package cn.lantu.monitoring;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import io.swagger.v3.oas.annotations.Operation;

/** The plan office's annual plan page (年度计划) and its API twin. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AnnualPlanController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AnnualPlan annualPlan;
    private final PlanLookup lookup;

    AnnualPlanController(AnnualPlan annualPlan, PlanLookup lookup) {
        this.annualPlan = annualPlan;
        this.lookup = lookup;
    }

    @GetMapping("/plans/{plan}/annual-plan")
    String page(@PathVariable String plan, @RequestParam(required = false) Integer year, Model model) {
        Plan p = lookup.require(plan);
        int y = year(p, year);
        fill(model, p, y, Map.of(), Map.of());
        return "monitoring/annual-plan";
    }

    @PostMapping("/plans/{plan}/annual-plan")
    String save(@PathVariable String plan, @RequestParam int year, @RequestParam Map<String, String> form,
                Authentication who, Model model, RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        Map<String, String> entered = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("target.")) {
                entered.put(k.substring("target.".length()), v);
            }
        });
        AnnualPlan.Outcome outcome = annualPlan.save(p, year, entered, who.getName());
        if (!outcome.ok()) {
            fill(model, p, year(p, year), entered, outcome.errors());
            model.addAttribute("error", "有" + outcome.errors().size() + "项年度目标填写有误，均未保存，请按提示修改");
            return "monitoring/annual-plan";
        }
        flash.addFlashAttribute("message", year + "年年度目标已保存：修改" + outcome.changed() + "项");
        return "redirect:/plans/" + p.code() + "/annual-plan?year=" + year;
    }

    @GetMapping("/plans/{plan}/annual-plan.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String plan, @RequestParam int year) throws IOException {
        Plan p = lookup.require(plan);
        int y = year(p, year);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(y + "年年度计划.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(annualPlan.workbook(p, y));
    }

    @PostMapping("/plans/{plan}/annual-plan/upload")
    String upload(@PathVariable String plan, @RequestParam int year, @RequestParam("file") MultipartFile file,
                  Authentication who, Model model, RedirectAttributes flash) throws IOException {
        Plan p = lookup.require(plan);
        List<String> problems = new ArrayList<>();
        Map<String, String> entered = file.isEmpty() ? Map.of() : annualPlan.read(file.getBytes(), problems);
        if (file.isEmpty()) {
            problems.add("请选择要上传的年度计划表");
        }
        if (problems.isEmpty()) {
            AnnualPlan.Outcome outcome = annualPlan.save(p, year, entered, who.getName());
            if (outcome.ok()) {
                flash.addFlashAttribute("message", "已从“" + file.getOriginalFilename() + "”导入" + year + "年年度目标：修改"
                        + outcome.changed() + "项");
                return "redirect:/plans/" + p.code() + "/annual-plan?year=" + year;
            }
            outcome.errors().forEach((code, why) -> problems.add(code + "：" + why));
            fill(model, p, year(p, year), entered, outcome.errors());
        } else {
            fill(model, p, year(p, year), Map.of(), Map.of());
        }
        model.addAttribute("uploadProblems", problems);
        model.addAttribute("error", "上传的表格未导入（全部或全不导入），请按下列问题修改后重新上传");
        return "monitoring/annual-plan";
    }

    /** Body of the API's save: indicator code → the year's target (blank leaves it unchanged). */
    public record AnnualPlanBody(Map<String, String> targets) {}

    @GetMapping("/api/v1/plans/{plan}/annual-plan")
    @ResponseBody
    @Operation(summary = "The year's annual plan: each indicator's five-year target, schedule value and annual target")
    public List<AnnualPlan.Line> api(@PathVariable String plan, @RequestParam int year) {
        Plan p = lookup.require(plan);
        return annualPlan.lines(p, year(p, year));
    }

    @PutMapping("/api/v1/plans/{plan}/annual-plan/{year}")
    @ResponseBody
    @Operation(summary = "Save the year's annual targets at once (all or none; field errors by indicator code)")
    public ResponseEntity<Map<String, Object>> saveApi(@PathVariable String plan, @PathVariable int year,
                                                       @RequestBody AnnualPlanBody body, Authentication who) {
        Plan p = lookup.require(plan);
        AnnualPlan.Outcome outcome = annualPlan.save(p, year, body.targets() == null ? Map.of() : body.targets(),
                who.getName());
        return ResponseEntity.status(outcome.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(Map.of("changed", outcome.changed(), "errors", outcome.errors()));
    }

    private void fill(Model model, Plan p, int year, Map<String, String> entered, Map<String, String> errors) {
        model.addAttribute("plan", p);
        model.addAttribute("year", year);
        model.addAttribute("years", IntStream.rangeClosed(p.periodStart(), p.periodEnd()).boxed().toList());
        model.addAttribute("lines", annualPlan.lines(p, year));
        model.addAttribute("entered", entered);
        model.addAttribute("errors", errors);
    }

    private static int year(Plan p, Integer year) {
        if (year == null) {
            return Math.max(p.periodStart(), Math.min(p.periodEnd(), java.time.LocalDate.now().getYear()));
        }
        if (year < p.periodStart() || year > p.periodEnd()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "年份应在规划期" + p.periodStart() + "—" + p.periodEnd() + "年内");
        }
        return year;
    }
}
