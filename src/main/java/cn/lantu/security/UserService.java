package cn.lantu.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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

import cn.lantu.audit.AuditLog;
import cn.lantu.security.UserRepository.TokenInfo;
import cn.lantu.security.UserRepository.TokenScope;

/**
 * Creates users and API tokens and looks them up for Spring Security. Every password goes through the
 * {@link PasswordPolicy}; setting a password, disabling an account or changing its role ends the account's other
 * access at once (sessions and API tokens, see {@link #update}).
 */
@Service
public class UserService implements UserDetailsService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String ALPHABET = UPPER + LOWER + DIGITS;

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final UserSessions sessions;
    private final InitialPasswordFile initialPassword;
    private final AuditLog audit;
    private final SecuritySettings settings;

    public UserService(UserRepository users, PasswordEncoder encoder, PasswordPolicy policy, UserSessions sessions,
                       InitialPasswordFile initialPassword, AuditLog audit, SecuritySettings settings) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.sessions = sessions;
        this.initialPassword = initialPassword;
        this.audit = audit;
        this.settings = settings;
    }

    /** For the login (form and HTTP Basic): a locked account is refused before its password is checked. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        UserRepository.Account account = users.findAccount(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        AppUser user = account.user();
        return User.withUsername(user.username()).password(user.passwordHash()).disabled(!user.enabled())
                .accountLocked(account.lockedAt(Instant.now()))
                .authorities(List.of(new SimpleGrantedAuthority(user.role().authority()))).build();
    }

    static UserDetails details(AppUser user) {
        return User.withUsername(user.username()).password("").disabled(!user.enabled())
                .authorities(List.of(new SimpleGrantedAuthority(user.role().authority()))).build();
    }

    @Transactional
    public long createUser(String username, String displayName, String rawPassword, Role role, Long orgUnitId) {
        policy.check(username, rawPassword);
        return users.insert(username, displayName, encoder.encode(rawPassword), role, orgUnitId);
    }

    /**
     * Sets a user's password (an administrator's reset or the user's own change): checked against the policy and
     * the last {@value PasswordPolicy#HISTORY} passwords. Ends the user's sessions but {@code keepSessionId} and
     * revokes all the user's API tokens. Changing the first administrator's password deletes the initial password
     * file.
     */
    @Transactional
    public void changePassword(long userId, String rawPassword, String keepSessionId) {
        AppUser user = users.findById(userId).orElseThrow();
        policy.check(user.username(), rawPassword);
        for (String old : users.passwordHistory(userId, PasswordPolicy.HISTORY)) {
            if (encoder.matches(rawPassword, old)) {
                throw new PasswordPolicy.Rejected("不能使用最近" + PasswordPolicy.HISTORY + "次用过的密码");
            }
        }
        users.updatePassword(userId, encoder.encode(rawPassword), PasswordPolicy.HISTORY);
        endAccess(user, keepSessionId);
        initialPassword.delete(user.username());
    }

    /**
     * An administrator's reset: {@link #changePassword(long, String, String)}, and the user must choose their own
     * password at the next login (when {@code lantu.security.password-change-at-first-login} is on).
     */
    @Transactional
    public void resetPassword(long userId, String rawPassword, String keepSessionId) {
        changePassword(userId, rawPassword, keepSessionId);
        users.requirePasswordChange(userId, settings.passwordChangeAtFirstLogin());
    }

    /** An account an administrator creates: its user chooses their own password at the first login. */
    @Transactional
    public long createAccount(String username, String displayName, String rawPassword, Role role, Long orgUnitId) {
        long id = createUser(username, displayName, rawPassword, role, orgUnitId);
        users.requirePasswordChange(id, settings.passwordChangeAtFirstLogin());
        return id;
    }

    /** {@link #changePassword(long, String, String)} ending every session of the user. */
    @Transactional
    public void changePassword(long userId, String rawPassword) {
        changePassword(userId, rawPassword, null);
    }

    /** The user's own change: the current password must be right. */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String keepSessionId) {
        AppUser user = users.findByUsername(username).orElseThrow();
        if (currentPassword == null || !encoder.matches(currentPassword, user.passwordHash())) {
            throw new IllegalArgumentException("当前密码不正确");
        }
        changePassword(user.id(), newPassword, keepSessionId);
        users.requirePasswordChange(user.id(), false);
    }

    /**
     * Refuses a change that would leave a role without an enabled holder where that matters: nobody removes a role
     * from themselves as its last holder, and the three administrators of the system (三员) always keep one
     * enabled holder each, so that accounts, security and audit can never be left without their administrator.
     */
    public void checkLastHolder(AppUser before, Role role, boolean enabled, String actor) {
        boolean removes = before.enabled() && (role != before.role() || !enabled);
        if (!removes || users.countEnabled(before.role()) > 1) {
            return;
        }
        if (before.username().equals(actor)) {
            throw new IllegalArgumentException("您是唯一的" + before.role().label() + "，不能取消自己的这一角色或停用自己");
        }
        if (before.role().systemAdministration()) {
            throw new IllegalArgumentException(before.username() + " 是唯一的" + before.role().label()
                    + "，须先为另一账号授予该角色");
        }
    }

    /** What an account change ended. */
    public record Ended(int sessions, int tokens) {
        public String describe() {
            return "结束会话" + sessions + "个，吊销令牌" + tokens + "个";
        }
    }

    /**
     * Saves an administrator's change of a user. Disabling the account ends all its sessions and revokes its tokens;
     * a change of role revokes the tokens (the account's sessions keep going, but every request reads the current
     * role from the database, see {@link AccountCheckFilter}).
     */
    @Transactional
    public Ended update(long id, String displayName, Role role, Long orgUnitId, String email, boolean enabled) {
        AppUser before = users.findById(id).orElseThrow();
        users.update(id, displayName, role, orgUnitId, email, enabled);
        if (before.enabled() && !enabled) {
            return endAccess(before, null);
        }
        if (before.role() != role) {
            return new Ended(0, users.deleteTokens(id));
        }
        return new Ended(0, 0);
    }

    private Ended endAccess(AppUser user, String keepSessionId) {
        users.renewStamp(user.id());
        return new Ended(sessions.end(user.username(), keepSessionId), users.deleteTokens(user.id()));
    }

    /** Creates a read-write API token valid for the default number of days. */
    @Transactional
    public String createToken(String username, String name) {
        return createToken(username, name, TokenScope.READ_WRITE, settings.tokens().defaultDays());
    }

    /** Creates an API token for the user and returns it; only its SHA-256 hash is stored. Audited. */
    @Transactional
    public String createToken(String username, String name, TokenScope scope, int days) {
        if (days < 1 || days > settings.tokens().maxDays()) {
            throw new IllegalArgumentException("有效期须为1至" + settings.tokens().maxDays() + "天");
        }
        AppUser user = users.findByUsername(username).orElseThrow();
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "lt_" + HexFormat.of().formatHex(raw);
        Instant expires = Instant.now().plus(Duration.ofDays(days));
        long id = users.insertToken(user.id(), name, ApiTokenFilter.hash(token), scope, expires);
        audit.record(username, "TOKEN_CREATE", "token:" + id, "令牌“" + name + "”，权限" + scope.label() + "，"
                + cn.lantu.web.Formats.timeZh(expires) + "到期");
        return token;
    }

    public List<TokenInfo> tokens(String username) {
        return users.tokens(users.findByUsername(username).orElseThrow().id());
    }

    /** Revokes one of the user's own tokens; false when the user has no such token. Audited. */
    @Transactional
    public boolean revokeToken(String username, long tokenId) {
        AppUser user = users.findByUsername(username).orElseThrow();
        String name = users.tokens(user.id()).stream().filter(t -> t.id() == tokenId).map(TokenInfo::name)
                .findFirst().orElse(null);
        if (name == null || !users.deleteToken(user.id(), tokenId)) {
            return false;
        }
        audit.record(username, "TOKEN_REVOKE", "token:" + tokenId, "吊销令牌“" + name + "”");
        return true;
    }

    /** A random password that meets the policy (upper and lower case letters and digits, no look-alikes). */
    public static String randomPassword(int length) {
        if (length < 3) {
            throw new IllegalArgumentException("length");
        }
        List<Character> chars = new ArrayList<>(length);
        chars.add(UPPER.charAt(RANDOM.nextInt(UPPER.length())));
        chars.add(LOWER.charAt(RANDOM.nextInt(LOWER.length())));
        chars.add(DIGITS.charAt(RANDOM.nextInt(DIGITS.length())));
        while (chars.size() < length) {
            chars.add(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder sb = new StringBuilder(length);
        chars.forEach(sb::append);
        return sb.toString();
    }
}
