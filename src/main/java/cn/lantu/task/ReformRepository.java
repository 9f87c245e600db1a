package cn.lantu.task;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL access to reforms (专栏9) and their domains. */
@Repository
public class ReformRepository {

    private final JdbcClient jdbc;

    public ReformRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertDomain(long planId, String code, String name, int ordinal) {
        jdbc.sql("INSERT INTO reform_domain (plan_id, code, name, ordinal) VALUES (?, ?, ?, ?)")
                .params(planId, code, name, ordinal).update();
        return jdbc.sql("SELECT id FROM reform_domain WHERE plan_id = ? AND code = ?").params(planId, code)
                .query(Long.class).single();
    }

    public void insert(long planId, String code, long domainId, String number, String name, String body,
                       String sourceQuote, int ordinal) {
        jdbc.sql("""
                INSERT INTO reform (plan_id, code, domain_id, number, name, body, stage, source_quote, ordinal)
                VALUES (?, ?, ?, ?, ?, ?, 'COLLECTING', ?, ?)
                """).params(planId, code, domainId, number, name, body, sourceQuote, ordinal).update();
    }

    public List<Reform> findByPlan(long planId) {
        return jdbc.sql("""
                SELECT r.*, d.code AS domain_code, d.name AS domain_name FROM reform r
                JOIN reform_domain d ON d.id = r.domain_id WHERE r.plan_id = ? ORDER BY d.ordinal, r.ordinal
                """).param(planId)
                .query((rs, i) -> new Reform(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("code"),
                        rs.getString("domain_code"), rs.getString("domain_name"), rs.getString("number"),
                        rs.getString("name"), rs.getString("body"), rs.getString("stage"),
                        rs.getString("source_quote"), rs.getInt("ordinal"), rs.getString("outcome_kind"),
                        rs.getString("outcome_text")))
                .list();
    }
}
