package cn.lantu.task;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.lantu.support.Http;
import cn.lantu.support.PostgresSchemas;
import cn.lantu.support.TestUsers;

/**
 * {@link TaskPlanApiTest} on a real PostgreSQL server (a whole application on a fresh schema): the V32 columns, the
 * task plan and project writes with their version checks and the audit entries.
 */
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+",
        disabledReason = "PostgreSQL is not configured: set LANTU_TEST_PG_URL (and _USER, _PASSWORD); .ci/run does")
class TaskPlanPostgresTest extends TaskPlanApiTest {

    static final String DATA = "target/test-data-pg-taskplan";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchemas.register(registry, DATA);
    }

    @Override
    Http admin() {
        return Http.basic(port, "admin", TestUsers.adminPasswordIn(DATA));
    }
}
