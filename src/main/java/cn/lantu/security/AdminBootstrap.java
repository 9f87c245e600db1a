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
 * On first start, creates the administrator {@code admin} with a random password and writes it to
 * {@code <data-dir>/initial-admin-password}, readable only by its owner. The password never goes to the log: the
 * log says only where the file is. The file is deleted when that password is changed ({@link UserService}).
 * There is no default password.
 */
@Component
@Order(0)
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final UserService service;
    private final InitialPasswordFile initialPassword;

    public AdminBootstrap(UserRepository users, UserService service, InitialPasswordFile initialPassword) {
        this.users = users;
        this.service = service;
        this.initialPassword = initialPassword;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (users.findByUsername(InitialPasswordFile.ADMIN).isPresent()) {
            return;
        }
        String password = UserService.randomPassword(20);
        service.createUser(InitialPasswordFile.ADMIN, "规划管理员", password, Role.ADMIN, null);
        Path file = initialPassword.path();
        DataDirectory.prepare(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(DataDirectory.OWNER_FILE));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        log.warn("\n\n  Lantu administrator created. user: admin\n  Its initial password is in {} (readable by its"
                + " owner only; deleted once the password is changed). Change it after the first login.\n",
                file.toAbsolutePath());
    }
}
