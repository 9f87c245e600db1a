package cn.lantu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * 三员分立 (等保 访问控制): the system administrator manages accounts and units and nothing else; the security
 * administrator grants roles, unlocks and revokes tokens but creates no account; the audit administrator reads and
 * verifies the audit log and changes nothing; the plan office approves figures but manages no account and reads no
 * audit log. Nobody approves a figure they entered, and a role's last holder cannot take it from themselves.
 */
@LantuTest
class SeparationOfDutiesTest {

    static final String API = "/api/v1/plans/zhuji-15th";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired UserRepository repository;
    @Autowired JdbcClient jdbc;

    Http sysadmin() {
        return Http.initialSession(port, InitialPasswordFile.SYSTEM_ADMIN);
    }

    Http secadmin() {
        return Http.initialSession(port, InitialPasswordFile.SECURITY_ADMIN);
    }

    Http auditadmin() {
        return Http.initialSession(port, InitialPasswordFile.AUDIT_ADMIN);
    }

    @Test
    void eachAdministratorReachesOnlyTheirOwnPages() {
        Http planOffice = Http.adminSession(port);
        assertThat(sysadmin().page("/admin/users").statusCode()).isEqualTo(200);
        assertThat(sysadmin().page("/admin/org-units").statusCode()).isEqualTo(200);
        assertThat(sysadmin().page("/admin/security").statusCode()).isEqualTo(403);
        assertThat(sysadmin().page("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(sysadmin().page("/admin/responsibilities").statusCode()).isEqualTo(403);

        assertThat(secadmin().page("/admin/security").statusCode()).isEqualTo(200);
        assertThat(secadmin().page("/admin/users").statusCode()).isEqualTo(403);
        assertThat(secadmin().page("/admin/audit").statusCode()).isEqualTo(403);

        assertThat(auditadmin().page("/admin/audit").statusCode()).isEqualTo(200);
        assertThat(auditadmin().page("/admin/audit/verify").statusCode()).isEqualTo(200);
        assertThat(auditadmin().page("/admin/users").statusCode()).isEqualTo(403);
        assertThat(auditadmin().page("/admin/security").statusCode()).isEqualTo(403);

        assertThat(planOffice.page("/admin/users").statusCode()).isEqualTo(403);
        assertThat(planOffice.page("/admin/security").statusCode()).isEqualTo(403);
        assertThat(planOffice.page("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(planOffice.page("/admin/responsibilities").statusCode()).isEqualTo(200);
    }

    @Test
    void theAuditAdministratorChangesNothing() {
        Http audit = auditadmin();
        Accounts.Account target = Accounts.create(users, Role.LEADER);
        assertThat(audit.postForm("/admin/users", Map.of("username", "x" + System.nanoTime(), "displayName", "x",
                "password", "Aa1-" + UserService.randomPassword(14), "role", "LEADER")).statusCode()).isEqualTo(403);
        assertThat(audit.postForm("/admin/security/" + target.id() + "/role", Map.of("role", "ADMIN")).statusCode())
                .isEqualTo(403);
        assertThat(audit.postForm("/admin/org-units", Map.of("code", "SOD_X", "name", "分立", "type", "DEPARTMENT"))
                .statusCode()).isEqualTo(403);
        assertThat(repository.findById(target.id()).orElseThrow().role()).isEqualTo(Role.LEADER);
    }

    @Test
    void theSystemAdministratorCreatesOrdinaryAccountsButGrantsNoPrivilegedRole() {
        Http sys = sysadmin();
        String name = "sod" + Long.toString(System.nanoTime(), 36);
        String password = "Aa1-" + UserService.randomPassword(14);
        followed(sys, sys.postForm("/admin/users", Map.of("username", name, "displayName", "分立测试", "password", password,
                "role", "LEADER", "orgUnitId", "", "email", "")));
        AppUser created = repository.findByUsername(name).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.LEADER);

        String planOffice = name + "p";
        Document refused = Jsoup.parse(followed(sys, sys.postForm("/admin/users", Map.of("username", planOffice,
                "displayName", "分立测试", "password", password, "role", "ADMIN", "orgUnitId", "", "email", ""))));
        assertThat(refused.select(".alert-danger").text()).contains("只能由安全管理员授予");
        assertThat(repository.findByUsername(planOffice)).isEmpty();

        // the account form has no role: whatever is sent, the role stays
        Map<String, String> form = new HashMap<>(Accounts.form("分立测试", Role.ADMIN, true, null));
        followed(sys, sys.postForm("/admin/users/" + created.id(), form));
        assertThat(repository.findById(created.id()).orElseThrow().role()).isEqualTo(Role.LEADER);

        // nor does it reset another administrator's password
        long auditor = repository.findByUsername(InitialPasswordFile.AUDIT_ADMIN).orElseThrow().id();
        Document reset = Jsoup.parse(followed(sys, sys.postForm("/admin/users/" + auditor,
                Accounts.form("审计管理员", Role.AUDIT_ADMIN, true, "Bb2-" + UserService.randomPassword(14)))));
        assertThat(reset.select(".alert-danger").text()).contains("只能由安全管理员重设");
    }

    @Test
    void theSecurityAdministratorGrantsRolesAndRevokesTokensButCreatesNoAccount() {
        Http sec = secadmin();
        Accounts.Account a = Accounts.create(users, Role.LEADER);
        String token = users.createToken(a.name(), "分立测试");
        assertThat(Http.bearer(port, token).status(API + "/cockpit?year=2026")).isEqualTo(200);

        Document page = Jsoup.parse(followed(sec, sec.postForm("/admin/security/" + a.id() + "/role",
                Map.of("role", "SUPERVISOR"))));
        assertThat(page.select("#security-message").text()).contains("监督");
        assertThat(repository.findById(a.id()).orElseThrow().role()).isEqualTo(Role.SUPERVISOR);
        assertThat(Http.bearer(port, token).status(API + "/cockpit?year=2026")).as("a role change ends the tokens")
                .isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'USER_ROLE' AND subject = ?")
                .param("user:" + a.id()).query(Long.class).single()).isEqualTo(1);

        String again = users.createToken(a.name(), "分立测试2");
        followed(sec, sec.postForm("/admin/security/" + a.id() + "/tokens", Map.of()));
        assertThat(Http.bearer(port, again).status(API + "/cockpit?year=2026")).isEqualTo(401);

        repository.lock(a.name(), java.time.Instant.now().plusSeconds(600));
        assertThat(repository.findAccount(a.name()).orElseThrow().lockedAt(java.time.Instant.now())).isTrue();
        followed(sec, sec.postForm("/admin/security/" + a.id() + "/unlock", Map.of()));
        assertThat(repository.findAccount(a.name()).orElseThrow().lockedAt(java.time.Instant.now())).isFalse();

        assertThat(sec.postForm("/admin/users", Map.of("username", "x" + System.nanoTime(), "displayName", "x",
                "password", "Aa1-" + UserService.randomPassword(14), "role", "LEADER")).statusCode()).isEqualTo(403);

        // the API mirrors the page
        Http api = Http.basic(port, InitialPasswordFile.SECURITY_ADMIN,
                cn.lantu.support.TestUsers.initialPassword(InitialPasswordFile.SECURITY_ADMIN));
        assertThat(api.putJson("/api/v1/admin/security/accounts/" + a.id() + "/role", Map.of("role", "LEADER"))
                .statusCode()).isEqualTo(200);
        assertThat(repository.findById(a.id()).orElseThrow().role()).isEqualTo(Role.LEADER);
        List<Map<String, Object>> accounts = api.getList("/api/v1/admin/security/accounts");
        assertThat(accounts).anySatisfy(m -> assertThat(m.get("roleLabel")).isEqualTo("安全管理员"));
        assertThat(Http.admin(port).status("/api/v1/admin/security/accounts")).isEqualTo(403);
    }

    @Test
    void theLastHolderOfARoleCannotTakeItFromThemselves() {
        Http sec = secadmin();
        long self = repository.findByUsername(InitialPasswordFile.SECURITY_ADMIN).orElseThrow().id();
        Document page = Jsoup.parse(followed(sec, sec.postForm("/admin/security/" + self + "/role", Map.of("role", "LEADER"))));
        assertThat(page.select(".row-error").text()).contains("唯一的安全管理员");
        assertThat(repository.findById(self).orElseThrow().role()).isEqualTo(Role.SECURITY_ADMIN);

        long auditor = repository.findByUsername(InitialPasswordFile.AUDIT_ADMIN).orElseThrow().id();
        Document other = Jsoup.parse(followed(sec, sec.postForm("/admin/security/" + auditor + "/role",
                Map.of("role", "LEADER"))));
        assertThat(other.select(".row-error").text()).contains("须先为另一账号授予该角色");
        assertThat(repository.findById(auditor).orElseThrow().role()).isEqualTo(Role.AUDIT_ADMIN);

        Document disable = Jsoup.parse(followed(sysadmin(), sysadmin().postForm("/admin/users/" + auditor,
                Accounts.form("审计管理员", Role.AUDIT_ADMIN, false, null))));
        assertThat(disable.select(".alert-danger").text()).contains("唯一的审计管理员");
        assertThat(repository.findById(auditor).orElseThrow().enabled()).isTrue();
    }

    @Test
    void nobodyApprovesAFigureTheyEntered() {
        Http office = Http.adminHybrid(port);
        Map<String, Object> entry = new HashMap<>(Map.of("indicator", "ZJ01", "year", 2026, "period", "Y",
                "value", "6.1"));
        HttpResponse<String> saved = office.postJson(API + "/figures", entry);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        long id = figureId(saved);
        int version = version(id);
        // the plan office entered it: it may submit it, but neither sign it off nor approve it
        Http.ok(office.move(id, "submit", Map.of("explanation", "分立测试", "version", version)));
        HttpResponse<String> signOff = office.move(id, "sign-off", Map.of("version", version(id)));
        assertThat(signOff.statusCode()).isEqualTo(403);
        assertThat(signOff.body()).contains("须由另一人审核批准");

        Accounts.Account other = Accounts.create(users, Role.ADMIN);
        Http second = Http.basic(port, other.name(), other.password());
        Http.ok(second.move(id, "sign-off", Map.of("version", version(id))));
        HttpResponse<String> approve = office.move(id, "approve", Map.of("version", version(id)));
        assertThat(approve.statusCode()).isEqualTo(403);
        assertThat(state(id)).isEqualTo("SIGNED_OFF");
        Http.ok(Http.basic(port, other.name(), other.password()).move(id, "approve", Map.of("version", version(id))));
        assertThat(state(id)).isEqualTo("APPROVED");
    }

    /** The page the browser lands on after a form post: the redirect's target. */
    private static String followed(Http session, HttpResponse<String> posted) {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        return Http.ok(session.page(java.net.URI.create(location).getPath()));
    }

    private int version(long id) {
        return jdbc.sql("SELECT version FROM figure WHERE id = ?").param(id).query(Integer.class).single();
    }

    private String state(long id) {
        return jdbc.sql("SELECT state FROM figure WHERE id = ?").param(id).query(String.class).single();
    }

    @SuppressWarnings("unchecked")
    private static long figureId(HttpResponse<String> saved) {
        Map<String, Object> body = Http.JSON.readValue(saved.body(), Map.class);
        Map<String, Object> f = body.containsKey("figure") ? (Map<String, Object>) body.get("figure") : body;
        return ((Number) f.get("id")).longValue();
    }
}
