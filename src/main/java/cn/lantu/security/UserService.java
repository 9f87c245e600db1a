package cn.lantu.security;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates users and API tokens and looks them up for Spring Security. */
@Service
public class UserService implements UserDetailsService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordEncoder encoder;

    public UserService(UserRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return details(user);
    }

    static UserDetails details(AppUser user) {
        return User.withUsername(user.username()).password(user.passwordHash()).disabled(!user.enabled())
                .authorities(List.of(new SimpleGrantedAuthority(user.role().authority()))).build();
    }

    @Transactional
    public long createUser(String username, String displayName, String rawPassword, Role role, Long orgUnitId) {
        if (rawPassword == null || rawPassword.length() < 12) {
            throw new IllegalArgumentException("密码至少12位 (password must have at least 12 characters)");
        }
        return users.insert(username, displayName, encoder.encode(rawPassword), role, orgUnitId);
    }

    /** Changes a user's password (at least 12 characters). */
    @Transactional
    public void changePassword(long userId, String rawPassword) {
        if (rawPassword == null || rawPassword.length() < 12) {
            throw new IllegalArgumentException("密码至少12位 (password must have at least 12 characters)");
        }
        users.updatePassword(userId, encoder.encode(rawPassword));
    }

    /** Creates an API token for the user and returns it; only its SHA-256 hash is stored. */
    @Transactional
    public String createToken(String username, String name) {
        AppUser user = users.findByUsername(username).orElseThrow();
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "lt_" + HexFormat.of().formatHex(raw);
        users.insertToken(user.id(), name, ApiTokenFilter.hash(token));
        return token;
    }

    public static String randomPassword(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
