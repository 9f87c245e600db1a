package cn.lantu.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plain SQL for reports: the office's narrative per section, saved versions with their narrative snapshot, the
 * published versions for the public portal, and the figure revisions behind every number (traceability).
 */
@Repository
public class ReportRepository {

    /** A saved report version: who generated it, when, and from the data as of when. */
    public record Version(long id, long planId, String planCode, String planName, ReportType type, int year,
                          int versionNo, String title, String verdict, Instant asOf, boolean demo,
                          String generatedBy, Instant generatedAt, boolean published, String publishedBy,
                          Instant publishedAt) {}

    /**
     * One approved figure revision behind a number of the report: the figure and revision ids, the value, whether
     * it is an estimate (预计), and who approved it when.
     */
    public record Trace(String code, String name, Integer tableNumber, String unit, int year, Double value,
                        String verdict, boolean estimate, long figureId, int revision, String changedBy,
                        Instant changedAt) {}

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current narrative by section key. */
    public Map<String, String> narratives(long planId, ReportType type, int year) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT section_key, body FROM report_narrative
                WHERE plan_id = ? AND report_type = ? AND report_year = ? ORDER BY section_key
                """).params(planId, type.name(), year)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Saves (or, with a blank body, removes) the office's text for a section. */
    @Transactional
    public void saveNarrative(long planId, ReportType type, int year, String section, String body, String by) {
        jdbc.sql("DELETE FROM report_narrative WHERE plan_id = ? AND report_type = ? AND report_year = ? AND section_key = ?")
                .params(planId, type.name(), year, section).update();
        if (body != null && !body.isBlank()) {
            jdbc.sql("""
                    INSERT INTO report_narrative (plan_id, report_type, report_year, section_key, body, updated_by,
                      updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).params(planId, type.name(), year, section, body.strip(), by, Timestamp.from(Instant.now()))
                    .update();
        }
    }

    /** Saves a new version with the narrative snapshot; the version number counts up per plan, type and year. */
    @Transactional
    public Version saveVersion(long planId, ReportType type, int year, String title, String verdict, Instant asOf,
                               boolean demo, String by, Map<String, String> narratives) {
        int next = jdbc.sql("""
                SELECT COALESCE(MAX(version_no), 0) + 1 FROM report_version
                WHERE plan_id = ? AND report_type = ? AND report_year = ?
                """).params(planId, type.name(), year).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO report_version (plan_id, report_type, report_year, version_no, title, verdict, as_of, demo,
                  generated_by, generated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(planId, type.name(), year, next, title, verdict, Timestamp.from(asOf), demo, by,
                Timestamp.from(Instant.now())).update();
        long id = jdbc.sql("""
                SELECT id FROM report_version WHERE plan_id = ? AND report_type = ? AND report_year = ? AND version_no = ?
                """).params(planId, type.name(), year, next).query(Long.class).single();
        narratives.forEach((k, v) -> jdbc.sql(
                "INSERT INTO report_version_narrative (version_id, section_key, body) VALUES (?, ?, ?)")
                .params(id, k, v).update());
        return version(id).orElseThrow();
    }

    public Optional<Version> version(long id) {
        return jdbc.sql(SELECT_VERSION + " WHERE v.id = ?").param(id).query(ReportRepository::map).optional();
    }

    public List<Version> versions(long planId, ReportType type, int year) {
        return jdbc.sql(SELECT_VERSION + " WHERE v.plan_id = ? AND v.report_type = ? AND v.report_year = ? ORDER BY v.version_no DESC")
                .params(planId, type.name(), year).query(ReportRepository::map).list();
    }

    /** Every published version, newest first: what the public portal lists. */
    public List<Version> published() {
        return jdbc.sql(SELECT_VERSION + " WHERE v.published = TRUE ORDER BY v.published_at DESC, v.id DESC")
                .query(ReportRepository::map).list();
    }

    public Map<String, String> versionNarratives(long versionId) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("SELECT section_key, body FROM report_version_narrative WHERE version_id = ? ORDER BY section_key")
                .param(versionId).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public void publish(long versionId, String by) {
        jdbc.sql("UPDATE report_version SET published = TRUE, published_by = ?, published_at = ? WHERE id = ?")
                .params(by, Timestamp.from(Instant.now()), versionId).update();
    }

    /**
     * The approved revisions (city-wide, yearly) in force at {@code asOf} for every indicator of the plan up to
     * {@code year}: the same rule as the assessment (latest APPROVED revision changed at or before as-of).
     */
    public List<Trace> traces(long planId, boolean demo, int year, Instant asOf) {
        return jdbc.sql("""
                SELECT i.code, i.name, i.table_number, i.unit, f.report_year, r.num_value, r.verdict, r.estimate,
                       f.id AS figure_id, r.version, r.changed_by, r.changed_at
                FROM figure f
                JOIN indicator i ON i.id = f.indicator_id
                JOIN org_unit o ON o.id = f.org_unit_id AND o.unit_type = 'CITY'
                JOIN figure_revision r ON r.figure_id = f.id
                WHERE i.plan_id = :plan AND f.demo = :demo AND f.period = 'Y' AND f.report_year <= :yr
                  AND r.state = 'APPROVED'
                  AND r.version = (SELECT MAX(r2.version) FROM figure_revision r2
                                   WHERE r2.figure_id = f.id AND r2.state = 'APPROVED' AND r2.changed_at <= :asOf)
                ORDER BY i.table_number, i.table_row, i.code, f.report_year
                """).param("plan", planId).param("demo", demo).param("yr", year)
                .param("asOf", Timestamp.from(asOf))
                .query((rs, n) -> new Trace(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class),
                        rs.getString(4), rs.getInt(5), rs.getObject(6, Double.class), rs.getString(7),
                        rs.getBoolean(8), rs.getLong(9), rs.getInt(10), rs.getString(11),
                        rs.getTimestamp(12).toInstant()))
                .list();
    }

    private static final String SELECT_VERSION = """
            SELECT v.*, p.code AS plan_code, p.name AS plan_name FROM report_version v JOIN plan p ON p.id = v.plan_id
            """;

    private static Version map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp pub = rs.getTimestamp("published_at");
        return new Version(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("plan_code"),
                rs.getString("plan_name"), ReportType.valueOf(rs.getString("report_type")), rs.getInt("report_year"),
                rs.getInt("version_no"), rs.getString("title"), rs.getString("verdict"),
                rs.getTimestamp("as_of").toInstant(), rs.getBoolean("demo"), rs.getString("generated_by"),
                rs.getTimestamp("generated_at").toInstant(), rs.getBoolean("published"), rs.getString("published_by"),
                pub == null ? null : pub.toInstant());
    }
}
