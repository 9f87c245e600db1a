package cn.lantu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every main class stays readable in one sitting: no file under src/main/java passes 400 lines. */
class ClassSizeTest {

    static final int MAX_LINES = 400;

    @Test
    void noMainClassPassesFourHundredLines() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> f + " has " + lines(f) + " lines")
                    .filter(s -> Integer.parseInt(s.replaceAll(".* has (\\d+) lines", "$1")) > MAX_LINES)
                    .sorted().toList();
            assertThat(tooLong).as("classes over %d lines", MAX_LINES).isEmpty();
        }
    }

    @Test
    void theLimitIsCheckedOnRealFiles() throws IOException {
        // guards against the walk silently finding nothing (a moved source folder would pass the test above)
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".java")).count()).isGreaterThan(100);
        }
    }

    private static long lines(Path f) {
        try (Stream<String> l = Files.lines(f)) {
            return l.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
