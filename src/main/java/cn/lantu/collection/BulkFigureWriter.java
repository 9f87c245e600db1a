package cn.lantu.collection;

import cn.lantu.security.Actor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.audit.AuditLog;
import cn.lantu.collection.BulkFigureImport.Row;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanChanges;

/**
 * Writes the checked rows of a bulk import: new figures inserted, changed ones updated (version raised), each with
 * a revision naming the file and the importer; rows equal to the stored approved value are skipped. In batches,
 * within the caller's transaction, so that any conflict leaves the whole file unwritten.
 */
final class BulkFigureWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditLog audit;
    private final PlanChanges changes;

    BulkFigureWriter(JdbcClient jdbc, JdbcTemplate batch, AuditLog audit, PlanChanges changes) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.audit = audit;
        this.changes = changes;
    }

    /** Inserts new figures, updates changed ones, each with a revision; returns {inserted, updated, unchanged}. */
    int[] write(Plan plan, Actor actor, String fileName, List<Row> rows) {
        record Stored(long id, Double value, int version, String state) {}
        Map<String, Stored> existing = new HashMap<>();
        jdbc.sql("""
                SELECT f.id, f.indicator_id, f.org_unit_id, f.report_year, f.period, f.num_value, f.version, f.state
                  FROM figure f JOIN indicator i ON i.id = f.indicator_id WHERE i.plan_id = ? AND f.demo = FALSE""")
                .param(plan.id()).query((rs, n) -> {
                    double v = rs.getDouble(6);
                    existing.put(rs.getLong(2) + "|" + rs.getLong(3) + "|" + rs.getInt(4) + "|" + rs.getString(5),
                            new Stored(rs.getLong(1), rs.wasNull() ? null : v, rs.getInt(7), rs.getString(8)));
                    return 0;
                }).list();
        // milliseconds: every database stores them exactly, so the set-based revision insert below finds the rows
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        String by = actor.username();
        String reason = "批量导入：" + fileName;
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> updateRevisions = new ArrayList<>();
        int unchanged = 0;
        for (Row r : rows) {
            Stored s = existing.get(r.indicatorId() + "|" + r.unitId() + "|" + r.year() + "|" + r.period());
            if (s == null) {
                inserts.add(new Object[] {r.indicatorId(), r.unitId(), r.year(), r.period(), r.value(), r.note(), by, now});
            } else if (s.value() != null && s.value() == r.value() && "APPROVED".equals(s.state())) {
                unchanged++;
            } else {
                updates.add(new Object[] {r.value(), r.note(), by, now, s.id(), s.version()});
                updateRevisions.add(new Object[] {s.id(), s.version() + 1, r.value(), reason, by, now, r.note()});
            }
        }
        long maxBefore = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM figure").query(Long.class).single();
        batch.batchUpdate("""
                INSERT INTO figure (indicator_id, org_unit_id, report_year, period, num_value, verdict, estimate, state,
                                    demo, note, source, version, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, NULL, FALSE, 'APPROVED', FALSE, ?, '批量导入', 1, ?, ?)""", inserts);
        if (!inserts.isEmpty()) {
            // The first revision of every figure just inserted, in one statement: identities only grow, so they
            // are the rows above the highest id seen before, written by this import (same user and timestamp).
            int n = jdbc.sql("""
                    INSERT INTO figure_revision (figure_id, version, num_value, verdict, estimate, state, reason,
                                                 changed_by, changed_at, note, source)
                    SELECT f.id, 1, f.num_value, NULL, FALSE, 'APPROVED', ?, f.updated_by, f.updated_at, f.note, f.source
                      FROM figure f
                     WHERE f.id > ? AND f.version = 1 AND f.source = '批量导入' AND f.updated_by = ? AND f.updated_at = ?""")
                    .params(reason, maxBefore, by, now).update();
            if (n != inserts.size()) {
                throw ReportingException.conflict("导入时有他人同时导入（" + n + " ≠ " + inserts.size()
                        + "），整个文件未导入，请重试");
            }
        }
        int[] done = batch.batchUpdate("""
                UPDATE figure SET num_value = ?, verdict = NULL, estimate = FALSE, state = 'APPROVED', note = ?,
                  source = '批量导入', return_comment = NULL, version = version + 1, updated_by = ?, updated_at = ?
                 WHERE id = ? AND version = ?""", updates);
        for (int d : done) {
            if (d == 0) {
                throw ReportingException.conflict("导入期间有数据被他人修改（版本冲突），整个文件未导入，请重试");
            }
        }
        batch.batchUpdate("""
                INSERT INTO figure_revision (figure_id, version, num_value, verdict, estimate, state, reason, changed_by,
                                             changed_at, note, source)
                VALUES (?, ?, ?, NULL, FALSE, 'APPROVED', ?, ?, ?, ?, '批量导入')""", updateRevisions);
        if (!inserts.isEmpty() || !updates.isEmpty()) {
            changes.touch(plan.id());
        }
        audit.record(by, "FIGURE_BULK_IMPORT", "plan:" + plan.id(), plan.name() + " 批量导入“" + fileName + "”：共"
                + rows.size() + "行，写入" + (inserts.size() + updates.size()) + "条（新增"
                + inserts.size() + "条，修改" + updates.size() + "条），未变" + unchanged + "条");
        return new int[] {inserts.size(), updates.size(), unchanged};
    }
}
