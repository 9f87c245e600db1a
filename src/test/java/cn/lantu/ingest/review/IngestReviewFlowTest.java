package cn.lantu.ingest.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.ingest.Extraction;
import cn.lantu.ingest.ExtractedIndicator;
import cn.lantu.ingest.OutlineExtractor;
import cn.lantu.ingest.ProseTarget;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * Upload a small outline written for the tests (青溪县), reject one indicator, edit one, accept the rest, load it
 * as a new plan and find it through the indicator API.
 */
@LantuTest
class IngestReviewFlowTest {

    static final Path OUTLINE = Path.of("src/test/resources/ingest/qingxi-15th.md");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void rejectEditAcceptAndLoadAsANewPlan() throws Exception {
        Extraction x = new OutlineExtractor().extract(OUTLINE);
        assertThat(x.indicators()).hasSizeGreaterThan(3);
        assertThat(x.targets()).isNotEmpty();
        ExtractedIndicator rejected = x.indicators().get(x.indicators().size() - 2);
        ExtractedIndicator edited = x.indicators().get(2);
        double newTarget = edited.targetValue() + 0.5;
        String newName = edited.name() + "（审核修改）";

        ReviewHttp admin = new ReviewHttp(port, "admin", TestUsers.adminPassword());
        HttpResponse<String> upload = admin.upload("qingxi-15th.md", Files.readAllBytes(OUTLINE));
        assertThat(upload.statusCode()).isEqualTo(302);
        long id = ReviewHttp.reviewId(upload);
        String base = "/review/ingest/" + id;

        HttpResponse<String> page = admin.get(base);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"ingest-source\"").contains(edited.name()).contains(rejected.name())
                .contains("data-key=\"IND:" + edited.code() + "\"");

        assertThat(admin.post(base + "/item", Map.of("key", "IND:" + rejected.code(), "decision", "REJECTED"))
                .statusCode()).isEqualTo(302);
        // edit one indicator: name and target value
        HttpResponse<String> edit = admin.post(base + "/item", Map.of("key", "IND:" + edited.code(),
                "decision", "EDITED", "name", newName, "targetValue", String.valueOf(newTarget),
                "unit", edited.unit()));
        assertThat(edit.statusCode()).isEqualTo(302);
        // an invalid edit is refused and changes nothing
        assertThat(admin.post(base + "/item", Map.of("key", "IND:" + edited.code(), "decision", "EDITED",
                "targetValue", "七点五")).statusCode()).isEqualTo(302);
        assertThat(admin.post(base + "/accept-pending", Map.of()).statusCode()).isEqualTo(302);

        // the decisions are kept in the database: a reload shows them
        String reloaded = admin.get(base).body();
        assertThat(reloaded).contains("id=\"item-IND-" + rejected.code() + "\"");
        assertThat(itemDecision(reloaded, "IND-" + rejected.code())).isEqualTo("REJECTED");
        assertThat(itemDecision(reloaded, "IND-" + edited.code())).isEqualTo("EDITED");
        assertThat(itemDecision(reloaded, "IND-" + x.indicators().get(0).code())).isEqualTo("ACCEPTED");
        assertThat(reloaded).contains(newName);

        String code = "qingxi-review-" + id;
        HttpResponse<String> load = admin.post(base + "/load", Map.of("planCode", code, "regionCode", "330999"));
        assertThat(load.statusCode()).as(load.body()).isEqualTo(302);
        assertThat(load.headers().firstValue("Location").orElseThrow()).endsWith("/plans/" + code);

        List<Map<String, Object>> indicators = Http.admin(port).getList("/api/v1/plans/" + code + "/indicators");
        Set<String> codes = indicators.stream().map(i -> (String) i.get("code")).collect(Collectors.toSet());
        Set<String> expected = x.indicators().stream().map(ExtractedIndicator::code)
                .filter(c -> !c.equals(rejected.code())).collect(Collectors.toSet());
        x.targets().stream().map(ProseTarget::code).forEach(expected::add);
        assertThat(codes).isEqualTo(expected);
        assertThat(codes).doesNotContain(rejected.code());
        Map<String, Object> e = indicators.stream().filter(i -> edited.code().equals(i.get("code"))).findFirst()
                .orElseThrow();
        assertThat(e.get("name")).isEqualTo(newName);
        assertThat(((Number) e.get("targetValue")).doubleValue()).isEqualTo(newTarget);
        Map<String, Object> other = indicators.stream()
                .filter(i -> x.indicators().get(0).code().equals(i.get("code"))).findFirst().orElseThrow();
        assertThat(((Number) other.get("targetValue")).doubleValue()).isEqualTo(x.indicators().get(0).targetValue());

        Map<String, Object> plan = Http.admin(port).getMap("/api/v1/plans/" + code);
        assertThat(plan.get("status")).isEqualTo("DRAFT");
        assertThat(jdbc.sql("SELECT state FROM ingest_review WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("LOADED");
        // a loaded review is closed
        assertThat(admin.post(base + "/load", Map.of("planCode", code + "-2")).statusCode()).isEqualTo(409);
    }

    @Test
    void anInvalidPackageShowsTheLoaderErrorsAndWritesNothing() throws Exception {
        Extraction x = new OutlineExtractor().extract(OUTLINE);
        ReviewHttp admin = new ReviewHttp(port, "admin", TestUsers.adminPassword());
        long id = ReviewHttp.reviewId(admin.upload("qingxi-15th.md", Files.readAllBytes(OUTLINE)));
        String base = "/review/ingest/" + id;
        String code = "qingxi-invalid-" + id;

        HttpResponse<String> nothing = admin.post(base + "/load", Map.of("planCode", code));
        assertThat(nothing.statusCode()).isEqualTo(422);
        assertThat(nothing.body()).contains("还没有接受任何条目");

        ExtractedIndicator first = x.indicators().get(0);
        admin.post(base + "/item", Map.of("key", "IND:" + first.code(), "decision", "EDITED", "category", ""));
        admin.post(base + "/accept-pending", Map.of());
        HttpResponse<String> load = admin.post(base + "/load", Map.of("planCode", code));
        assertThat(load.statusCode()).isEqualTo(422);
        assertThat(load.body()).contains("id=\"load-errors\"")
                .contains("indicators.yaml: " + first.code() + ": missing field &#39;category&#39;");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan WHERE code = ?").param(code).query(Long.class).single())
                .isZero();
    }

    private static String itemDecision(String html, String anchor) {
        int at = html.indexOf("id=\"item-" + anchor + "\"");
        assertThat(at).as("item " + anchor).isGreaterThanOrEqualTo(0);
        int tagStart = html.lastIndexOf('<', at);
        String tag = html.substring(tagStart, html.indexOf('>', at));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-decision=\"(\\w+)\"").matcher(tag);
        assertThat(m.find()).as(tag).isTrue();
        return m.group(1);
    }
}
