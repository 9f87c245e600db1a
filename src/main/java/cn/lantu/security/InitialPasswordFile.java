package cn.lantu.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code <data-dir>/initial-<user>-password}: the generated password of an account created on first start, written
 * once by {@link AdminBootstrap} and deleted once that password changes.
 */
@Component
public class InitialPasswordFile {

    /** The first plan-office account. */
    public static final String ADMIN = "admin";
    /** The three administrators of the system (三员): system, security, audit. */
    public static final String SYSTEM_ADMIN = "sysadmin";
    public static final String SECURITY_ADMIN = "secadmin";
    public static final String AUDIT_ADMIN = "auditadmin";

    /** The accounts created on first start, each with its role and display name. */
    public record Initial(String username, Role role, String displayName) {}

    public static final List<Initial> ACCOUNTS = List.of(
            new Initial(ADMIN, Role.ADMIN, "规划管理员"),
            new Initial(SYSTEM_ADMIN, Role.SYSTEM_ADMIN, "系统管理员"),
            new Initial(SECURITY_ADMIN, Role.SECURITY_ADMIN, "安全管理员"),
            new Initial(AUDIT_ADMIN, Role.AUDIT_ADMIN, "审计管理员"));

    private final Path dir;

    public InitialPasswordFile(@Value("${lantu.data-dir}") String dataDir) {
        this.dir = Path.of(dataDir);
    }

    /** The first plan-office account's file. */
    public Path path() {
        return path(ADMIN);
    }

    public Path path(String username) {
        return dir.resolve("initial-" + username + "-password");
    }

    /** Deletes the user's file (the password in it is no longer theirs); true when there was one. */
    public boolean delete(String username) {
        try {
            return Files.deleteIfExists(path(username));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean delete() {
        return delete(ADMIN);
    }
}
