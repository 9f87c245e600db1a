package cn.lantu.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the administrator {@code admin} with a random password. The password is printed
 * once to the log and written to {@code data/initial-admin-password}, readable only by its owner.
 * There is no default password.
 */
@Component
@Order(0)
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final UserService service;
    private final Path dataDir;

    public AdminBootstrap(UserRepository users, UserService service, @Value("${lantu.data-dir}") String dataDir) {
        this.users = users;
        this.service = service;
        this.dataDir = Path.of(dataDir);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (users.findByUsername("admin").isPresent()) {
            return;
        }
        String password = UserService.randomPassword(20);
        service.createUser("admin", "规划管理员", password, Role.ADMIN, null);
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("initial-admin-password");
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        log.warn("\n\n  Lantu administrator created. user: admin  password: {}\n  (also written to {}; change it after first login)\n",
                password, file.toAbsolutePath());
    }
}
