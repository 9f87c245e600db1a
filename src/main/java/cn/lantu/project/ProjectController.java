package cn.lantu.project;

import cn.lantu.security.Actor;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.security.UserRepository;
import cn.lantu.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;

/** The project portfolio by 专栏8 domain, project pages, investment reports, Excel round trip and JSON API. */
@Controller
public class ProjectController {

    private final ProjectRepository projects;
    private final ProjectService service;
    private final ProjectExcel excel;
    private final PlanLookup lookup;
    private final UserRepository users;
    private final MessageSource messages;

    public ProjectController(ProjectRepository projects, ProjectService service, ProjectExcel excel,
                             PlanLookup lookup, UserRepository users, MessageSource messages) {
        this.projects = projects;
        this.service = service;
        this.excel = excel;
        this.lookup = lookup;
        this.users = users;
        this.messages = messages;
    }

    private int year(Plan p, Integer year) {
        return year == null ? service.defaultYear(p) : year;
    }

    @GetMapping("/plans/{plan}/projects")
    String page(@PathVariable String plan, @RequestParam(required = false) Integer year, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("portfolio", service.portfolio(p.id(), year(p, year), service.today()));
        model.addAttribute("isAdmin", Actor.current(users).admin());
        return "project/portfolio";
    }

    @GetMapping("/plans/{plan}/projects/{code}")
    String project(@PathVariable String plan, @PathVariable String code, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) Long edit, Model model) {
        Plan p = lookup.require(plan);
        ProjectDetail d = projects.detail(p.id(), code).orElseThrow(() -> new NotFoundException("项目不存在: " + code));
        int y = year(p, year);
        double done = projects.approvedAmounts(p.id(), y).getOrDefault(d.id(), 0.0);
        Actor a = Actor.current(users);
        // reports not yet approved are read by the plan office and the project's department only
        boolean drafts = a.admin() || a.mayReportFor(d.deptId());
        List<InvestmentReport> reports = projects.reportsOfProject(d.id()).stream()
                .filter(r -> drafts || r.state() == ReportState.APPROVED).toList();
        Map<Long, List<InvestmentReport.Revision>> history = new LinkedHashMap<>();
        reports.forEach(r -> history.put(r.id(), projects.reportRevisions(r.id()).stream()
                .filter(v -> drafts || v.state() == ReportState.APPROVED).toList()));
        model.addAttribute("plan", p);
        model.addAttribute("project", d);
        model.addAttribute("status", service.status(d, done, y, service.today()));
        model.addAttribute("reports", reports);
        model.addAttribute("history", history);
        model.addAttribute("year", y);
        model.addAttribute("mayReport", a.mayReportFor(d.deptId()));
        model.addAttribute("maySignOff", a.maySignOffFor(d.deptId()));
        model.addAttribute("isAdmin", a.admin());
        model.addAttribute("stages", Project.Stage.values());
        model.addAttribute("today", service.today());
        // a refused form comes back as flash attributes: what was typed and what is wrong, field by field
        // "修改" on a draft or returned report brings it into the form with the version it was read at
        InvestmentReport editing = reports.stream().filter(r -> edit != null && r.id() == edit
                && r.state().editable() && a.mayReportFor(d.deptId())).findFirst().orElse(null);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", editing == null ? InvestmentReportForm.blank(y)
                    : InvestmentReportForm.of(editing));
            model.addAttribute("reportVersion", editing == null ? null : String.valueOf(editing.version()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("reportErrors")) {
            model.addAttribute("reportErrors", Map.of());
        }
        return "project/project";
    }

    private static String projectPage(Plan p, String code) {
        return "redirect:/plans/" + p.code() + "/projects/" + code;
    }

    @PostMapping("/plans/{plan}/projects/{code}/reports")
    String saveReport(@PathVariable String plan, @PathVariable String code,
                      @RequestParam(required = false) String year, @RequestParam(required = false) String period,
                      @RequestParam(required = false) String amount, @RequestParam(required = false) String stage,
                      @RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean submit,
                      @RequestParam(required = false) String version, Locale locale, RedirectAttributes flash) {
        flash.addFlashAttribute("reportVersion", version);
        Plan p = lookup.require(plan);
        projects.detail(p.id(), code).orElseThrow(() -> new NotFoundException("项目不存在: " + code));
        InvestmentReportForm form = new InvestmentReportForm(year, period, amount, stage, note);
        Map<String, String> errors = form.check(p.periodStart(), p.periodEnd(), messages, locale);
        if (!errors.isEmpty()) {
            return refused(p, code, form, new LinkedHashMap<>(errors),
                    messages.getMessage("project.form.fix", null, locale), flash);
        }
        InvestmentReport r;
        try {
            r = service.saveReport(p.id(), code, form.yearValue(), form.periodValue(), form.amountValue(),
                    form.stageValue(), note, cn.lantu.web.Versions.parse(version), submit);
        } catch (ResponseStatusException e) {
            if (e.getStatusCode().value() == 401 || e.getStatusCode().value() == 403) {
                throw e;
            }
            return refused(p, code, form, new LinkedHashMap<>(), e.getReason(), flash);
        }
        flash.addFlashAttribute("message", messages.getMessage(submit ? "project.flash.submitted"
                : "project.flash.saved", new Object[] {String.valueOf(r.year()), cn.lantu.web.Formats.period(r.period(), locale)}, locale));
        return projectPage(p, code);
    }

    private static String refused(Plan p, String code, InvestmentReportForm form, LinkedHashMap<String, String> errors,
                                  String why, RedirectAttributes flash) {
        flash.addFlashAttribute("form", form);
        flash.addFlashAttribute("errors", errors);
        flash.addFlashAttribute("error", why);
        return projectPage(p, code) + "#report-form";
    }

    @PostMapping("/plans/{plan}/project-reports/{id}/{action}")
    String transition(@PathVariable String plan, @PathVariable long id, @PathVariable String action,
                      @RequestParam int version, @RequestParam(required = false) String reason, Locale locale,
                      RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        InvestmentReport r = projects.report(id).orElseThrow(() -> new NotFoundException("报告不存在: " + id));
        String act = action.toUpperCase(Locale.ROOT).replace('-', '_');
        if (act.equals("RETURN") && (reason == null || reason.isBlank())) {
            String why = messages.getMessage("project.form.reason", null, locale);
            flash.addFlashAttribute("reportErrors", new LinkedHashMap<>(Map.of(id, why)));
            flash.addFlashAttribute("error", why);
            return projectPage(p, r.projectCode()) + "#reports";
        }
        try {
            service.transition(id, act, version, reason);
        } catch (ResponseStatusException e) {
            if (e.getStatusCode().value() == 401 || e.getStatusCode().value() == 403) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getReason());
            return projectPage(p, r.projectCode()) + "#reports";
        }
        flash.addFlashAttribute("message", messages.getMessage("project.flash." + act,
                new Object[] {reason == null ? "" : reason.strip()}, locale));
        return projectPage(p, r.projectCode());
    }

    @GetMapping("/plans/{plan}/projects/gantt")
    String gantt(@PathVariable String plan, @RequestParam(required = false) String domain, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("domains", projects.domains(p.id()));
        model.addAttribute("domain", domain == null ? projects.domains(p.id()).get(0).code() : domain);
        model.addAttribute("today", service.today());
        return "project/gantt";
    }

    @GetMapping("/plans/{plan}/projects/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable String plan) {
        Plan p = lookup.require(plan);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"projects-" + p.code() + ".xlsx\"")
                .header(HttpHeaders.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(excel.exportXlsx(p));
    }

    @PostMapping("/plans/{plan}/projects/import")
    String importPage(@PathVariable String plan, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("result", excel.importXlsx(p, file.getInputStream()));
        return "project/import";
    }

    // ------------------------------------------------------------------ JSON API

    @GetMapping("/api/v1/plans/{plan}/projects")
    @ResponseBody
    @Operation(summary = "The project portfolio by 专栏8 domain: targets, registered and named projects, "
            + "investment completion against the time schedule, breakdowns, lagging projects, milestones due")
    public ProjectService.Portfolio api(@PathVariable String plan, @RequestParam(required = false) Integer year) {
        Plan p = lookup.require(plan);
        return service.portfolio(p.id(), year(p, year), service.today());
    }

    @GetMapping("/api/v1/plans/{plan}/projects/list")
    @ResponseBody
    @Operation(summary = "Every registered project with its registry fields")
    public List<ProjectDetail> list(@PathVariable String plan) {
        return projects.details(lookup.require(plan).id());
    }

    @GetMapping("/api/v1/plans/{plan}/projects/{code}")
    @ResponseBody
    @Operation(summary = "One project with its status and reports")
    public Map<String, Object> one(@PathVariable String plan, @PathVariable String code,
                                   @RequestParam(required = false) Integer year) {
        Plan p = lookup.require(plan);
        ProjectDetail d = projects.detail(p.id(), code).orElseThrow(() -> new NotFoundException("项目不存在: " + code));
        int y = year(p, year);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("project", d);
        out.put("status", service.status(d, projects.approvedAmounts(p.id(), y).getOrDefault(d.id(), 0.0), y,
                service.today()));
        Actor a = Actor.current(users);
        boolean drafts = a.admin() || a.mayReportFor(d.deptId());
        out.put("reports", projects.reportsOfProject(d.id()).stream()
                .filter(r -> drafts || r.state() == ReportState.APPROVED).toList());
        return out;
    }

    /** Body of a planning edit: yearly planned amounts, milestones (planned/actual), department and towns. */
    public record PlanEdit(Integer version, Map<Integer, Double> yearPlans, Map<String, List<String>> milestones,
                           String deptCode, List<String> towns) {}

    @PutMapping("/api/v1/plans/{plan}/projects/{code}/plan")
    @ResponseBody
    @Operation(summary = "Set a project's yearly planned investment, milestones, department and towns (plan office)")
    public ProjectDetail edit(@PathVariable String plan, @PathVariable String code, @RequestBody PlanEdit body) {
        Plan p = lookup.require(plan);
        Map<ProjectDetail.MilestoneKind, LocalDate[]> ms = new EnumMap<>(ProjectDetail.MilestoneKind.class);
        if (body.milestones() != null) {
            body.milestones().forEach((k, v) -> ms.put(ProjectDetail.MilestoneKind.valueOf(k), new LocalDate[] {
                v.size() > 0 && v.get(0) != null ? LocalDate.parse(v.get(0)) : null,
                v.size() > 1 && v.get(1) != null ? LocalDate.parse(v.get(1)) : null}));
        }
        Long dept = null;
        if (body.deptCode() != null) {
            dept = lookupDept(p, body.deptCode());
        }
        int version = cn.lantu.web.Versions.require(body.version());
        return service.plan(p.id(), code, version, body.yearPlans() == null ? Map.of() : body.yearPlans(), ms,
                dept, body.towns());
    }

    private Long lookupDept(Plan p, String code) {
        return service.deptId(p.id(), code);
    }

    /** Body of an investment report. */
    public record ReportBody(int year, String period, double amount, String stage, String note, Integer version,
                             boolean submit) {}

    @PostMapping("/api/v1/plans/{plan}/projects/{code}/reports")
    @ResponseBody
    @Operation(summary = "Save (or submit) a monthly/quarterly investment report of a project")
    public InvestmentReport report(@PathVariable String plan, @PathVariable String code, @RequestBody ReportBody b) {
        Plan p = lookup.require(plan);
        Project.Stage stage = InvestmentReportForm.stageOf(b.stage());
        if (b.stage() != null && stage == null) {
            throw Actor.bad("未知阶段: " + b.stage());
        }
        return service.saveReport(p.id(), code, b.year(), b.period(), b.amount(), stage, b.note(), b.version(),
                b.submit());
    }

    /** Body of a workflow move. */
    public record Transition(String action, Integer version, String reason) {}

    @PostMapping("/api/v1/plans/{plan}/project-reports/{id}/transition")
    @ResponseBody
    @Operation(summary = "Move an investment report: SUBMIT, SIGN_OFF, APPROVE, RETURN (reason required)")
    public InvestmentReport move(@PathVariable String plan, @PathVariable long id, @RequestBody Transition t) {
        lookup.require(plan);
        return service.transition(id, t.action(), cn.lantu.web.Versions.require(t.version()), t.reason());
    }

    @GetMapping("/api/v1/plans/{plan}/project-reports/{id}/history")
    @ResponseBody
    @Operation(summary = "The history of an investment report (who, when, why)")
    public List<InvestmentReport.Revision> history(@PathVariable String plan, @PathVariable long id) {
        Plan p = lookup.require(plan);
        InvestmentReport r = projects.report(id).orElseThrow(() -> new NotFoundException("没有该投资填报"));
        ProjectDetail d = projects.detailById(r.projectId()).filter(x -> x.planId() == p.id())
                .orElseThrow(() -> new NotFoundException("没有该投资填报"));
        Actor a = Actor.current(users);
        boolean drafts = a.admin() || a.mayReportFor(d.deptId());
        return projects.reportRevisions(id).stream().filter(v -> drafts || v.state() == ReportState.APPROVED).toList();
    }

    @PostMapping("/api/v1/plans/{plan}/projects/import")
    @ResponseBody
    @Operation(summary = "Import the project list from .xlsx: all or nothing, errors name their row (422)")
    public ResponseEntity<ProjectExcel.ImportResult> importApi(@PathVariable String plan,
                                                               @RequestParam("file") MultipartFile file)
            throws IOException {
        ProjectExcel.ImportResult r = excel.importXlsx(lookup.require(plan), file.getInputStream());
        return ResponseEntity.status(r.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(r);
    }

    /** One bar of the Gantt chart: a project's span from its first to its last known milestone date. */
    public record GanttBar(String code, String name, String stage, LocalDate from, LocalDate to,
                           List<ProjectDetail.Milestone> milestones, String signal, List<GanttPoint> points) {}

    /** A milestone on the chart: its name in the reader's language, planned and actual date, overdue or not. */
    public record GanttPoint(String label, LocalDate plannedOn, LocalDate actualOn, boolean overdue) {}

    @GetMapping("/api/v1/plans/{plan}/projects/gantt")
    @ResponseBody
    @Operation(summary = "Gantt data of a domain's projects (planned milestone dates)")
    public List<GanttBar> ganttData(@PathVariable String plan, @RequestParam String domain, Locale locale) {
        Plan p = lookup.require(plan);
        int y = service.defaultYear(p);
        List<GanttBar> out = new ArrayList<>();
        for (ProjectService.Row r : service.rows(p.id(), y, service.today())) {
            ProjectDetail d = r.project();
            if (!d.domainCode().equals(domain)) {
                continue;
            }
            LocalDate from = d.startOn();
            LocalDate to = d.finishOn();
            for (ProjectDetail.Milestone m : d.milestones()) {
                LocalDate x = m.actualOn() != null ? m.actualOn() : m.plannedOn();
                if (x != null) {
                    from = from == null || x.isBefore(from) ? x : from;
                    to = to == null || x.isAfter(to) ? x : to;
                }
            }
            List<GanttPoint> points = d.milestones().stream().filter(m -> m.plannedOn() != null || m.actualOn() != null)
                    .map(m -> new GanttPoint(messages.getMessage("enum.ProjectDetail.MilestoneKind." + m.kind().name(),
                            null, locale), m.plannedOn(), m.actualOn(), m.overdue(service.today()))).toList();
            out.add(new GanttBar(d.code(), d.name(), d.stage().label(), from, to, d.milestones(),
                    r.status().signal().name(), points));
        }
        if (out.isEmpty() && projects.domains(p.id()).stream().noneMatch(d -> d.code().equals(domain))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "领域不存在: " + domain);
        }
        return out;
    }
}
