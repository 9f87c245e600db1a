package cn.lantu.ingest.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.ingest.ExtractedIndicator;
import cn.lantu.ingest.Extraction;
import cn.lantu.ingest.OutlineExtractor;
import cn.lantu.support.Browser;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * When extraction is not enough (issue 18): on a real development outline (Suzhou, text copied from the PDF) the
 * plan office corrects a cell of the indicator grid, adds a row, merges two rows, is told off for a wrong number,
 * saves, then pastes a small table from Excel, loads the plan and finds the pasted indicators in it.
 */
@LantuTest
class IndicatorGridBrowserTest {

    static final Path SUZHOU = Path.of("../shared/outlines/suzhou-15th.txt");

    @LocalServerPort int port;

    @Test
    void correctAddMergePasteAndLoad() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        assumeTrue(Files.exists(SUZHOU), "the development outlines are not next to the project");
        Extraction x = new OutlineExtractor().extract(Files.readString(SUZHOU), "suzhou-15th.txt");
        List<ExtractedIndicator> rows = x.indicators();
        assertThat(rows).hasSizeGreaterThan(5);
        int n = rows.size();
        String code = "suzhou-grid-" + System.nanoTime() % 100000;

        try (Browser browser = new Browser("http://localhost:" + port)) {
            WebDriver d = browser.driver();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            browser.login("admin", TestUsers.adminPassword());
            browser.open("/review/ingest");
            d.findElement(By.id("file")).sendKeys(SUZHOU.toAbsolutePath().normalize().toString());
            browser.clickAndLoad(By.id("upload-submit"));
            wait.until(w -> "true".equals(w.findElement(By.id("ingest-source")).getAttribute("data-loaded")));
            assertThat(d.findElements(By.cssSelector("#indicator-grid-card tr.grid-row"))).hasSize(n);
            assertThat(value(d, "r0.name")).isEqualTo(rows.get(0).name());

            // a cell gets the focus: its row's line in the source is highlighted
            d.findElement(By.name("r0.name")).click();
            WebElement mark = wait.until(w -> w.findElement(By.cssSelector("#ingest-source mark#ingest-highlight")));
            assertThat(mark.getText().replaceAll("\\s+", " ")).isEqualTo(x.text().substring(rows.get(0).start(),
                            rows.get(0).end()).strip().replaceAll("\\s+", " "))
                    .contains(rows.get(0).name().substring(0, 2));

            // correct a cell, add a row, merge rows 2 and 3 (as if one name had wrapped onto two rows)
            type(d, "r0.targetValue", "123.4");
            browser.clickAndLoad(By.id("grid-add"));
            assertThat(d.findElements(By.cssSelector("tr.grid-row"))).hasSize(n + 1);
            assertThat(d.findElement(By.id("grid-unsaved")).isDisplayed()).isTrue();
            assertThat(value(d, "r0.targetValue")).isEqualTo("123.4");
            type(d, "r" + n + ".name", "新增测试指标");
            type(d, "r" + n + ".unit", "%");
            type(d, "r" + n + ".targetValue", "abc");
            String merged = rows.get(2).name() + rows.get(3).name();
            browser.clickAndLoad(By.cssSelector("#grid-row-2 .grid-merge"));
            assertThat(d.findElements(By.cssSelector("tr.grid-row"))).hasSize(n);
            assertThat(value(d, "r2.name")).isEqualTo(merged);

            // a wrong number is refused beside its cell, the input kept
            browser.clickAndLoad(By.id("grid-save"));
            WebElement cell = d.findElement(By.cssSelector("#grid-row-" + (n - 1) + " .cell-targetValue"));
            assertThat(cell.findElement(By.cssSelector(".invalid-feedback")).getText()).contains("abc").contains("不是数字");
            assertThat(value(d, "r" + (n - 1) + ".name")).isEqualTo("新增测试指标");
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", cell);
            browser.screenshot("indicator-grid-error");
            type(d, "r" + (n - 1) + ".targetValue", "50");
            browser.clickAndLoad(By.id("grid-save"));
            assertThat(d.findElement(By.cssSelector(".alert-success")).getText()).contains("指标表已保存");
            assertThat(d.findElements(By.cssSelector("tr.grid-row"))).hasSize(n);
            assertThat(value(d, "r0.targetValue")).isEqualTo("123.4");
            assertThat(value(d, "r2.name")).isEqualTo(merged);
            assertThat(value(d, "r" + (n - 1) + ".name")).isEqualTo("新增测试指标");
            assertThat(d.findElement(By.id("grid-replaces-items")).isDisplayed()).isTrue();

            // paste a small table copied from Excel: columns in another order, attribute in words
            String first = rows.get(0).name();
            d.findElement(By.cssSelector("#grid-import summary")).click();
            // as pasted: typing a tab would move the focus out of the text area
            ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1];",
                    d.findElement(By.id("import-text")), "序号\t指标\t属性\t2030年\t单位\n"
                    + "1\t" + first + "\t约束性\t150\t" + rows.get(0).unit() + "\n"
                    + "2\t新增测试指标\t预期性\t60\t%\n"
                    + "3\t" + merged + "\t预期性\t〔20〕\t%\n");
            browser.clickAndLoad(By.id("import-preview"));
            assertThat(d.findElement(By.id("import-summary")).getText()).contains("3").contains(String.valueOf(n));
            assertThat(d.findElements(By.cssSelector("#import-preview-table tbody tr"))).hasSize(3);
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                    d.findElement(By.id("import-confirm")));
            browser.screenshot("indicator-grid-paste-preview");
            browser.clickAndLoad(By.id("import-confirm"));
            assertThat(d.findElements(By.cssSelector("tr.grid-row"))).hasSize(3);
            assertThat(value(d, "r0.code")).isEqualTo(rows.get(0).code()); // matched by name: keeps its code
            assertThat(value(d, "r2.horizon")).isEqualTo("PERIOD");
            browser.screenshot("indicator-grid-pasted");

            // load the plan with the corrected rows
            WebElement planCode = d.findElement(By.id("planCode"));
            planCode.clear();
            planCode.sendKeys(code);
            browser.clickAndLoad(By.id("load-submit"));
            assertThat(d.getCurrentUrl()).endsWith("/plans/" + code);
            browser.open("/plans/" + code + "/indicators");
            String page = d.findElement(By.tagName("main")).getText();
            assertThat(page).contains(first).contains("新增测试指标").contains(merged);
            browser.screenshot("indicator-grid-loaded");
        }
        List<Map<String, Object>> loaded = Http.admin(port).getList("/api/v1/plans/" + code + "/indicators");
        Map<String, Object> one = loaded.stream().filter(i -> rows.get(0).code().equals(i.get("code"))).findFirst()
                .orElseThrow();
        assertThat(((Number) one.get("targetValue")).doubleValue()).isEqualTo(150.0);
        assertThat(loaded.stream().filter(i -> "新增测试指标".equals(i.get("name")))
                .map(i -> ((Number) i.get("targetValue")).doubleValue())).containsExactly(60.0);
    }

    private static String value(WebDriver d, String name) {
        return d.findElement(By.name(name)).getAttribute("value");
    }

    private static void type(WebDriver d, String name, String text) {
        WebElement e = d.findElement(By.name(name));
        e.clear();
        e.sendKeys(text);
    }
}
