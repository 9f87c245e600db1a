package cn.lantu.project;

import cn.lantu.security.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.security.UserRepository;

/**
 * The project registry, investment reporting (DRAFT → SUBMITTED → SIGNED_OFF → APPROVED, RETURNED with a comment,
 * history and optimistic version checks), project status against the time schedule and the portfolio views.
 */
@Service
public class ProjectService {

    static final Pattern PERIOD = Pattern.compile("M(0[1-9]|1[0-2])|Q[1-4]");

    private final ProjectRepository projects;
    private final OrgRepository org;
    private final UserRepository users;
    private final Schedule schedule;
    private final Clock clock;

    private final cn.lantu.audit.AuditLog audit;

    public ProjectService(ProjectRepository projects, OrgRepository org, UserRepository users, Schedule schedule,
                          cn.lantu.audit.AuditLog audit) {
        this.audit = audit;
        this.projects = projects;
        this.org = org;
        this.users = users;
        this.schedule = schedule;
        this.clock = Clock.systemDefaultZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The year the views show by default: the current year clamped into the plan period. */
    public int defaultYear(Plan plan) {
        return Math.max(plan.periodStart(), Math.min(plan.periodEnd(), today().getYear()));
    }

    // ------------------------------------------------------------------ status

    /**
     * Status of a project for a year as of a date, from the approved completed investment of that year. Before its
     * planned start (开工) a project is not late (see {@link Schedule#notStarted}).
     */
    public ProjectStatus status(ProjectDetail p, double completed, int year, LocalDate asOf) {
        double planned = p.plannedIn(year);
        double sched = Schedule.projectYearElapsed(p.startOn(), year, asOf);
        List<String> overdue = p.milestones().stream().filter(m -> m.overdue(asOf)).map(m -> m.kind().label()).toList();
        Double rate = planned > 0 ? 100.0 * completed / planned : null;
        Double behind = rate == null ? null : sched - rate;
        Signal signal = rate == null ? (overdue.isEmpty() ? Signal.NONE : Signal.RED)
                : schedule.signal(behind, !overdue.isEmpty());
        signal = Schedule.notStarted(p.startOn(), asOf, !overdue.isEmpty(), completed > 0, signal);
        return new ProjectStatus(year, planned, completed, rate, sched, behind, overdue, signal);
    }

    /** A project with its status. */
    public record Row(ProjectDetail project, ProjectStatus status) {}

    public List<Row> rows(long planId, int year, LocalDate asOf) {
        Map<Long, Double> done = projects.approvedAmounts(planId, year);
        return projects.details(planId).stream()
                .map(p -> new Row(p, status(p, done.getOrDefault(p.id(), 0.0), year, asOf))).toList();
    }

    /** Each project's status at the end of each quarter of a year (for the comparison matrix). */
    public Map<String, List<ProjectStatus>> quarterly(long planId, int year) {
        Map<String, List<ProjectStatus>> out = new java.util.LinkedHashMap<>();
        List<ProjectDetail> all = projects.details(planId);
        for (int q = 1; q <= 4; q++) {
            Map<Long, Double> done = projects.approvedAmountsUpToQuarter(planId, year, q);
            LocalDate end = LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1);
            for (ProjectDetail p : all) {
                out.computeIfAbsent(p.code(), k -> new ArrayList<>())
                        .add(status(p, done.getOrDefault(p.id(), 0.0), year, end));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ portfolio

    /** One 专栏8 domain: its targets, what is registered, and the year's investment completion. */
    public record DomainView(ProjectDomain domain, long confirmed, long named, double confirmedTotal,
                             double confirmedPeriod, boolean namedExceedTarget, boolean confirmedExceedTarget,
                             double yearPlanned, double yearCompleted, Double ratePct, List<Row> projects) {

        /** e.g. "交通强省: 目标17个 / 总投资1322亿 / 五年454亿; 已登记 0 个（纲要点名未确认 29 个）". */
        public String summary() {
            return domain.name() + ": 目标" + domain.plannedCount() + "个 / 总投资" + plain(domain.totalInvestment())
                    + "亿 / 五年" + plain(domain.periodInvestment()) + "亿; 已登记 " + confirmed + " 个"
                    + (confirmed > 0 ? "（总投资" + fmt(confirmedTotal) + "亿 / 五年" + fmt(confirmedPeriod) + "亿）" : "")
                    + "，纲要点名未确认 " + named + " 个";
        }

        /** {@link #summary()} in English (the domain's name and the unit 亿元 as the plan writes them). */
        public String summaryEn() {
            return domain.name() + ": target " + domain.plannedCount() + " projects / total investment "
                    + plain(domain.totalInvestment()) + " 亿元 / " + plain(domain.periodInvestment())
                    + " 亿元 in the plan period; " + confirmed + " registered"
                    + (confirmed > 0 ? " (total investment " + fmt(confirmedTotal) + " 亿元 / " + fmt(confirmedPeriod)
                    + " 亿元 in the plan period)" : "")
                    + ", " + named + " named in the outline and not yet confirmed";
        }

        private static String plain(java.math.BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }

        private static String fmt(double d) {
            return java.math.BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
        }
    }

    /** A breakdown row (department or town): the year's planned and completed investment. */
    public record Breakdown(String code, String name, int projects, double planned, double completed, Double ratePct,
                            Signal signal) {}

    /** A milestone due soon. */
    public record DueMilestone(String projectCode, String projectName, String domainName, String milestone,
                               LocalDate plannedOn) {}

    public record Portfolio(int year, LocalDate asOf, double schedulePct, List<DomainView> domains,
                            int plannedCount, double plannedTotal, double plannedPeriod, long confirmed, long named,
                            List<String> reconciliation, List<Breakdown> byDepartment, List<Breakdown> byTown,
                            List<Row> lagging, List<DueMilestone> dueSoon) {}

    public Portfolio portfolio(long planId, int year, LocalDate asOf) {
        List<Row> rows = rows(planId, year, asOf);
        List<DomainView> domains = new ArrayList<>();
        List<String> recon = new ArrayList<>();
        for (ProjectDomain d : projects.domains(planId)) {
            List<Row> list = rows.stream().filter(r -> r.project().domainCode().equals(d.code())).toList();
            List<ProjectDetail> conf = list.stream().map(Row::project).filter(ProjectDetail::confirmed).toList();
            long named = list.size() - conf.size();
            double total = conf.stream().mapToDouble(p -> p.totalAmount() == null ? 0 : p.totalAmount()).sum();
            double period = conf.stream().mapToDouble(p -> p.periodAmount() == null ? 0 : p.periodAmount()).sum();
            double yp = list.stream().mapToDouble(r -> r.status().planned()).sum();
            double yc = list.stream().mapToDouble(r -> r.status().completed()).sum();
            DomainView v = new DomainView(d, conf.size(), named, total, period, named > d.plannedCount(),
                    conf.size() > d.plannedCount(), yp, yc, yp > 0 ? 100 * yc / yp : null, list);
            domains.add(v);
            if (v.namedExceedTarget()) {
                recon.add(d.name() + "：纲要点名项目 " + named + " 个，多于专栏8安排的 " + d.plannedCount()
                        + " 个——点名项目并非都在139个清单内，需以正式清单核对");
            }
            if (v.confirmedExceedTarget()) {
                recon.add(d.name() + "：已登记确认项目 " + conf.size() + " 个，超过专栏8安排的 " + d.plannedCount() + " 个");
            }
            if (conf.size() > 0 && conf.size() < d.plannedCount()) {
                recon.add(d.name() + "：已登记确认项目 " + conf.size() + " 个，少于专栏8安排的 " + d.plannedCount() + " 个");
            }
        }
        java.math.BigDecimal[] t = projects.totals(planId);
        long confirmed = domains.stream().mapToLong(DomainView::confirmed).sum();
        long named = domains.stream().mapToLong(DomainView::named).sum();
        List<Row> lagging = rows.stream()
                .filter(r -> r.status().signal() == Signal.RED || r.status().signal() == Signal.YELLOW)
                .sorted(Comparator.comparing((Row r) -> r.status().signal()).reversed()).toList();
        return new Portfolio(year, asOf, Schedule.yearElapsed(year, asOf), domains, t[0].intValue(),
                t[1].doubleValue(), t[2].doubleValue(), confirmed, named, recon,
                breakdown(rows, r -> r.project().deptCode() == null ? List.of() : List.of(r.project().deptCode()),
                        code -> name(planId, code), year, asOf),
                breakdown(rows, r -> r.project().townCodes(), code -> name(planId, code), year, asOf),
                lagging, dueWithin(rows, asOf, 90));
    }

    private String name(long planId, String code) {
        return org.findByCode(planId, code).map(OrgUnit::name).orElse(code);
    }

    private List<Breakdown> breakdown(List<Row> rows, Function<Row, List<String>> keys, Function<String, String> names,
                                      int year, LocalDate asOf) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Row r : rows) {
            for (String k : keys.apply(r)) {
                double[] s = sums.computeIfAbsent(k, x -> new double[3]);
                s[0]++;
                s[1] += r.status().planned();
                s[2] += r.status().completed();
            }
        }
        double sched = Schedule.yearElapsed(year, asOf);
        List<Breakdown> out = new ArrayList<>();
        sums.forEach((k, s) -> {
            Double rate = s[1] > 0 ? 100 * s[2] / s[1] : null;
            out.add(new Breakdown(k, names.apply(k), (int) s[0], s[1], s[2], rate,
                    rate == null ? Signal.NONE : schedule.signal(sched - rate, false)));
        });
        return out;
    }

    /** Planned milestones without an actual date falling within the next {@code days} days. */
    public List<DueMilestone> dueWithin(List<Row> rows, LocalDate asOf, int days) {
        LocalDate until = asOf.plusDays(days);
        List<DueMilestone> out = new ArrayList<>();
        for (Row r : rows) {
            for (ProjectDetail.Milestone m : r.project().milestones()) {
                if (m.actualOn() == null && m.plannedOn() != null && !m.plannedOn().isBefore(asOf)
                        && !m.plannedOn().isAfter(until)) {
                    out.add(new DueMilestone(r.project().code(), r.project().name(), r.project().domainName(),
                            m.kind().label(), m.plannedOn()));
                }
            }
        }
        out.sort(Comparator.comparing(DueMilestone::plannedOn));
        return out;
    }

    /** The id of a department by code, or 400. */
    public Long deptId(long planId, String code) {
        return org.findByCode(planId, code).filter(u -> u.type() == OrgUnit.Type.DEPARTMENT).map(OrgUnit::id)
                .orElseThrow(() -> Actor.bad("未知部门: " + code));
    }

    /** Projects concerning a town (by town code). */
    public List<ProjectDetail> byTown(long planId, String townCode) {
        return projects.details(planId).stream().filter(p -> p.townCodes().contains(townCode)).toList();
    }

    // ------------------------------------------------------------------ registry edits

    /** Sets the planned investment per year, the plan-period amount (their sum) and key milestones. */
    @Transactional
    public ProjectDetail plan(long planId, String code, int expectedVersion, Map<Integer, Double> yearPlans,
                              Map<ProjectDetail.MilestoneKind, LocalDate[]> milestones, Long deptId,
                              List<String> townCodes) {
        Actor a = Actor.current(users);
        if (!a.admin()) {
            throw Actor.forbidden("只有规划管理员可以修改项目登记信息");
        }
        ProjectDetail p = projects.detail(planId, code).orElseThrow(() -> Actor.bad("项目不存在: " + code));
        long domainId = projects.domains(planId).stream().filter(d -> d.code().equals(p.domainCode())).findFirst()
                .orElseThrow().id();
        double period = yearPlans.values().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).sum();
        if (!projects.updateRegistry(p.id(), expectedVersion, new ProjectRepository.RegistryFields(p.name(), domainId,
                p.stageLabel(), p.stage(), p.confirmed(), p.ownerUnit(), deptId != null ? deptId : p.deptId(),
                p.projectType(), p.totalAmount(), yearPlans.isEmpty() ? p.periodAmount() : period, p.startOn(),
                p.finishOn(), null), a.username())) {
            throw Actor.conflict("项目已被他人修改，请刷新后重试 (version " + expectedVersion + ")");
        }
        if (!yearPlans.isEmpty()) {
            projects.setYearPlans(p.id(), yearPlans);
        }
        if (milestones != null) {
            milestones.forEach((k, d) -> projects.setMilestone(p.id(), k, d[0], d[1]));
        }
        if (townCodes != null) {
            projects.setTowns(p.id(), townCodes.stream().map(t -> org.findByCode(planId, t)
                    .orElseThrow(() -> Actor.bad("未知镇街: " + t)).id()).toList());
        }
        ProjectDetail after = projects.detailById(p.id()).orElseThrow();
        audit.record(a.username(), "PROJECT_EDIT", "project:" + p.id(), p.name() + "：规划期投资 "
                + amountText(p.periodAmount()) + " → " + amountText(after.periodAmount()) + "；责任部门 "
                + p.deptName() + " → " + after.deptName());
        return after;
    }

