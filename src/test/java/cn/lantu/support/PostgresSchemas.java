package cn.lantu.support;

/** Fresh schema names so that every PostgreSQL test run starts from an empty database. */
public final class PostgresSchemas {

    private PostgresSchemas() {}

    public static String fresh() {
        return "lantu_t" + Long.toString(System.currentTimeMillis(), 36) + (int) (Math.random() * 1000);
    }

    /**
     * Points a whole application at a fresh schema of the test server, with its own data folder (the shared H2
     * context's administrator password file must not be overwritten) and no reminder jobs.
     */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry, String dataDir) {
        String schema = fresh();
        registry.add("spring.datasource.url", () -> url(schema));
        registry.add("spring.datasource.username", () -> System.getenv("LANTU_TEST_PG_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("LANTU_TEST_PG_PASSWORD") == null ? ""
                : System.getenv("LANTU_TEST_PG_PASSWORD"));
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("lantu.data-dir", () -> dataDir);
        registry.add("lantu.reporting.reminder-cron", () -> "-");
        registry.add("lantu.scale.reminder-cron", () -> "-");
    }

    public static String url(String schema) {
        String base = System.getenv("LANTU_TEST_PG_URL");
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
