package cn.lantu.project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.audit.AuditLog;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.security.Actor;
import cn.lantu.security.UserRepository;
import cn.lantu.web.Formats;
import cn.lantu.web.Versions;

/**
 * The plan office registers and edits a project in full: name, domain, towns, owner unit, responsible department,
 * stage, type, total investment, the investment plan by year, the key milestones (planned and actual) and the
 * blocking factors (要素保障) with the unit that must act and the date by which. The project's department (or the
 * plan office) clears an overdue milestone by entering its actual date. Each write names the project's version and
 * leaves an audit entry with before and after.
 */
@Service
public class ProjectEditor {

    static final int NAME_MAX = 200;
    static final int NOTE_MAX = 2000;

    private final ProjectRepository projects;
    private final ProjectBlockers blockers;
    private final ProjectService service;
    private final OrgRepository org;
    private final UserRepository users;
    private final AuditLog audit;

    ProjectEditor(ProjectRepository projects, ProjectBlockers blockers, ProjectService service, OrgRepository org,
                  UserRepository users, AuditLog audit) {
        this.projects = projects;
        this.blockers = blockers;
        this.service = service;
        this.org = org;
        this.users = users;
        this.audit = audit;
    }

    /** Planned and actual date of a milestone. */
    public record Dates(LocalDate plannedOn, LocalDate actualOn) {}

    /** A blocking factor: null {@code id} adds one; {@code unit} is the code of the unit that must act. */
    public record BlockerEdit(Long id, ProjectDetail.Factor factor, String note, String unit, LocalDate dueOn,
                              Boolean resolved) {}

    /**
     * A project as registered. {@code code} is the project's code (blank: generated on registration);
     * {@code domain}, {@code dept} and {@code towns} are codes; {@code stage} a {@link Project.Stage} name.
     */
    public record Registration(Integer version, String code, String name, String domain, List<String> towns,
                               String ownerUnit, String dept, String stage, String type, Double totalAmount,
                               Map<Integer, Double> yearPlans, Map<ProjectDetail.MilestoneKind, Dates> milestones,
                               List<BlockerEdit> blockers) {}

    @Transactional
    public ProjectDetail create(Plan plan, Registration r) {
        Actor a = admin();
        String code = r.code() == null || r.code().isBlank() ? nextCode(plan) : r.code().strip();
        if (!code.matches("[A-Za-z0-9._-]{1,40}")) {
            throw Actor.bad("项目代码只能由字母、数字和 . _ - 组成（不超过40个字符）: " + code);
        }
        if (projects.idByCode(plan.id(), code).isPresent()) {
            throw Actor.conflict("项目代码已存在: " + code);
        }
        ProjectRepository.RegistryFields f = fields(plan, r, null);
        long id = projects.insertRegistered(plan.id(), code, f, a.username());
        writeParts(plan, id, r, a);
        ProjectDetail after = projects.detailById(id).orElseThrow();
        audit.record(a.username(), "PROJECT_CREATE", "project:" + id, "登记项目 " + describe(after));
        return after;
    }

    @Transactional
    public ProjectDetail update(Plan plan, String code, Registration r) {
        Actor a = admin();
        int version = Versions.require(r.version());
        ProjectDetail before = projects.detail(plan.id(), code).orElseThrow(() -> Actor.bad("项目不存在: " + code));
        if (!projects.updateRegistry(before.id(), version, fields(plan, r, before), a.username())) {
            throw Actor.conflict("项目已被他人修改，请刷新后重试");
        }
        writeParts(plan, before.id(), r, a);
        ProjectDetail after = projects.detailById(before.id()).orElseThrow();
        audit.record(a.username(), "PROJECT_EDIT", "project:" + before.id(), after.name() + "：" + describe(before)
                + " → " + describe(after));
        return after;
    }

