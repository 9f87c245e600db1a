package cn.lantu.plan;

import cn.lantu.outline.TextCorrection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL access to plans, their outline nodes and recorded text corrections. */
@Repository
public class PlanRepository {

    /** Every column a {@link Plan} needs; the outline text ({@code outline_source}, ~50 KB) is read separately. */
    private static final String PLAN = """
            SELECT id, code, name, short_name, region_name, region_code, region_level, parent_region_code,
                   parent_region_name, period_start, period_end, base_year, status, version, issuer, document_number,
                   issued_on, outline_title, checks_json, package_checksum, loaded_at FROM plan""";

    private final JdbcClient jdbc;

    public PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Plan> findAll() {
        return jdbc.sql(PLAN + " ORDER BY id").query(PlanRepository::map).list();
    }

    /** The plans with ids in {@code [from, to]}, in id order. */
    public List<Plan> findByIdRange(long from, long to) {
        return jdbc.sql(PLAN + " WHERE id BETWEEN ? AND ? ORDER BY id").params(from, to).query(PlanRepository::map)
                .list();
    }

    public Optional<Plan> findByCode(String code) {
        return jdbc.sql(PLAN + " WHERE code = ?").param(code).query(PlanRepository::map).optional();
    }

    public Optional<Plan> findById(long id) {
        return jdbc.sql(PLAN + " WHERE id = ?").param(id).query(PlanRepository::map).optional();
    }

    /**
     * The plan's data version: a counter raised by {@link PlanChanges} on every change that can alter its
     * assessment or cockpit (figures, overrides, targets, tasks, projects, responsibilities). Stored results
     * computed at an older version are stale.
     */
    public long dataVersion(long planId) {
        return jdbc.sql("SELECT COALESCE(MAX(data_version), 0) FROM plan_data_version WHERE plan_id = ?").param(planId)
                .query(Long.class).single();
    }

    /** Finds a plan by numeric id or by code, as used in URLs. */
    public Optional<Plan> find(String idOrCode) {
        if (idOrCode.chars().allMatch(Character::isDigit) && !idOrCode.isEmpty() && idOrCode.length() < 18) {
            return findById(Long.parseLong(idOrCode));
        }
        return findByCode(idOrCode);
    }

    /** A plan's id and data version, found by id or code as in URLs: {@code {id, dataVersion}}. */
    public Optional<long[]> idAndVersion(String idOrCode) {
        boolean numeric = !idOrCode.isEmpty() && idOrCode.length() < 18 && idOrCode.chars().allMatch(Character::isDigit);
        return jdbc.sql("SELECT p.id, COALESCE(v.data_version, 0) FROM plan p LEFT JOIN plan_data_version v ON v.plan_id = p.id"
                        + " WHERE " + (numeric ? "p.id = ?" : "p.code = ?"))
                .param(numeric ? (Object) Long.parseLong(idOrCode) : idOrCode)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
    }

    public String outlineSource(long planId) {
        return jdbc.sql("SELECT outline_source FROM plan WHERE id = ?").param(planId).query(String.class).single();
    }

    public long insert(Plan p, String outlineSource) {
        jdbc.sql("""
                INSERT INTO plan (code, name, short_name, region_name, region_code, region_level, parent_region_code,
                  parent_region_name, period_start, period_end, base_year, status, version, issuer, document_number,
                  issued_on, outline_title, outline_source, checks_json, package_checksum, loaded_at)
                VALUES (:code, :name, :short, :rn, :rc, :rl, :prc, :prn, :ps, :pe, :by, :st, :v, :iss, :doc, :on,
                  :ot, :src, :checks, :sum, :at)
                """)
                .param("code", p.code()).param("name", p.name()).param("short", p.shortName())
                .param("rn", p.regionName()).param("rc", p.regionCode()).param("rl", p.regionLevel())
                .param("prc", p.parentRegionCode()).param("prn", p.parentRegionName())
                .param("ps", p.periodStart()).param("pe", p.periodEnd()).param("by", p.baseYear())
                .param("st", p.status().name()).param("v", p.version()).param("iss", p.issuer())
                .param("doc", p.documentNumber()).param("on", p.issuedOn()).param("ot", p.outlineTitle())
                .param("src", outlineSource).param("checks", p.checksJson()).param("sum", p.packageChecksum())
                .param("at", Timestamp.from(p.loadedAt()))
                .update();
        long id = findByCode(p.code()).orElseThrow().id();
        jdbc.sql("INSERT INTO plan_data_version (plan_id, data_version) VALUES (?, 0)").param(id).update();
        return id;
    }

