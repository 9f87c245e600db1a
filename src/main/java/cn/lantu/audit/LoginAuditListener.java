package cn.lantu.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Records failed logins (form and HTTP Basic) through {@link LoginBurstRecorder}: a burst of failures of one user
 * name from one address is one entry with a count, not a row per attempt. Successful form logins are recorded by the
 * security configuration's success handler; successful HTTP Basic and token authentications happen on every API
 * call and are not recorded as logins.
 */
@Component
class LoginAuditListener {

    private final LoginBurstRecorder bursts;

    LoginAuditListener(LoginBurstRecorder bursts) {
        this.bursts = bursts;
    }

    @EventListener
    void failure(AbstractAuthenticationFailureEvent event) {
        String user = String.valueOf(event.getAuthentication().getPrincipal());
        Object details = event.getAuthentication().getDetails();
        bursts.failure(user, details instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null,
                event.getException().getClass().getSimpleName());
    }

    /** Why a login failed, as a person reads it, from the name of Spring Security's exception. */
    static String reason(String exception) {
        return switch (exception == null ? "" : exception) {
            case "BadCredentialsException" -> "用户名或密码错误";
            case "DisabledException" -> "账号已停用";
            case "LockedException" -> "账号已锁定";
            case "AccountExpiredException" -> "账号已过期";
            case "CredentialsExpiredException" -> "密码已过期";
            case "UsernameNotFoundException" -> "用户不存在";
            default -> "登录失败";
        };
    }
}
