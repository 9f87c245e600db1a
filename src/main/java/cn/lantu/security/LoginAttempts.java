package cn.lantu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import cn.lantu.audit.AuditLog;

/**
 * 登录失败处理. Two counters of failed logins (form and HTTP Basic alike):
 * <ul>
 * <li>per account, in the database (so every instance sees it): after {@code lantu.security.lockout.max-failures}
 * failures within {@code window} the account is locked for {@code duration}; while locked, even the right password
 * is refused, before it is checked;</li>
 * <li>per client address, in memory: after {@code lantu.security.throttle.max-failures} failures within
 * {@code window} the address gets 429 for any login until the window has passed ({@link LoginThrottleFilter}),
 * without a password check, so that guessing many accounts from one address costs no bcrypt time.</li>
 * </ul>
 */
@Component
public class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);
    private static final int MAX_ADDRESSES = 100_000;

    private final UserRepository users;
    private final SecuritySettings settings;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, Window> byAddress = new ConcurrentHashMap<>();

    /** Failures of one address since {@code start}. */
    private record Window(Instant start, int failures) {}

    public LoginAttempts(UserRepository users, SecuritySettings settings, AuditLog audit) {
        this.users = users;
        this.settings = settings;
        this.audit = audit;
    }

    /** When the address may try again, or null when it may now. */
    public Instant blockedUntil(String address) {
        Window w = byAddress.get(address);
        if (w == null) {
            return null;
        }
        Instant end = w.start().plus(settings.throttle().window());
        if (!end.isAfter(clock.instant())) {
            byAddress.remove(address, w);
            return null;
        }
        return w.failures() >= settings.throttle().maxFailures() ? end : null;
    }

    /** Forgets all address counters (tests, and an administrator's remedy after a false alarm). */
    public void clearAddresses() {
        byAddress.clear();
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String address = address(event.getAuthentication().getDetails());
        if (address != null) {
            countAddress(address);
        }
        if (!(event.getException() instanceof BadCredentialsException)) {
            return; // locked, disabled: the password was not even checked
        }
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        Instant now = clock.instant();
        SecuritySettings.Lockout lockout = settings.lockout();
        int failures = users.countFailure(username, now, now.minus(lockout.window()));
        if (failures >= lockout.maxFailures()) {
            users.lock(username, now.plus(lockout.duration()));
            audit.record(username, "ACCOUNT_LOCKED", "user:" + username, lockout.window().toMinutes() + "分钟内登录失败"
                    + failures + "次，锁定" + lockout.duration().toMinutes() + "分钟，最后一次来自 " + address);
            log.warn("account {} locked after {} failed logins (last from {})", username, failures, address);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof ApiTokenFilter.TokenAuthentication) {
            return;
        }
        users.clearFailures(event.getAuthentication().getName());
    }

    private void countAddress(String address) {
        if (byAddress.size() > MAX_ADDRESSES) {
            Instant old = clock.instant().minus(settings.throttle().window());
            byAddress.values().removeIf(w -> w.start().isBefore(old));
        }
        Instant now = clock.instant();
        Duration window = settings.throttle().window();
        Window after = byAddress.compute(address, (a, w) -> w == null || !w.start().plus(window).isAfter(now)
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
        if (after.failures() == settings.throttle().maxFailures()) {
            audit.record(null, "LOGIN_THROTTLED", "address:" + address, window.toSeconds() + "秒内登录失败"
                    + after.failures() + "次；在" + cn.lantu.web.Formats.timeZh(after.start().plus(window))
                    + "前拒绝该地址登录");
            log.warn("login attempts from {} throttled after {} failures", address, after.failures());
        }
    }

    static String address(Object details) {
        return details instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null;
    }
}
