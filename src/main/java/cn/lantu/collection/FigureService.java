package cn.lantu.collection;

import cn.lantu.security.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.audit.AuditLog;
import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.notify.Notifier;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.security.AppUser;
import cn.lantu.security.Role;
import cn.lantu.security.UserRepository;
import cn.lantu.web.Formats;

/**
 * The reporting workflow: draft → submitted → signed off → approved, or returned with a comment at any step.
 * Every change is optimistic (version check in SQL), writes a revision row and an audit entry, and notifies the
 * next person in the flow.
 */
@Service
public class FigureService {

    /**
     * What a reporter enters. {@code unit} is a town code, or null/the city code for the city-wide figure;
     * {@code version} is required when the figure exists (the version the caller has seen).
     */
    public record Entry(String indicator, Integer year, String period, String unit, String value, Boolean estimate,
                        String note, String source, String explanation, String reason, Integer version) {}

    /** A saved figure and the soft warnings its value raises. */
    public record Saved(Figure figure, List<String> warnings, boolean changed) {}

    private final FigureRepository figures;
    private final IndicatorRepository indicators;
    private final OrgRepository org;
    private final ReportingAccess access;
    private final ReportingPeriods periods;
    private final AuditLog audit;
    private final Notifier notifier;
    private final UserRepository users;
    private final JdbcClient jdbc;
    private final TownBreakdownService townBreakdowns;
    private final FigureChecks checks;

    FigureService(FigureRepository figures, IndicatorRepository indicators, OrgRepository org, ReportingAccess access,
                  ReportingPeriods periods, AuditLog audit, Notifier notifier, UserRepository users, JdbcClient jdbc,
                  TownBreakdownService townBreakdowns, FigureChecks checks) {
        this.checks = checks;
        this.townBreakdowns = townBreakdowns;
        this.figures = figures;
        this.indicators = indicators;
        this.org = org;
        this.access = access;
        this.periods = periods;
        this.audit = audit;
        this.notifier = notifier;
        this.users = users;
        this.jdbc = jdbc;
    }