    // ------------------------------------------------------------------ investment reports

    /** Saves (creates or edits) a report as DRAFT, or submits it directly when {@code submit}. */
    @Transactional
    public InvestmentReport saveReport(long planId, String code, int year, String period, double amount,
                                       Project.Stage stage, String note, Integer expectedVersion, boolean submit) {
        Actor a = Actor.current(users);
        ProjectDetail p = projects.detail(planId, code).orElseThrow(() -> Actor.bad("项目不存在: " + code));
        if (!a.mayReportFor(p.deptId())) {
            throw Actor.forbidden("只有项目责任部门的填报人员可以填报投资完成情况");
        }
        if (!PERIOD.matcher(period).matches()) {
            throw Actor.bad("期间须为 M01..M12 或 Q1..Q4: " + period);
        }
        if (!Double.isFinite(amount) || amount < 0 || amount >= 1e12) {
            throw Actor.bad("完成投资须为不小于 0 的数字（亿元）: " + amount);
        }
        ReportState target = submit ? ReportState.SUBMITTED : ReportState.DRAFT;
        var existing = projects.report(p.id(), year, period);
        long id;
        if (existing.isEmpty()) {
            id = projects.insertReport(p.id(), year, period, amount, stage, note, target, a.username());
        } else {
            InvestmentReport r = existing.get();
            if (!r.state().editable()) {
                throw Actor.conflict("该期报告处于“" + r.state().label() + "”状态，不能修改");
            }
            if (expectedVersion == null) {
                throw Actor.bad("该期投资填报已有记录，修改须带上版本号（version）：请在填报列表中点“修改”");
            }
            if (!projects.updateReport(r.id(), expectedVersion, amount, stage, note, target, a.username())) {
                throw Actor.conflict("报告已被他人修改，请刷新后重试");
            }
            id = r.id();
        }
        InvestmentReport saved = projects.report(id).orElseThrow();
        projects.insertReportRevision(saved, submit ? "提交" : "保存草稿");
        audit.record(a.username(), submit ? "PROJECT_REPORT_SUBMIT" : "PROJECT_REPORT_SAVE", "project:" + p.id(),
                p.name() + " " + cn.lantu.web.Formats.periodZh(year, period) + "完成投资："
                        + existing.map(r -> amountText(r.amount()) + "（" + r.state().label() + "）").orElse("（新建）")
                        + " → " + amountText(amount) + "（" + saved.state().label() + "）");
        return saved;
    }

