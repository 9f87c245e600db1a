package cn.lantu.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log's hash chain (等保 安全审计: records protected from change): each entry's hash covers its own fields
 * and the hash of the entry before it, so changing, removing or inserting an entry breaks every later link.
 */
public final class AuditChain {

    /**
     * The outcome of a check: entries checked, entries written before the chain existed, and the first break with
     * its kind (UNCHAINED, LINK, CONTENT, TAIL; shown through the admin.audit.problem.* messages).
     */
    public record Verification(long checked, long unchained, Long brokenAt, String problem) {
        public boolean intact() {
            return brokenAt == null;
        }
    }

    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String hash(String prev, Instant at, String actor, String action, String subject, String detail,
                       String client) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {prev, String.valueOf(at.toEpochMilli()), actor, action, subject, detail,
                    client}) {
                byte[] b = (part == null ? "\\u0000" : part).getBytes(StandardCharsets.UTF_8);
                sha.update(String.valueOf(b.length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) ':');
                sha.update(b);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client address of the current request (behind a proxy, as forwarded), or null outside a request. */
    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            return a.getRequest().getRemoteAddr();
        }
        return null;
    }

    Verification verify() {
        long[] counts = new long[2];
        String[] expectedPrev = {null};
        Long[] broken = {null};
        String[] problem = {null};
        jdbc.sql("SELECT id, logged_at, actor, action, subject, detail, client_address, prev_hash, entry_hash "
                + "FROM audit_log ORDER BY id").query(rs -> {
            if (broken[0] != null) {
                return;
            }
            long id = rs.getLong(1);
            String entryHash = rs.getString(9);
            if (entryHash == null) {
                if (expectedPrev[0] != null) {
                    broken[0] = id;
                    problem[0] = "UNCHAINED";
                }
                counts[1]++;
                return;
            }
            String prev = rs.getString(8);
            Timestamp at = rs.getTimestamp(2);
            String recomputed = hash(prev, at.toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7));
            if (expectedPrev[0] != null && !expectedPrev[0].equals(prev)) {
                broken[0] = id;
                problem[0] = "LINK";
            } else if (!recomputed.equals(entryHash)) {
                broken[0] = id;
                problem[0] = "CONTENT";
            }
            expectedPrev[0] = entryHash;
            counts[0]++;
        });
        if (broken[0] == null) {
            String head = jdbc.sql("SELECT last_hash FROM audit_chain_head WHERE id = 1").query(String.class).single();
            if (expectedPrev[0] != null && !head.equals(expectedPrev[0])) {
                problem[0] = "TAIL";
                broken[0] = -1L;
            }
        }
        return new Verification(counts[0], counts[1], broken[0], problem[0]);
    }
}
