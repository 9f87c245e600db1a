package cn.lantu.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * Drafts stay with their owners: another department, a town and a supervisor read approved progress and approved
 * investment only, and unpublished report versions are for the plan office, leaders and supervisors.
 */
@LantuTest
class DraftScopingTest {

    static final String PW = "Draft-scoping-pass-1";
    static final String API = "/api/v1/plans/zhuji-15th";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    @SuppressWarnings("unchecked")
    @Test
    void anotherDepartmentReadsNoDrafts() {
        record Lead(String task, long unit) {}
        Http.ok(Http.admin(port).get(API + "/tasks")); // tasks are generated from the outline on first use
        Lead lead = jdbc.sql("""
                SELECT t.code, o.id FROM task t JOIN task_org tp ON tp.task_id = t.id AND tp.role = 'LEAD'
                JOIN org_unit o ON o.id = tp.org_unit_id JOIN plan p ON p.id = t.plan_id
                WHERE p.code = 'zhuji-15th' ORDER BY t.id""").query((rs, n) -> new Lead(rs.getString(1), rs.getLong(2)))
                .list().get(3);
        long other = jdbc.sql("SELECT o.id FROM org_unit o JOIN plan p ON p.id = o.plan_id WHERE p.code = 'zhuji-15th' "
                + "AND o.unit_type = 'DEPARTMENT' AND o.id <> ? ORDER BY o.id").param(lead.unit()).query(Long.class)
                .list().get(0);
        String suffix = Long.toString(System.nanoTime(), 36);
        users.createUser("own" + suffix, "牵头部门填报员", PW, Role.REPORTER, lead.unit());
        users.createUser("oth" + suffix, "其他部门填报员", PW, Role.REPORTER, other);
        users.createUser("sup" + suffix, "人大财经委", PW, Role.SUPERVISOR, null);
        users.createUser("ldr" + suffix, "领导", PW, Role.LEADER, null);
        Http own = Http.basic(port, "own" + suffix, PW);
        Http outsider = Http.basic(port, "oth" + suffix, PW);
        Http supervisor = Http.basic(port, "sup" + suffix, PW);

        Map<String, Object> draft = Http.JSON.readValue(Http.ok(own.postJson(API + "/tasks/" + lead.task() + "/updates",
                Map.of("year", 2027, "period", "Q3", "percent", 30, "narrative", "草稿：尚未核实", "submit", false))),
                Map.class);
        String history = API + "/task-updates/" + draft.get("id") + "/history";
        assertThat(own.getList(history)).isNotEmpty();
        assertThat(outsider.getList(history)).as("another department reads no draft").isEmpty();
        assertThat(supervisor.getList(history)).as("supervisors read approved progress only").isEmpty();
        assertThat((List<Map<String, Object>>) outsider.getMap(API + "/tasks/" + lead.task()).get("updates"))
                .noneMatch(u -> "草稿：尚未核实".equals(u.get("narrative")));
        assertThat((List<Map<String, Object>>) own.getMap(API + "/tasks/" + lead.task()).get("updates"))
                .anyMatch(u -> "草稿：尚未核实".equals(u.get("narrative")));
        assertThat(Http.session(port, "oth" + suffix, PW).page("/plans/zhuji-15th/tasks/" + lead.task()).body())
                .doesNotContain("草稿：尚未核实");

        // unpublished report versions
        Map<String, Object> version = Http.JSON.readValue(Http.ok(Http.admin(port).postJson(
                API + "/reports/annual/versions?year=2027", Map.of())), Map.class);
        String url = "/api/v1/reports/versions/" + version.get("id") + "?format=html";
        assertThat(outsider.status(url)).isEqualTo(403);
        assertThat(Http.basic(port, "ldr" + suffix, PW).status(url)).isEqualTo(200);
        assertThat(supervisor.status(url)).isEqualTo(200);
    }
}
