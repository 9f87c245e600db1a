package cn.lantu;

final class ExtractEntry {
    private ExtractEntry() {}

    // TEMPORARY until cn.lantu.ingest.ExtractCommand lands
    static int run(String[] args) {
        try {
            return (int) Class.forName("cn.lantu.ingest.ExtractCommand")
                    .getMethod("run", String[].class, java.io.PrintStream.class, java.io.PrintStream.class)
                    .invoke(null, args, System.out, System.err);
        } catch (ReflectiveOperationException e) {
            System.err.println("extract is not available: " + e);
            return 2;
        }
    }
}
