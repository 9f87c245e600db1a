package cn.lantu.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only audit log. Other modules call {@link #record}. There is deliberately no method that updates
 * or deletes an entry, and nothing purges entries automatically: the retention setting
 * ({@code lantu.audit.retention-days}, at least 180) only states how long entries are guaranteed to be kept.
 */
@Service
public class AuditLog {

    public static final int MIN_RETENTION_DAYS = 180;

    /** One entry. */
    public record Entry(long id, Instant loggedAt, String actor, String action, String subject, String detail) {}

    /** Filter for the admin view and the CSV export; null fields match everything. */
    public record Filter(String actor, String action, String text, Instant from, Instant to) {}

    private final JdbcClient jdbc;
    private final int retentionDays;

    public AuditLog(JdbcClient jdbc, @Value("${lantu.audit.retention-days:180}") int retentionDays) {
        if (retentionDays < MIN_RETENTION_DAYS) {
            throw new IllegalStateException("lantu.audit.retention-days must be at least " + MIN_RETENTION_DAYS);
        }
        this.jdbc = jdbc;
        this.retentionDays = retentionDays;
    }

    public int retentionDays() {
        return retentionDays;
    }

    /**
     * Appends an entry, chained to the one before: the head row is locked for the rest of the writer's transaction,
     * so entries are chained in commit order, and a rolled-back change leaves neither its entry nor a gap. Never
     * throws for long texts: they are cut to the column sizes.
     */
    @org.springframework.transaction.annotation.Transactional
    public void record(String actor, String action, String subject, String detail) {
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String who = cut(actor == null ? "anonymous" : actor, 60);
        String what = cut(action, 60);
        String on = cut(subject, 200);
        String text = cut(detail, 4000);
        String from = cut(AuditChain.clientAddress(), 64);
        jdbc.sql("UPDATE audit_chain_head SET last_id = last_id WHERE id = 1").update();
        String prev = jdbc.sql("SELECT last_hash FROM audit_chain_head WHERE id = 1").query(String.class).single();
        String hash = AuditChain.hash(prev, at, who, what, on, text, from);
        jdbc.sql("INSERT INTO audit_log (logged_at, actor, action, subject, detail, client_address, prev_hash, entry_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), who, what, on, text, from, prev, hash).update();
        jdbc.sql("UPDATE audit_chain_head SET last_hash = ?, last_id = (SELECT MAX(id) FROM audit_log) WHERE id = 1")
                .param(hash).update();
        AuditTrail.markAudited();
    }

    /** Recomputes the chain over every entry; the first entry whose hash or link does not match is reported. */
    public AuditChain.Verification verify() {
        return new AuditChain(jdbc).verify();
    }

    public List<Entry> find(Filter f, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (f.actor() != null && !f.actor().isBlank()) {
            sql.append(" AND actor = ?");
            params.add(f.actor().trim());
        }
        if (f.action() != null && !f.action().isBlank()) {
            sql.append(" AND action = ?");
            params.add(f.action().trim());
        }
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" AND (LOWER(subject) LIKE ? OR LOWER(detail) LIKE ?)");
            String like = "%" + f.text().trim().toLowerCase() + "%";
            params.add(like);
            params.add(like);
        }
        if (f.from() != null) {
            sql.append(" AND logged_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND logged_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        sql.append(" ORDER BY id DESC");
        if (limit > 0) {
            sql.append(" LIMIT ").append(limit);
        }
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("logged_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
                        rs.getString("detail")))
                .list();
    }

    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_log ORDER BY action").query(String.class).list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
