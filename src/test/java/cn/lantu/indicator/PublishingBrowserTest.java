package cn.lantu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Browser;
import cn.lantu.support.Clicks;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;
import cn.lantu.support.TestUsers;

/**
 * The plan office decides what the public sees: it withdraws an indicator and publishes it again on the publishing
 * page (per row and in bulk) and watches the portal follow; it publishes a report version after previewing exactly
 * the public rendering, which leaves the unpublished indicator out.
 */
@LantuDemoTest
class PublishingBrowserTest {

    static final String PLAN = "zhuji-15th";
    static final String CODE = "ZJ25";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void thePlanOfficeWithdrawsAndPublishesAnIndicatorAndThePortalFollows() throws Exception {
        String name = name(CODE);
        Http anonymous = Http.anonymous(port);
        assertThat(Http.ok(anonymous.page("/public/plans/" + PLAN))).contains(name);
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.demoAdminPassword());
            b.open("/plans/" + PLAN + "/publishing");
            assertThat(state(b)).isEqualTo("已公开");

            Clicks.load(b, "toggle-" + CODE);
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("已撤回公开1项指标", name);
            assertThat(state(b)).isEqualTo("未公开");
            assertThat(row(b).findElement(By.cssSelector("td.changed")).getText()).startsWith("admin · ");
            b.screenshot("publishing-withdrawn");
            assertThat(Http.ok(anonymous.page("/public/plans/" + PLAN))).as("the portal no longer shows it")
                    .doesNotContain(name);
            assertThat(anonymous.status("/public/plans/" + PLAN + "/indicators/" + CODE)).isEqualTo(404);

            // bulk without a selection: the message beside the buttons, nothing changed
            Clicks.load(b, "bulk-publish");
            assertThat(b.driver().findElement(By.id("selection-error")).getText()).contains("请先勾选");
            assertThat(state(b)).isEqualTo("未公开");

            // bulk with one unpublished and one published indicator: only the first changes
            Clicks.tick(b, "pick-" + CODE);
            Clicks.tick(b, "pick-ZJ01");
            Clicks.load(b, "bulk-publish");
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("已公开1项指标", name);
            assertThat(state(b)).isEqualTo("已公开");
            b.screenshot("publishing-bulk-published");
        } finally {
            Http.ok(Http.demoAdmin(port).putJson("/api/v1/plans/" + PLAN + "/indicators/" + CODE + "/published",
                    java.util.Map.of("published", true)));
        }
        assertThat(Http.ok(anonymous.page("/public/plans/" + PLAN))).contains(name);
        long id = jdbc.sql("SELECT id FROM indicator WHERE code = ?").param(CODE).query(Long.class).single();
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE subject = ? AND action LIKE 'INDICATOR_%' "
                        + "AND actor = 'admin' ORDER BY id DESC").param("indicator:" + id).query(String.class).list())
                .as("withdrawn, then published: each audited").startsWith("INDICATOR_PUBLISH", "INDICATOR_WITHDRAW");
    }

    @Test
    void thePlanOfficePublishesAReportVersionAfterPreviewingThePublicRendering() throws Exception {
        String name = name(CODE);
        Http admin = Http.demoAdmin(port);
        Http.ok(admin.putJson("/api/v1/plans/" + PLAN + "/indicators/" + CODE + "/published",
                java.util.Map.of("published", false)));
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.demoAdminPassword());
            b.open("/plans/" + PLAN + "/reports?type=annual&year=2027");
            b.clickAndLoad(By.id("save-version"));
            long version = jdbc.sql("SELECT MAX(id) FROM report_version").query(Long.class).single();
            b.clickAndLoad(By.id("publish-" + version));
            String preview = b.driver().findElement(By.id("public-preview")).getText();
            assertThat(preview).as("the public rendering leaves the unpublished indicator out")
                    .doesNotContain(name).contains("主要指标");
            assertThat(b.driver().findElement(By.id("left-out")).getText()).contains(name);
            assertThat(jdbc.sql("SELECT published FROM report_version WHERE id = ?").param(version)
                    .query(Boolean.class).single()).as("previewing publishes nothing").isFalse();
            b.screenshot("report-publish-preview");

            b.clickAndLoad(By.id("publish-confirm"));
            assertThat(b.driver().findElement(By.cssSelector(".alert-success")).getText()).contains("已发布到公众门户");
            assertThat(b.driver().findElement(By.id("r-versions")).getText()).contains("admin于");
            b.screenshot("report-published");

            String published = Http.ok(Http.anonymous(port).get("/api/v1/public/reports/" + version + "?format=html"));
            assertThat(published).as("the public reads what the preview showed").doesNotContain(name);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'REPORT_PUBLISH' AND subject LIKE ?")
                    .param("report:" + version + " %").query(Long.class).single()).isEqualTo(1);
        } finally {
            Http.ok(admin.putJson("/api/v1/plans/" + PLAN + "/indicators/" + CODE + "/published",
                    java.util.Map.of("published", true)));
        }
    }

    private String name(String code) {
        return jdbc.sql("SELECT name FROM indicator WHERE code = ?").param(code).query(String.class).single();
    }

    private static org.openqa.selenium.WebElement row(Browser b) {
        return b.driver().findElement(By.cssSelector("#publishing tr[data-code='" + CODE + "']"));
    }

    private static String state(Browser b) {
        return row(b).findElement(By.cssSelector("td.state")).getText().strip();
    }
}
