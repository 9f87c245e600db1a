package cn.lantu.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lantu.security.*}: login failure handling, the per-address throttle, password age, API token lifetimes and
 * who may read the API documentation.
 *
 * @param lockout            an account is locked for {@code duration} after {@code max-failures} failed logins
 *                           within {@code window} (等保 登录失败处理)
 * @param throttle           a client address that failed {@code max-failures} logins within {@code window} is
 *                           answered 429 before any password is checked, until the window has passed
 * @param passwordMaxAgeDays a password older than this must be changed; 0 (the default) switches expiry off
 * @param tokens             API token lifetimes in days
 * @param apiDocsPublic      {@code true} opens {@code /v3/api-docs} and the Swagger UI to anonymous visitors; by
 *                           default they need a login
 * @param passwordChangeAtFirstLogin a generated password, or one an administrator set, must be changed by its user
 *                           at the next login before anything else (等保 身份鉴别); on by default
 */
@ConfigurationProperties("lantu.security")
public record SecuritySettings(@DefaultValue Lockout lockout, @DefaultValue Throttle throttle,
                               @DefaultValue("0") int passwordMaxAgeDays, @DefaultValue Tokens tokens,
                               @DefaultValue("false") boolean apiDocsPublic,
                               @DefaultValue("true") boolean passwordChangeAtFirstLogin) {

    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
                          @DefaultValue("15m") Duration duration) {

        /** The lock time in whole minutes (at least 1), as the login page states it. */
        public long minutes() {
            return Math.max(1, (duration.toSeconds() + 59) / 60);
        }
    }

    public record Throttle(@DefaultValue("30") int maxFailures, @DefaultValue("5m") Duration window) {}

    public record Tokens(@DefaultValue("90") int defaultDays, @DefaultValue("365") int maxDays) {}
}
