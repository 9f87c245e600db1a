package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * Input bounds (security issue, item 4): years outside the plan, Infinity, NUL bytes, over-long texts, huge JSON
 * bodies and huge evaluations are refused with 400/413 and a Chinese message, and no error body names a Java or
 * Jackson class.
 */
@LantuTest
class InputBoundsTest {

    static final String API = "/api/v1/plans/zhuji-15th";
    static final String CODE = "ZJ13";
    static final int YEAR = 2026;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    ReportingFixture fx;
    String reporter;

    @BeforeEach
    void setUp() {
        fx = new ReportingFixture(port, jdbc, users);
        fx.openPeriod(YEAR, "Y");
        reporter = fx.user("bounds", Role.REPORTER, fx.leadOf(CODE));
    }

    Map<String, Object> entry(Object year, Object value) {
        Map<String, Object> m = new HashMap<>(Map.of("indicator", CODE, "period", "Y", "value", value));
        if (year != null) {
            m.put("year", year);
        }
        return m;
    }

    /** No Java or Jackson class, no stack trace, no parser message in an error body. */
    static void clean(HttpResponse<String> r) {
        assertThat(r.body()).doesNotContain("tools.jackson", "com.fasterxml", "Exception", "java.", "jakarta.",
                "at [Source", "line:", "column:");
    }

