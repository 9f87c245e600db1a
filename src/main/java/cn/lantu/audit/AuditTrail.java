package cn.lantu.audit;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The safety net of the audit log: a state-changing request that succeeded without writing an entry of its own (the
 * modules write theirs, with before and after values) still leaves one entry saying who did what, when and from
 * where. So a new write path cannot go unrecorded while its own entry is being written.
 */
@Configuration
class AuditTrail implements HandlerInterceptor, WebMvcConfigurer {

    static final String AUDITED = AuditTrail.class.getName() + ".audited";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog audit;

    AuditTrail(AuditLog audit) {
        this.audit = audit;
    }

    static void markAudited() {
        RequestAttributes a = RequestContextHolder.getRequestAttributes();
        if (a != null) {
            a.setAttribute(AUDITED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (!WRITES.contains(request.getMethod()) || request.getAttribute(AUDITED) != null
                || response.getStatus() >= 400 || ex != null) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String who = auth == null || !auth.isAuthenticated() ? null : auth.getName();
        String verb = switch (request.getMethod()) {
            case "POST" -> "提交";
            case "DELETE" -> "删除";
            default -> "修改";
        };
        audit.record(who, "REQUEST", request.getRequestURI(), verb + "成功（状态码" + response.getStatus() + "）");
    }
}
