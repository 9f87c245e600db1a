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
                event.getException().getClass().getSimpleName() + from(event.getAuthentication().getDetails()));
    }

    private static String from(Object details) {
        return details instanceof WebAuthenticationDetails w ? " from " + w.getRemoteAddress() : "";
    }
}