    /** Enters the actual date of a milestone (clearing it when it was overdue); department or plan office. */
    @Transactional
    public ProjectDetail complete(Plan plan, String code, ProjectDetail.MilestoneKind kind, Integer version,
                                  LocalDate actualOn) {
        Actor a = Actor.current(users);
        int expected = Versions.require(version);
        ProjectDetail p = projects.detail(plan.id(), code).orElseThrow(() -> Actor.bad("项目不存在: " + code));
        if (!a.mayReportFor(p.deptId())) {
            throw Actor.forbidden("只有规划办和项目责任部门可以填写节点的实际完成日期");
        }
        ProjectDetail.Milestone m = p.milestones().stream().filter(x -> x.kind() == kind).findFirst()
                .orElseThrow(() -> Actor.bad("该项目没有“" + kind.label() + "”节点"));
        if (actualOn == null) {
            throw Actor.bad("请填写实际完成日期");
        }
        if (actualOn.isAfter(service.today())) {
            throw Actor.bad("实际完成日期不能晚于今天");
        }
        if (!projects.bumpVersion(p.id(), expected, a.username())) {
            throw Actor.conflict("项目已被他人修改，请刷新后重试");
        }
        projects.setMilestone(p.id(), kind, m.plannedOn(), actualOn);
        audit.record(a.username(), "PROJECT_MILESTONE_DONE", "project:" + p.id(), p.name() + "：" + kind.label()
                + "节点实际完成日期 " + dateText(m.actualOn()) + " → " + dateText(actualOn) + "（计划 "
                + dateText(m.plannedOn()) + "）");
        return projects.detailById(p.id()).orElseThrow();
    }

    private Actor admin() {
        Actor a = Actor.current(users);
        if (!a.admin()) {
            throw Actor.forbidden("只有规划办可以登记和修改重大项目");
        }
        return a;
    }

    private String nextCode(Plan plan) {
        int n = projects.nextOrdinal(plan.id());
        String code = "XM-" + n;
        while (projects.idByCode(plan.id(), code).isPresent()) {
            code = "XM-" + (++n);
        }
        return code;
    }

    private ProjectRepository.RegistryFields fields(Plan plan, Registration r, ProjectDetail before) {
        if (r.name() == null || r.name().isBlank() || r.name().strip().length() > NAME_MAX) {
            throw Actor.bad("项目名称须填写，且不超过 " + NAME_MAX + " 个字");
        }
        long domainId = projects.domains(plan.id()).stream().filter(d -> d.code().equals(r.domain())).findFirst()
                .orElseThrow(() -> Actor.bad("未知领域: " + r.domain())).id();
        Long dept = r.dept() == null || r.dept().isBlank() ? null : unit(plan, r.dept(), OrgUnit.Type.DEPARTMENT);
        Project.Stage stage = ProjectVocabulary.stage(r.stage());
        if (stage == null) {
            throw Actor.bad("未知阶段: " + r.stage() + "（" + ProjectVocabulary.allowedStages() + "）");
        }
        String type = r.type() == null || r.type().isBlank() ? null : ProjectVocabulary.type(r.type());
        if (r.type() != null && !r.type().isBlank() && type == null) {
            throw Actor.bad("未知项目类型: " + r.type() + "（" + ProjectVocabulary.allowedTypes() + "）");
        }
        Map<Integer, Double> years = r.yearPlans() == null ? Map.of() : r.yearPlans();
        years.forEach((y, v) -> {
            if (y == null || y < plan.periodStart() || y > plan.periodEnd()) {
                throw Actor.bad("投资计划年度须在规划期 " + plan.periodStart() + "–" + plan.periodEnd() + " 内: " + y);
            }
            if (v != null && (!Double.isFinite(v) || v < 0)) {
                throw Actor.bad(y + "年计划投资须为不小于 0 的数字");
            }
        });
        if (r.totalAmount() != null && (!Double.isFinite(r.totalAmount()) || r.totalAmount() < 0)) {
            throw Actor.bad("总投资须为不小于 0 的数字");
        }
        double period = years.values().stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum();
        if (r.totalAmount() != null && period > r.totalAmount() + 1e-9) {
            throw Actor.bad("各年计划投资合计 " + amount(period) + " 亿元大于总投资 " + amount(r.totalAmount())
                    + " 亿元");
        }
        Map<ProjectDetail.MilestoneKind, Dates> ms = r.milestones() == null ? Map.of() : r.milestones();
        ms.forEach((k, d) -> {
            if (d != null && d.actualOn() != null && d.actualOn().isAfter(service.today())) {
                throw Actor.bad(k.label() + "节点的实际完成日期不能晚于今天");
            }
        });
        LocalDate start = planned(ms, ProjectDetail.MilestoneKind.START);
        LocalDate finish = planned(ms, ProjectDetail.MilestoneKind.COMPLETION);
        if (start != null && finish != null && finish.isBefore(start)) {
            throw Actor.bad("计划竣工日期早于计划开工日期");
        }
        if (r.blockers() != null) {
            for (BlockerEdit b : r.blockers()) {
                if (b == null || b.factor() == null) {
                    throw Actor.bad("要素保障问题须选择类型（" + ProjectVocabulary.allowedFactors() + "）");
                }
                if (b.note() == null || b.note().isBlank() || b.note().length() > NOTE_MAX) {
                    throw Actor.bad("要素保障问题须填写情况说明，且不超过 " + NOTE_MAX + " 个字");
                }
            }
        }
        return new ProjectRepository.RegistryFields(r.name().strip(), domainId,
                before == null ? null : before.stageLabel(), stage, before == null || before.confirmed(),
                blankToNull(r.ownerUnit()), dept, type, r.totalAmount(), years.isEmpty() ? null : period, start,
                finish, null);
    }

