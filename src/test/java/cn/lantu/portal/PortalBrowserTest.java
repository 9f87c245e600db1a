package cn.lantu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Browser;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;

/** The public portal as an anonymous user: published data with open-data downloads; unpublished data stays hidden. */
@LantuDemoTest
class PortalBrowserTest {

    @LocalServerPort int port;

    @Test
    void anAnonymousUserSeesAPublishedIndicatorAndDownloadsItsCsv() throws Exception {
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/public/plans/zhuji-15th");
            assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");
            assertThat(browser.driver().findElement(By.id("demo-banner")).getText()).contains("演示数据");
            String href = browser.driver().findElement(By.cssSelector("#published-indicators tr[data-code='ZJ25'] a"))
                    .getAttribute("href");
            browser.driver().get(href);
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("清洁能源装机容量");
            assertThat(browser.driver().findElements(By.cssSelector("#indicator-chart canvas"))).isNotEmpty();
            String csvUrl = browser.driver().findElement(By.id("csv-link")).getAttribute("href");
            HttpResponse<byte[]> csv = Http.anonymous(port).getBytes(csvUrl.substring(csvUrl.indexOf("/public/")));
            assertThat(csv.statusCode()).isEqualTo(200);
            String text = new String(csv.body(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF指标编码,指标名称,单位");
            assertThat(text.lines().skip(1).toList()).hasSize(3)
                    .allSatisfy(l -> assertThat(l).startsWith("ZJ25,清洁能源装机容量,万千瓦,预期性,水平值,2025,140.67,2030,300,")
                            .contains("演示数据"));
            assertThat(text).contains(",2026,", ",2027,", ",2028,");
        }
        assertThat(Http.anonymous(port).getBytes("/public/plans/zhuji-15th/open-data.zip").statusCode()).isEqualTo(200);
        assertThat(Http.anonymous(port).getMap("/public/plans/zhuji-15th/indicators/ZJ25.json"))
                .containsKeys("metadata", "figures", "status");
    }

    @Test
    void anUnpublishedIndicatorIsNotFoundForTheAnonymousUser() {
        Http anonymous = Http.anonymous(port);
        assertThat(anonymous.status("/public/plans/zhuji-15th/indicators/ZJ13")).isEqualTo(200);
        assertThat(anonymous.status("/api/v1/plans/zhuji-15th/indicators/ZJ13")).as("the API needs a login").isEqualTo(401);
        try {
            assertThat(Http.demoAdmin(port).putJson("/api/v1/plans/zhuji-15th/indicators/ZJ13/published",
                    Map.of("published", false)).statusCode()).isEqualTo(200);
            assertThat(anonymous.status("/public/plans/zhuji-15th/indicators/ZJ13")).isEqualTo(404);
            assertThat(anonymous.status("/public/plans/zhuji-15th/indicators/ZJ13.csv")).isEqualTo(404);
            assertThat(anonymous.status("/public/plans/zhuji-15th/indicators/ZJ13.json")).isEqualTo(404);
            assertThat(Http.ok(anonymous.get("/public/plans/zhuji-15th"))).doesNotContain("养老机构护理型床位占比");
        } finally {
            Http.demoAdmin(port).putJson("/api/v1/plans/zhuji-15th/indicators/ZJ13/published", Map.of("published", true));
        }
    }
}
