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
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, org_unit_id, enabled, created_at)
                VALUES (?, ?, ?, ?, ?, TRUE, ?)
                """).params(username, displayName, passwordHash, role.name(), orgUnitId, Timestamp.from(Instant.now()))
                .update();
        return findByUsername(username).orElseThrow().id();
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

    public void updatePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
    }

    public void insertToken(long userId, String name, String tokenHash) {
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(userId, name, tokenHash, Timestamp.from(Instant.now())).update();
    }

    /**
     * The user a token belongs to. The token's {@code last_used_at} is kept to the minute: it is written only when
     * the stored value is more than a minute old, so a busy API client does not cost a database write per request.
     */
    public Optional<AppUser> findByTokenHash(String tokenHash) {
        Instant now = Instant.now();
        Instant[] lastUsed = {null};
        Optional<AppUser> user = jdbc.sql("""
                SELECT u.*, t.last_used_at AS token_last_used FROM app_user u JOIN api_token t ON t.user_id = u.id
                 WHERE t.token_hash = ?
                """).param(tokenHash).query((rs, n) -> {
                    Timestamp t = rs.getTimestamp("token_last_used");
                    lastUsed[0] = t == null ? null : t.toInstant();
                    return map(rs, n);
                }).optional();
        if (user.isPresent() && (lastUsed[0] == null || lastUsed[0].isBefore(now.minusSeconds(60)))) {
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE token_hash = ?").params(Timestamp.from(now), tokenHash)
                    .update();
        }
        return user;
    }

    public List<String> tokenNames(long userId) {
        return jdbc.sql("SELECT name FROM api_token WHERE user_id = ? ORDER BY id").param(userId)
                .query(String.class).list();
    }

    private static AppUser map(ResultSet rs, int row) throws SQLException {
        return new AppUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                rs.getObject("org_unit_id", Long.class), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("email"));
    }
}