    private static LocalDate planned(Map<ProjectDetail.MilestoneKind, Dates> ms, ProjectDetail.MilestoneKind k) {
        Dates d = ms.get(k);
        return d == null ? null : d.plannedOn();
    }

    private void writeParts(Plan plan, long id, Registration r, Actor a) {
        projects.setYearPlans(id, r.yearPlans() == null ? Map.of() : new TreeMap<>(r.yearPlans()));
        if (r.towns() != null) {
            projects.setTowns(id, r.towns().stream().distinct().map(t -> unit(plan, t, OrgUnit.Type.TOWN)).toList());
        }
        if (r.milestones() != null) {
            for (ProjectDetail.MilestoneKind k : ProjectDetail.MilestoneKind.values()) {
                Dates d = r.milestones().get(k);
                projects.setMilestone(id, k, d == null ? null : d.plannedOn(), d == null ? null : d.actualOn());
            }
        }
        if (r.blockers() != null) {
            List<ProjectBlockers.Write> writes = new ArrayList<>();
            for (BlockerEdit b : r.blockers()) {
                Long unit = b.unit() == null || b.unit().isBlank() ? null : org.findByCode(plan.id(), b.unit())
                        .map(OrgUnit::id).orElseThrow(() -> Actor.bad("未知单位: " + b.unit()));
                String status = Boolean.TRUE.equals(b.resolved()) ? "RESOLVED" : "OPEN";
                writes.add(new ProjectBlockers.Write(b.id(), b.factor(), status, b.note().strip(), unit, b.dueOn()));
            }
            blockers.replace(id, writes, a.username());
        }
    }

    private long unit(Plan plan, String code, OrgUnit.Type type) {
        return org.findByCode(plan.id(), code).filter(u -> u.type() == type).map(OrgUnit::id)
                .orElseThrow(() -> Actor.bad("未知" + type.label() + ": " + code));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String amount(double v) {
        return new java.math.BigDecimal(String.valueOf(v)).stripTrailingZeros().toPlainString();
    }

    private static String dateText(LocalDate d) {
        return d == null ? "（无）" : Formats.dateZh(d);
    }

    /** A project in words for the audit log: fields, plan by year, milestones, blocking factors. */
    static String describe(ProjectDetail p) {
        String years = p.yearPlans().entrySet().stream().map(e -> e.getKey() + "年" + amount(e.getValue()))
                .collect(Collectors.joining("、"));
        String ms = p.milestones().stream().map(m -> m.kind().label() + " 计划" + dateText(m.plannedOn())
                + (m.actualOn() == null ? "" : " 实际" + dateText(m.actualOn()))).collect(Collectors.joining("，"));
        String bs = p.blockers().stream().map(b -> b.factor().label() + "：" + b.note()
                + (b.actUnitName() == null ? "" : "（" + b.actUnitName() + "）")
                + (b.dueOn() == null ? "" : " 限" + dateText(b.dueOn())) + (b.resolved() ? " 已解决" : " 待解决"))
                .collect(Collectors.joining("；"));
        return "【" + p.name() + "｜" + p.domainName() + "｜" + p.stage().label() + "｜业主 "
                + (p.ownerUnit() == null ? "—" : p.ownerUnit()) + "｜责任部门 " + (p.deptName() == null ? "—" : p.deptName())
                + "｜总投资 " + (p.totalAmount() == null ? "—" : amount(p.totalAmount())) + "亿元｜年度计划 "
                + (years.isEmpty() ? "—" : years) + "｜节点 " + (ms.isEmpty() ? "—" : ms) + "｜要素保障 "
                + (bs.isEmpty() ? "—" : bs) + "】";
    }
}
