package cn.lantu.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** Clicks on long pages: the element is first scrolled to the middle, away from the fixed navigation bar. */
public final class Clicks {

    private Clicks() {}

    /** Ticks a checkbox (or clicks anything that stays on the page). */
    public static void tick(Browser b, String id) {
        centre(b, id).click();
    }

    /** Clicks a link or submit button that loads a new page, and waits for it. */
    public static void load(Browser b, String id) {
        centre(b, id);
        b.clickAndLoad(By.id(id));
    }

    private static WebElement centre(Browser b, String id) {
        WebElement e = b.driver().findElement(By.id(id));
        ((JavascriptExecutor) b.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        return e;
    }
}
