package cn.lantu.collection;

import cn.lantu.security.Actor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.security.Role;

/** The data-entry pages: task list, entry form with workflow buttons, review queues, calendar and upload. */
@Controller
class ReportingController {

    /** One row of a reporter's task list. */
    record TaskRow(DeadlineService.Task task, ReportingPeriods.Period period, Figure figure, String unitCode) {}

    private final FigureService service;
    private final FigureRepository figures;
    private final ReportingAccess access;
    private final ReportingPeriods periods;
    private final DeadlineService deadlines;
    private final ExcelService excel;
    private final PlanLookup lookup;
    private final IndicatorRepository indicators;
    private final OrgRepository org;
    private final EvidenceService evidence;
    private final TownBreakdownService townBreakdowns;
    private final ImportGate gate;

    ReportingController(FigureService service, FigureRepository figures, ReportingAccess access,
                        ReportingPeriods periods, DeadlineService deadlines, ExcelService excel, PlanLookup lookup,
                        IndicatorRepository indicators, OrgRepository org, EvidenceService evidence,
                        TownBreakdownService townBreakdowns, ImportGate gate) {
        this.gate = gate;
        this.evidence = evidence;
        this.townBreakdowns = townBreakdowns;
        this.service = service;
        this.figures = figures;
        this.access = access;
        this.periods = periods;
        this.deadlines = deadlines;
        this.excel = excel;
        this.lookup = lookup;
        this.indicators = indicators;
        this.org = org;
    }

    @GetMapping("/plans/{plan}/reporting")
    String home(@PathVariable String plan, Authentication auth, Model model) {
        Plan p = lookup.require(plan);
        Actor a = access.actor(auth);
        model.addAttribute("plan", p);
        model.addAttribute("actor", a);
        List<ReportingPeriods.Period> open = periods.open(p);
        model.addAttribute("openPeriods", open);
        List<TaskRow> tasks = new ArrayList<>();
        OrgUnit unit = a.orgUnitId() == null ? null : org.findById(a.orgUnitId()).orElse(null);
        model.addAttribute("unit", unit);
        if (unit != null && (a.role() == Role.REPORTER || a.role() == Role.APPROVER)) {
            long target = unit.type() == OrgUnit.Type.TOWN ? unit.id() : service.city(p).id();
            for (ReportingPeriods.Period per : open) {
                for (DeadlineService.Task t : deadlines.tasks(p.id(), unit.id(), per.period())) {
                    tasks.add(new TaskRow(t, per, figures.find(t.indicatorId(), target, per.year(), per.period())
                            .orElse(null), unit.type() == OrgUnit.Type.TOWN ? unit.code() : null));
                }
            }
        }
        model.addAttribute("tasks", tasks);
        List<Figure> queue = switch (a.role()) {
            case APPROVER -> service.list(a, p, null, null).stream()
                    .filter(f -> f.state() == FigureState.SUBMITTED
                            && a.orgUnitId().equals(access.ownerUnit(f.indicatorId(), f.orgUnitId()))).toList();
            case ADMIN -> service.list(a, p, null, null).stream()
                    .filter(f -> f.state() == FigureState.SIGNED_OFF || f.state() == FigureState.SUBMITTED).toList();
            default -> List.of();
        };
        model.addAttribute("queue", queue);
        model.addAttribute("names", names(p));
        model.addAttribute("overdue", deadlines.overdue(p, LocalDate.now()).stream()
                .filter(o -> a.role() == Role.ADMIN || a.role() == Role.LEADER || (a.orgUnitId() != null
                        && o.orgUnitId() == a.orgUnitId())).toList());
        return "collection/home";
    }

    private Map<Long, String> names(Plan p) {
        Map<Long, String> out = new LinkedHashMap<>();
        indicators.findByPlan(p.id()).forEach(i -> out.put(i.id(), i.name()));
        return out;
    }

