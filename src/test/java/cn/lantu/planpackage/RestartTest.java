package cn.lantu.planpackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.LantuApplication;

/** The README's run command twice on the same embedded file database: the second start duplicates nothing. */
class RestartTest {

    @Test
    void aRestartDoesNotDuplicateThePlanNorTheAdministrator() throws Exception {
        Path dir = Files.createTempDirectory("lantu-restart");
        String[] args = {"--server.port=0", "--lantu.data-dir=" + dir,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("lantu") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--logging.level.root=WARN"};
        Map<String, Long> first = startCountAndStop(args);
        String password = Files.readString(dir.resolve("initial-admin-password"));
        Map<String, Long> second = startCountAndStop(args);
        assertThat(first.get("plan")).isEqualTo(1);
        assertThat(first.get("indicator")).isGreaterThanOrEqualTo(27);
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(dir.resolve("initial-admin-password"))).as("the password is not regenerated")
                .isEqualTo(password);
    }

    private static Map<String, Long> startCountAndStop(String[] args) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LantuApplication.class).run(args)) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (String t : PlanPersistenceContract.TABLES) {
                counts.put(t, jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single());
            }
            counts.put("app_user", jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single());
            return counts;
        }
    }
}
