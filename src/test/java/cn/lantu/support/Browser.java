package cn.lantu.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium through /usr/bin/chromedriver (never a downloaded browser).
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final String CHROMIUM = "/usr/bin/chromium";

    private final WebDriver driver;
    private final String baseUrl;
    private final Path profile;

    public Browser(String baseUrl) throws java.io.IOException {
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("lantu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    public static boolean available() {
        return Files.isExecutable(Path.of(CHROMEDRIVER)) && Files.isExecutable(Path.of(CHROMIUM));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public void login(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        // The click returns before the login POST has answered; navigating on at once could abort it and leave the
        // browser without a session. Wait until the browser has left the login form.
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Clicks a link or a form's submit button that loads a new page, and waits until the old page is gone, so that
     * the next lookup cannot find an element of the page being left (or navigate away before the answer came).
     */
    public void clickAndLoad(By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    public Path screenshot(String name) throws java.io.IOException {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