    public void insertNode(long planId, OutlineNode n) {
        jdbc.sql("""
                INSERT INTO outline_node (plan_id, node_key, node_type, number, title, body, start_offset, end_offset,
                  parent_key, ordinal, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(planId, n.key(), n.type(), n.number(), n.title(), n.body(), n.start(), n.end(), n.parentKey(),
                        n.ordinal(), n.seq())
                .update();
    }

    public void insertCorrection(long planId, TextCorrection c) {
        jdbc.sql("INSERT INTO text_correction (plan_id, code, kind, find_text, replace_text, replace_all, note)"
                        + " VALUES (?,?,?,?,?,?,?)")
                .params(planId, c.id(), c.kind(), c.find(), c.replace(), c.all(), c.note()).update();
    }

    public List<OutlineNode> nodes(long planId) {
        return jdbc.sql("SELECT * FROM outline_node WHERE plan_id = ? ORDER BY seq").param(planId)
                .query(PlanRepository::mapNode).list();
    }

    public List<OutlineNode> nodesOfType(long planId, String type) {
        return jdbc.sql("SELECT * FROM outline_node WHERE plan_id = ? AND node_type = ? ORDER BY seq")
                .params(planId, type).query(PlanRepository::mapNode).list();
    }

    public Optional<OutlineNode> node(long planId, String key) {
        return jdbc.sql("SELECT * FROM outline_node WHERE plan_id = ? AND node_key = ?").params(planId, key)
                .query(PlanRepository::mapNode).optional();
    }

    /** The node and everything under it, in document order. */
    public List<OutlineNode> subtree(long planId, String key) {
        return jdbc.sql("SELECT * FROM outline_node WHERE plan_id = ? AND (node_key = ? OR node_key LIKE ?) ORDER BY seq")
                .params(planId, key, key + ".%").query(PlanRepository::mapNode).list();
    }

    public List<TextCorrection> corrections(long planId) {
        return jdbc.sql("SELECT code, kind, find_text, replace_text, replace_all, note FROM text_correction"
                        + " WHERE plan_id = ? ORDER BY id")
                .param(planId)
                .query((rs, i) -> new TextCorrection(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6)))
                .list();
    }

    private static Plan map(ResultSet rs, int row) throws SQLException {
        java.sql.Date issued = rs.getDate("issued_on");
        return new Plan(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
                rs.getString("region_name"), rs.getString("region_code"), rs.getString("region_level"),
                rs.getString("parent_region_code"), rs.getString("parent_region_name"), rs.getInt("period_start"),
                rs.getInt("period_end"), rs.getInt("base_year"), Plan.Status.valueOf(rs.getString("status")),
                rs.getInt("version"), rs.getString("issuer"), rs.getString("document_number"),
                issued == null ? null : issued.toLocalDate(), rs.getString("outline_title"),
                rs.getString("checks_json"), rs.getString("package_checksum"),
                rs.getTimestamp("loaded_at").toInstant());
    }

    private static OutlineNode mapNode(ResultSet rs, int row) throws SQLException {
        return new OutlineNode(rs.getLong("id"), rs.getString("node_key"), rs.getString("node_type"),
                rs.getString("number"), rs.getString("title"), rs.getString("body"), rs.getInt("start_offset"),
                rs.getInt("end_offset"), rs.getString("parent_key"), rs.getInt("ordinal"), rs.getInt("seq"));
    }
}
