package cn.lantu.planpackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies of the Zhuji package in a temporary folder, edited to test validation. */
final class BrokenPackages {

    static final String[] FILES = {"plan.yaml", "outline.md", "corrections.yaml", "indicators.yaml", "org.yaml",
            "responsibilities.yaml", "projects.yaml", "reforms.yaml"};

    private BrokenPackages() {}

    /** A copy of the Zhuji package whose plan code is {@code code}. */
    static Path copyOfZhuji(String code) throws IOException {
        Path dir = Files.createTempDirectory("lantu-pkg");
        for (String f : FILES) {
            try (InputStream in = BrokenPackages.class.getResourceAsStream("/plans/zhuji-15th/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + f);
                }
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        edit(dir.resolve("plan.yaml"), "code: zhuji-15th", "code: " + code, 1);
        return dir;
    }

    /** Replaces the n-th occurrence of {@code find} in the file; fails if there is none. */
    static void edit(Path file, String find, String replace, int occurrence) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int at = -1;
        for (int i = 0; i < occurrence; i++) {
            at = text.indexOf(find, at + 1);
            if (at < 0) {
                throw new IllegalStateException("'" + find + "' not found in " + file);
            }
        }
        Files.writeString(file, text.substring(0, at) + replace + text.substring(at + find.length()),
                StandardCharsets.UTF_8);
    }
}
