package cn.lantu.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers 429 to a login attempt (the form's POST /login, or a request with {@code Authorization: Basic}) from a
 * client address that {@link LoginAttempts} throttles, before any password is checked. Refusals are counted by
 * {@link LoginAttempts} into a single audit entry per burst, not one per attempt.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginAttempts attempts;
    private final cn.lantu.audit.LoginBurstRecorder bursts;

    public LoginThrottleFilter(LoginAttempts attempts, cn.lantu.audit.LoginBurstRecorder bursts) {
        this.attempts = attempts;
        this.bursts = bursts;
    }

    static boolean isLoginAttempt(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isLoginAttempt(request)) {
            Instant until = attempts.blockedUntil(request.getRemoteAddr());
            if (until != null) {
                bursts.refused(request.getRemoteAddr());
                long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds());
                long minutes = (seconds + 59) / 60;
                response.setHeader("Retry-After", Long.toString(seconds));
                String message = "登录尝试过于频繁，请" + minutes + "分钟后再试";
                String accept = request.getHeader("Accept");
                if (accept != null && accept.contains("text/html")) {
                    response.setStatus(429);
                    response.setContentType("text/html;charset=UTF-8");
                    response.getOutputStream().write(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                            + "<title>请稍后再试</title></head><body><main id=\"login-throttled\"><h1>请稍后再试</h1><p>"
                            + HtmlUtils.htmlEscape(message) + "</p><p><a href=\"/login\">返回登录</a></p></main></body></html>")
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    ApiErrorsJson.write(response, 429, message);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
