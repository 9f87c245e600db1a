package cn.lantu.security;

import java.time.Instant;

/** A user account. Each user belongs to at most one org unit (the plan office's admin may have none). */
public record AppUser(long id, String username, String displayName, String passwordHash, Role role,
                      Long orgUnitId, boolean enabled, Instant createdAt, String email) {}
