package cn.lantu.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code <data-dir>/initial-admin-password}: written once by {@link AdminBootstrap}, deleted once that password changes. */
@Component
public class InitialPasswordFile {

    /** The user the file is for. */
    public static final String ADMIN = "admin";

    private final Path file;

    public InitialPasswordFile(@Value("${lantu.data-dir}") String dataDir) {
        this.file = Path.of(dataDir).resolve("initial-admin-password");
    }

    public Path path() {
        return file;
    }

    /** Deletes the file (the password in it is no longer the administrator's); true when there was one. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
