package cn.lantu.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Browser;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * 三员分立 in the browser: the system administrator creates an account with an ordinary role, the security
 * administrator grants it the plan-office role, and is told beside the field that they cannot take their own role
 * as its last holder.
 */
@LantuTest
class SeparationOfDutiesBrowserTest {

    @LocalServerPort int port;
    @Autowired UserRepository users;

    @Test
    void theSystemAdministratorCreatesAnAccountAndTheSecurityAdministratorGrantsItsRole() throws Exception {
        String name = "officer" + Long.toString(System.nanoTime(), 36);
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login(InitialPasswordFile.SYSTEM_ADMIN, TestUsers.initialPassword(InitialPasswordFile.SYSTEM_ADMIN));
            b.open("/admin");
            assertThat(b.driver().getCurrentUrl()).endsWith("/admin/users");
            WebElement form = b.driver().findElement(By.id("new-user"));
            form.findElement(By.name("username")).sendKeys(name);
            form.findElement(By.name("displayName")).sendKeys("新规划员");
            form.findElement(By.name("password")).sendKeys("Ij6-" + UserService.randomPassword(16));
            Select role = new Select(form.findElement(By.name("role")));
            assertThat(role.getOptions()).extracting(WebElement::getText)
                    .as("the plan-office and administrator roles are not the system administrator's to give")
                    .doesNotContain("规划管理员", "安全管理员", "审计管理员", "系统管理员").contains("领导");
            role.selectByVisibleText("领导");
            press(b, By.cssSelector("#new-user button[type=submit]"));
            assertThat(b.driver().findElement(By.cssSelector(".alert-success")).getText()).contains(name);
            b.screenshot("sod-sysadmin-users");
        }
        long id = users.findByUsername(name).orElseThrow().id();
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login(InitialPasswordFile.SECURITY_ADMIN, TestUsers.initialPassword(InitialPasswordFile.SECURITY_ADMIN));
            b.open("/admin");
            assertThat(b.driver().getCurrentUrl()).endsWith("/admin/security");
            reveal(b, By.id("role-" + name));
            new Select(b.driver().findElement(By.id("role-" + name))).selectByVisibleText("规划管理员");
            press(b, By.cssSelector("tr[data-user='" + name + "'] .role-form button"));
            assertThat(b.driver().findElement(By.id("security-message")).getText()).contains("规划管理员");
            assertThat(users.findById(id).orElseThrow().role()).isEqualTo(Role.ADMIN);

            String self = InitialPasswordFile.SECURITY_ADMIN;
            reveal(b, By.id("role-" + self));
            new Select(b.driver().findElement(By.id("role-" + self))).selectByVisibleText("领导");
            press(b, By.cssSelector("tr[data-user='" + self + "'] .role-form button"));
            assertThat(b.driver().findElement(By.cssSelector("tr[data-user='" + self + "'] .row-error")).getText())
                    .contains("唯一的安全管理员");
            reveal(b, By.cssSelector("tr[data-user='" + self + "'] .row-error"));
            b.screenshot("sod-secadmin-security");
        }
    }

    /**
     * Presses a form's button and waits for the next page. The shared context's long account lists put the button
     * below the window, where a pointer click can land on another element; the button's own click cannot.
     */
    private static void press(Browser b, By button) {
        reveal(b, button);
        org.openqa.selenium.WebElement page = b.driver().findElement(By.tagName("html"));
        ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("arguments[0].click()",
                b.driver().findElement(button));
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    /** The shared test context holds many accounts: bring the element to the middle of the window first. */
    private static void reveal(Browser b, By target) {
        ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", b.driver().findElement(target));
    }
}
