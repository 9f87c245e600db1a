package cn.lantu.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.security.Actor;
import cn.lantu.security.Role;

/**
 * The figures that wait for someone, for the landing page (我的工作): a unit's figures still to fill or returned to
 * it in the open periods (soonest due first), an approver's figures submitted for its sign-off, and the plan
 * office's figures signed off for its approval. Scoped as the reporting pages are: a unit sees its own only.
 */
@Service
public class ReportingWork {

    /** A figure a unit must still report: not yet entered, a draft, or returned (with the reviewer's comment). */
    public record ToReport(String indicatorCode, String indicatorName, int year, String period, LocalDate dueDate,
                           boolean overdue, FigureState state, String returnComment, String url) {}

    /** A figure waiting for a review step, with the link to its form. */
    public record Waiting(long id, String indicatorCode, String indicatorName, String unitName, int year,
                          String period, String valueText, FigureState state, String updatedBy,
                          java.time.Instant updatedAt, String url) {}

    private final JdbcClient jdbc;
    private final FigureRepository figures;
    private final ReportingAccess access;
    private final ReportingPeriods periods;
    private final DeadlineService deadlines;
    private final OrgRepository org;
    private final FigureService service;

    ReportingWork(JdbcClient jdbc, FigureRepository figures, ReportingAccess access, ReportingPeriods periods,
                  DeadlineService deadlines, OrgRepository org, FigureService service) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.access = access;
        this.periods = periods;
        this.deadlines = deadlines;
        this.org = org;
        this.service = service;
    }

    /** The unit's figures to fill or returned, in the open periods, soonest due first; empty without a unit. */
    public List<ToReport> toReport(Actor a, Plan plan, LocalDate today) {
        if (a.orgUnitId() == null || (a.role() != Role.REPORTER && a.role() != Role.APPROVER)) {
            return List.of();
        }
        OrgUnit unit = org.findById(a.orgUnitId()).orElse(null);
        if (unit == null || unit.planId() != plan.id()) {
            return List.of();
        }
        boolean town = unit.type() == OrgUnit.Type.TOWN;
        long target = town ? unit.id() : service.city(plan).id();
        List<ToReport> out = new ArrayList<>();
        for (ReportingPeriods.Period per : periods.open(plan)) {
            for (DeadlineService.Task t : deadlines.tasks(plan.id(), unit.id(), per.period())) {
                if (!"LEAD".equals(t.role())) {
                    continue;
                }
                Figure f = figures.find(t.indicatorId(), target, per.year(), per.period()).orElse(null);
                if (f == null || f.state() == FigureState.DRAFT || f.state() == FigureState.RETURNED) {
                    out.add(new ToReport(t.code(), t.name(), per.year(), per.period(), per.dueDate(),
                            today.isAfter(per.dueDate()), f == null ? null : f.state(),
                            f == null ? null : f.returnComment(), ReportingController.formUrl(plan.code(), t.code(),
                            per.year(), per.period(), town ? unit.code() : null)));
                }
            }
        }
        out.sort(Comparator.comparing(ToReport::dueDate).thenComparing(r -> r.state() != FigureState.RETURNED));
        return out;
    }

    /**
     * What waits for this user's review: an approver's unit's submitted figures (to sign off), the plan office's
     * signed-off figures (to approve); oldest first. Empty for other roles.
     */
    public List<Waiting> waitingForReview(Actor a, Plan plan) {
        FigureState state = switch (a.role()) {
            case APPROVER -> FigureState.SUBMITTED;
            case ADMIN -> FigureState.SIGNED_OFF;
            default -> null;
        };
        if (state == null || (a.role() == Role.APPROVER && a.orgUnitId() == null)) {
            return List.of();
        }
        return inState(plan, state).stream()
                .filter(f -> a.role() == Role.ADMIN || a.orgUnitId().equals(access.ownerUnit(f.indicatorId(),
                        f.orgUnitId())))
                .map(f -> new Waiting(f.id(), f.indicatorCode(), name(f.indicatorId()),
                        org.findById(f.orgUnitId()).map(OrgUnit::name).orElse(f.orgUnitCode()), f.year(), f.period(),
                        f.valueText(), f.state(), f.updatedBy(), f.updatedAt(), "/reporting/figures/" + f.id()))
                .toList();
    }

    /** How many of the plan's (non-demo) figures are in a state: the overview's counts. */
    public int count(Plan plan, FigureState state) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM figure f JOIN indicator i ON i.id = f.indicator_id
                 WHERE i.plan_id = ? AND f.state = ? AND f.demo = FALSE""").params(plan.id(), state.name())
                .query(Integer.class).single();
    }

    /** Units late with figures for open periods past due (the calendar's list). */
    public List<DeadlineService.Overdue> overdue(Plan plan, LocalDate today) {
        return deadlines.overdue(plan, today);
    }

    private List<Figure> inState(Plan plan, FigureState state) {
        return jdbc.sql("""
                SELECT f.id FROM figure f JOIN indicator i ON i.id = f.indicator_id
                 WHERE i.plan_id = ? AND f.state = ? AND f.demo = FALSE ORDER BY f.updated_at, f.id""")
                .params(plan.id(), state.name()).query(Long.class).list().stream()
                .map(id -> figures.find(id).orElseThrow()).toList();
    }

    private String name(long indicatorId) {
        return jdbc.sql("SELECT name FROM indicator WHERE id = ?").param(indicatorId).query(String.class).single();
    }
}
