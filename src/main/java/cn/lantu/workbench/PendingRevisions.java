package cn.lantu.workbench;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Target revisions (规划调整) proposed and waiting for a second plan-office user's approval, if this database keeps
 * such a state: the count is read only when {@code indicator_target_revision} has a {@code state} column, so the
 * overview works on a schema with approved revisions only (it then shows no count rather than failing).
 */
@Component
class PendingRevisions {

    private final JdbcClient jdbc;

    PendingRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Proposed revisions of the plan's indicators, or null when revisions have no approval state here. */
    Integer count(long planId) {
        long columns = jdbc.sql("""
                SELECT COUNT(*) FROM information_schema.columns
                 WHERE LOWER(table_name) = 'indicator_target_revision' AND LOWER(column_name) = 'state'""")
                .query(Long.class).single();
        if (columns == 0) {
            return null;
        }
        return jdbc.sql("""
                SELECT COUNT(*) FROM indicator_target_revision r JOIN indicator i ON i.id = r.indicator_id
                 WHERE i.plan_id = ? AND r.state IN ('PROPOSED', 'PENDING')""").param(planId)
                .query(Integer.class).single();
    }
}
