package cn.lantu.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The data folder ({@code lantu.data-dir}, default {@code ./data}) holds the H2 database and the initial
 * administrator password: it is created, before any bean touches it, with mode 0700 (an existing one is narrowed to
 * 0700); once the application runs, the H2 database files in it are made readable by their owner only (0600).
 * On file systems without POSIX permissions nothing is changed.
 */
public class DataDirectory implements BeanFactoryPostProcessor, EnvironmentAware,
        ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String dir = environment.getProperty("lantu.data-dir", "./data");
        prepare(Path.of(dir));
        h2File().map(Path::getParent).filter(p -> !p.equals(Path.of(dir).toAbsolutePath().normalize()))
                .ifPresent(DataDirectory::prepare);
    }

    /** Creates the folder with 0700, or narrows an existing one to 0700. */
    static void prepare(Path dir) {
        try {
            if (!posix()) {
                Files.createDirectories(dir);
                return;
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
            if (!Files.getPosixFilePermissions(dir).equals(OWNER_DIR)) {
                Files.setPosixFilePermissions(dir, OWNER_DIR);
                log.info("data folder {} set to mode 0700", dir.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data folder " + dir.toAbsolutePath(), e);
        }
    }

    /** The H2 file database of {@code spring.datasource.url} ({@code jdbc:h2:file:PATH;…} or {@code jdbc:h2:PATH}). */
    java.util.Optional<Path> h2File() {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:")) {
            return java.util.Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) {
            rest = rest.substring(0, semicolon);
        }
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")) {
            return java.util.Optional.empty();
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return java.util.Optional.of(Path.of(rest).toAbsolutePath().normalize());
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!posix()) {
            return;
        }
        h2File().ifPresent(db -> {
            for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
                Path f = Path.of(db + suffix);
                try {
                    if (Files.exists(f) && !Files.getPosixFilePermissions(f).equals(OWNER_FILE)) {
                        Files.setPosixFilePermissions(f, OWNER_FILE);
                    }
                } catch (IOException e) {
                    log.warn("cannot make {} readable by its owner only: {}", f, e.toString());
                }
            }
        });
    }
}
