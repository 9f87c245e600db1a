package cn.lantu.collection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.audit.AuditLog;
import cn.lantu.org.OrgUnit;
import cn.lantu.org.OrgRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;

/**
 * The plan office edits responsibilities (lead/cooperating units, frequency, town breakdown) and reporting periods.
 * Rows loaded from the package stay marked 默认分工，待规划办审核 until the plan office saves them.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ResponsibilityAdminController {

    record Row(long id, long indicatorId, String code, String name, long orgUnitId, String orgName, String role,
               String frequency, String townBreakdown, boolean isDefault) {}

    private final JdbcClient jdbc;
    private final PlanRepository plans;
    private final OrgRepository org;
    private final AuditLog audit;
    private final ReportingPeriods periods;
    private final cn.lantu.plan.PlanChanges changes;

    ResponsibilityAdminController(JdbcClient jdbc, PlanRepository plans, OrgRepository org, AuditLog audit,
                                  ReportingPeriods periods, cn.lantu.plan.PlanChanges changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.plans = plans;
        this.org = org;
        this.audit = audit;
        this.periods = periods;
    }

    private Plan plan() {
        return plans.findAll().get(0);
    }

    @GetMapping("/admin/responsibilities")
    String page(Model model) {
        Plan p = plan();
        model.addAttribute("rows", jdbc.sql("""
                SELECT r.id, i.id AS iid, i.code, i.name, o.id AS oid, o.name AS oname, r.role, r.frequency,
                  r.town_breakdown, r.is_default
                FROM responsibility r JOIN indicator i ON i.id = r.indicator_id JOIN org_unit o ON o.id = r.org_unit_id
                WHERE i.plan_id = ?
                ORDER BY CASE WHEN i.table_row IS NULL THEN 1 ELSE 0 END, i.table_row, i.code, r.role DESC, o.ordinal
                """).param(p.id()).query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getBoolean(10))).list());
        List<OrgUnit> units = new java.util.ArrayList<>(org.findByType(p.id(), OrgUnit.Type.DEPARTMENT));
        model.addAttribute("units", units);
        model.addAttribute("periods", periods.all(p));
        return "admin/responsibilities";
    }

    @PostMapping("/admin/responsibilities")
    String save(@RequestParam long id, @RequestParam long orgUnitId, @RequestParam String role,
                @RequestParam String frequency, @RequestParam String townBreakdown, Authentication auth,
                RedirectAttributes flash) {
        if (!List.of("LEAD", "COOPERATE").contains(role) || !List.of("ANNUAL", "QUARTERLY", "MONTHLY").contains(frequency)
                || !List.of("NONE", "SUM", "AVERAGE", "CITY_SEPARATE").contains(townBreakdown)) {
            flash.addFlashAttribute("error", "取值无效");
            return "redirect:/admin/responsibilities";
        }
        Map<String, Object> before = jdbc.sql("SELECT * FROM responsibility WHERE id = ?").param(id).query()
                .singleRow();
        try {
            jdbc.sql("""
                    UPDATE responsibility SET org_unit_id = ?, role = ?, frequency = ?, town_breakdown = ?,
                      is_default = FALSE WHERE id = ?
                    """).params(orgUnitId, role, frequency, townBreakdown, id).update();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            flash.addFlashAttribute("error", "该单位已对此指标承担职责");
            return "redirect:/admin/responsibilities";
        }
        changes.touchByIndicator(((Number) before.get("indicator_id")).longValue());
        audit.record(auth.getName(), "RESPONSIBILITY_UPDATE", "responsibility:" + id + " " + indicatorName(
                ((Number) before.get("indicator_id")).longValue()),
                "单位：" + unitName(((Number) before.get("org_unit_id")).longValue()) + "→" + unitName(orgUnitId)
                        + "；分工：" + roleLabel((String) before.get("role")) + "→" + roleLabel(role)
                        + "；频次：" + frequencyLabel((String) before.get("frequency")) + "→" + frequencyLabel(frequency)
                        + "；镇街分解：" + TownBreakdown.ruleLabel((String) before.get("town_breakdown")) + "→"
                        + TownBreakdown.ruleLabel(townBreakdown));
        flash.addFlashAttribute("message", "已保存（已审核）");
        return "redirect:/admin/responsibilities";
    }

    @PostMapping("/admin/responsibilities/add")
    String add(@RequestParam long indicatorId, @RequestParam long orgUnitId, Authentication auth,
               RedirectAttributes flash) {
        try {
            jdbc.sql("""
                    INSERT INTO responsibility (indicator_id, org_unit_id, role, frequency, town_breakdown, is_default)
                    VALUES (?, ?, 'COOPERATE', 'ANNUAL', 'NONE', FALSE)""").params(indicatorId, orgUnitId).update();
            changes.touchByIndicator(indicatorId);
            audit.record(auth.getName(), "RESPONSIBILITY_ADD", "indicator:" + indicatorId + " "
                    + indicatorName(indicatorId), "配合单位：" + unitName(orgUnitId));
            flash.addFlashAttribute("message", "已添加配合单位");
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            flash.addFlashAttribute("error", "该单位已对此指标承担职责");
        }
        return "redirect:/admin/responsibilities";
    }

    @PostMapping("/admin/periods")
    String period(@RequestParam int year, @RequestParam String period, @RequestParam LocalDate dueDate,
                  @RequestParam(defaultValue = "false") boolean open, Authentication auth, RedirectAttributes flash) {
        periods.set(plan(), year, period, dueDate, open);
        audit.record(auth.getName(), "PERIOD_SET", "period:" + cn.lantu.web.Formats.periodZh(year, period),
                FigureApiController.periodDetail(dueDate, open));
        flash.addFlashAttribute("message", "已保存填报期 " + cn.lantu.web.Formats.periodZh(year, period));
        return "redirect:/admin/responsibilities#periods";
    }

    private String unitName(long id) {
        return org.findById(id).map(OrgUnit::name).orElse(String.valueOf(id));
    }

    private String indicatorName(long id) {
        return jdbc.sql("SELECT name FROM indicator WHERE id = ?").param(id).query(String.class).optional()
                .orElse(String.valueOf(id));
    }

    static String roleLabel(String role) {
        return "LEAD".equals(role) ? "牵头" : "COOPERATE".equals(role) ? "配合" : String.valueOf(role);
    }

    static String frequencyLabel(String f) {
        return f == null ? "" : switch (f) {
            case "MONTHLY" -> "月报";
            case "QUARTERLY" -> "季报";
            case "ANNUAL" -> "年报";
            default -> f;
        };
    }
}
