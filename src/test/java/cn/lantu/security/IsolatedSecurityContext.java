package cn.lantu.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A context of its own for the security tests that need short lock times, a file database and a log file:
 * {@code target/sec-context/data} is the data folder and holds the H2 file database, the log goes to
 * {@code target/sec-context/lantu.log}. The folder is wiped once per test JVM, before the context starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lantu.data-dir=" + IsolatedSecurityContext.DATA,
        "spring.datasource.url=jdbc:h2:file:./" + IsolatedSecurityContext.DATA
                + "/lantu;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "logging.file.name=" + IsolatedSecurityContext.LOG,
        "lantu.security.lockout.max-failures=5",
        "lantu.security.lockout.window=10m",
        "lantu.security.lockout.duration=8s",
        "lantu.security.throttle.max-failures=12",
        "lantu.security.throttle.window=10m",
        "lantu.security.password-max-age-days=30",
        "lantu.security.password-change-at-first-login=true"})
@ActiveProfiles("test")
abstract class IsolatedSecurityContext {

    @org.springframework.beans.factory.annotation.Autowired LoginAttempts attempts;

    /** Every test starts with no address throttled (all requests of the tests come from 127.0.0.1). */
    @org.junit.jupiter.api.BeforeEach
    void forgetAddresses() {
        attempts.clearAddresses();
    }

    static final String ROOT = "target/sec-context";
    static final String DATA = ROOT + "/data";
    static final String LOG = ROOT + "/lantu.log";

    static {
        Wipe.once();
    }

    static final class Wipe {
        private static boolean done;

        static synchronized void once() {
            if (done) {
                return;
            }
            done = true;
            Path root = Path.of(ROOT);
            if (!Files.exists(root)) {
                return;
            }
            try (Stream<Path> all = Files.walk(root)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
