package cn.lantu.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Credentials for tests: the administrator's generated password as the application wrote it. */
public final class TestUsers {

    private TestUsers() {}

    public static String adminPassword() {
        return adminPassword("target/test-data");
    }

    /** The password in the demo-mode context ({@link LantuDemoTest}). */
    public static String demoAdminPassword() {
        return adminPassword("target/test-data-demo");
    }

    /** The administrator's initial password as the application wrote it into the data folder {@code dir}. */
    public static String adminPasswordIn(String dir) {
        return adminPassword(dir);
    }

    /** The generated password of an account created on first start ({@code sysadmin}, {@code secadmin} …). */
    public static String initialPassword(String user) {
        return initialPasswordIn("target/test-data", user);
    }

    public static String demoInitialPassword(String user) {
        return initialPasswordIn("target/test-data-demo", user);
    }

    public static String initialPasswordIn(String dir, String user) {
        try {
            return Files.readString(Path.of(dir, "initial-" + user + "-password")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("the application did not write initial-" + user + "-password", e);
        }
    }

    private static String adminPassword(String dir) {
        try {
            return Files.readString(Path.of(dir, "initial-admin-password")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("the application did not write data/initial-admin-password", e);
        }
    }
}
