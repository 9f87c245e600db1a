package cn.lantu.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL access to users and API tokens. */
@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AppUser> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?").param(username).query(UserRepository::map)
                .optional();
    }

    public List<AppUser> findAll() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY id").query(UserRepository::map).list();
    }

    public long insert(String username, String displayName, String passwordHash, Role role, Long orgUnitId) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, org_unit_id, enabled, created_at,
                                      password_changed_at, security_stamp)
                VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?)
                """).params(username, displayName, passwordHash, role.name(), orgUnitId, now, now, newStamp())
                .update();
        long id = findByUsername(username).orElseThrow().id();
        addPasswordHistory(id, passwordHash, now, Integer.MAX_VALUE);
        return id;
    }

    public Optional<AppUser> findById(long id) {
        return jdbc.sql("SELECT * FROM app_user WHERE id = ?").param(id).query(UserRepository::map).optional();
    }

    /** Enabled users of an org unit with one of the roles. */
    public List<AppUser> findByOrgUnitAndRoles(long orgUnitId, List<Role> roles) {
        return jdbc.sql("SELECT * FROM app_user WHERE enabled = TRUE AND org_unit_id = :unit AND role IN (:roles) ORDER BY id")
                .param("unit", orgUnitId).param("roles", roles.stream().map(Role::name).toList())
                .query(UserRepository::map).list();
    }

    public List<AppUser> findByRole(Role role) {
        return jdbc.sql("SELECT * FROM app_user WHERE enabled = TRUE AND role = ? ORDER BY id").param(role.name())
                .query(UserRepository::map).list();
    }

    public void update(long id, String displayName, Role role, Long orgUnitId, String email, boolean enabled) {
        jdbc.sql("UPDATE app_user SET display_name = ?, role = ?, org_unit_id = ?, email = ?, enabled = ? WHERE id = ?")
                .params(displayName, role.name(), orgUnitId, email, enabled, id).update();
    }

    /**
     * Sets a new password hash: keeps it in the user's password history (the last {@code keep} hashes), records when
     * it was set and changes the account's security stamp, so that sessions signed in before no longer count.
     */
    public void updatePassword(long id, String passwordHash, int keep) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("UPDATE app_user SET password_hash = ?, password_changed_at = ?, security_stamp = ? WHERE id = ?")
                .params(passwordHash, now, newStamp(), id).update();
        addPasswordHistory(id, passwordHash, now, keep);
    }

    void addPasswordHistory(long userId, String passwordHash, Timestamp at, int keep) {
        jdbc.sql("INSERT INTO password_history (user_id, password_hash, changed_at) VALUES (?, ?, ?)")
                .params(userId, passwordHash, at).update();
        List<Long> old = jdbc.sql("SELECT id FROM password_history WHERE user_id = ? ORDER BY id DESC")
                .param(userId).query(Long.class).list();
        if (old.size() > keep) {
            jdbc.sql("DELETE FROM password_history WHERE user_id = :u AND id IN (:ids)").param("u", userId)
                    .param("ids", old.subList(keep, old.size())).update();
        }
    }

    /** The user's last password hashes, newest first (the current one included). */
    public List<String> passwordHistory(long userId, int limit) {
        return jdbc.sql("SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT " + limit)
                .param(userId).query(String.class).list();
    }

    /** Changes the account's security stamp: every session signed in before is ended at its next request. */
    public void renewStamp(long id) {
        jdbc.sql("UPDATE app_user SET security_stamp = ? WHERE id = ?").params(newStamp(), id).update();
    }

    static String newStamp() {
        return java.util.UUID.randomUUID().toString();
    }

    /** The security state of an account: stamp, failed logins, lock, password age. */
    public record Account(AppUser user, String stamp, int failedLogins, Instant failedSince, Instant lockedUntil,
                          Instant passwordChangedAt, boolean passwordChangeRequired) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    public Optional<Account> findAccount(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?").param(username)
                .query((rs, n) -> new Account(map(rs, n), rs.getString("security_stamp"), rs.getInt("failed_logins"),
                        instant(rs.getTimestamp("failed_since")), instant(rs.getTimestamp("locked_until")),
                        instant(rs.getTimestamp("password_changed_at")), rs.getBoolean("password_change_required")))
                .optional();
    }

    /** Marks (or clears) that the account's password must be changed by its user before anything else. */
    public void requirePasswordChange(long id, boolean required) {
        jdbc.sql("UPDATE app_user SET password_change_required = ? WHERE id = ?").params(required, id).update();
    }

    /** An account as the security administrator sees it: lock and live API tokens. */
    public record SecurityState(AppUser user, Instant lockedUntil, int tokens) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    public List<SecurityState> securityStates() {
        return jdbc.sql("""
                SELECT u.*, (SELECT COUNT(*) FROM api_token t WHERE t.user_id = u.id) AS tokens
                  FROM app_user u ORDER BY u.id
                """).query((rs, n) -> new SecurityState(map(rs, n), instant(rs.getTimestamp("locked_until")),
                        rs.getInt("tokens"))).list();
    }

    /** How many enabled accounts hold the role. */
    public int countEnabled(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = ? AND enabled = TRUE").param(role.name())
                .query(Integer.class).single();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * Counts a failed login of an existing account (a new window starts when the last one began before
     * {@code windowStart}) and returns the failures in the current window, or -1 for an unknown user name.
     */
    public int countFailure(String username, Instant now, Instant windowStart) {
        Timestamp n = Timestamp.from(now);
        Timestamp w = Timestamp.from(windowStart);
        int rows = jdbc.sql("""
                UPDATE app_user SET
                    failed_logins = CASE WHEN failed_since IS NULL OR failed_since < ? THEN 1 ELSE failed_logins + 1 END,
                    failed_since = CASE WHEN failed_since IS NULL OR failed_since < ? THEN ? ELSE failed_since END
                 WHERE username = ?
                """).params(w, w, n, username).update();
        if (rows == 0) {
            return -1;
        }
        return jdbc.sql("SELECT failed_logins FROM app_user WHERE username = ?").param(username).query(Integer.class)
                .single();
    }

    /** Locks the account until the given time and starts counting failures afresh. */
    public void lock(String username, Instant until) {
        jdbc.sql("UPDATE app_user SET locked_until = ?, failed_logins = 0, failed_since = NULL WHERE username = ?")
                .params(Timestamp.from(until), username).update();
    }

    /** After a successful login: no failures counted, no lock. Writes only when there is something to clear. */
    public void clearFailures(String username) {
        jdbc.sql("""
                UPDATE app_user SET failed_logins = 0, failed_since = NULL, locked_until = NULL
                 WHERE username = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)
                """).param(username).update();
    }

    /** Read-only tokens may only read (GET, HEAD, OPTIONS); read-write tokens may also change data. */
    public enum TokenScope {
        READ_ONLY("只读"), READ_WRITE("读写");

        private final String label;

        TokenScope(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An API token as its owner sees it (never the token itself). */
    public record TokenInfo(long id, String name, TokenScope scope, Instant createdAt, Instant expiresAt,
                            Instant lastUsedAt) {

        public boolean expiredAt(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    /** A valid token and the user it belongs to. */
    public record TokenOwner(long tokenId, TokenScope scope, AppUser user) {}

    public long insertToken(long userId, String name, String tokenHash, TokenScope scope, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO api_token (user_id, name, token_hash, created_at, scope, expires_at) VALUES (?, ?, ?, ?, ?, ?)
                """).params(userId, name, tokenHash, Timestamp.from(Instant.now()), scope.name(),
                        expiresAt == null ? null : Timestamp.from(expiresAt)).update();
        return jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(tokenHash).query(Long.class).single();
    }

    /**
     * The user an unexpired token belongs to. The token's {@code last_used_at} is kept to the minute: it is written
     * only when the stored value is more than a minute old, so a busy API client does not cost a database write per
     * request.
     */
    public Optional<TokenOwner> findToken(String tokenHash) {
        Instant now = Instant.now();
        Instant[] lastUsed = {null};
        Optional<TokenOwner> owner = jdbc.sql("""
                SELECT u.*, t.id AS token_id, t.scope AS token_scope, t.last_used_at AS token_last_used
                  FROM app_user u JOIN api_token t ON t.user_id = u.id
                 WHERE t.token_hash = ? AND (t.expires_at IS NULL OR t.expires_at > ?)
                """).params(tokenHash, Timestamp.from(now)).query((rs, n) -> {
                    lastUsed[0] = instant(rs.getTimestamp("token_last_used"));
                    return new TokenOwner(rs.getLong("token_id"), TokenScope.valueOf(rs.getString("token_scope")),
                            map(rs, n));
                }).optional();
        if (owner.isPresent() && (lastUsed[0] == null || lastUsed[0].isBefore(now.minusSeconds(60)))) {
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE token_hash = ?").params(Timestamp.from(now), tokenHash)
                    .update();
        }
        return owner;
    }

    public List<TokenInfo> tokens(long userId) {
        return jdbc.sql("SELECT * FROM api_token WHERE user_id = ? ORDER BY id").param(userId)
                .query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"),
                        TokenScope.valueOf(rs.getString("scope")), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("last_used_at"))))
                .list();
    }

    public List<String> tokenNames(long userId) {
        return tokens(userId).stream().map(TokenInfo::name).toList();
    }

    /** Deletes one of the user's tokens; false when the user has no token with that id. */
    public boolean deleteToken(long userId, long tokenId) {
        return jdbc.sql("DELETE FROM api_token WHERE id = ? AND user_id = ?").params(tokenId, userId).update() > 0;
    }

    /** Deletes every token of the user and returns how many there were. */
    public int deleteTokens(long userId) {
        return jdbc.sql("DELETE FROM api_token WHERE user_id = ?").param(userId).update();
    }

    private static AppUser map(ResultSet rs, int row) throws SQLException {
        return new AppUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                rs.getObject("org_unit_id", Long.class), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("email"));
    }
}