    @GetMapping("/reporting/figures/{id}")
    String figureLink(@PathVariable long id, Authentication auth, Model model, RedirectAttributes flash) {
        Figure f = service.get(access.actor(auth), id);
        // an action's confirmation arrives here as a flash attribute: pass it on to the form, or it is lost
        model.asMap().forEach((k, v) -> {
            if (k.equals("message") || k.equals("error") || k.equals("entered")) {
                flash.addFlashAttribute(k, v);
            }
        });
        Indicator i = indicators.findById(f.indicatorId()).orElseThrow();
        Plan p = lookup.require(String.valueOf(i.planId()));
        return "redirect:" + formUrl(p.code(), f.indicatorCode(), f.year(), f.period(),
                access.isTown(f.orgUnitId()) ? f.orgUnitCode() : null);
    }

    static String formUrl(String plan, String indicator, int year, String period, String unit) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/plans/" + plan + "/reporting/form")
                .queryParam("indicator", indicator).queryParam("year", year).queryParam("period", period);
        if (unit != null) {
            b.queryParam("unit", unit);
        }
        return b.build().toUriString();
    }

    @GetMapping("/plans/{plan}/reporting/form")
    String form(@PathVariable String plan, @RequestParam String indicator, @RequestParam int year,
                @RequestParam(defaultValue = "Y") String period, @RequestParam(required = false) String unit,
                Authentication auth, Model model) {
        Plan p = lookup.require(plan);
        Actor a = access.actor(auth);
        Queries.requireYearAndPeriod(p, year, period, true);
        FigureService.requireText("指标代码", indicator, FigureValidator.MAX_CODE);
        FigureService.requireText("单位代码", unit, FigureValidator.MAX_CODE);
        Indicator ind = service.indicator(p, indicator);
        OrgUnit u = service.unit(p, unit);
        Figure f = figures.find(ind.id(), u.id(), year, period).orElse(null);
        if (f != null) {
            access.requireRead(a, f);
        } else if (a.role() != Role.ADMIN && a.role() != Role.LEADER) {
            Long owner = access.ownerUnit(ind.id(), u.id());
            if (a.orgUnitId() == null || !a.orgUnitId().equals(owner)) {
                throw ReportingException.forbidden("无权查看其他单位的数据");
            }
        }
        model.addAttribute("plan", p);
        model.addAttribute("actor", a);
        model.addAttribute("indicator", ind);
        model.addAttribute("unit", u);
        model.addAttribute("year", year);
        model.addAttribute("period", period);
        model.addAttribute("figure", f);
        model.addAttribute("warnings", f == null ? List.of() : service.warnings(f));
        model.addAttribute("revisions", f == null ? List.of() : service.revisions(a, f.id()));
        boolean canWrite;
        try {
            access.requireWrite(a, ind.id(), u.id());
            canWrite = true;
        } catch (ReportingException e) {
            canWrite = false;
        }
        model.addAttribute("canWrite", canWrite && (f == null || f.state() == FigureState.DRAFT
                || f.state() == FigureState.RETURNED || f.state() == FigureState.APPROVED));
        boolean canSignOff = false;
        if (f != null && f.state() == FigureState.SUBMITTED) {
            try {
                access.requireSignOff(a, f);
                canSignOff = true;
            } catch (ReportingException e) {
                canSignOff = false;
            }
        }
        model.addAttribute("canSignOff", canSignOff);
        model.addAttribute("canApprove", f != null && a.role() == Role.ADMIN && f.state() == FigureState.SIGNED_OFF);
        model.addAttribute("evidence", f == null ? List.of() : evidence.list(a, f.id()));
        model.addAttribute("canUpload", f != null && canWrite && f.state() != FigureState.SUBMITTED
                && f.state() != FigureState.SIGNED_OFF);
        model.addAttribute("evidenceMaxMb", EvidenceService.mb(evidence.maxBytes()));
        model.addAttribute("towns", u.type() != OrgUnit.Type.TOWN && !"NONE".equals(townBreakdowns.rule(ind.id()))
                ? townBreakdowns.of(ind.id(), year, period) : null);
        model.addAttribute("lastYear", figures.approvedHistory(ind.id(), u.id(), period, year).stream()
                .filter(h -> (int) h[0] == year - 1).map(h -> h[1]).findFirst()
                .orElse(year - 1 == ind.baseYear() && u.type() == OrgUnit.Type.CITY ? ind.baseValue() : null));
        return "collection/form";
    }

    @PostMapping("/plans/{plan}/reporting/form")
    String save(@PathVariable String plan, @RequestParam String indicator, @RequestParam int year,
                @RequestParam(defaultValue = "Y") String period, @RequestParam(required = false) String unit,
                @RequestParam String value, @RequestParam(defaultValue = "false") boolean estimate,
                @RequestParam(required = false) String note, @RequestParam(required = false) String source,
                @RequestParam(required = false) String explanation, @RequestParam(required = false) String reason,
                @RequestParam(required = false) Integer version, @RequestParam(defaultValue = "save") String action,
                Authentication auth, RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        Actor a = access.actor(auth);
        String back = "redirect:" + formUrl(p.code(), indicator, year, period, unit == null || unit.isBlank() ? null : unit);
        try {
            FigureService.Saved saved = service.save(p, a, new FigureService.Entry(indicator, year, period,
                    unit, value, estimate, note, source, explanation, reason, version));
            if (action.equals("submit")) {
                try {
                    service.submit(a, saved.figure().id(), saved.figure().version(), explanation);
                } catch (ReportingException e) {
                    // the value was saved; what is missing is the explanation of its warnings, shown beside it
                    flash.addFlashAttribute("explanationErrors", e.problems());
                    throw e;
                }
                flash.addFlashAttribute("message", "已提交，等待部门审核");
            } else {
                flash.addFlashAttribute("message", saved.warnings().isEmpty() ? "草稿已保存"
                        : "草稿已保存；存在异常提示，提交前须填写说明");
            }
        } catch (ReportingException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("entered", value);
            flash.addFlashAttribute("enteredExplanation", explanation);
            if (e.status() == 422 && !flash.getFlashAttributes().containsKey("explanationErrors")) {
                flash.addFlashAttribute("valueErrors", e.problems());
            }
        }
        return back;
    }

    @PostMapping("/plans/{plan}/reporting/figures/{id}/{action}")
    String transition(@PathVariable String plan, @PathVariable long id, @PathVariable String action,
                      @RequestParam(required = false) Integer version, @RequestParam(required = false) String comment,
                      Authentication auth, RedirectAttributes flash) {
        Actor a = access.actor(auth);
        try {
            switch (action) {
                case "sign-off" -> service.signOff(a, id, version);
                case "approve" -> service.approve(a, id, version);
                case "return" -> service.returnFigure(a, id, version, comment);
                default -> throw new ReportingException(404, "未知操作");
            }
            flash.addFlashAttribute("message", switch (action) {
                case "sign-off" -> "已审核，提交规划办批准";
                case "approve" -> "已批准";
                default -> "已退回";
            });
        } catch (ReportingException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reporting/figures/" + id;
    }

    @PostMapping("/reporting/figures/{id}/evidence")
    String uploadEvidence(@PathVariable long id, @RequestParam("file") MultipartFile file,
                          Authentication auth, RedirectAttributes flash) throws java.io.IOException {
        Actor a = access.actor(auth);
        try {
            EvidenceService.Evidence e = evidence.upload(a, id, file.getOriginalFilename(), file.getBytes());
            flash.addFlashAttribute("message", "佐证材料“" + e.fileName() + "”已上传");
        } catch (ReportingException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reporting/figures/" + id;
    }

    @PostMapping("/plans/{plan}/reporting/upload")
    String upload(@PathVariable String plan, @RequestParam("file") MultipartFile file, Authentication auth,
                  RedirectAttributes flash) {
        try {
            if (file.getSize() > excel.maxBytes()) {
                throw new ReportingException(413, ExcelImport.TOO_LARGE);
            }
            Plan p = lookup.require(plan);
            Actor a = access.actor(auth);
            ExcelService.Result r = gate.run(() -> excel.upload(p, a, file.getOriginalFilename(), file.getBytes()));
            flash.addFlashAttribute("message", r.message());
        } catch (ReportingException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("problems", e.problems().stream().map(String::valueOf).toList());
        } catch (java.io.IOException e) {
            flash.addFlashAttribute("error", "读取文件失败");
        }
        return "redirect:/plans/" + plan + "/reporting";
    }

    @GetMapping("/plans/{plan}/reporting/calendar")
    String calendar(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("periods", periods.all(p));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("overdue", deadlines.overdue(p, LocalDate.now()));
        return "collection/calendar";
    }
}
