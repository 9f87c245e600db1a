package cn.lantu.security;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.audit.AuditLog;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;

/**
 * The system administrator (系统管理员) manages accounts (each belongs to at most one org unit) and org units.
 * Roles beyond the ordinary ones, locks and tokens are the security administrator's ({@link SecurityAdminController}),
 * and so are password resets of the three administrators' own accounts. Every change is audited.
 */
@Controller
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class AdminController {

    private final UserRepository users;
    private final UserService service;
    private final OrgRepository org;
    private final PlanRepository plans;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    AdminController(UserRepository users, UserService service, OrgRepository org, PlanRepository plans,
                    AuditLog audit, JdbcClient jdbc) {
        this.users = users;
        this.service = service;
        this.org = org;
        this.plans = plans;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    private List<OrgUnit> units() {
        List<Plan> all = plans.findAll();
        if (all.isEmpty()) {
            return List.of();
        }
        long planId = all.get(0).id();
        List<OrgUnit> out = new java.util.ArrayList<>(org.findByType(planId, OrgUnit.Type.CITY));
        out.addAll(org.findByType(planId, OrgUnit.Type.DEPARTMENT));
        out.addAll(org.findByType(planId, OrgUnit.Type.TOWN));
        return out;
    }

    /** Each administrator's own page. */
    @GetMapping("/admin")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','SECURITY_ADMIN','AUDIT_ADMIN','ADMIN')")
    String index(Principal principal) {
        Role role = users.findByUsername(principal.getName()).map(AppUser::role).orElse(Role.ADMIN);
        return switch (role) {
            case SYSTEM_ADMIN -> "redirect:/admin/users";
            case SECURITY_ADMIN -> "redirect:/admin/security";
            case AUDIT_ADMIN -> "redirect:/admin/audit";
            default -> "redirect:/admin/responsibilities";
        };
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        List<OrgUnit> units = units();
        model.addAttribute("users", users.findAll());
        model.addAttribute("units", units);
        model.addAttribute("unitNames", units.stream().collect(
                java.util.stream.Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a)));
        model.addAttribute("roles", Role.ORDINARY);
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
                  @RequestParam Role role, @RequestParam(required = false) Long orgUnitId,
                  @RequestParam(required = false) String email, Principal principal, RedirectAttributes flash) {
        try {
            if (!username.matches("[A-Za-z0-9._-]{2,60}")) {
                throw new IllegalArgumentException("用户名只能包含字母、数字、点、下划线和连字符");
            }
            if (users.findByUsername(username).isPresent()) {
                throw new IllegalArgumentException("用户名已存在");
            }
            if (!Role.ORDINARY.contains(role)) {
                throw new IllegalArgumentException(role.label() + "角色只能由安全管理员授予");
            }
            if (role.needsUnit() && orgUnitId == null) {
                throw new IllegalArgumentException("填报员和审核人必须属于一个单位");
            }
            long id = service.createAccount(username, displayName, password, role, orgUnitId);
            if (email != null && !email.isBlank()) {
                AppUser u = users.findById(id).orElseThrow();
                users.update(id, u.displayName(), u.role(), u.orgUnitId(), email.trim(), true);
            }
            audit.record(principal.getName(), "USER_CREATE", "user:" + username,
                    "角色：" + role.label() + "；单位：" + unitName(orgUnitId) + "；邮箱：" + orEmpty(email));
            flash.addFlashAttribute("message", "已创建用户 " + username);
        } catch (PasswordPolicy.Rejected e) {
            flash.addFlashAttribute("newPasswordError", e.getMessage());
            flash.addFlashAttribute("newUser", Map.of("username", username, "displayName", displayName,
                    "email", email == null ? "" : email));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    /**
     * Saves a user's account details. A password reset or disabling the account ends the user's access at once
     * (see {@link UserService#update} and {@link UserService#changePassword}); the administrator's own current
     * session is kept when they change themselves. The role is kept: the security administrator changes it.
     */
    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @RequestParam String displayName,
                  @RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) String email,
                  @RequestParam(defaultValue = "false") boolean enabled,
                  @RequestParam(required = false) String password, Principal principal, HttpServletRequest request,
                  RedirectAttributes flash) {
        AppUser before = users.findById(id).orElseThrow();
        boolean self = before.username().equals(principal.getName());
        HttpSession session = request.getSession(false);
        String keep = self && session != null ? session.getId() : null;
        Role role = before.role();
        try {
            if (self && !enabled) {
                throw new IllegalArgumentException("不能停用自己的账号");
            }
            service.checkLastHolder(before, role, enabled, principal.getName());
            if (password != null && !password.isBlank()) {
                if (role.systemAdministration() && !self) {
                    throw new IllegalArgumentException(role.label() + "的密码只能由安全管理员重设");
                }
                service.resetPassword(id, password, keep);
                audit.record(principal.getName(), "USER_PASSWORD", "user:" + before.username(),
                        "重设密码；已结束其全部会话并吊销其接口令牌");
            }
            UserService.Ended ended = service.update(id, displayName, role, orgUnitId,
                    email == null || email.isBlank() ? null : email.trim(), enabled);
            if (keep != null) {
                users.findAccount(before.username())
                        .ifPresent(a -> session.setAttribute(AccountCheckFilter.STAMP, a.stamp()));
            }
            audit.record(principal.getName(), "USER_UPDATE", "user:" + before.username(),
                    "姓名：" + before.displayName() + "→" + displayName + "；单位：" + unitName(before.orgUnitId())
                            + "→" + unitName(orgUnitId) + "；启用：" + yesNo(before.enabled()) + "→" + yesNo(enabled)
                            + "；邮箱：" + orEmpty(before.email()) + "→" + orEmpty(email) + "；" + ended.describe());
            flash.addFlashAttribute("message", "已保存用户 " + before.username());
        } catch (PasswordPolicy.Rejected e) {
            flash.addFlashAttribute("resetPasswordError", e.getMessage());
            flash.addFlashAttribute("resetPasswordUser", id);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/org-units")
    String orgUnits(Model model) {
        model.addAttribute("units", units());
        return "admin/org-units";
    }

    @PostMapping("/admin/org-units")
    String createUnit(@RequestParam String code, @RequestParam String name,
                      @RequestParam(required = false) String shortName, @RequestParam OrgUnit.Type type,
                      Principal principal, RedirectAttributes flash) {
        Plan plan = plans.findAll().get(0);
        if (!code.matches("[A-Z0-9_]{2,40}") || org.findByCode(plan.id(), code).isPresent()) {
            flash.addFlashAttribute("error", "代码须为大写字母/数字且不重复");
            return "redirect:/admin/org-units";
        }
        if (type != OrgUnit.Type.DEPARTMENT && type != OrgUnit.Type.TOWN) {
            flash.addFlashAttribute("error", "只能新增部门或镇街");
            return "redirect:/admin/org-units";
        }
        int ordinal = jdbc.sql("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM org_unit WHERE plan_id = ?")
                .param(plan.id()).query(Integer.class).single();
        org.insert(new OrgUnit(0, plan.id(), code, name, shortName, type, null, null, null, null, true, ordinal,
                List.of()));
        audit.record(principal.getName(), "ORG_UNIT_CREATE", "org:" + name, name + "（" + type.label() + "）");
        flash.addFlashAttribute("message", "已新增 " + name);
        return "redirect:/admin/org-units";
    }

    @PostMapping("/admin/org-units/{id}")
    String renameUnit(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) String shortName,
                      Principal principal, RedirectAttributes flash) {
        OrgUnit before = org.findById(id).orElseThrow();
        jdbc.sql("UPDATE org_unit SET name = ?, short_name = ? WHERE id = ?").params(name, shortName, id).update();
        audit.record(principal.getName(), "ORG_UNIT_UPDATE", "org:" + before.name(),
                "名称：" + before.name() + "→" + name + "；简称：" + orEmpty(before.shortName()) + "→" + orEmpty(shortName));
        flash.addFlashAttribute("message", "已保存 " + name);
        return "redirect:/admin/org-units";
    }

    private String unitName(Long id) {
        return id == null ? "无" : org.findById(id).map(OrgUnit::name).orElse("无");
    }

    private static String orEmpty(String s) {
        return s == null || s.isBlank() ? "无" : s.trim();
    }

    private static String yesNo(boolean b) {
        return b ? "是" : "否";
    }
}
