package cn.lantu.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.swagger.v3.oas.annotations.Operation;

import cn.lantu.security.UserRepository.TokenInfo;
import cn.lantu.security.UserRepository.TokenScope;

/**
 * API tokens a user creates for scripts and other systems. The token is shown once; only its SHA-256 hash is
 * stored. Clients send it as {@code Authorization: Bearer lt_…}. A token is read-only or read-write, expires
 * (default 90 days) and can be revoked; a token cannot create tokens. Creation and revocation are audited.
 */
@Controller
public class TokenController {

    private final UserService users;
    private final SecuritySettings settings;

    public TokenController(UserService users, SecuritySettings settings) {
        this.users = users;
        this.settings = settings;
    }

    /** A new token: its name, scope (default read-write) and days until it expires (default 90). */
    public record TokenRequest(@NotBlank @Size(max = 100) String name, TokenScope scope, Integer days) {}

    private static void refuseTokenLogin(Authentication who) {
        if (who instanceof ApiTokenFilter.TokenAuthentication) {
            throw Actor.forbidden("不能用接口令牌创建接口令牌，请用网页或用户名密码登录后创建");
        }
    }

    @PostMapping("/api/v1/me/tokens")
    @ResponseBody
    @Operation(summary = "Create an API token for the calling user; the token is returned once. "
            + "Not possible when authenticated by a token.")
    public Map<String, Object> create(@Valid @RequestBody TokenRequest request, Authentication who) {
        refuseTokenLogin(who);
        TokenScope scope = request.scope() == null ? TokenScope.READ_WRITE : request.scope();
        int days = request.days() == null ? settings.tokens().defaultDays() : request.days();
        String token;
        try {
            token = users.createToken(who.getName(), request.name().trim(), scope, days);
        } catch (IllegalArgumentException e) {
            throw Actor.bad(e.getMessage());
        }
        TokenInfo info = users.tokens(who.getName()).stream().reduce((a, b) -> b).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", info.id());
        out.put("name", info.name());
        out.put("token", token);
        out.put("scope", info.scope());
        out.put("expiresAt", info.expiresAt());
        return out;
    }

    @GetMapping("/api/v1/me/tokens")
    @ResponseBody
    @Operation(summary = "The calling user's API tokens (never the tokens themselves)")
    public List<TokenInfo> list(Authentication who) {
        return users.tokens(who.getName());
    }

    @DeleteMapping("/api/v1/me/tokens/{id}")
    @Operation(summary = "Revoke one of the calling user's API tokens")
    public ResponseEntity<Void> revoke(@PathVariable long id, Authentication who) {
        return users.revokeToken(who.getName(), id) ? ResponseEntity.noContent().build()
                : ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }

    @GetMapping("/account/tokens")
    String page(Authentication who, Model model) {
        model.addAttribute("tokens", list(who));
        model.addAttribute("now", Instant.now());
        model.addAttribute("defaultDays", settings.tokens().defaultDays());
        model.addAttribute("maxDays", settings.tokens().maxDays());
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String createFromPage(@RequestParam String name, @RequestParam(required = false) TokenScope scope,
                          @RequestParam(required = false) Integer days, Authentication who, Model model) {
        if (name == null || name.isBlank() || name.length() > 100) {
            model.addAttribute("error", "请填写令牌名称（不超过100字）");
        } else {
            try {
                model.addAttribute("created", users.createToken(who.getName(), name.trim(),
                        scope == null ? TokenScope.READ_WRITE : scope,
                        days == null ? settings.tokens().defaultDays() : days));
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return page(who, model);
    }

    @PostMapping("/account/tokens/{id}/delete")
    String revokeFromPage(@PathVariable long id, Authentication who, RedirectAttributes flash) {
        if (users.revokeToken(who.getName(), id)) {
            flash.addFlashAttribute("message", "已撤销令牌");
        } else {
            flash.addFlashAttribute("error", "没有这个令牌");
        }
        return "redirect:/account/tokens";
    }
}
