package cn.lantu.ingest.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.ingest.Extraction;
import cn.lantu.ingest.OutlineExtractor;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;
import tools.jackson.core.type.TypeReference;

/** The JSON mirror of the indicator grid: validation by cell, optimistic version, import all or nothing, audit. */
@LantuTest
class IndicatorGridApiTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void saveValidateConflictImportAndAudit() throws Exception {
        Extraction x = new OutlineExtractor().extract(IngestReviewFlowTest.OUTLINE);
        ReviewHttp page = new ReviewHttp(port, "admin", TestUsers.adminPassword());
        long id = ReviewHttp.reviewId(page.upload("qingxi-15th.md", Files.readAllBytes(IngestReviewFlowTest.OUTLINE)));
        String path = "/api/v1/reviews/" + id + "/indicator-grid";
        Http api = Http.admin(port);

        Map<String, Object> grid = json(api.get(path));
        assertThat(grid.get("version")).isEqualTo(0);
        assertThat(grid.get("saved")).isEqualTo(false);
        List<Map<String, Object>> rows = rows(grid);
        assertThat(rows).hasSize(x.indicators().size());
        assertThat(rows.get(0).get("name")).isEqualTo(x.indicators().get(0).name());

        // a wrong number and an empty name: refused by cell, nothing saved
        List<Map<String, Object>> bad = copy(rows);
        bad.get(0).put("targetValue", "abc");
        bad.get(1).put("name", " ");
        HttpResponse<String> refused = api.putJson(path, Map.of("version", 0, "rows", bad));
        assertThat(refused.statusCode()).isEqualTo(422);
        Map<String, Object> errors = Http.JSON.readValue(refused.body(), new TypeReference<Map<String, Object>>() {});
        assertThat(((Map<String, ?>) errors.get("errors")).keySet()).containsExactlyInAnyOrder("0.targetValue", "1.name");
        assertThat(json(api.get(path)).get("saved")).isEqualTo(false);

        // merged on the client: two rows become one; saved as version 1, a second save with version 0 is refused
        List<Map<String, Object>> merged = copy(rows);
        merged.get(0).put("name", rows.get(0).get("name") + "（合并）");
        merged.remove(1);
        HttpResponse<String> ok = api.putJson(path, Map.of("version", 0, "rows", merged));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("version")).isEqualTo(1);
        assertThat(rows(json(api.get(path)))).hasSize(rows.size() - 1);
        assertThat(api.putJson(path, Map.of("version", 0, "rows", merged)).statusCode()).isEqualTo(409);

        // import: an error names row and column and keeps the grid; a good table replaces it
        HttpResponse<String> badTable = api.postJson(path + "/import", Map.of("version", 1, "preview", false,
                "text", "指标\t2030年\n人均GDP\t很多\n"));
        assertThat(badTable.statusCode()).isEqualTo(422);
        assertThat(badTable.body()).contains("第 2 行“2030年”列");
        Map<String, Object> preview = json(api.postJson(path + "/import", Map.of("version", 1, "preview", true,
                "text", "指标\t单位\t2030年\n人均GDP\t万元\t20\n")));
        assertThat(preview.get("preview")).isEqualTo(true);
        assertThat(rows(json(api.get(path)))).hasSize(rows.size() - 1);
        Map<String, Object> replaced = json(api.postJson(path + "/import", Map.of("version", 1, "preview", false,
                "text", "指标\t单位\t2030年\n人均GDP\t万元\t20\n")));
        assertThat(replaced.get("version")).isEqualTo(2);
        assertThat(rows(replaced)).singleElement().satisfies(r -> assertThat(r.get("name")).isEqualTo("人均GDP"));

        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE subject = ? ORDER BY id").param("review:" + id)
                .query(String.class).list()).containsSubsequence("REVIEW_GRID_SAVE", "REVIEW_GRID_IMPORT");
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE subject = ? AND action = 'REVIEW_GRID_SAVE'")
                .param("review:" + id).query(String.class).single()).contains("修改前 " + rows.size() + " 行")
                .contains("（合并）");
        assertThat(Http.anonymous(port).get(path).statusCode()).isIn(401, 403);
    }

    private static Map<String, Object> json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.JSON.readValue(r.body(), new TypeReference<Map<String, Object>>() {});
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> grid) {
        return (List<Map<String, Object>>) grid.get("rows");
    }

    private static List<Map<String, Object>> copy(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        rows.forEach(r -> out.add(new LinkedHashMap<>(r)));
        return out;
    }
}
