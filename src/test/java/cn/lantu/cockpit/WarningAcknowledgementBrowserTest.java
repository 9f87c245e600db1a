package cn.lantu.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.plan.PlanChanges;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Browser;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;
import cn.lantu.support.TestUsers;
import tools.jackson.core.type.TypeReference;

/**
 * Warnings that mean something (issue 17): every warning in the cockpit's list says why, since when and who must
 * act; the plan office acknowledges one with a note (已知悉，原因…) and it leaves the top list but stays visible,
 * marked; a changed status raises it again. The API mirrors the page.
 */
@LantuDemoTest
class WarningAcknowledgementBrowserTest {

    static final int YEAR = 2028;
    static final String COCKPIT = "/plans/zhuji-15th/cockpit?year=" + YEAR;
    static final String API = "/api/v1/plans/zhuji-15th/warnings";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PlanChanges changes;
    @Autowired UserService users;

    @AfterEach
    void cleanUp() {
        // other classes share this context: leave no acknowledgement or override behind
        jdbc.sql("DELETE FROM warning_ack").update();
        jdbc.sql("DELETE FROM status_override WHERE reason LIKE '预警测试%'").update();
        jdbc.sql("SELECT id FROM plan").query(Long.class).list().forEach(changes::touch);
    }

    private List<Map<String, Object>> warnings(Http admin) {
        var r = admin.get(API + "?year=" + YEAR);
        assertThat(r.statusCode()).isEqualTo(200);
        return Http.JSON.readValue(r.body(), new TypeReference<List<Map<String, Object>>>() {});
    }

    @Test
    void thePlanOfficeAcknowledgesAWarningAndAChangedStatusBringsItBack() throws Exception {
        Http admin = Http.demoAdmin(port);
        Map<String, Object> target = warnings(admin).stream()
                .filter(w -> "INDICATOR".equals(w.get("subject")) && "RED".equals(w.get("level"))).findFirst()
                .orElseThrow();
        String code = (String) target.get("code");
        String status = ((String) target.get("status")).split("/")[0];
        String key = "INDICATOR-" + code;
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.demoAdminPassword());
            b.open(COCKPIT);
            WebElement item = b.driver().findElement(By.cssSelector("#red-list #warning-" + key));
            // why, since when, who must act
            assertThat(item.findElement(By.cssSelector(".warning-why")).getText()).isNotBlank()
                    .isEqualTo(target.get("why"));
            assertThat(item.findElement(By.cssSelector(".warning-since")).getText()).matches("自\\d{4}年\\d{1,2}月\\d{1,2}日起");
            assertThat(item.findElement(By.cssSelector(".warning-lead")).getText()).startsWith("责任单位：")
                    .contains((String) target.get("lead"));

            // no reason given: the message beside the field, nothing saved
            b.driver().findElement(By.id("ack-open-" + key)).click();
            b.clickAndLoad(By.id("ack-save-" + key));
            assertThat(b.driver().findElement(By.id("ack-error-" + key)).getText()).contains("请填写已知悉的原因");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM warning_ack").query(Long.class).single()).isZero();

            WebElement note = b.driver().findElement(By.id("ack-note-" + key));
            note.sendKeys("已知悉，原因：2028年数据为快报数，待年报修正后复核");
            b.screenshot("warning-acknowledge-form");
            b.clickAndLoad(By.id("ack-save-" + key));
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("已确认知悉", "移出预警清单");
            // off the top list, still visible below with the note, who and when
            assertThat(b.driver().findElements(By.cssSelector("#red-warnings #warning-" + key + ", #yellow-warnings #warning-" + key)))
                    .isEmpty();
            WebElement known = b.driver().findElement(By.cssSelector("#acknowledged-list #warning-" + key));
            assertThat(known.getText()).contains("已知悉", "待年报修正后复核", "admin");
            b.screenshot("warning-acknowledged");

            // the plan home lists it the same way
            b.open("/plans/zhuji-15th");
            assertThat(b.driver().findElements(By.cssSelector("#top-warnings #warning-" + key))).isEmpty();
            assertThat(b.driver().findElements(By.cssSelector("#acknowledged-list #warning-" + key))).hasSize(1);

