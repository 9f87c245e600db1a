package cn.lantu.ingest.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.ingest.Extraction;
import cn.lantu.ingest.OutlineExtractor;
import cn.lantu.ingest.ProseTarget;
import cn.lantu.support.Browser;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/** The plan office uploads the Zhuji outline, sees the source beside the items, and selects an item. */
@LantuTest
class IngestReviewBrowserTest {

    static final Path ZHUJI = Path.of("src/main/resources/plans/zhuji-15th/outline.md");

    @LocalServerPort int port;

    @Test
    void uploadSelectHighlightAndAccept() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        Extraction x = new OutlineExtractor().extract(ZHUJI);
        // a prose target whose quote is exactly the text of its span, somewhere in the middle of the outline
        ProseTarget target = x.targets().stream()
                .filter(t -> t.quoteStart() > 10000 && t.quote().equals(x.text().substring(t.quoteStart(), t.quoteEnd()))
                        && !t.quote().contains("\n"))
                .findFirst().orElseThrow();

        try (Browser browser = new Browser("http://localhost:" + port)) {
            WebDriver d = browser.driver();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            browser.login("admin", TestUsers.adminPassword());
            browser.open("/plans");
            d.findElement(By.id("nav-ingest-review")).click();
            d.findElement(By.id("file")).sendKeys(ZHUJI.toAbsolutePath().toString());
            browser.clickAndLoad(By.id("upload-submit"));

            wait.until(w -> "true".equals(w.findElement(By.id("ingest-source")).getAttribute("data-loaded")));
            WebElement source = d.findElement(By.id("ingest-source"));
            assertThat(source.getText()).contains("诸暨市国民经济和社会发展第十五个五年规划纲要");
            assertThat(d.findElements(By.cssSelector("#section-IND .review-item"))).hasSize(x.indicators().size());
            assertThat(d.findElements(By.cssSelector("#section-TGT .review-item"))).hasSize(x.targets().size());
            // the source is beside the items (the column starts with the load form and the indicator grid)
            WebElement firstItem = d.findElement(By.cssSelector(".review-items"));
            assertThat(source.isDisplayed()).isTrue();
            assertThat(firstItem.isDisplayed()).isTrue();
            assertThat(source.getLocation().getX() + source.getSize().getWidth())
                    .isLessThanOrEqualTo(firstItem.getLocation().getX());
            assertThat(Math.abs(source.getLocation().getY() - firstItem.getLocation().getY())).isLessThan(400);

            String id = "item-TGT-" + target.code();
            WebElement item = d.findElement(By.id(id));
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", item);
            item.findElement(By.cssSelector(".item-summary")).click();
            WebElement mark = wait.until(w -> w.findElement(By.cssSelector("#ingest-source mark#ingest-highlight")));
            assertThat(mark.getText()).isEqualTo(target.quote());
            assertThat(mark.isDisplayed()).isTrue();
            assertThat(d.findElement(By.id(id)).getAttribute("class")).contains("selected");

            // accept the item through htmx: only the item is swapped, the highlight stays
            d.findElement(By.id(id)).findElement(By.cssSelector(".btn-accept")).click();
            wait.until(w -> "ACCEPTED".equals(w.findElement(By.id(id)).getAttribute("data-decision")));
            assertThat(d.findElement(By.id("ingest-highlight")).getText()).isEqualTo(target.quote());
            browser.screenshot("ingest-review");
        }
    }
}