    OrgUnit city(Plan plan) {
        return org.findByType(plan.id(), OrgUnit.Type.CITY).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("plan has no city unit"));
    }

    OrgUnit unit(Plan plan, String code) {
        if (code == null || code.isBlank()) {
            return city(plan);
        }
        return org.findByCode(plan.id(), code.trim())
                .orElseThrow(() -> ReportingException.invalid("未知单位：" + code, List.of()));
    }

    Indicator indicator(Plan plan, String code) {
        return indicators.findByCode(plan.id(), code == null ? "" : code.trim())
                .orElseThrow(() -> ReportingException.invalid("未知指标：" + code, List.of()));
    }

    public Figure get(Actor a, long id) {
        Figure f = figures.find(id).orElseThrow(() -> new ReportingException(404, "没有该数据"));
        access.requireRead(a, f);
        return f;
    }

    public List<Figure.Revision> revisions(Actor a, long id) {
        Figure f = get(a, id);
        List<Figure.Revision> all = figures.revisions(f.id());
        return a.role() == Role.SUPERVISOR || a.role().systemAdministration() ? all.stream().filter(r -> r.state() == FigureState.APPROVED).toList()
                : all;
    }

    public List<Figure> list(Actor a, Plan plan, Integer year, String period) {
        return figures.findByPlan(plan.id(), year, period).stream().filter(f -> access.canRead(a, f)).toList();
    }

    /**
     * Saves a draft (creating the figure if needed). Malformed input (control characters, over-long texts, a year
     * outside the plan, an unknown period) is refused with 400 before anything is looked up; hard errors of the
     * figure ({@link FigureValidator#check}) with 422; soft warnings are returned.
     */
    @Transactional
    public Saved save(Plan plan, Actor a, Entry e) {
        String period = e.period() == null || e.period().isBlank() ? "Y" : e.period().trim();
        List<FigureValidator.Problem> input = FigureValidator.inputProblems(e.indicator(), e.unit(), e.period(),
                e.value(), e.note(), e.source(), e.explanation(), e.reason());
        if (input.isEmpty()) {
            String y = FigureValidator.yearProblem(plan, e.year(), false);
            if (y != null) {
                input.add(new FigureValidator.Problem(FigureValidator.Field.YEAR, y));
            }
            String p = FigureValidator.periodProblem(period);
            if (p != null) {
                input.add(new FigureValidator.Problem(FigureValidator.Field.PERIOD, p));
            }
        }
        if (!input.isEmpty()) {
            List<String> messages = input.stream().map(FigureValidator.Problem::message).toList();
            throw new ReportingException(400, "输入有误：" + String.join("；", messages), messages);
        }
        int year = e.year();
        Indicator ind = indicator(plan, e.indicator());
        OrgUnit unit = unit(plan, e.unit());
        access.requireWrite(a, ind.id(), unit.id());
        if (a.role() != Role.ADMIN && !periods.isOpen(plan, year, period)) {
            throw ReportingException.forbidden(Formats.periodZh(year, period) + "不是开放的填报期");
        }
        List<FigureValidator.Problem> problems = new ArrayList<>();
        FigureValidator.Parsed parsed = FigureValidator.check(plan, ind, unit.type(),
                access.hasTownBreakdown(ind.id()), year, period, e.value(), false,
                checks.rulesFor(ind, unit.id(), unit.type() == OrgUnit.Type.CITY, year, period), problems);
        if (!problems.isEmpty()) {
            List<String> errors = problems.stream().map(FigureValidator.Problem::message).toList();
            throw ReportingException.invalid(ind.name() + "：" + String.join("；", errors), errors);
        }
        boolean estimate = Boolean.TRUE.equals(e.estimate());
        var existing = figures.find(ind.id(), unit.id(), year, period);
        if (existing.isEmpty()) {
            long id = figures.insert(ind.id(), unit.id(), year, period, parsed.value(), parsed.verdict(), estimate,
                    FigureState.DRAFT, blank(e.note()), blank(e.source()), blank(e.explanation()), a.username(),
                    "新建草稿");
            Figure f = figures.find(id).orElseThrow();
            audit.record(a.username(), "FIGURE_CREATE", subject(f, jdbc), describe(f));
            return new Saved(f, warnings(ind, f), true);
        }
        Figure f = existing.get();
        if (e.version() == null) {
            // without the version the caller has seen, a write would overwrite a change it never saw
            throw ReportingException.conflict("请带上版本号（version）再修改：该数据已存在（当前第" + f.version()
                    + "版），不带版本号的修改可能覆盖他人的修改；请刷新或重新读取该数据后重试");
        }
        int expected = e.version();
        if (expected != f.version()) {
            throw ReportingException.conflict("该数据已被他人修改（版本冲突），请刷新后再操作，不会覆盖他人的修改");
        }
        boolean same = Objects.equals(f.value(), parsed.value()) && Objects.equals(f.verdict(), parsed.verdict())
                && f.estimate() == estimate && Objects.equals(f.note(), blank(e.note()))
                && Objects.equals(f.source(), blank(e.source()))
                && (e.explanation() == null || Objects.equals(f.explanation(), blank(e.explanation())));
        if (same) {
            return new Saved(f, warnings(ind, f), false);
        }
        if (f.state() == FigureState.SUBMITTED || f.state() == FigureState.SIGNED_OFF) {
            throw ReportingException.conflict("该数据正在审核中（" + f.state().label() + "），不能修改；如需修改请审核人退回");
        }
        String reason = blank(e.reason());
        if (f.state() == FigureState.APPROVED && reason == null) {
            throw ReportingException.invalid("修改已批准的数据须填写修改原因", List.of("修改原因必填"));
        }
        figures.update(f, expected, parsed.value(), parsed.verdict(), estimate, FigureState.DRAFT, blank(e.note()),
                blank(e.source()), e.explanation() == null ? f.explanation() : blank(e.explanation()), null,
                a.username(), reason == null ? "修改草稿" : reason);
        Figure after = figures.find(f.id()).orElseThrow();
        audit.record(a.username(), "FIGURE_UPDATE", subject(after, jdbc),
                describe(f) + " → " + describe(after) + (reason == null ? "" : "；原因：" + reason));
        return new Saved(after, warnings(ind, after), true);
    }

    List<String> warnings(Indicator ind, Figure f) {
        if (f.value() == null) {
            return List.of();
        }
        boolean cityWide = cityWide(f.orgUnitId());
        List<String> out = new ArrayList<>(FigureValidator.warnings(ind, f.year(), f.value(),
                figures.approvedHistory(ind.id(), f.orgUnitId(), f.period(), f.year()), cityWide,
                checks.rulesFor(ind, f.orgUnitId(), cityWide, f.year(), f.period())));
        if (!access.isTown(f.orgUnitId()) && !"NONE".equals(townBreakdowns.rule(ind.id()))) {
            String w = townBreakdowns.cityWarning(townBreakdowns.of(ind.id(), f.year(), f.period()), f.value(),
                    !FigureValidator.isRate(ind) && !FigureValidator.isShare(ind));
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    /** The plan's base values are city-wide: they are a figure's history only for the city unit. */
    boolean cityWide(long orgUnitId) {
        return org.findById(orgUnitId).map(u -> u.type() == OrgUnit.Type.CITY).orElse(false);
    }

    public List<String> warnings(Figure f) {
        return warnings(indicators.findById(f.indicatorId()).orElseThrow(), f);
    }

    @Transactional
    public Figure submit(Actor a, long id, Integer version, String explanation) {
        requireText("异常说明", explanation, FigureValidator.MAX_EXPLANATION);
        Figure f = get(a, id);
        access.requireWrite(a, f.indicatorId(), f.orgUnitId());
        requireState(f, FigureState.DRAFT, FigureState.RETURNED);
        String expl = explanation == null ? f.explanation() : blank(explanation);
        List<String> warnings = warnings(f);
        if (!warnings.isEmpty() && expl == null) {
            throw ReportingException.invalid("数据存在异常提示，须填写说明后才能提交：" + String.join("；", warnings), warnings);
        }
        Figure after = transition(a, f, version, FigureState.SUBMITTED, expl, null, "提交");
        notifyUnit(f, List.of(Role.APPROVER), "待审核：" + label(after), a.username() + " 提交了数据，请审核。");
        return after;
    }

    @Transactional
    public Figure signOff(Actor a, long id, Integer version) {
        Figure f = get(a, id);
        access.requireSignOff(a, f);
        requireState(f, FigureState.SUBMITTED);
        requireNotEnteredBy(a, f);
        Figure after = transition(a, f, version, FigureState.SIGNED_OFF, f.explanation(), null, "部门审核通过");
        notifyUsers(users.findByRole(Role.ADMIN), "待批准：" + label(after), a.username() + " 已审核，请规划办批准。", after);
        return after;
    }

    @Transactional
    public Figure approve(Actor a, long id, Integer version) {
        Figure f = get(a, id);
        access.requireAdmin(a);
        requireState(f, FigureState.SIGNED_OFF);
        requireNotEnteredBy(a, f);
        Figure after = transition(a, f, version, FigureState.APPROVED, f.explanation(), null, "规划办批准");
        notifyUnit(f, List.of(Role.REPORTER, Role.APPROVER), "已批准：" + label(after), "数据已批准，计入监测评估。");
        return after;
    }

    /** Separation of duties: nobody signs off or approves a figure they entered or submitted themselves. */
    private void requireNotEnteredBy(Actor a, Figure f) {
        if (figures.enteredBy(f.id(), a.username())) {
            throw ReportingException.forbidden("您填报或提交了这条数据，须由另一人审核批准");
        }
    }

    @Transactional
    public Figure returnFigure(Actor a, long id, Integer version, String comment) {
        requireText("退回意见", comment, FigureValidator.MAX_REASON);
        Figure f = get(a, id);
        if (blank(comment) == null) {
            throw ReportingException.invalid("退回须填写意见", List.of("退回意见必填"));
        }
        if (f.state() == FigureState.SUBMITTED) {
            access.requireSignOff(a, f);
        } else if (f.state() == FigureState.SIGNED_OFF) {
            access.requireAdmin(a);
        } else {
            throw ReportingException.conflict("当前状态（" + f.state().label() + "）不能退回");
        }
        Figure after = transition(a, f, version, FigureState.RETURNED, f.explanation(), comment.trim(),
                "退回：" + comment.trim());
        notifyUnit(f, List.of(Role.REPORTER), "已退回：" + label(after), "退回意见：" + comment.trim());
        return after;
    }

    private Figure transition(Actor a, Figure f, Integer version, FigureState to, String explanation,
                              String returnComment, String reason) {
        if (version == null) {
            // a move without the version the user saw would act on whatever value is current now
            throw ReportingException.conflict("请带上版本号（version）再" + reason.replaceFirst("：.*", "")
                    + "：该数据当前为第" + f.version() + "版");
        }
        int expected = version;
        figures.update(f, expected, f.value(), f.verdict(), f.estimate(), to, f.note(), f.source(), explanation,
                returnComment, a.username(), reason);
        Figure after = figures.find(f.id()).orElseThrow();
        audit.record(a.username(), "FIGURE_" + to.name(), subject(after, jdbc),
                f.state().label() + " → " + to.label() + "（" + reason + "）；" + describe(after));
        return after;
    }

    /** Refuses a control character or an over-long text with 400. */
    static void requireText(String label, String text, int max) {
        String problem = FigureValidator.textProblem(label, text, max);
        if (problem != null) {
            throw new ReportingException(400, problem, List.of(problem));
        }
    }

    private static void requireState(Figure f, FigureState... allowed) {
        for (FigureState s : allowed) {
            if (f.state() == s) {
                return;
            }
        }
        throw ReportingException.conflict("当前状态为“" + f.state().label() + "”，不能执行此操作（可能已被他人处理，请刷新）");
    }

    private void notifyUnit(Figure f, List<Role> roles, String title, String body) {
        Long owner = access.ownerUnit(f.indicatorId(), f.orgUnitId());
        if (owner != null) {
            notifyUsers(users.findByOrgUnitAndRoles(owner, roles), title, body, f);
        }
    }

    private void notifyUsers(List<AppUser> list, String title, String body, Figure f) {
        if (list.isEmpty()) {
            return;
        }
        notifier.send("figure." + f.state().name().toLowerCase(), list.stream()
                        .map(u -> new Notifier.Recipient(u.username(), u.email())).toList(), title, body,
                "/reporting/figures/" + f.id());
    }

    /** The figure in a notification: 文化及相关产业增加值占比 2026年（诸暨市）, 2026年一季度 for a quarter. */
    private String label(Figure f) {
        String[] names = names(f, jdbc);
        return names[0] + " " + (f.period().equals("Y") ? f.year() + "年" : Formats.periodZh(f.year(), f.period()))
                + "（" + names[1] + "）";
    }

    /**
     * The audit subject of a figure: {@code figure:<id>} (what the log is searched by) and then the figure as a
     * person reads it: 文化及相关产业增加值占比 · 诸暨市 · 2026年全年.
     */
    static String subject(Figure f, JdbcClient jdbc) {
        String[] names = names(f, jdbc);
        return "figure:" + f.id() + " " + names[0] + " · " + names[1] + " · " + Formats.periodZh(f.year(), f.period());
    }

    /** The indicator's and the org unit's names. */
    private static String[] names(Figure f, JdbcClient jdbc) {
        String indicator = jdbc.sql("SELECT name FROM indicator WHERE id = ?").param(f.indicatorId())
                .query(String.class).optional().orElse(f.indicatorCode());
        String unit = jdbc.sql("SELECT name FROM org_unit WHERE id = ?").param(f.orgUnitId())
                .query(String.class).optional().orElse(f.orgUnitCode());
        return new String[] {indicator, unit};
    }

    /** A figure's version, state and value in the audit log: 第2版，已提交，数值 56（预计）. */
    static String describe(Figure f) {
        return "第" + f.version() + "版，" + f.state().label() + "，数值 " + f.valueText() + (f.estimate() ? "（预计）" : "");
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
