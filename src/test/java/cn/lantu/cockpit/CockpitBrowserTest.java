package cn.lantu.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Browser;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;
import cn.lantu.support.TestUsers;

/** The cockpit in demo mode, in Debian's headless Chromium: its numbers agree with the assessment API. */
@LantuDemoTest
class CockpitBrowserTest {

    @LocalServerPort int port;

    @SuppressWarnings("unchecked")
    @Test
    void theCockpitShowsTheApiCountsTheRedListAndAFullScreenMode() throws Exception {
        Map<String, Object> api = Http.demoAdmin(port).getMap("/api/v1/plans/zhuji-15th/assessment?year=2028");
        Map<String, Integer> counts = (Map<String, Integer>) api.get("counts");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) api.get("indicators");
        List<String> red = rows.stream().filter(r -> "RED".equals(r.get("warning"))).map(r -> (String) r.get("code")).toList();
        assertThat(red).as("the demo data has at least one red indicator").isNotEmpty();

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.login("admin", TestUsers.demoAdminPassword());
            browser.open("/plans/zhuji-15th/cockpit?year=2028");
            assertThat(browser.driver().findElement(By.id("demo-banner")).getText()).contains("演示数据");
            for (WebElement cell : browser.driver().findElements(By.cssSelector("#status-counts td[data-status]"))) {
                String status = cell.getAttribute("data-status");
                assertThat(Integer.parseInt(cell.getText())).as(status).isEqualTo(counts.get(status));
            }
            assertThat(browser.driver().findElements(By.cssSelector("#status-counts td[data-status]"))).hasSize(6);
            String redList = browser.driver().findElement(By.id("red-list")).getAttribute("innerHTML");
            assertThat(redList).contains("data-code=\"" + red.get(0) + "\"");
            assertThat(browser.driver().findElement(By.id("verdict-sentence")).getText()).isEqualTo(api.get("sentence"));
            assertThat(browser.driver().findElements(By.cssSelector("#status-chart canvas"))).isNotEmpty();
            browser.screenshot("cockpit");

            browser.driver().findElement(By.id("fullscreen-link")).click();
            assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("class")).contains("cockpit-screen");
            assertThat(browser.driver().findElements(By.tagName("nav"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#status-chart canvas"))).isNotEmpty();
            browser.screenshot("cockpit-fullscreen");

            browser.open("/plans/zhuji-15th/indicators/ZJ25?year=2028");
            assertThat(browser.driver().findElements(By.cssSelector("#indicator-chart canvas"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#chart-data-body tr"))).hasSize(5);
            assertThat(browser.driver().findElement(By.id("explanation")).getText()).contains("序时进度");
            browser.screenshot("indicator-ZJ25");
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void theCockpitApiAgreesWithTheAssessmentApi() {
        Map<String, Object> cockpit = Http.demoAdmin(port).getMap("/api/v1/plans/zhuji-15th/cockpit?year=2027");
        Map<String, Object> assessment = Http.demoAdmin(port).getMap("/api/v1/plans/zhuji-15th/assessment?year=2027");
        assertThat(cockpit.get("counts")).isEqualTo(assessment.get("counts"));
        assertThat(cockpit.get("items")).isEqualTo(26);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) assessment.get("indicators");
        assertThat((List<String>) cockpit.get("red")).containsExactlyInAnyOrderElementsOf(
                rows.stream().filter(r -> "RED".equals(r.get("warning"))).map(r -> (String) r.get("code")).toList());
    }

    @Test
    void theStatusMatrixAndTheDepartmentPageShowWhatEachAnswersFor() {
        String matrix = Http.ok(Http.demoAdminSession(port).get("/plans/zhuji-15th/matrix"));
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(matrix);
        assertThat(doc.select("#status-matrix tbody tr")).hasSize(27);
        // demo figures cover 2026-2028: three statuses, and two years without a figure of their own
        assertThat(doc.select("#status-matrix tbody tr").get(0).select("td .status-badge")).hasSize(3);
        assertThat(doc.select("#status-matrix tbody tr").get(0).select("td .no-figure")).hasSize(2);
        org.jsoup.nodes.Document byTown = org.jsoup.Jsoup.parse(Http.ok(Http.demoAdminSession(port)
                .get("/plans/zhuji-15th/indicators/ZJT006?year=2028")));
        assertThat(byTown.select("#town-breakdown tr")).as("an indicator broken down by town lists the 23 towns").hasSize(23);
        assertThat(byTown.select("#town-breakdown h2").text()).contains("/23");
        String unit = Http.ok(Http.demoAdminSession(port).get("/plans/zhuji-15th/units/TJJ"));
        assertThat(org.jsoup.Jsoup.parse(unit).select("#lead-indicators").text()).contains("地区生产总值");
    }
}
