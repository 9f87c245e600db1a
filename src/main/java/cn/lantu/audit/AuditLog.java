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

    /** Appends an entry. Never throws for long texts: they are cut to the column sizes. */
    public void record(String actor, String action, String subject, String detail) {
        jdbc.sql("INSERT INTO audit_log (logged_at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")
                .params(Timestamp.from(Instant.now()), cut(actor == null ? "anonymous" : actor, 60), cut(action, 60),
                        cut(subject, 200), cut(detail, 4000))
                .update();
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
