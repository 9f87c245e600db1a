package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * Writes without a version (security issue, item 5): an API write of an existing figure without {@code version}
 * used to overwrite silently (6 of 20 concurrent writers succeeded); now it is refused with 409 and "请带上版本号",
 * exactly one of 20 writers with the version read succeeds, and the page form (which sends the version in a
 * hidden field) keeps working.
 */
@LantuTest
class VersionRequiredTest {

    static final String API = "/api/v1/plans/zhuji-15th";
    /** An indicator no other test of the shared context writes. */
    static final String CODE = "ZJT009";
    static final int YEAR = 2026;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    Map<String, Object> entry(Object value, Integer version) {
        Map<String, Object> m = new HashMap<>(Map.of("indicator", CODE, "year", YEAR, "period", "Y",
                "value", String.valueOf(value)));
        if (version != null) {
            m.put("version", version);
        }
        return m;
    }

    Map<String, Object> stored(long id) {
        return jdbc.sql("SELECT num_value, version FROM figure WHERE id = ?").param(id).query().singleRow();
    }

    List<HttpResponse<String>> concurrently(List<Http> writers, Integer version) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < writers.size(); i++) {
                Http w = writers.get(i);
                double value = 500 + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return w.postJson(API + "/figures", entry(value, version));
                }));
            }
            start.countDown();
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anUpdateWithoutTheVersionIsRefusedAndOnlyOneOfTwentyWritersWins() throws Exception {
        ReportingFixture fx = new ReportingFixture(port, jdbc, users);
        fx.openPeriod(YEAR, "Y");
        long unit = fx.leadOf(CODE);
        List<Http> writers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            writers.add(fx.as(fx.user("ver" + i, Role.REPORTER, unit)));
        }
        Long existing = jdbc.sql("SELECT f.id FROM figure f JOIN indicator i ON i.id = f.indicator_id JOIN org_unit o "
                + "ON o.id = f.org_unit_id WHERE i.code = ? AND f.report_year = ? AND f.period = 'Y' "
                + "AND f.demo = FALSE AND o.unit_type = 'CITY'").params(CODE, YEAR).query(Long.class).optional()
                .orElse(null);
        long id;
        if (existing == null) {
            HttpResponse<String> created = writers.get(0).postJson(API + "/figures", entry(480, null));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            id = ReportingFixture.figureId(created);
        } else {
            id = existing;
        }
        Map<String, Object> before = stored(id);

        // 20 writers without a version: none overwrites
        List<HttpResponse<String>> blind = concurrently(writers, null);
        for (HttpResponse<String> r : blind) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
            assertThat(r.body()).contains("请带上版本号");
        }
        assertThat(stored(id)).isEqualTo(before);

        // 20 writers with the version they read: exactly one wins, the others are told of the conflict
        int version = ((Number) before.get("version")).intValue();
        List<HttpResponse<String>> informed = concurrently(writers, version);
        assertThat(informed.stream().filter(r -> r.statusCode() == 200).count()).isEqualTo(1);
        assertThat(informed.stream().filter(r -> r.statusCode() == 409).count()).isEqualTo(19);
        assertThat(((Number) stored(id).get("version")).intValue()).isEqualTo(version + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM figure_revision WHERE figure_id = ? AND version = ?")
                .params(id, version + 1).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWorkflowMoveWithoutTheVersionIsRefusedAndAStaleOneToo() {
        ReportingFixture fx = new ReportingFixture(port, jdbc, users);
        fx.openPeriod(YEAR, "Y");
        String code = "ZJT011";
        Http reporter = fx.as(fx.user("vermove", Role.REPORTER, fx.leadOf(code)));
        HttpResponse<String> saved = reporter.postJson(API + "/figures", new HashMap<>(Map.of("indicator", code,
                "year", YEAR, "period", "Y", "value", "77")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        long id = ReportingFixture.figureId(saved);
        int version = ((Number) stored(id).get("version")).intValue();

        HttpResponse<String> blind = reporter.postJson("/api/v1/figures/" + id + "/submit", Map.of("explanation", "核实"));
        assertThat(blind.statusCode()).isEqualTo(409);
        assertThat(blind.body()).contains("请带上版本号");
        HttpResponse<String> stale = reporter.postJson("/api/v1/figures/" + id + "/submit",
                Map.of("explanation", "核实", "version", version - 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT state FROM figure WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("DRAFT");
        assertThat(reporter.postJson("/api/v1/figures/" + id + "/submit",
                Map.of("explanation", "核实", "version", version)).statusCode()).isEqualTo(200);
    }

    @Test
    void thePageFormSendsTheVersionAndKeepsWorking() {
        ReportingFixture fx = new ReportingFixture(port, jdbc, users);
        fx.openPeriod(YEAR, "Y");
        String code = "ZJT010";
        String name = fx.user("verform", Role.REPORTER, fx.leadOf(code));
        Http page = Http.session(port, name, ReportingFixture.PASSWORD);
        String form = "/plans/zhuji-15th/reporting/form";
        String url = form + "?indicator=" + code + "&year=" + YEAR + "&period=Y";
        String html = Http.ok(page.page(url));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        Map<String, String> fields = new HashMap<>(Map.of("indicator", code, "year", String.valueOf(YEAR),
                "period", "Y", "value", "321.5", "action", "save"));
        if (m.find()) {
            fields.put("version", m.group(1));
            fields.put("reason", "核实");
        }
        assertThat(page.postForm(form, fields).statusCode()).isEqualTo(302);
        long id = jdbc.sql("SELECT f.id FROM figure f JOIN indicator i ON i.id = f.indicator_id JOIN org_unit o "
                + "ON o.id = f.org_unit_id WHERE i.code = ? AND f.report_year = ? AND f.period = 'Y' "
                + "AND f.demo = FALSE AND o.unit_type = 'CITY'").params(code, YEAR).query(Long.class).single();
        assertThat(((Number) stored(id).get("num_value")).doubleValue()).isEqualTo(321.5);

        // the form of the existing figure carries its version; saving and submitting through it works
        String again = Http.ok(page.page(url));
        java.util.regex.Matcher v = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(again);
        assertThat(v.find()).as("hidden version field").isTrue();
        assertThat(Integer.parseInt(v.group(1))).isEqualTo(((Number) stored(id).get("version")).intValue());
        assertThat(page.postForm(form, Map.of("indicator", code, "year", String.valueOf(YEAR), "period", "Y",
                "value", "322.5", "version", v.group(1), "explanation", "核实", "action", "submit")).statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT state FROM figure WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("SUBMITTED");
        assertThat(((Number) stored(id).get("num_value")).doubleValue()).isEqualTo(322.5);
        assertThat(Http.ok(page.page(url))).contains("已提交");

        // a form posted without the version (an old page, a script) changes nothing and says why
        Map<String, Object> before = stored(id);
        HttpResponse<String> blind = page.postForm(form, Map.of("indicator", code, "year", String.valueOf(YEAR),
                "period", "Y", "value", "999", "action", "save"));
        assertThat(blind.statusCode()).isEqualTo(302);
        assertThat(stored(id)).isEqualTo(before);
        assertThat(Http.ok(page.page(url))).contains("请带上版本号");
    }
}