    /** Moves a report through the workflow: SUBMIT, SIGN_OFF, APPROVE or RETURN (with a reason). */
    @Transactional
    public InvestmentReport transition(long reportId, String action, int expectedVersion, String reason) {
        Actor a = Actor.current(users);
        InvestmentReport r = projects.report(reportId).orElseThrow(() -> Actor.bad("报告不存在"));
        ReportState to;
        switch (action) {
            case "SUBMIT" -> {
                require(a.mayReportFor(r.deptId()), "无权提交");
                state(r.state().editable(), "只有草稿或退回的报告可以提交");
                to = ReportState.SUBMITTED;
            }
            case "SIGN_OFF" -> {
                require(a.maySignOffFor(r.deptId()), "只有责任部门审核人可以审核");
                state(r.state() == ReportState.SUBMITTED, "只有已提交的报告可以审核");
                to = ReportState.SIGNED_OFF;
            }
            case "APPROVE" -> {
                require(a.admin(), "只有规划管理员可以批准");
                state(r.state() == ReportState.SUBMITTED || r.state() == ReportState.SIGNED_OFF,
                        "只有已提交或已审核的报告可以批准");
                to = ReportState.APPROVED;
            }
            case "RETURN" -> {
                require(a.maySignOffFor(r.deptId()), "无权退回");
                state(r.state() == ReportState.SUBMITTED || r.state() == ReportState.SIGNED_OFF
                        || (a.admin() && r.state() == ReportState.APPROVED), "该状态不能退回");
                if (reason == null || reason.isBlank()) {
                    throw Actor.bad("退回须填写原因");
                }
                to = ReportState.RETURNED;
            }
            default -> throw Actor.bad("未知操作: " + action);
        }
        if (!projects.updateReport(r.id(), expectedVersion, r.amount(), r.stage(), r.note(), to, a.username())) {
            throw Actor.conflict("报告已被他人修改，请刷新后重试");
        }
        InvestmentReport saved = projects.report(r.id()).orElseThrow();
        projects.insertReportRevision(saved, reason == null || reason.isBlank() ? to.label() : reason);
        audit.record(a.username(), "PROJECT_REPORT_" + action, "project:" + r.projectId(), r.projectName() + " "
                + cn.lantu.web.Formats.periodZh(r.year(), r.period()) + "完成投资" + amountText(r.amount()) + "："
                + r.state().label() + " → " + to.label() + (reason == null || reason.isBlank() ? "" : "，原因：" + reason));
        if (to == ReportState.APPROVED && r.stage() != null) {
            ProjectDetail p = projects.detailById(r.projectId()).orElseThrow();
            if (r.stage().ordinal() > p.stage().ordinal()) {
                projects.setStage(p.id(), r.stage(), a.username());
            }
        }
        return saved;
    }

    private static String amountText(Double amount) {
        return amount == null ? "（未填）"
                : new java.math.BigDecimal(String.valueOf(amount)).stripTrailingZeros().toPlainString() + "亿元";
    }

    private static void state(boolean ok, String why) {
        if (!ok) {
            throw Actor.conflict(why);
        }
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            throw Actor.forbidden(why);
        }
    }
}
