package cn.lantu.security;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.swagger.v3.oas.annotations.Operation;

/**
 * API tokens a user creates for scripts and other systems. The token is shown once; only its SHA-256 hash is
 * stored. Clients send it as {@code Authorization: Bearer lt_…}.
 */
@Controller
public class TokenController {

    private final UserService users;
    private final UserRepository repository;

    public TokenController(UserService users, UserRepository repository) {
        this.users = users;
        this.repository = repository;
    }

    /** The name a user gives a new token. */
    public record TokenRequest(@NotBlank @Size(max = 100) String name) {}

    @PostMapping("/api/v1/me/tokens")
    @ResponseBody
    @Operation(summary = "Create an API token for the calling user; the token is returned once")
    public Map<String, String> create(@Valid @RequestBody TokenRequest request, Authentication who) {
        return Map.of("name", request.name(), "token", users.createToken(who.getName(), request.name()));
    }

    @GetMapping("/api/v1/me/tokens")
    @ResponseBody
    @Operation(summary = "The names of the calling user's API tokens")
    public List<String> list(Authentication who) {
        return repository.tokenNames(repository.findByUsername(who.getName()).orElseThrow().id());
    }

    @GetMapping("/account/tokens")
    String page(Authentication who, Model model) {
        model.addAttribute("tokens", list(who));
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String createFromPage(@RequestParam String name, Authentication who, Model model) {
        if (name == null || name.isBlank() || name.length() > 100) {
            model.addAttribute("error", "请填写令牌名称（不超过100字）");
        } else {
            model.addAttribute("created", users.createToken(who.getName(), name.trim()));
        }
        model.addAttribute("tokens", list(who));
        return "account/tokens";
    }
}
