package cn.lantu.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Browser;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/** A project name is text: in the Gantt tooltip, markup in it is shown, never turned into elements. */
@LantuTest
class GanttEscapingBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void markupInAProjectNameStaysText() throws Exception {
        record Target(long id, String name, String domain) {}
        Target t = jdbc.sql("""
                SELECT p.id, p.name, d.code FROM project p JOIN project_domain d ON d.id = p.domain_id
                JOIN plan pl ON pl.id = p.plan_id WHERE pl.code = 'zhuji-15th' ORDER BY p.id""")
                .query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3))).list().get(0);
        // a bar needs dates: give the project its start and completion if it has none
        boolean added = jdbc.sql("SELECT COUNT(*) FROM project_milestone WHERE project_id = ?").param(t.id())
                .query(Long.class).single() == 0;
        if (added) {
            jdbc.sql("INSERT INTO project_milestone (project_id, kind, planned_on) VALUES (?, 'START', DATE '2026-03-01'), "
                    + "(?, 'COMPLETION', DATE '2028-12-31')").params(t.id(), t.id()).update();
        }
        String evil = "<img id=\"injected\" src=\"x\">测试项目";
        jdbc.sql("UPDATE project SET name = ? WHERE id = ?").params(evil, t.id()).update();
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.adminPassword());
            b.open("/plans/zhuji-15th/projects/gantt?domain=" + t.domain());
            JavascriptExecutor js = (JavascriptExecutor) b.driver();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js.executeScript(
                    "var c = echarts.getInstanceByDom(document.getElementById('gantt'));"
                            + "return !!c && !!c.getOption() && c.getOption().series.length > 0;")));
            Object index = js.executeScript("var c = echarts.getInstanceByDom(document.getElementById('gantt'));"
                    + "var names = c.getOption().yAxis[0].data; return names.indexOf(arguments[0]);", evil);
            assertThat(((Number) index).intValue()).as("the project is on the chart").isGreaterThanOrEqualTo(0);
            js.executeScript("var c = echarts.getInstanceByDom(document.getElementById('gantt'));"
                    + "c.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: arguments[0]});", index);
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> d.getPageSource().contains("测试项目"));
            assertThat(b.driver().findElements(By.id("injected"))).as("no element made from the name").isEmpty();
            assertThat(b.driver().getPageSource()).contains("&lt;img id=\"injected\"");
        } finally {
            jdbc.sql("UPDATE project SET name = ? WHERE id = ?").params(t.name(), t.id()).update();
            if (added) {
                jdbc.sql("DELETE FROM project_milestone WHERE project_id = ?").param(t.id()).update();
            }
        }
    }
}
