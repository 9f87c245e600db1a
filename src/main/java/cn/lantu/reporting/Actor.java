package cn.lantu.reporting;

import cn.lantu.security.Role;

/** The signed-in user as the reporting rules see them. */
public record Actor(String username, Role role, Long orgUnitId) {}
