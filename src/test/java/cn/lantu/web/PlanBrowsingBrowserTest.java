package cn.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Browser;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/** In Debian's headless Chromium: log in and browse the Zhuji plan. */
@LantuTest
class PlanBrowsingBrowserTest {

    @LocalServerPort int port;

    @Test
    void anAdministratorLogsInAndSeesTable1WithIts27ValueRows() throws Exception {
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/plans/zhuji-15th/indicators");
            assertThat(browser.driver().getCurrentUrl()).as("anonymous users are sent to the login page").endsWith("/login");
            browser.login("admin", TestUsers.adminPassword());
            browser.open("/plans/zhuji-15th/indicators");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#table1 tr.value-row"));
            assertThat(rows).hasSize(27);
            assertThat(browser.driver().findElement(By.id("table1")).getText())
                    .contains("经济发展（6项）", "民生福祉（9项）", "绿色低碳（6项）", "安全保障（1项）", "55.96*", "[16.4]",
                            "每千人拥有医护人员数", "注册护士数");
            browser.screenshot("table1");

            browser.open("/plans/zhuji-15th/outline");
            assertThat(browser.driver().findElements(By.cssSelector("h2.outline-chapter"))).hasSize(12);
            assertThat(browser.driver().findElement(By.id("outline")).getText()).contains("西交网络空间安全研究院");

            browser.open("/plans/zhuji-15th/towns");
            assertThat(browser.driver().findElements(By.cssSelector("#towns tbody tr"))).hasSize(23);
        }
    }
}
