package cn.lantu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;

/** A withdrawn indicator leaves the public side whole: its URLs, the portal's counts and the published report. */
@LantuDemoTest
class PublicViewDemoTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @SuppressWarnings("unchecked")
    @Test
    void aWithdrawnIndicatorIsNeitherShownNorCounted() {
        Http admin = Http.demoAdmin(port);
        Http anonymous = Http.anonymous(port);
        String code = "ZJ25";
        String name = jdbc.sql("SELECT name FROM indicator WHERE code = ?").param(code).query(String.class).single();
        Map<String, Object> version = Http.JSON.readValue(Http.ok(admin.postJson(
                "/api/v1/plans/zhuji-15th/reports/annual/versions?year=2027", Map.of())), Map.class);
        long id = ((Number) version.get("id")).longValue();
        Http.ok(admin.postJson("/api/v1/reports/versions/" + id + "/publish", Map.of()));
        String reportUrl = "/api/v1/public/reports/" + id + "?format=html";
        assertThat(Http.ok(anonymous.get(reportUrl))).as("published and shown while published").contains(name);
        String portalBefore = Http.ok(anonymous.page("/public/plans/zhuji-15th"));
        try {
            Http.ok(admin.putJson("/api/v1/plans/zhuji-15th/indicators/" + code + "/published",
                    Map.of("published", false)));
            assertThat(anonymous.status("/public/plans/zhuji-15th/indicators/" + code)).isEqualTo(404);
            assertThat(Http.ok(anonymous.get(reportUrl))).as("the public report leaves it out").doesNotContain(name);
            String portalAfter = Http.ok(anonymous.page("/public/plans/zhuji-15th"));
            assertThat(portalAfter).doesNotContain(name);
            assertThat(sentence(portalAfter)).as("the portal's sentence no longer counts it")
                    .isNotEqualTo(sentence(portalBefore));
            assertThat(Http.ok(admin.get("/api/v1/reports/versions/" + id + "?format=html")))
                    .as("the plan office still sees the whole report").contains(name);
        } finally {
            Http.ok(admin.putJson("/api/v1/plans/zhuji-15th/indicators/" + code + "/published",
                    Map.of("published", true)));
        }
    }

    private static String sentence(String html) {
        int i = html.indexOf("portal.plan.intro");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)项").matcher(html);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(m.group(1)).append(',');
        }
        return sb.toString() + i;
    }
}
