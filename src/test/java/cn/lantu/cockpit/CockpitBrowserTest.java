package cn.lantu.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
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

    /**
     * The full-screen mode on a leader's display (a 1920×1080 viewport): one screen with no scrolling, showing the
     * status chart, the binding indicators, the red list and investment against the time schedule; everything else
     * is a link to the normal cockpit. The demo banner is legible on the dark layout, every domain of the bar chart
     * has its label, and no task that has not started (未开始) is on a warning list.
     */
    @SuppressWarnings("unchecked")
    @Test
    void theFullScreenModeFitsOneLeadersDisplay() throws Exception {
        Map<String, Object> api = Http.demoAdmin(port).getMap("/api/v1/plans/zhuji-15th/cockpit");
        List<Map<String, Object>> work = new java.util.ArrayList<>((List<Map<String, Object>>) api.get("redWork"));
        work.addAll((List<Map<String, Object>>) api.get("yellowWork"));
        assertThat(work).extracting(w -> w.get("detail")).doesNotContain("未开始");
        Set<String> notStarted = Http.demoAdmin(port).getList("/api/v1/plans/zhuji-15th/tasks").stream()
                .filter(r -> "NOT_STARTED".equals(((Map<String, Object>) r.get("status")).get("state")))
                .map(r -> (String) ((Map<String, Object>) r.get("task")).get("code")).collect(Collectors.toSet());
        assertThat(notStarted).as("the demo plan's tasks have not started yet").isNotEmpty();
        assertThat(work).extracting(w -> (String) w.get("code")).doesNotContainAnyElementsOf(notStarted);
        int red = ((List<?>) api.get("red")).size() + ((List<?>) api.get("redWork")).size();

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.login("admin", TestUsers.demoAdminPassword());
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            browser.open("/plans/zhuji-15th/cockpit?display=screen");
            viewport(browser, 1920, 1080);
            browser.open("/plans/zhuji-15th/cockpit?display=screen");
            new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30)).until(d -> (Boolean) js.executeScript(
                    "return !!document.querySelector('#status-chart[data-rendered] canvas')"
                            + " && !!document.querySelector('#investment-chart[data-rendered] canvas')"));
            java.nio.file.Path shot = browser.screenshot("cockpit-screen-1920");
            assertThat(shot).exists();
            assertThat(js.executeScript("return window.innerWidth + 'x' + window.innerHeight")).isEqualTo("1920x1080");

            // one screen, no scrolling
            assertThat(((Number) js.executeScript("return document.documentElement.scrollHeight")).intValue())
                    .as("page height").isLessThanOrEqualTo(1080);
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
                    .as("page width").isLessThanOrEqualTo(1920);

            // the four blocks, visible, inside the screen and not cut off
            for (String id : List.of("screen-status", "screen-binding", "screen-red", "screen-investment")) {
                WebElement block = browser.driver().findElement(By.id(id));
                assertThat(block.isDisplayed()).as(id).isTrue();
                Map<String, Object> box = (Map<String, Object>) js.executeScript("""
                        var e = arguments[0], r = e.getBoundingClientRect();
                        return {top: r.top, left: r.left, bottom: r.bottom, right: r.right, height: r.height,
                                overflow: e.scrollHeight - e.clientHeight};""", block);
                assertThat(((Number) box.get("top")).doubleValue()).as(id + " top").isGreaterThanOrEqualTo(0);
                assertThat(((Number) box.get("left")).doubleValue()).as(id + " left").isGreaterThanOrEqualTo(0);
                assertThat(((Number) box.get("bottom")).doubleValue()).as(id + " bottom").isLessThanOrEqualTo(1080);
                assertThat(((Number) box.get("right")).doubleValue()).as(id + " right").isLessThanOrEqualTo(1920);
                assertThat(((Number) box.get("height")).doubleValue()).as(id + " height").isGreaterThan(300);
                assertThat(((Number) box.get("overflow")).intValue()).as(id + " content overflows").isLessThanOrEqualTo(1);
            }
            assertThat(browser.driver().findElements(By.cssSelector("#screen-binding #binding-row tr"))).hasSize(6);
            assertThat(browser.driver().findElements(By.cssSelector("#screen-red li.warn-RED")))
                    .hasSize(Math.min(red, 5));
            assertThat(browser.driver().findElement(By.id("screen-red")).getText()).doesNotContain("未开始");
            // the rest is a click away, not on the screen
            assertThat(browser.driver().findElements(By.id("department-scoreboard"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("yellow-list"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("more-departments")).getAttribute("href"))
                    .contains("/plans/zhuji-15th/cockpit?year=").endsWith("#department-scoreboard");
            assertThat(browser.driver().findElement(By.id("more-yellow")).getAttribute("href")).endsWith("#yellow-warnings");

            // the demo banner: dark text on amber, legible on the dark layout
            WebElement banner = browser.driver().findElement(By.id("demo-banner"));
            assertThat(banner.isDisplayed()).isTrue();
            assertThat(banner.getText()).contains("演示数据");
            assertThat(contrast(banner.getCssValue("color"), banner.getCssValue("background-color")))
                    .as("demo banner contrast").isGreaterThanOrEqualTo(7.0);

            // every domain of the investment chart and every status has its axis label
            Map<String, Object> axis = (Map<String, Object>) js.executeScript("""
                    var inv = echarts.getInstanceByDom(document.getElementById('investment-chart'));
                    var st = echarts.getInstanceByDom(document.getElementById('status-chart'));
                    var y = inv.getOption().yAxis[0], x = st.getOption().xAxis[0];
                    return {interval: y.axisLabel.interval, categories: y.data.length,
                            shown: inv.getModel().getComponent('yAxis').axis.getViewLabels().length,
                            statusInterval: x.axisLabel.interval, statuses: x.data.length,
                            statusShown: st.getModel().getComponent('xAxis').axis.getViewLabels().length};""");
            assertThat(((Number) axis.get("interval")).intValue()).isZero();
            assertThat(((Number) axis.get("categories")).intValue()).isEqualTo(10);
            assertThat(((Number) axis.get("shown")).intValue()).as("domain labels shown").isEqualTo(10);
            assertThat(((Number) axis.get("statusInterval")).intValue()).isZero();
            assertThat(((Number) axis.get("statusShown")).intValue()).isEqualTo(((Number) axis.get("statuses")).intValue());

            // the normal cockpit, a click away: the department scoreboard and the yellow lists, still without 未开始
            browser.clickAndLoad(By.id("more-departments"));
            assertThat(browser.driver().findElement(By.id("department-scoreboard")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("yellow-warnings")).getText()).doesNotContain("未开始");
            assertThat(browser.driver().findElement(By.id("red-warnings")).getText()).doesNotContain("未开始");
            for (WebElement li : browser.driver().findElements(By.cssSelector("#red-work li, #yellow-work li"))) {
                assertThat(notStarted).doesNotContain(li.getAttribute("data-code"));
            }
        }
    }

    /** Sets the browser window so that the page's viewport is exactly width × height CSS pixels. */
    private static void viewport(Browser browser, int width, int height) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        for (int i = 0; i < 3; i++) {
            long w = ((Number) js.executeScript("return window.innerWidth")).longValue();
            long h = ((Number) js.executeScript("return window.innerHeight")).longValue();
            if (w == width && h == height) {
                return;
            }
            Dimension now = browser.driver().manage().window().getSize();
            browser.driver().manage().window().setSize(new Dimension(now.getWidth() + (int) (width - w),
                    now.getHeight() + (int) (height - h)));
        }
    }

    /** WCAG contrast ratio of two CSS colours (rgb()/rgba(), opaque). */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String css) {
        String[] p = css.replaceAll("[^0-9.,]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(p[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
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
