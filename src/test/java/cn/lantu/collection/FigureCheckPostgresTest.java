package cn.lantu.collection;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.lantu.support.PostgresSchemas;
import cn.lantu.support.TestUsers;

/** {@link FigureCheckTest} on PostgreSQL, in a fresh schema. */
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+",
        disabledReason = "PostgreSQL is not configured: set LANTU_TEST_PG_URL (and _USER, _PASSWORD); .ci/run does")
class FigureCheckPostgresTest extends FigureCheckTest {

    static final String DATA_DIR = "target/test-data-pg-checks";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchemas.register(registry, DATA_DIR);
    }

    @Override
    String adminPassword() {
        return TestUsers.adminPasswordIn(DATA_DIR);
    }
}
