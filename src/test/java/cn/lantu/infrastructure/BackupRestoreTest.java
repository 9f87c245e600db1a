package cn.lantu.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.LantuTest;

/** The embedded H2 database backed up with {@code SCRIPT TO} and restored with {@code RUNSCRIPT} into a fresh one. */
@LantuTest
class BackupRestoreTest {

    static final String FIGURES = "SELECT i.code, f.report_year, f.period, f.num_value, f.state FROM figure f "
            + "JOIN indicator i ON i.id = f.indicator_id ORDER BY i.code, f.report_year, f.period, f.id";

    @Autowired JdbcClient jdbc;

    @Test
    void scriptBackupRestoresTheSameFigures() throws Exception {
        // at least one figure of our own, so the comparison is never over nothing
        long ind = jdbc.sql("SELECT id FROM indicator ORDER BY id").query(Long.class).list().get(0);
        long unit = jdbc.sql("SELECT id FROM org_unit WHERE unit_type = 'CITY' ORDER BY id").query(Long.class).list().get(0);
        double value = 1000 + (System.nanoTime() % 997);
        jdbc.sql("""
                INSERT INTO figure (indicator_id, org_unit_id, report_year, period, num_value, estimate, state, demo, version,
                                    updated_by, updated_at) VALUES (?, ?, 2029, 'M07', ?, FALSE, 'APPROVED', FALSE, 1, 'backup', CURRENT_TIMESTAMP)""")
                .params(ind, unit, value).update();
        List<String> before = jdbc.sql(FIGURES).query((rs, n) -> row(rs)).list();
        assertThat(before).anyMatch(r -> r.contains("|" + value + "|"));

        Path file = Files.createTempFile("lantu-backup", ".sql");
        jdbc.sql("SCRIPT TO '" + file.toAbsolutePath() + "'").query().listOfRows();
        assertThat(Files.size(file)).isPositive();

        String url = "jdbc:h2:mem:restore" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + file.toAbsolutePath() + "'");
            List<String> after = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(FIGURES)) {
                while (rs.next()) {
                    after.add(row(rs));
                }
            }
            assertThat(after).isEqualTo(before);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM plan WHERE code = 'zhuji-15th'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        } finally {
            Files.deleteIfExists(file);
            jdbc.sql("DELETE FROM figure WHERE updated_by = 'backup'").update();
        }
    }

    /** The README's commands, as written: {@code lantu.jar backup FILE} then {@code lantu.jar restore FILE}. */
    @Test
    void theBackupAndRestoreCommandsWorkAsWritten() throws Exception {
        Path work = Files.createTempDirectory("lantu-backup-cmd");
        Path data = work.resolve("data");
        Path restored = work.resolve("restored");
        Path seed = work.resolve("seed.sql");
        Path backup = work.resolve("backup.sql");
        // an embedded file database like the server's: this context's data, written with the server's options
        jdbc.sql("SCRIPT TO '" + seed.toAbsolutePath() + "'").query().listOfRows();
        try (Connection c = DriverManager.getConnection(BackupCommand.url(data), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + seed.toAbsolutePath() + "'");
        }
        List<String> before = jdbc.sql(FIGURES).query((rs, n) -> row(rs)).list();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int backedUp = BackupCommand.run(new String[] {"backup", backup.toString(), "--data-dir", data.toString()},
                new java.io.PrintStream(out, true, "UTF-8"), new java.io.PrintStream(err, true, "UTF-8"));
        assertThat(backedUp).as(err.toString("UTF-8")).isZero();
        assertThat(Files.size(backup)).isPositive();
        int restoredCode = BackupCommand.run(new String[] {"restore", backup.toString(), "--data-dir",
                restored.toString()}, new java.io.PrintStream(out, true, "UTF-8"),
                new java.io.PrintStream(err, true, "UTF-8"));
        assertThat(restoredCode).as(err.toString("UTF-8")).isZero();
        assertThat(out.toString("UTF-8")).contains("已备份到", "已恢复到");
        try (Connection c = DriverManager.getConnection(BackupCommand.url(restored), "sa", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(FIGURES)) {
            List<String> after = new ArrayList<>();
            while (rs.next()) {
                after.add(row(rs));
            }
            assertThat(after).isEqualTo(before);
        }
        // restoring over an existing database is refused, and nothing is touched
        assertThat(BackupCommand.run(new String[] {"restore", backup.toString(), "--data-dir", restored.toString()},
                new java.io.PrintStream(out, true, "UTF-8"), new java.io.PrintStream(err, true, "UTF-8"))).isEqualTo(1);
        assertThat(err.toString("UTF-8")).contains("目标目录已有数据库");
    }

    static String row(ResultSet rs) throws java.sql.SQLException {
        return rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getObject(4) + "|"
                + rs.getString(5);
    }
}
