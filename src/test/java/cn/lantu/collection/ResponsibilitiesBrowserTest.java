package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Browser;
import cn.lantu.support.Clicks;
import cn.lantu.support.LantuDemoTest;
import cn.lantu.support.TestUsers;

/**
 * The plan office assigns target responsibilities in the page: it adds a co-operating unit to a key task and gives
 * a major project its lead and a co-operating unit, is told beside the field when an assignment breaks the rules,
 * removes a unit again, lists what one unit leads or co-operates on, and confirms default assignments in bulk.
 */
@LantuDemoTest
class ResponsibilitiesBrowserTest {

    static final String PAGE = "/admin/responsibilities";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void thePlanOfficeAddsAndRemovesCooperatingUnitsOfATask() throws Exception {
        long task = jdbc.sql("""
                SELECT t.id FROM task t JOIN task_org x ON x.task_id = t.id AND x.role = 'LEAD'
                WHERE t.active ORDER BY t.ordinal LIMIT 1""").query(Long.class).single();
        long lead = jdbc.sql("SELECT org_unit_id FROM task_org WHERE task_id = ? AND role = 'LEAD'").param(task)
                .query(Long.class).single();
        long added = otherDepartment(task);
        String addedName = unitName(added);
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.demoAdminPassword());
            b.open(PAGE + "?kind=task");
            Clicks.load(b, "edit-" + task);
            Clicks.tick(b, "coop-" + added);
            Clicks.load(b, "duty-save");
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("已保存");
            WebElement row = b.driver().findElement(By.id("item-" + task));
            assertThat(row.findElement(By.cssSelector(".cooperating")).getText()).contains(addedName);
            assertThat(row.findElement(By.cssSelector(".state")).getText()).isEqualTo("已确认");

            // the lead cannot co-operate too: the message beside the field, the user's choices kept, nothing saved
            b.open(PAGE + "/task/" + task);
            Clicks.tick(b, "coop-" + lead);
            Clicks.load(b, "duty-save");
            assertThat(b.driver().findElement(By.id("error-cooperating")).getText()).contains("不能同时是配合单位");
            assertThat(b.driver().findElement(By.id("coop-" + added)).isSelected()).isTrue();
            b.screenshot("responsibilities-task-error");

            // no lead at all: told beside the lead field
            new Select(b.driver().findElement(By.id("lead"))).selectByValue("");
            Clicks.tick(b, "coop-" + lead);
            Clicks.load(b, "duty-save");
            assertThat(b.driver().findElement(By.id("error-lead")).getText()).contains("有且只有一个牵头单位");
            assertThat(parties(task)).as("nothing saved while the form is wrong").contains(added);

