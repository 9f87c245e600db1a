package cn.lantu.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates test inputs whether tests run from the project root or from a standalone build. */
public final class IngestTestSupport {
    private IngestTestSupport() {
    }

    public static Path projectRoot() {
        String prop = System.getProperty("lantu.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "src"))) {
            return Path.of(prop);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("src/main/resources/plans/zhuji-15th/outline.md"))) {
                return p;
            }
            p = p.getParent();
        }
        return Path.of("/work/main");
    }

    public static Path zhujiOutlinePath() {
        return projectRoot().resolve("src/main/resources/plans/zhuji-15th/outline.md");
    }

    public static String zhujiOutline() {
        try {
            return Files.readString(zhujiOutlinePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path testResource(String name) {
        return projectRoot().resolve("src/test/resources/ingest").resolve(name);
    }
}
