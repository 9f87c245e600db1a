package cn.lantu.support;

/** Fresh schema names so that every PostgreSQL test run starts from an empty database. */
public final class PostgresSchemas {

    private PostgresSchemas() {}

    public static String fresh() {
        return "lantu_t" + Long.toString(System.currentTimeMillis(), 36) + (int) (Math.random() * 1000);
    }

    public static String url(String schema) {
        String base = System.getenv("LANTU_TEST_PG_URL");
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
