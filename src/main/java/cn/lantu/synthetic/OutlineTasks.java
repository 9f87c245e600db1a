package cn.lantu.synthetic;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key tasks {@code TaskService} generated from the outline of one plan, with their links by code, to be
 * copied to plans with the same outline. Read once, with plain queries.
 */
record OutlineTasks(List<Object[]> tasks, List<String[]> orgs, List<String[]> towns, List<Object[]> milestones,
                    List<String[]> indicators, List<String[]> projects) {

    static final String OUTLINE = " t.origin IN ('MEASURE', 'COLUMN_ITEM')";

    static OutlineTasks of(JdbcClient jdbc, long planId) {
        List<Object[]> tasks = jdbc.sql("SELECT t.code, t.title, t.body, t.origin, t.outline_key, t.chapter_key, "
                        + "t.column_no, t.ordinal, t.updated_by FROM task t WHERE t.plan_id = ? AND" + OUTLINE
                        + " ORDER BY t.ordinal")
                .param(planId).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, Integer.class), rs.getInt(8),
                    rs.getString(9)}).list();
        return new OutlineTasks(tasks,
                codes(jdbc, "SELECT t.code, u.code, x.role, x.is_default FROM task_org x JOIN task t ON t.id = x.task_id "
                        + "JOIN org_unit u ON u.id = x.org_unit_id WHERE t.plan_id = ? AND" + OUTLINE, planId, 4),
                codes(jdbc, "SELECT t.code, u.code FROM task_town x JOIN task t ON t.id = x.task_id "
                        + "JOIN org_unit u ON u.id = x.town_id WHERE t.plan_id = ? AND" + OUTLINE, planId, 2),
                jdbc.sql("SELECT t.code, x.title, x.due_on, x.done_on FROM task_milestone x JOIN task t ON t.id = x.task_id "
                        + "WHERE t.plan_id = ? AND" + OUTLINE + " ORDER BY x.id").param(planId)
                        .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getDate(3),
                            rs.getDate(4)}).list(),
                codes(jdbc, "SELECT t.code, i.code FROM task_indicator x JOIN task t ON t.id = x.task_id "
                        + "JOIN indicator i ON i.id = x.indicator_id WHERE t.plan_id = ? AND" + OUTLINE, planId, 2),
                codes(jdbc, "SELECT t.code, p.code FROM task_project x JOIN task t ON t.id = x.task_id "
                        + "JOIN project p ON p.id = x.project_id WHERE t.plan_id = ? AND" + OUTLINE, planId, 2));
    }

    private static List<String[]> codes(JdbcClient jdbc, String sql, long planId, int columns) {
        return jdbc.sql(sql).param(planId).query((rs, n) -> {
            String[] row = new String[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = rs.getString(c + 1);
            }
            return row;
        }).list();
    }
}
