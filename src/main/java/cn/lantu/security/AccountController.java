package cn.lantu.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.swagger.v3.oas.annotations.Operation;

import cn.lantu.audit.AuditLog;

/**
 * A user changes their own password (page and API). The policy of {@link PasswordPolicy} applies; the user's other
 * sessions and all their API tokens end, the current session goes on.
 */
@Controller
class AccountController {

    private final UserService users;
    private final UserRepository repository;
    private final AuditLog audit;

    AccountController(UserService users, UserRepository repository, AuditLog audit) {
        this.users = users;
        this.repository = repository;
        this.audit = audit;
    }

    @GetMapping("/account/password")
    String page() {
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(required = false) String currentPassword, @RequestParam String newPassword,
                  @RequestParam(required = false) String confirmPassword, Authentication who,
                  HttpServletRequest request, Model model) {
        try {
            if (confirmPassword != null && !confirmPassword.equals(newPassword)) {
                throw new PasswordPolicy.Rejected("两次输入的新密码不一致");
            }
            change(who, currentPassword, newPassword, request);
            model.addAttribute("message", "密码已修改");
        } catch (PasswordPolicy.Rejected e) {
            model.addAttribute("passwordError", e.getMessage());
        } catch (IllegalArgumentException e) {
            model.addAttribute("currentError", e.getMessage());
        }
        return "account/password";
    }

    /** The new password and the current one. */
    public record PasswordChange(String currentPassword, String newPassword) {}

    @PostMapping("/api/v1/me/password")
    @ResponseBody
    @Operation(summary = "Change the calling user's password (not with an API token); ends the user's other "
            + "sessions and revokes the user's API tokens")
    public ResponseEntity<Map<String, String>> changeByApi(@RequestBody PasswordChange body, Authentication who,
                                                           HttpServletRequest request) {
        if (who instanceof ApiTokenFilter.TokenAuthentication) {
            throw Actor.forbidden("不能用接口令牌修改密码");
        }
        try {
            change(who, body.currentPassword(), body.newPassword(), request);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
        return ResponseEntity.ok(Map.of("message", "密码已修改"));
    }

    private void change(Authentication who, String current, String next, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        users.changeOwnPassword(who.getName(), current, next == null ? "" : next,
                session == null ? null : session.getId());
        if (session != null) {
            repository.findAccount(who.getName())
                    .ifPresent(a -> session.setAttribute(AccountCheckFilter.STAMP, a.stamp()));
        }
        audit.record(who.getName(), "USER_PASSWORD", "user:" + who.getName(), "本人修改密码；已结束其他会话并吊销接口令牌");
    }
}
