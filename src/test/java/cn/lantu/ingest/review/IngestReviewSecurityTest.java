package cn.lantu.ingest.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/** Only the plan office (ADMIN) may upload outlines and load reviewed packages: checked on the server. */
@LantuTest
class IngestReviewSecurityTest {

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void nonAdminsGet403OnUploadAndLoad() throws Exception {
        String password = "reporter-pass-" + System.nanoTime();
        String name = "review-reporter-" + System.nanoTime();
        users.createUser(name, "填报员", password, Role.REPORTER, null);
        ReviewHttp reporter = new ReviewHttp(port, name, password);
        byte[] outline = Files.readAllBytes(Path.of("src/test/resources/ingest/qingxi-15th.md"));
        long before = reviews();

        assertThat(reporter.upload("qingxi-15th.md", outline).statusCode()).isEqualTo(403);
        assertThat(reviews()).isEqualTo(before);

        // a review the admin uploaded: the reporter can neither see it, decide on it nor load it
        ReviewHttp admin = new ReviewHttp(port, "admin", TestUsers.adminPassword());
        long id = ReviewHttp.reviewId(admin.upload("qingxi-15th.md", outline));
        assertThat(reporter.get("/review/ingest/" + id).statusCode()).isEqualTo(403);
        assertThat(reporter.get("/review/ingest/" + id + "/source").statusCode()).isEqualTo(403);
        assertThat(reporter.post("/review/ingest/" + id + "/item", Map.of("key", "IND:01", "decision", "ACCEPTED"))
                .statusCode()).isEqualTo(403);
        assertThat(reporter.post("/review/ingest/" + id + "/accept-pending", Map.of()).statusCode()).isEqualTo(403);
        // the indicator grid (issue 18): pages and API are the plan office's
        assertThat(reporter.post("/review/ingest/" + id + "/grid", Map.of("version", "0", "r0.name", "x",
                "r0.targetValue", "1", "r0.horizon", "TARGET_YEAR", "r0.targetYear", "2030")).statusCode()).isEqualTo(403);
        assertThat(reporter.post("/review/ingest/" + id + "/grid/import", Map.of("text", "指标\t2030年\nx\t1"))
                .statusCode()).isEqualTo(403);
        assertThat(reporter.post("/review/ingest/" + id + "/grid/replace", Map.of("version", "0")).statusCode())
                .isEqualTo(403);
        assertThat(cn.lantu.support.Http.basic(port, name, password).get("/api/v1/reviews/" + id + "/indicator-grid")
                .statusCode()).isEqualTo(403);
        assertThat(reporter.post("/review/ingest/" + id + "/load", Map.of("planCode", "reporter-plan"))
                .statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ingest_review_item WHERE review_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan WHERE code = 'reporter-plan'").query(Long.class).single())
                .isZero();
        // the admin can
        assertThat(admin.get("/review/ingest/" + id).statusCode()).isEqualTo(200);
        assertThat(admin.get("/review/ingest/" + id + "/source").body())
                .isEqualTo(new String(outline, StandardCharsets.UTF_8));
    }

    private long reviews() {
        return jdbc.sql("SELECT COUNT(*) FROM ingest_review").query(Long.class).single();
    }
}