    HttpResponse<String> raw(String user, String password, String method, String path, String json) {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> asReporter(String method, String path, String json) {
        return raw(reporter, ReportingFixture.PASSWORD, method, path, json);
    }

    @Test
    void yearsOutsideThePlanAreRefusedWith400() {
        long before = jdbc.sql("SELECT COUNT(*) FROM figure").query(Long.class).single();
        for (Http who : List.of(fx.as(reporter), Http.admin(port))) {
            for (Object year : List.of(0, -5, 99999, 2147483647, 2024, 2031)) {
                HttpResponse<String> r = who.postJson(API + "/figures", entry(year, "66"));
                assertThat(r.statusCode()).as(year + ": " + r.body()).isEqualTo(400);
                assertThat(r.body()).contains("年份", "2025–2030");
                clean(r);
            }
            HttpResponse<String> none = who.postJson(API + "/figures", entry(null, "66"));
            assertThat(none.statusCode()).as(none.body()).isEqualTo(400);
            assertThat(none.body()).contains("请填写年份");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM figure").query(Long.class).single()).isEqualTo(before);
        // a year beyond int, a year that is not a number: named, without the parser's words
        HttpResponse<String> huge = asReporter("POST", API + "/figures",
                "{\"indicator\":\"ZJ13\",\"year\":2147483648,\"period\":\"Y\",\"value\":\"1\"}");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("year", "超出范围");
        clean(huge);
        HttpResponse<String> text = asReporter("POST", API + "/figures",
                "{\"indicator\":\"ZJ13\",\"year\":\"二〇二六\",\"period\":\"Y\",\"value\":\"1\"}");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("year");
        clean(text);
        HttpResponse<String> broken = asReporter("POST", API + "/figures", "{\"indicator\": ");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("请求内容无法解析");
        clean(broken);
        // query parameters and the other year inputs
        for (String path : List.of(API + "/figures?year=99999", API + "/figures?year=-5", API + "/figures?period=Q9",
                API + "/reporting/template.xlsx?year=0", API + "/reporting/template.xlsx?year=2147483647",
                API + "/indicators/ZJ01/towns?year=99999")) {
            HttpResponse<String> r = fx.as(reporter).get(path);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).containsAnyOf("年份", "期间");
            clean(r);
        }
        HttpResponse<String> notInt = fx.as(reporter).get(API + "/figures?year=2147483648");
        assertThat(notInt.statusCode()).isEqualTo(400);
        assertThat(notInt.body()).contains("year", "应为整数");
        clean(notInt);
        for (Map<String, Object> period : List.<Map<String, Object>>of(
                Map.of("year", 99999, "period", "Y", "dueDate", "2027-01-31", "open", true),
                Map.of("year", -5, "period", "Y", "dueDate", "2027-01-31", "open", true),
                Map.of("year", 2026, "period", "Q9", "dueDate", "2027-01-31", "open", true),
                Map.of("year", 2026, "period", "Y", "open", true))) {
            HttpResponse<String> r = Http.admin(port).postJson(API + "/reporting/periods", period);
            assertThat(r.statusCode()).as(period + " " + r.body()).isEqualTo(400);
            clean(r);
        }
    }

    @Test
    void infinityNulBytesAndOverLongTextsAreRefusedWith400() {
        for (String value : List.of("Infinity", "-Infinity", "NaN", "1e308", "1e999")) {
            HttpResponse<String> r = fx.as(reporter).postJson(API + "/figures", entry(YEAR, value));
            assertThat(r.statusCode()).as(value + " " + r.body()).isIn(400, 422);
            assertThat(r.body()).containsAnyOf("不是数字", "不是有效数字");
        }
        Map<String, Object> nulCode = entry(YEAR, "66");
        nulCode.put("indicator", "ZJ13\u0000");
        Map<String, Object> nulNote = entry(YEAR, "66");
        nulNote.put("note", "说明\u0000");
        Map<String, Object> nulPeriod = entry(YEAR, "66");
        nulPeriod.put("period", "Y\u0000");
        Map<String, Object> longNote = entry(YEAR, "66");
        longNote.put("note", "长".repeat(2001));
        Map<String, Object> longSource = entry(YEAR, "66");
        longSource.put("source", "源".repeat(501));
        Map<String, Object> longExplanation = entry(YEAR, "66");
        longExplanation.put("explanation", "释".repeat(2001));
        Map<String, Object> longReason = entry(YEAR, "66");
        longReason.put("reason", "因".repeat(2001));
        long before = jdbc.sql("SELECT COUNT(*) FROM figure").query(Long.class).single();
        for (Map<String, Object> body : List.of(nulCode, nulNote, nulPeriod, longNote, longSource, longExplanation,
                longReason)) {
            HttpResponse<String> r = fx.as(reporter).postJson(API + "/figures", body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).containsAnyOf("控制字符", "不能超过");
            clean(r);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM figure").query(Long.class).single()).isEqualTo(before);
        // exactly 2,000 characters of note is fine (an indicator no other test of the shared context writes)
        String fitCode = "ZJT003";
        String fitReporter = fx.user("fits", Role.REPORTER, fx.leadOf(fitCode));
        Map<String, Object> fits = entry(YEAR, "12");
        fits.put("indicator", fitCode);
        fits.put("note", "长".repeat(2000));
        jdbc.sql("SELECT f.version FROM figure f JOIN indicator i ON i.id = f.indicator_id JOIN org_unit o "
                + "ON o.id = f.org_unit_id WHERE i.code = ? AND f.report_year = ? AND f.period = 'Y' AND f.demo = FALSE "
                + "AND o.unit_type = 'CITY'").params(fitCode, YEAR).query(Integer.class).optional()
                .ifPresent(v -> fits.put("version", v));
        HttpResponse<String> ok = fx.as(fitReporter).postJson(API + "/figures", fits);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        long id = ReportingFixture.figureId(ok);
        HttpResponse<String> submit = fx.as(fitReporter).move(id, "submit", Map.of("explanation", "释".repeat(2001)));
        assertThat(submit.statusCode()).isEqualTo(400);
        assertThat(submit.body()).contains("不能超过2000字");
    }

    @Test
    void hugeJsonBodiesAreRefusedWith413() throws Exception {
        // 20 MB in a note, with a Content-Length
        String big = "{\"indicator\":\"ZJ13\",\"year\":2026,\"period\":\"Y\",\"value\":\"1\",\"note\":\""
                + "x".repeat(20 << 20) + "\"}";
        HttpResponse<String> r = asReporter("POST", API + "/figures", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("请求内容过大");
        clean(r);
        // 2 MB without a length (chunked): counted as it is read
        byte[] chunked = ("{\"indicator\":\"ZJ13\",\"year\":2026,\"period\":\"Y\",\"value\":\"1\",\"note\":\""
                + "y".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + API + "/figures"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (reporter + ":" + ReportingFixture.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(chunked)))
                .build();
        HttpResponse<String> c = HttpClient.newHttpClient().send(req,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(c.statusCode()).as(c.body()).isEqualTo(413);
        assertThat(c.body()).contains("请求内容过大");
        clean(c);
    }

    static Map<String, Object> indicator() {
        Map<String, Object> i = new HashMap<>();
        i.put("code", "T1");
        i.put("kind", "LEVEL");
        i.put("baseYear", 2025);
        i.put("baseValue", 10.0);
        i.put("targetYear", 2030);
        i.put("targetValue", 20.0);
        return i;
    }

    static List<Map<String, Object>> observations(int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(Map.of("year", 2026 + k % 5, "value", 11.0 + k % 7));
        }
        return out;
    }

    @Test
    void evaluationsAreBounded() {
        Http any = fx.as(reporter);
        HttpResponse<String> fine = any.postJson("/api/v1/assessment/evaluate",
                Map.of("indicator", indicator(), "observations", observations(100), "asOfYear", 2028));
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
        HttpResponse<String> many = any.postJson("/api/v1/assessment/evaluate",
                Map.of("indicator", indicator(), "observations", observations(101), "asOfYear", 2028));
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(many.body()).contains("观测值最多100个");
        clean(many);
        // the report's 200,000 observations do not get as far as the parser
        HttpResponse<String> huge = any.postJson("/api/v1/assessment/evaluate",
                Map.of("indicator", indicator(), "observations", observations(200_000), "asOfYear", 2028));
        assertThat(huge.statusCode()).isIn(400, 413);
        clean(huge);
        Map<String, Object> farYear = indicator();
        farYear.put("targetYear", 2147483647);
        HttpResponse<String> year = any.postJson("/api/v1/assessment/evaluate",
                Map.of("indicator", farYear, "observations", observations(3), "asOfYear", 2028));
        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(year.body()).contains("1900–2100");
        HttpResponse<String> asOf = any.postJson("/api/v1/assessment/evaluate",
                Map.of("indicator", indicator(), "observations", observations(3), "asOfYear", -5));
        assertThat(asOf.statusCode()).isEqualTo(400);
        HttpResponse<String> kind = any.postJson("/api/v1/assessment/evaluate",
                Map.of("indicator", Map.of("code", "X", "kind", "SPEED"), "asOfYear", 2028));
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("indicator.kind", "SPEED", "LEVEL");
        clean(kind);
        for (String infinite : List.of("\"Infinity\"", "\"NaN\"", "1e309")) {
            HttpResponse<String> r = asReporter("POST", "/api/v1/assessment/evaluate",
                    "{\"indicator\":{\"code\":\"T1\",\"kind\":\"LEVEL\",\"baseYear\":2025,\"baseValue\":" + infinite
                            + ",\"targetYear\":2030,\"targetValue\":20},\"observations\":[{\"year\":2026,\"value\":"
                            + infinite + "}],\"asOfYear\":2028}");
            assertThat(r.statusCode()).as(infinite + " " + r.body()).isEqualTo(400);
            clean(r);
        }
    }

    @Test
    void figuresBelongToTheCityOrATownWithABreakdownForTheAdministratorToo() {
        Http admin = Http.admin(port);
        String department = jdbc.sql("""
                SELECT o.code FROM org_unit o JOIN plan p ON p.id = o.plan_id WHERE p.code = 'zhuji-15th'
                   AND o.unit_type = 'DEPARTMENT' ORDER BY o.ordinal""").query(String.class).list().get(0);
        String town = jdbc.sql("""
                SELECT o.code FROM org_unit o JOIN plan p ON p.id = o.plan_id WHERE p.code = 'zhuji-15th'
                   AND o.unit_type = 'TOWN' ORDER BY o.ordinal""").query(String.class).list().get(0);
        String noTowns = jdbc.sql("""
                SELECT i.code FROM indicator i JOIN plan p ON p.id = i.plan_id
                  JOIN responsibility r ON r.indicator_id = i.id AND r.role = 'LEAD' AND r.town_breakdown = 'NONE'
                 WHERE p.code = 'zhuji-15th' AND i.kind = 'LEVEL' AND i.unit = '%' ORDER BY i.code""")
                .query(String.class).list().get(0);
        Map<String, Object> onDepartment = entry(YEAR, "50");
        onDepartment.put("indicator", noTowns);
        onDepartment.put("unit", department);
        HttpResponse<String> d = admin.postJson(API + "/figures", onDepartment);
        assertThat(d.statusCode()).as(d.body()).isEqualTo(422);
        assertThat(d.body()).contains("不能属于部门");
        Map<String, Object> onTown = entry(YEAR, "50");
        onTown.put("indicator", noTowns);
        onTown.put("unit", town);
        HttpResponse<String> t = admin.postJson(API + "/figures", onTown);
        assertThat(t.statusCode()).as(t.body()).isEqualTo(422);
        assertThat(t.body()).contains("不分解到镇街");
        // a reporter of the lead department naming the department itself
        String lead = fx.unitCode(fx.leadOf(noTowns));
        Map<String, Object> own = entry(YEAR, "50");
        own.put("indicator", noTowns);
        own.put("unit", lead);
        HttpResponse<String> o = fx.as(fx.user("deptfig", Role.REPORTER, fx.leadOf(noTowns)))
                .postJson(API + "/figures", own);
        assertThat(o.statusCode()).as(o.body()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM figure f JOIN org_unit o ON o.id = f.org_unit_id "
                + "WHERE o.unit_type IN ('DEPARTMENT', 'AREA')").query(Long.class).single()).isZero();
    }
}
