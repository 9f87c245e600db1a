package cn.lantu.ingest.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Tables ingest_review (an uploaded outline) and ingest_review_item (one decision per reviewed item). */
@Repository
class ReviewRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String fileName, String fileType, long size, String text, String title, String user) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ingest_review (file_name, file_type, file_size, source_text, title, state, created_by,
                                           created_at)
                VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(fileName, fileType, size, text, title, user, Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<IngestReview> find(long id) {
        return jdbc.sql("SELECT * FROM ingest_review WHERE id = ?").param(id).query(ReviewRepository::map)
                .optional();
    }

    List<IngestReview> findAll() {
        return jdbc.sql("SELECT * FROM ingest_review ORDER BY id DESC").query(ReviewRepository::map).list();
    }

    String sourceText(long id) {
        return jdbc.sql("SELECT source_text FROM ingest_review WHERE id = ?").param(id).query(String.class).single();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM ingest_review").query(Long.class).single();
    }

    Map<String, Decision> decisions(long reviewId) {
        Map<String, Decision> m = new LinkedHashMap<>();
        jdbc.sql("SELECT item_key, decision, edits_json FROM ingest_review_item WHERE review_id = ?").param(reviewId)
                .query((rs, n) -> {
                    String json = rs.getString("edits_json");
                    Map<String, String> edits = json == null ? Map.of()
                            : JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
                    m.put(rs.getString("item_key"), new Decision(rs.getString("decision"), edits));
                    return null;
                }).list();
        return m;
    }

    void decide(long reviewId, String key, Decision d, String user) {
        String json = d.edits() == null || d.edits().isEmpty() ? null : JSON.writeValueAsString(d.edits());
        Timestamp now = Timestamp.from(Instant.now());
        int n = jdbc.sql("""
                UPDATE ingest_review_item SET decision = ?, edits_json = ?, decided_by = ?, decided_at = ?
                WHERE review_id = ? AND item_key = ?""")
                .params(d.decision(), json, user, now, reviewId, key).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO ingest_review_item (review_id, item_key, decision, edits_json, decided_by, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?)""").params(reviewId, key, d.decision(), json, user, now).update();
        }
    }

    void markLoaded(long id, String planCode) {
        jdbc.sql("UPDATE ingest_review SET state = 'LOADED', plan_code = ?, loaded_at = ? WHERE id = ?")
                .params(planCode, Timestamp.from(Instant.now()), id).update();
    }

    /** The saved grid of a review, or empty when the office has not saved one. */
    Optional<GridState> grid(long reviewId) {
        return jdbc.sql("SELECT rows_json, version FROM ingest_review_grid WHERE review_id = ?").param(reviewId)
                .query((rs, n) -> new GridState(List.of(JSON.readValue(rs.getString("rows_json"),
                        IndicatorGrid.Row[].class)), rs.getInt("version"))).optional();
    }

    /** Stores the grid if it is still at {@code version} (0: none saved yet); answers false when it is not. */
    boolean saveGrid(long reviewId, List<IndicatorGrid.Row> rows, int version, String user) {
        String json = JSON.writeValueAsString(rows);
        Timestamp now = Timestamp.from(Instant.now());
        if (version == 0) {
            if (grid(reviewId).isPresent()) {
                return false;
            }
            jdbc.sql("""
                    INSERT INTO ingest_review_grid (review_id, rows_json, version, updated_by, updated_at)
                    VALUES (?, ?, 1, ?, ?)""").params(reviewId, json, user, now).update();
            return true;
        }
        return jdbc.sql("""
                UPDATE ingest_review_grid SET rows_json = ?, version = version + 1, updated_by = ?, updated_at = ?
                WHERE review_id = ? AND version = ?""").params(json, user, now, reviewId, version).update() == 1;
    }

    /** A saved grid: its rows and version. */
    record GridState(List<IndicatorGrid.Row> rows, int version) {}

    private static IngestReview map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp loaded = rs.getTimestamp("loaded_at");
        return new IngestReview(rs.getLong("id"), rs.getString("file_name"), rs.getString("file_type"),
                rs.getLong("file_size"), rs.getString("title"), rs.getString("state"), rs.getString("plan_code"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                loaded == null ? null : loaded.toInstant());
    }
}
