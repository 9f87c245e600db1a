package cn.lantu.security;

import java.util.Map;

import cn.lantu.support.Http;

/** Test accounts with fresh names and passwords that meet the policy. */
final class Accounts {

    private Accounts() {}

    record Account(long id, String name, String password) {}

    static Account create(UserService users, Role role) {
        String name = "sec" + Long.toString(System.nanoTime(), 36);
        String password = UserService.randomPassword(14) + "-x";
        long id = users.createUser(name, "安全测试", password, role, null);
        return new Account(id, name, password);
    }

    /** The administrator's form on /admin/users for one user: every field as the page sends it. */
    static Map<String, String> form(String displayName, Role role, boolean enabled, String password) {
        java.util.Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put("displayName", displayName);
        f.put("role", role.name());
        f.put("orgUnitId", "");
        f.put("email", "");
        if (enabled) {
            f.put("enabled", "true");
        }
        f.put("password", password == null ? "" : password);
        return f;
    }

    static String location(java.net.http.HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    static boolean sentToLogin(java.net.http.HttpResponse<String> r) {
        return (r.statusCode() == 302 && location(r).contains("/login")) || r.statusCode() == 401;
    }

    /** The system administrator (accounts and units). */
    static Http admin(int port) {
        return Http.initialSession(port, InitialPasswordFile.SYSTEM_ADMIN);
    }

    /** The security administrator (roles, locks, tokens). */
    static Http security(int port) {
        return Http.initialSession(port, InitialPasswordFile.SECURITY_ADMIN);
    }
}
