package cn.lantu.infrastructure;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code lantu.jar backup FILE [--data-dir DIR]} and {@code lantu.jar restore FILE [--data-dir DIR]} for the embedded
 * H2 database: a portable SQL script, written and read with the same connection options the server uses (without
 * them H2 answers "Schema public not found"). Runs without Spring; the server must be stopped, since the embedded
 * database is opened by one process at a time. PostgreSQL is backed up with its own tools (pg_dump / pg_restore).
 */
public final class BackupCommand {

    /** The options of the embedded database, as in application.yml's default URL. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";

    private BackupCommand() {
    }

    public static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("lantu") + H2_OPTIONS;
    }

    /** Exit code 0 on success, 1 on a failure, 2 on wrong usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2) {
            err.println("用法: lantu.jar backup|restore FILE [--data-dir DIR]");
            return 2;
        }
        String dbUrl = System.getenv("LANTU_DB_URL");
        if (dbUrl != null && dbUrl.startsWith("jdbc:postgresql")) {
            err.println("PostgreSQL 请用 pg_dump -Fc 备份、pg_restore --no-owner 恢复（见 docs/operations.md）");
            return 2;
        }
        Path dataDir = Path.of("data");
        for (int i = 2; i < args.length - 1; i++) {
            if ("--data-dir".equals(args[i])) {
                dataDir = Path.of(args[i + 1]);
            }
        }
        Path file = Path.of(args[1]).toAbsolutePath();
        try {
            if ("backup".equals(args[0])) {
                if (!Files.exists(dataDir.resolve("lantu.mv.db"))) {
                    err.println("没有找到数据库文件: " + dataDir.resolve("lantu.mv.db"));
                    return 1;
                }
                try (Connection c = DriverManager.getConnection(url(dataDir) + ";IFEXISTS=TRUE", "sa", "");
                     Statement s = c.createStatement()) {
                    s.execute("SCRIPT TO '" + file.toString().replace("'", "''") + "'");
                }
                out.println("已备份到 " + file);
                return 0;
            }
            if ("restore".equals(args[0])) {
                if (Files.exists(dataDir.resolve("lantu.mv.db"))) {
                    err.println("目标目录已有数据库，恢复只写入空目录: " + dataDir.toAbsolutePath());
                    return 1;
                }
                Files.createDirectories(dataDir);
                try (Connection c = DriverManager.getConnection(url(dataDir), "sa", "");
                     Statement s = c.createStatement()) {
                    s.execute("RUNSCRIPT FROM '" + file.toString().replace("'", "''") + "'");
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM plan")) {
                        rs.next();
                        out.println("已恢复到 " + dataDir.toAbsolutePath() + "（规划 " + rs.getInt(1) + " 个）");
                    }
                }
                return 0;
            }
            err.println("未知命令: " + args[0]);
            return 2;
        } catch (SQLException | java.io.IOException e) {
            err.println("失败: " + e.getMessage().lines().findFirst().orElse(e.toString())
                    + (String.valueOf(e.getMessage()).contains("Locked") ? "（请先停止服务器）" : ""));
            return 1;
        }
    }
}