            // the status changes (the plan office overrides it): the warning is raised again
            String other = "SEVERELY_LAGGING".equals(status) ? "LAGGING" : "SEVERELY_LAGGING";
            var override = admin.postJson("/api/v1/plans/zhuji-15th/indicators/" + code + "/status-override",
                    Map.of("year", YEAR, "status", other, "reason", "预警测试：状态变化"));
            assertThat(override.statusCode()).isEqualTo(200);
            b.open(COCKPIT);
            assertThat(b.driver().findElements(By.cssSelector("#red-warnings #warning-" + key + ", #yellow-warnings #warning-" + key)))
                    .hasSize(1);
            assertThat(b.driver().findElements(By.cssSelector("#acknowledged-list #warning-" + key))).isEmpty();
            b.screenshot("warning-raised-again");
        }
        long id = jdbc.sql("SELECT id FROM indicator WHERE code = ? AND plan_id = (SELECT id FROM plan WHERE code = 'zhuji-15th')")
                .param(code).query(Long.class).single();
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'WARNING_ACKNOWLEDGE' AND subject = ?"
                        + " AND detail LIKE '%快报数%'").param("indicator:" + id).query(String.class).list())
                .singleElement().asString().contains(YEAR + "年指标“", "红色预警已知悉：已知悉，原因：2028年数据为快报数");
        Map<String, Object> again = warnings(admin).stream().filter(w -> code.equals(w.get("code"))).findFirst().orElseThrow();
        assertThat(again.get("acknowledged")).isEqualTo(false);
        assertThat(again.get("status")).asString().startsWith(other(status));
    }

    private static String other(String status) {
        return "SEVERELY_LAGGING".equals(status) ? "LAGGING" : "SEVERELY_LAGGING";
    }

    /** The unit page lists the warnings on what the unit leads, each with why, since when and who must act. */
    @Test
    void theUnitPageListsTheWarningsItMustActOn() {
        Http admin = Http.demoAdmin(port);
        int year = Http.JSON.readValue(admin.get("/api/v1/plans/zhuji-15th/cockpit").body(), Map.class)
                .get("year") instanceof Number n ? n.intValue() : YEAR;
        var r = admin.get(API + "?year=" + year);
        List<Map<String, Object>> all = Http.JSON.readValue(r.body(), new TypeReference<List<Map<String, Object>>>() {});
        Map<String, Object> w = all.stream().filter(x -> x.get("lead") != null).findFirst().orElseThrow();
        String unit = jdbc.sql("SELECT code FROM org_unit WHERE name = ? AND plan_id = (SELECT id FROM plan WHERE code = 'zhuji-15th')")
                .param(w.get("lead")).query(String.class).list().get(0);
        String page = Http.demoAdminSession(port).page("/plans/zhuji-15th/units/" + unit).body();
        assertThat(page).contains("id=\"warning-" + w.get("subject") + "-" + w.get("code") + "\"",
                "责任单位：" + w.get("lead"), (String) w.get("why"));
        for (Map<String, Object> other : all) {
            if (!w.get("lead").equals(other.get("lead"))) {
                assertThat(page).as("only what the unit leads").doesNotContain("id=\"warning-" + other.get("subject")
                        + "-" + other.get("code") + "\"");
            }
        }
    }

    @Test
    void theApiListsAndAcknowledgesLikeThePage() {
        Http admin = Http.demoAdmin(port);
        List<Map<String, Object>> all = warnings(admin);
        assertThat(all).isNotEmpty();
        for (Map<String, Object> w : all) {
            assertThat((String) w.get("why")).as("why, in one sentence").isNotBlank().doesNotContain("\n");
            assertThat((String) w.get("since")).as("since when").isNotBlank();
            assertThat(w).containsKey("lead");
            assertThat(w.get("level")).isIn("RED", "YELLOW");
        }
        Map<String, Object> w = all.stream().filter(x -> !"INDICATOR".equals(x.get("subject"))).findFirst()
                .orElse(all.get(0));
        String path = API + "/" + w.get("subject") + "/" + w.get("code") + "/acknowledgement";

        var blank = admin.postJson(path, Map.of("year", YEAR, "note", " ", "version", 0));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("note", "请填写已知悉的原因");
        var stale = admin.postJson(path, Map.of("year", YEAR, "note", "已知悉", "version", 3));
        assertThat(stale.statusCode()).isEqualTo(409);

        String reporter = "warn-rep-" + System.nanoTime() % 1_000_000;
        users.createUser(reporter, "测试填报员", "warning-test-pass-1", Role.REPORTER, null);
        assertThat(Http.basic(port, reporter, "warning-test-pass-1")
                .postJson(path, Map.of("year", YEAR, "note", "已知悉", "version", 0)).statusCode()).isEqualTo(403);

        var ok = admin.postJson(path, Map.of("year", YEAR, "note", "已知悉，原因：用地指标待省里批复", "version", 0));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"acknowledged\":true", "用地指标待省里批复", "\"version\":1");
        Map<String, Object> listed = warnings(admin).stream()
                .filter(x -> x.get("code").equals(w.get("code")) && x.get("subject").equals(w.get("subject")))
                .findFirst().orElseThrow();
        assertThat(listed.get("acknowledged")).isEqualTo(true);
        assertThat(listed.get("acknowledgedBy")).isEqualTo("admin");
        // the same version again is stale now
        assertThat(admin.postJson(path, Map.of("year", YEAR, "note", "再次", "version", 0)).statusCode()).isEqualTo(409);
        // an item that carries no warning cannot be acknowledged
        assertThat(admin.postJson(API + "/TASK/NO-SUCH-TASK/acknowledgement",
                Map.of("year", YEAR, "note", "已知悉", "version", 0)).statusCode()).isEqualTo(404);
    }
}
