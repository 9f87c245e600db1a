package cn.lantu.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a burst of failed logins from flooding the audit log: the first failure of a user name from an address is
 * recorded at once ({@code LOGIN_FAILURE}); further failures of the same pair are counted and recorded as ONE entry
 * with their number when the burst has been quiet for {@code lantu.audit.login-burst-quiet} (default 60 s) or has
 * lasted 15 minutes. Logins refused without a password check (the address is throttled) are counted the same way
 * into one {@code LOGIN_REFUSED} entry per address and burst.
 */
@Component
public class LoginBurstRecorder {

    private static final Duration MAX_SPAN = Duration.ofMinutes(15);
    private static final int MAX_BURSTS = 50_000;

    private final AuditLog audit;
    private final Duration quiet;
    private final Map<String, Burst> bursts = new ConcurrentHashMap<>();

    private static final class Burst {
        final String actor;
        final String action;
        final String subject;
        final String address;
        final Instant first;
        Instant last;
        int counted;
        String reason;

        Burst(String actor, String action, String subject, String address, Instant first) {
            this.actor = actor;
            this.action = action;
            this.subject = subject;
            this.address = address;
            this.first = first;
            this.last = first;
        }
    }

    public LoginBurstRecorder(AuditLog audit, @Value("${lantu.audit.login-burst-quiet:60s}") Duration quiet) {
        this.audit = audit;
        this.quiet = quiet;
    }

    /** A failed login of {@code user} from {@code address} ({@code reason}: the exception's name). */
    public void failure(String user, String address, String reason) {
        Instant now = Instant.now();
        String key = "F|" + user + "|" + address;
        boolean[] first = {false};
        bursts.compute(key, (k, b) -> {
            if (b == null) {
                first[0] = true;
                return new Burst(user, "LOGIN_FAILURE", "user:" + user, address, now);
            }
            synchronized (b) {
                b.counted++;
                b.last = now;
                b.reason = reason;
            }
            return b;
        });
        if (first[0]) {
            audit.record(user, "LOGIN_FAILURE", "user:" + user, LoginAuditListener.reason(reason)
                    + (address == null ? "" : "，来自 " + address));
        }
        trim();
    }

    /** A login from {@code address} refused before any password check (too many failures from there). */
    public void refused(String address) {
        Instant now = Instant.now();
        bursts.compute("R|" + address, (k, b) -> {
            Burst burst = b == null ? new Burst(null, "LOGIN_REFUSED", "address:" + address, address, now) : b;
            synchronized (burst) {
                burst.counted++;
                burst.last = now;
                burst.reason = "throttled (HTTP 429)";
            }
            return burst;
        });
        trim();
    }

    /** Writes the bursts that are over. */
    @Scheduled(fixedDelayString = "${lantu.audit.login-burst-flush:PT20S}")
    public void flushDue() {
        flush(false);
    }

    /** Writes every open burst (tests, shutdown). */
    @PreDestroy
    public void flushAll() {
        flush(true);
    }

    private void trim() {
        if (bursts.size() > MAX_BURSTS) {
            flush(true);
        }
    }

    private void flush(boolean all) {
        Instant now = Instant.now();
        for (Iterator<Map.Entry<String, Burst>> it = bursts.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Burst> e = it.next();
            Burst b = e.getValue();
            boolean over;
            synchronized (b) {
                over = all || b.last.plus(quiet).isBefore(now) || b.first.plus(MAX_SPAN).isBefore(now);
            }
            if (over && bursts.remove(e.getKey(), b)) {
                int n;
                Instant last;
                String reason;
                synchronized (b) {
                    n = b.counted;
                    last = b.last;
                    reason = b.reason;
                }
                if (n > 0) {
                    audit.record(b.actor, b.action, b.subject, "来自 " + b.address + " 的连续失败"
                            + (b.action.equals("LOGIN_FAILURE") ? "又" : "") + n + "次（" + cn.lantu.web.Formats.timeZh(b.first) + "至"
                            + cn.lantu.web.Formats.timeZh(last) + "，最后一次：" + LoginAuditListener.reason(reason) + "）");
                }
            }
        }
    }
}
