package cn.lantu.security;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The security administrator (安全管理员): grants roles, lifts login locks, revokes API tokens and resets the
 * passwords of the three administrators' accounts. Creates no account and reads no audit log. A role change ends the
 * user's tokens, and every request already reads the current role ({@link AccountCheckFilter}). Every change is
 * audited; the JSON API mirrors the page.
 */
@Controller
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class SecurityAdminController {

    private final UserRepository users;
    private final UserService service;
    private final AuditLog audit;

    SecurityAdminController(UserRepository users, UserService service, AuditLog audit) {
        this.users = users;
        this.service = service;
        this.audit = audit;
    }

    @GetMapping("/admin/security")
    String page(Model model) {
        model.addAttribute("accounts", users.securityStates());
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", Instant.now());
        return "admin/security";
    }

    @PostMapping("/admin/security/{id}/role")
    String role(@PathVariable long id, @RequestParam Role role, Principal principal, RedirectAttributes flash) {
        return done(flash, id, () -> changeRole(id, role, principal.getName()));
    }

    @PostMapping("/admin/security/{id}/unlock")
    String unlock(@PathVariable long id, Principal principal, RedirectAttributes flash) {
        return done(flash, id, () -> unlock(id, principal.getName()));
    }

    @PostMapping("/admin/security/{id}/tokens")
    String revoke(@PathVariable long id, Principal principal, RedirectAttributes flash) {
        return done(flash, id, () -> revokeTokens(id, principal.getName()));
    }

    @PostMapping("/admin/security/{id}/password")
    String reset(@PathVariable long id, @RequestParam String password, Principal principal,
                 RedirectAttributes flash) {
        return done(flash, id, () -> resetAdministrator(id, password, principal.getName()));
    }

    /** One account's security state as the API gives it. */
    public record AccountSecurity(long id, String username, String displayName, Role role, String roleLabel,
                                  boolean enabled, boolean locked, Instant lockedUntil, int tokens) {

        static AccountSecurity of(UserRepository.SecurityState s, Instant now) {
            AppUser u = s.user();
            return new AccountSecurity(u.id(), u.username(), u.displayName(), u.role(), u.role().label(), u.enabled(),
                    s.lockedAt(now), s.lockedAt(now) ? s.lockedUntil() : null, s.tokens());
        }
    }

    public record RoleChange(Role role) {}

    @GetMapping("/api/v1/admin/security/accounts")
    @ResponseBody
    @Operation(summary = "Every account with its role, lock and number of API tokens (security administrator)")
    public List<AccountSecurity> accounts() {
        Instant now = Instant.now();
        return users.securityStates().stream().map(s -> AccountSecurity.of(s, now)).toList();
    }

    @PutMapping("/api/v1/admin/security/accounts/{id}/role")
    @ResponseBody
    @Operation(summary = "Grant an account a role (security administrator); ends its API tokens")
    public ResponseEntity<Map<String, String>> roleByApi(@PathVariable long id, @RequestBody RoleChange body,
                                                         Principal principal) {
        if (body == null || body.role() == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "请选择角色"));
        }
        return answer(() -> changeRole(id, body.role(), principal.getName()));
    }

    @PostMapping("/api/v1/admin/security/accounts/{id}/unlock")
    @ResponseBody
    @Operation(summary = "Lift an account's login lock (security administrator)")
    public ResponseEntity<Map<String, String>> unlockByApi(@PathVariable long id, Principal principal) {
        return answer(() -> unlock(id, principal.getName()));
    }

    @DeleteMapping("/api/v1/admin/security/accounts/{id}/tokens")
    @ResponseBody
    @Operation(summary = "Revoke every API token of an account (security administrator)")
    public ResponseEntity<Map<String, String>> revokeByApi(@PathVariable long id, Principal principal) {
        return answer(() -> revokeTokens(id, principal.getName()));
    }

    private String changeRole(long id, Role role, String actor) {
        AppUser before = users.findById(id).orElseThrow(() -> new IllegalArgumentException("账号不存在"));
        if (role == before.role()) {
            return before.username() + " 的角色未变";
        }
        if (role.needsUnit() && before.orgUnitId() == null) {
            throw new IllegalArgumentException(role.label() + "必须属于一个单位，请系统管理员先为其指定单位");
        }
        service.checkLastHolder(before, role, before.enabled(), actor);
        UserService.Ended ended = service.update(id, before.displayName(), role, before.orgUnitId(), before.email(),
                before.enabled());
        audit.record(actor, "USER_ROLE", "user:" + before.id(), before.username() + " 角色：" + before.role().label()
                + "→" + role.label() + "；" + ended.describe());
        return "已将 " + before.username() + " 的角色改为" + role.label();
    }

    private String unlock(long id, String actor) {
        AppUser u = users.findById(id).orElseThrow(() -> new IllegalArgumentException("账号不存在"));
        users.clearFailures(u.username());
        audit.record(actor, "ACCOUNT_UNLOCK", "user:" + u.id(), "解除 " + u.username() + " 的登录锁定");
        return "已解除 " + u.username() + " 的锁定";
    }

    private String revokeTokens(long id, String actor) {
        AppUser u = users.findById(id).orElseThrow(() -> new IllegalArgumentException("账号不存在"));
        int n = users.deleteTokens(id);
        audit.record(actor, "TOKEN_REVOKE", "user:" + u.id(), "吊销 " + u.username() + " 的全部接口令牌（" + n + "个）");
        return "已吊销 " + u.username() + " 的接口令牌 " + n + " 个";
    }

    private String resetAdministrator(long id, String password, String actor) {
        AppUser u = users.findById(id).orElseThrow(() -> new IllegalArgumentException("账号不存在"));
        if (!u.role().systemAdministration()) {
            throw new IllegalArgumentException("业务账号的密码由系统管理员重设");
        }
        service.resetPassword(id, password, null);
        audit.record(actor, "USER_PASSWORD", "user:" + u.id(), "重设 " + u.username() + " 的密码；已结束其全部会话并吊销其接口令牌");
        return "已重设 " + u.username() + " 的密码，其下次登录须修改";
    }

    private static String done(RedirectAttributes flash, long id, java.util.function.Supplier<String> change) {
        try {
            flash.addFlashAttribute("message", change.get());
        } catch (PasswordPolicy.Rejected e) {
            flash.addFlashAttribute("passwordError", e.getMessage());
            flash.addFlashAttribute("errorUser", id);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("rowError", e.getMessage());
            flash.addFlashAttribute("errorUser", id);
        }
        return "redirect:/admin/security";
    }

    private static ResponseEntity<Map<String, String>> answer(java.util.function.Supplier<String> change) {
        try {
            return ResponseEntity.ok(Map.of("message", change.get()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }
}
