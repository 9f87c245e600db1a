package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.lantu.support.PostgresSchemas;

/**
 * The evidence bytes on a real PostgreSQL server: the migrations declare figure_evidence.content as BYTEA (which H2
 * in PostgreSQL mode accepts too), and the service's own INSERT/SELECT round-trip arbitrary bytes unchanged.
 */
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+",
        disabledReason = "PostgreSQL is not configured: set LANTU_TEST_PG_URL (and _USER, _PASSWORD); .ci/run does")
class EvidencePostgresTest {

    @Test
    void evidenceBytesRoundTripOnPostgres() {
        String schema = PostgresSchemas.fresh();
        DriverManagerDataSource ds = new DriverManagerDataSource(PostgresSchemas.url(schema),
                System.getenv("LANTU_TEST_PG_USER"), System.getenv("LANTU_TEST_PG_PASSWORD"));
        JdbcClient jdbc = JdbcClient.create(ds);
        try {
            Flyway.configure().dataSource(ds).schemas(schema).defaultSchema(schema)
                    .locations("classpath:db/migration").load().migrate();
            assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_schema = ? "
                    + "AND table_name = 'figure_evidence' AND column_name = 'content'").param(schema)
                    .query(String.class).single()).isEqualTo("bytea");
            // no plan loaded in this bare schema: drop the foreign key to store a row without a figure
            String fk = jdbc.sql("SELECT constraint_name FROM information_schema.table_constraints WHERE "
                    + "table_schema = ? AND table_name = 'figure_evidence' AND constraint_type = 'FOREIGN KEY'")
                    .param(schema).query(String.class).single();
            jdbc.sql("ALTER TABLE figure_evidence DROP CONSTRAINT " + fk).update();
            byte[] bytes = new byte[70_000];
            new Random(42).nextBytes(bytes);
            bytes[0] = '%';
            jdbc.sql(EvidenceService.INSERT).params(1L, "证明.pdf", "application/pdf", (long) bytes.length, bytes,
                    "pg-test", Timestamp.from(Instant.now())).update();
            long id = jdbc.sql("SELECT id FROM figure_evidence").query(Long.class).single();
            byte[] back = jdbc.sql(EvidenceService.CONTENT).param(id).query((rs, n) -> rs.getBytes(1)).single();
            assertThat(back).isEqualTo(bytes);
        } finally {
            jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        }
    }
}
