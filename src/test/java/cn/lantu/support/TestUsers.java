package cn.lantu.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Credentials for tests: the administrator's generated password as the application wrote it. */
public final class TestUsers {

    private TestUsers() {}

    public static String adminPassword() {
        try {
            return Files.readString(Path.of("target/test-data/initial-admin-password")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("the application did not write data/initial-admin-password", e);
        }
    }
}
