package cn.lantu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * The audit log is tamper-evident (等保 安全审计): a changed, removed or inserted entry breaks the hash chain and the
 * check on the audit page says where; a state-changing request without an entry of its own still leaves one.
 */
@LantuTest
class AuditChainTest {

    @LocalServerPort int port;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    @Test
    void changingOrRemovingAnEntryIsDetected() {
        audit.record("chain-test", "TEST", "chain:1", "第一条");
        audit.record("chain-test", "TEST", "chain:2", "第二条");
        audit.record("chain-test", "TEST", "chain:3", "第三条");
        assertThat(audit.verify().intact()).as(String.valueOf(audit.verify())).isTrue();
        long second = jdbc.sql("SELECT id FROM audit_log WHERE subject = 'chain:2'").query(Long.class).single();

        jdbc.sql("UPDATE audit_log SET detail = '被改过' WHERE id = ?").param(second).update();
        AuditChain.Verification changed = audit.verify();
        assertThat(changed.intact()).isFalse();
        assertThat(changed.brokenAt()).isEqualTo(second);
        assertThat(changed.problem()).isEqualTo("CONTENT");
        jdbc.sql("UPDATE audit_log SET detail = '第二条' WHERE id = ?").param(second).update();
        assertThat(audit.verify().intact()).isTrue();

        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_log WHERE id = ?").param(second).query().singleRow();
        jdbc.sql("DELETE FROM audit_log WHERE id = ?").param(second).update();
        AuditChain.Verification removed = audit.verify();
        assertThat(removed.intact()).isFalse();
        assertThat(removed.problem()).isEqualTo("LINK");
        jdbc.sql("INSERT INTO audit_log (id, logged_at, actor, action, subject, detail, client_address, prev_hash, "
                        + "entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.get("id"), row.get("logged_at"), row.get("actor"), row.get("action"), row.get("subject"),
                        row.get("detail"), row.get("client_address"), row.get("prev_hash"), row.get("entry_hash"))
                .update();
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theAuditPageChecksTheChainAndEveryWriteLeavesAnEntry() {
        Http auditor = Http.initialSession(port, "auditadmin");
        String page = auditor.page("/admin/audit/verify").body();
        Http admin = Http.session(port, "admin", TestUsers.adminPassword());
        assertThat(page).contains("id=\"audit-verification\"", "审计日志完整");

        long before = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'REQUEST'").query(Long.class).single();
        var r = admin.postForm("/notifications/0/read", Map.of());
        assertThat(r.statusCode()).isLessThan(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'REQUEST' AND subject = ? "
                + "AND client_address IS NOT NULL").param("/notifications/0/read").query(Long.class).single())
                .as("a write with no entry of its own is still recorded, with the client's address")
                .isGreaterThan(0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'REQUEST'").query(Long.class).single())
                .isGreaterThan(before);
    }
}
