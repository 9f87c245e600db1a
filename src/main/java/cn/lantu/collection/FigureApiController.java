package cn.lantu.collection;

import cn.lantu.security.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.lantu.audit.AuditLog;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The data-collection API: figures, the workflow, revisions and periods. Scoped to the caller's role and unit. */
@RestController
@Tag(name = "reporting", description = "数据填报")
class FigureApiController {

    record Transition(Integer version, String explanation, String comment) {}

    record PeriodRequest(int year, String period, LocalDate dueDate, boolean open) {}

    private final FigureService service;
    private final ReportingAccess access;
    private final PlanLookup lookup;
    private final ReportingPeriods periods;
    private final DeadlineService deadlines;
    private final AuditLog audit;

    FigureApiController(FigureService service, ReportingAccess access, PlanLookup lookup, ReportingPeriods periods,
                        DeadlineService deadlines, AuditLog audit) {
        this.audit = audit;
        this.service = service;
        this.access = access;
        this.lookup = lookup;
        this.periods = periods;
        this.deadlines = deadlines;
    }

    @GetMapping("/api/v1/plans/{plan}/figures")
    @Operation(summary = "Figures the caller may read (own unit's, or all for leaders; approved only for supervisors)")
    List<Figure> list(@PathVariable String plan, @RequestParam(required = false) Integer year,
                      @RequestParam(required = false) String period, Authentication auth) {
        return service.list(access.actor(auth), lookup.require(plan), year, period);
    }

    @PostMapping("/api/v1/plans/{plan}/figures")
    @Operation(summary = "Save a draft figure (create or update with the expected version); 409 on a version conflict")
    FigureService.Saved save(@PathVariable String plan, @RequestBody FigureService.Entry entry, Authentication auth) {
        return service.save(lookup.require(plan), access.actor(auth), entry);
    }

    @GetMapping("/api/v1/figures/{id}")
    Map<String, Object> get(@PathVariable long id, Authentication auth) {
        Figure f = service.get(access.actor(auth), id);
        return Map.of("figure", f, "warnings", service.warnings(f));
    }

    @GetMapping("/api/v1/figures/{id}/revisions")
    List<Figure.Revision> revisions(@PathVariable long id, Authentication auth) {
        return service.revisions(access.actor(auth), id);
    }

    @PostMapping("/api/v1/figures/{id}/submit")
    Figure submit(@PathVariable long id, @RequestBody(required = false) Transition t, Authentication auth) {
        return service.submit(access.actor(auth), id, t == null ? null : t.version(), t == null ? null : t.explanation());
    }

    @PostMapping("/api/v1/figures/{id}/sign-off")
    Figure signOff(@PathVariable long id, @RequestBody(required = false) Transition t, Authentication auth) {
        return service.signOff(access.actor(auth), id, t == null ? null : t.version());
    }

    @PostMapping("/api/v1/figures/{id}/approve")
    Figure approve(@PathVariable long id, @RequestBody(required = false) Transition t, Authentication auth) {
        return service.approve(access.actor(auth), id, t == null ? null : t.version());
    }

    @PostMapping("/api/v1/figures/{id}/return")
    Figure giveBack(@PathVariable long id, @RequestBody Transition t, Authentication auth) {
        return service.returnFigure(access.actor(auth), id, t.version(), t.comment());
    }

    @GetMapping("/api/v1/plans/{plan}/reporting/periods")
    List<ReportingPeriods.Period> periods(@PathVariable String plan) {
        return periods.all(lookup.require(plan));
    }

    @PostMapping("/api/v1/plans/{plan}/reporting/periods")
    @Operation(summary = "Create or change a reporting period and its due date (administrators)")
    List<ReportingPeriods.Period> setPeriod(@PathVariable String plan, @RequestBody PeriodRequest r,
                                            Authentication auth) {
        Actor a = access.actor(auth);
        access.requireAdmin(a);
        Plan p = lookup.require(plan);
        periods.set(p, r.year(), r.period(), r.dueDate(), r.open());
        audit.record(a.username(), "PERIOD_SET", "period:" + cn.lantu.web.Formats.periodZh(r.year(), r.period()),
                periodDetail(r.dueDate(), r.open()));
        return periods.all(p);
    }

    @GetMapping("/api/v1/plans/{plan}/reporting/overdue")
    @Operation(summary = "Per department: open periods past their due date with figures not yet submitted")
    List<DeadlineService.Overdue> overdue(@PathVariable String plan, Authentication auth) {
        Actor a = access.actor(auth);
        return deadlines.overdue(lookup.require(plan), LocalDate.now()).stream()
                .filter(o -> a.role() == cn.lantu.security.Role.ADMIN || a.role() == cn.lantu.security.Role.LEADER
                        || o.orgUnitId() == (a.orgUnitId() == null ? -1 : a.orgUnitId()))
                .toList();
    }

    /** The audit detail of a period change: 截止日期 2027年1月31日，开放. */
    static String periodDetail(LocalDate due, boolean open) {
        return "截止日期 " + cn.lantu.web.Formats.dateZh(due) + "，" + (open ? "开放" : "关闭");
    }
}