            // remove the unit added
            new Select(b.driver().findElement(By.id("lead"))).selectByValue(String.valueOf(lead));
            Clicks.tick(b, "coop-" + added);
            Clicks.load(b, "duty-save");
            assertThat(b.driver().findElement(By.id("item-" + task)).findElement(By.cssSelector(".cooperating"))
                    .getText()).doesNotContain(addedName);
        }
        assertThat(parties(task)).doesNotContain(added).contains(lead);
        List<String> details = jdbc.sql("SELECT detail FROM audit_log WHERE action = 'RESPONSIBILITY_UPDATE' "
                + "AND subject LIKE ? ORDER BY id").param("task:" + task + " %").query(String.class).list();
        assertThat(details).hasSize(2);
        assertThat(details.get(0)).as("before and after by unit name").contains("配合：").contains(addedName)
                .contains("→");
    }

    @Test
    void thePlanOfficeGivesAProjectItsUnitsAndFiltersByUnit() throws Exception {
        long project = jdbc.sql("SELECT id FROM project WHERE dept_id IS NULL ORDER BY ordinal LIMIT 1")
                .query(Long.class).single();
        List<Long> depts = jdbc.sql("SELECT id FROM org_unit WHERE unit_type = 'DEPARTMENT' ORDER BY ordinal DESC LIMIT 2")
                .query(Long.class).list();
        long lead = depts.get(0);
        long coop = depts.get(1);
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.demoAdminPassword());
            b.open(PAGE + "?kind=project");
            assertThat(b.driver().findElement(By.id("item-" + project)).findElement(By.cssSelector(".state"))
                    .getText()).isEqualTo("未分工");
            Clicks.load(b, "edit-" + project);
            new Select(b.driver().findElement(By.id("lead"))).selectByValue(String.valueOf(lead));
            Clicks.tick(b, "coop-" + coop);
            Clicks.load(b, "duty-save");
            WebElement row = b.driver().findElement(By.id("item-" + project));
            assertThat(row.findElement(By.cssSelector(".lead-unit")).getText()).isEqualTo(unitName(lead));
            assertThat(row.findElement(By.cssSelector(".cooperating")).getText()).isEqualTo(unitName(coop));

            // what the co-operating unit takes part in
            new Select(b.driver().findElement(By.id("filter-unit"))).selectByValue(String.valueOf(coop));
            Clicks.load(b, "filter-apply");
            List<WebElement> rows = b.driver().findElements(By.cssSelector("#responsibilities tbody tr"));
            long expected = jdbc.sql("SELECT COUNT(*) FROM project p WHERE p.dept_id = ? OR EXISTS (SELECT 1 FROM "
                    + "project_org x WHERE x.project_id = p.id AND x.org_unit_id = ?)").params(coop, coop)
                    .query(Long.class).single();
            assertThat(rows).hasSize((int) expected);
            assertThat(b.driver().findElement(By.id("item-" + project)).findElement(By.cssSelector(".unit-role"))
                    .getText()).isEqualTo("配合");
            b.screenshot("responsibilities-project-filtered");
        }
        assertThat(jdbc.sql("SELECT dept_id FROM project WHERE id = ?").param(project).query(Long.class).single())
                .as("the lead is the unit that reports on the project").isEqualTo(lead);
    }

    @Test
    void thePlanOfficeConfirmsDefaultAssignmentsInBulk() throws Exception {
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.demoAdminPassword());
            b.open(PAGE + "?kind=indicator&pending=true");
            List<String> ids = b.driver().findElements(By.cssSelector("#responsibilities tbody tr")).stream()
                    .map(r -> r.getAttribute("id").substring("item-".length())).toList();
            assertThat(ids).as("the loaded plan's assignments wait for confirmation").hasSizeGreaterThan(3);
            b.open(PAGE + "?kind=indicator");
            assertThat(state(b, ids.get(0))).isEqualTo("默认分工，待确认");

            Clicks.load(b, "confirm-selected");
            assertThat(b.driver().findElement(By.id("confirm-error")).getText()).contains("请先勾选");

            Clicks.tick(b, "pick-" + ids.get(0));
            Clicks.tick(b, "pick-" + ids.get(1));
            Clicks.load(b, "confirm-selected");
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("已确认2项默认分工");
            assertThat(state(b, ids.get(0))).isEqualTo("已确认");
            assertThat(state(b, ids.get(1))).isEqualTo("已确认");
            assertThat(state(b, ids.get(2))).as("the others stay marked").isEqualTo("默认分工，待确认");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM responsibility WHERE is_default AND indicator_id IN (?, ?)")
                    .params(Long.parseLong(ids.get(0)), Long.parseLong(ids.get(1))).query(Long.class).single())
                    .isZero();
            b.screenshot("responsibilities-confirmed");

            // every pending task one unit leads or co-operates on, at once
            long unit = jdbc.sql("""
                    SELECT x.org_unit_id FROM task_org x JOIN task t ON t.id = x.task_id
                    WHERE t.active AND x.is_default GROUP BY x.org_unit_id ORDER BY COUNT(*) LIMIT 1""")
                    .query(Long.class).single();
            b.open(PAGE + "?kind=task&pending=true&unit=" + unit);
            int shown = b.driver().findElements(By.cssSelector("#responsibilities tbody tr")).size();
            assertThat(shown).isPositive();
            Clicks.load(b, "confirm-shown");
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("已确认" + shown + "项");
            assertThat(b.driver().findElements(By.cssSelector("#responsibilities tbody tr"))).isEmpty();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'RESPONSIBILITY_CONFIRM' AND detail LIKE ?")
                .param("确认默认分工：牵头 %").query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    private String state(Browser b, String id) {
        return b.driver().findElement(By.id("item-" + id)).findElement(By.cssSelector(".state")).getText().strip();
    }

    private long otherDepartment(long task) {
        return jdbc.sql("""
                SELECT id FROM org_unit WHERE unit_type = 'DEPARTMENT' AND plan_id = (SELECT plan_id FROM task WHERE id = ?)
                  AND id NOT IN (SELECT org_unit_id FROM task_org WHERE task_id = ?) ORDER BY ordinal LIMIT 1""")
                .params(task, task).query(Long.class).single();
    }

    private List<Long> parties(long task) {
        return jdbc.sql("SELECT org_unit_id FROM task_org WHERE task_id = ?").param(task).query(Long.class).list();
    }

    private String unitName(long id) {
        return jdbc.sql("SELECT name FROM org_unit WHERE id = ?").param(id).query(String.class).single();
    }
}
