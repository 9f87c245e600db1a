package cn.lantu.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Records failed logins (form and HTTP Basic). Successful form logins are recorded by the security
 * configuration's success handler; successful HTTP Basic and token authentications happen on every API call and
 * are not recorded as logins.
 */
@Component
class LoginAuditListener {

    private final AuditLog audit;

    LoginAuditListener(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void failure(AbstractAuthenticationFailureEvent event) {
        String user = String.valueOf(event.getAuthentication().getPrincipal());
        audit.record(user, "LOGIN_FAILURE", "user:" + user,
                reason(event.getException()) + from(event.getAuthentication().getDetails()));
    }

    /** Why the login failed, as a person reads it. */
    static String reason(Exception e) {
        return switch (e.getClass().getSimpleName()) {
            case "BadCredentialsException" -> "用户名或密码错误";
            case "DisabledException" -> "账号已停用";
            case "LockedException" -> "账号已锁定";
            case "AccountExpiredException" -> "账号已过期";
            case "CredentialsExpiredException" -> "密码已过期";
            case "UsernameNotFoundException" -> "用户不存在";
            default -> "登录失败";
        };
    }

    private static String from(Object details) {
        return details instanceof WebAuthenticationDetails w ? "，来自 " + w.getRemoteAddress() : "";
    }
}
