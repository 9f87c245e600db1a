package cn.lantu.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start, creates each account of {@link InitialPasswordFile#ACCOUNTS} that does not exist yet — the first
 * plan-office account {@code admin} and the three administrators of the system (三员: {@code sysadmin},
 * {@code secadmin}, {@code auditadmin}) — each with a random password written to
 * {@code <data-dir>/initial-<user>-password}, readable only by its owner. Passwords never go to the log: the log
 * says only where the files are. Each must be changed at the first login (unless
 * {@code lantu.security.password-change-at-first-login} is off), and its file is deleted then. There is no default
 * password.
 */
@Component
@Order(0)
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final UserService service;
    private final InitialPasswordFile initialPassword;
    private final SecuritySettings settings;

    public AdminBootstrap(UserRepository users, UserService service, InitialPasswordFile initialPassword,
                          SecuritySettings settings) {
        this.users = users;
        this.service = service;
        this.initialPassword = initialPassword;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (InitialPasswordFile.Initial account : InitialPasswordFile.ACCOUNTS) {
            if (users.findByUsername(account.username()).isEmpty()) {
                create(account);
            }
        }
    }

    private void create(InitialPasswordFile.Initial account) throws IOException {
        String password = UserService.randomPassword(20);
        long id = service.createUser(account.username(), account.displayName(), password, account.role(), null);
        if (settings.passwordChangeAtFirstLogin()) {
            users.requirePasswordChange(id, true);
        }
        Path file = initialPassword.path(account.username());
        DataDirectory.prepare(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(DataDirectory.OWNER_FILE));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        log.warn("\n\n  Lantu account created: {} ({}).\n  Its initial password is in {} (readable by its owner only;"
                + " deleted once the password is changed). It must be changed at the first login.\n",
                account.username(), account.role().name(), file.toAbsolutePath());
    }
}
