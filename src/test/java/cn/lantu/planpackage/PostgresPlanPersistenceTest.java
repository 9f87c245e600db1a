package cn.lantu.planpackage;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import cn.lantu.support.PostgresSchemas;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The persistence contract on a real PostgreSQL server. Runs whenever LANTU_TEST_PG_URL is set (CI always sets
 * it); otherwise JUnit reports these tests as skipped with the reason, never as passed. Each run migrates a
 * fresh schema of its own.
 */
@SpringBootTest
@ActiveProfiles("test")
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+",
        disabledReason = "PostgreSQL is not configured: set LANTU_TEST_PG_URL (and _USER, _PASSWORD); .ci/run does")
class PostgresPlanPersistenceTest extends PlanPersistenceContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String schema = PostgresSchemas.fresh();
        registry.add("spring.datasource.url", () -> PostgresSchemas.url(schema));
        registry.add("spring.datasource.username", () -> System.getenv("LANTU_TEST_PG_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("LANTU_TEST_PG_PASSWORD"));
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
        // its own data folder: the shared H2 context's administrator password file must not be overwritten
        registry.add("lantu.data-dir", () -> "target/test-data-pg");
    }
}
