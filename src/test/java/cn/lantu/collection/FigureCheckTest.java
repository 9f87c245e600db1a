package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.AfterEach;
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
 * The plan office's stored checks run wherever a figure comes from: the API (and so the form), the Excel template
 * upload and the bulk import; they are audited, refused to anyone else, and the violations list finds old figures
 * that break a check added later.
 */
@LantuTest
class FigureCheckTest {

    static final String API = "/api/v1/plans/zhuji-15th";
    static final String FOREST = "ZJ23";
    static final int YEAR = 2027;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService userService;

    ReportingFixture fx;
    String city;

    /** The administrator's initial password, in the data folder of this test's context. */
    String adminPassword() {
        return cn.lantu.support.TestUsers.adminPassword();
    }

    Http admin() {
        return Http.basic(port, "admin", adminPassword());
    }

    @BeforeEach
    void setUp() {
        fx = new ReportingFixture(port, jdbc, userService);
        Http.ok(admin().postJson(API + "/reporting/periods",
                Map.of("year", YEAR, "period", "Y", "dueDate", (YEAR + 1) + "-01-31", "open", true)));
        city = jdbc.sql("SELECT code FROM org_unit WHERE unit_type = 'CITY'").query(String.class).list().get(0);
    }

    @AfterEach
    void removeChecks() {
        // the context is shared with the other reporting tests: leave no check behind
        jdbc.sql("DELETE FROM figure_check").update();
    }

    static Map<String, Object> check(String indicator, String type, Double min, Double max, Double maxChange,
                                     String comparator, String other, String severity, String message) {
        Map<String, Object> m = new HashMap<>();
        m.put("indicator", indicator);
        m.put("type", type);
        m.put("min", min);
        m.put("max", max);
        m.put("maxChange", maxChange);
        m.put("comparator", comparator);
        m.put("otherIndicator", other);
        m.put("severity", severity);
        m.put("message", message);
        return m;
    }

    private Map<String, Object> add(Map<String, Object> check) {
        HttpResponse<String> r = admin().postJson(API + "/checks", check);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ReportingFixture.json(r);
    }

    @Test
    void aHardRangeRefusesTheFigureInTheApiAndASoftOneAsksForAnExplanation() {
        add(check(FOREST, "RANGE", 50.0, 70.0, null, null, null, "HARD", "森林覆盖率应在50%至70%之间"));
        add(check(FOREST, "CHANGE", null, null, 0.5, null, null, "SOFT", "森林覆盖率年度变化超过0.5个百分点，请说明"));
        String reporter = fx.user("chk", Role.REPORTER, fx.leadOf(FOREST));
        Http rep = fx.as(reporter);

        HttpResponse<String> refused = rep.postJson(API + "/figures", entry(FOREST, "80", null));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("森林覆盖率应在50%至70%之间", "填入 80");

        // the base value 55.96 (2025) is not the previous year of 2027: no previous figure, the change check waits
        HttpResponse<String> saved = rep.postJson(API + "/figures", entry(FOREST, "60", null));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain("年度变化超过");

        // with an approved 2026 figure of 58 the change to 60 is 2 points: the soft check asks for an explanation
        jdbc.sql("""
                INSERT INTO figure (indicator_id, org_unit_id, report_year, period, num_value, estimate, state, demo,
                  version, updated_by, updated_at)
                SELECT i.id, o.id, 2026, 'Y', 58, FALSE, 'APPROVED', FALSE, 1, 'admin', CURRENT_TIMESTAMP
                FROM indicator i, org_unit o WHERE i.code = ? AND o.code = ?""").params(FOREST, city).update();
        jdbc.sql("""
                INSERT INTO figure_revision (figure_id, version, num_value, estimate, state, changed_by, changed_at)
                SELECT f.id, 1, 58, FALSE, 'APPROVED', 'admin', CURRENT_TIMESTAMP FROM figure f
                JOIN indicator i ON i.id = f.indicator_id WHERE i.code = ? AND f.report_year = 2026""")
                .param(FOREST).update();
        long id = ReportingFixture.figureId(saved);
        HttpResponse<String> submit = rep.move(id, "submit", Map.of());
        assertThat(submit.statusCode()).isEqualTo(422);
        assertThat(submit.body()).contains("森林覆盖率年度变化超过0.5个百分点，请说明", "2.00个百分点");
        // the stored change check replaces the fixed 5-point one: the fixed wording does not appear
        assertThat(submit.body()).doesNotContain("变化较大");
        assertThat(rep.move(id, "submit", Map.of("explanation", "退耕还林验收"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aUnitsOwnRangeRefinesTheIndicatorWideOne() {
        String town = jdbc.sql("SELECT code FROM org_unit WHERE unit_type = 'TOWN' ORDER BY ordinal")
                .query(String.class).list().get(0);
        add(check(FOREST, "RANGE", 50.0, 70.0, null, null, null, "HARD", "森林覆盖率应在50%至70%之间"));
        Map<String, Object> townCheck = check(FOREST, "RANGE", 10.0, 90.0, null, null, null, "HARD", "镇街森林覆盖率应在10%至90%之间");
        townCheck.put("unit", town);
        add(townCheck);
        assertThat(ReportingFixture.jsonList(admin().get(API + "/checks"))).hasSize(2);
        long townId = jdbc.sql("SELECT id FROM org_unit WHERE code = ?").param(town).query(Long.class).single();
        long forest = jdbc.sql("SELECT id FROM indicator WHERE code = ?").param(FOREST).query(Long.class).single();
        long cityId = jdbc.sql("SELECT id FROM org_unit WHERE code = ?").param(city).query(Long.class).single();
        List<FigureCheck> all = jdbc.sql("SELECT id FROM figure_check").query(Long.class).list()
                .stream().map(i -> checks.find(i).orElseThrow()).toList();
        assertThat(FigureCheckRules.applying(all, forest, townId)).extracting(FigureCheck::message)
                .containsExactly("镇街森林覆盖率应在10%至90%之间");
        assertThat(FigureCheckRules.applying(all, forest, cityId)).extracting(FigureCheck::message)
                .containsExactly("森林覆盖率应在50%至70%之间");
    }

    @Autowired FigureChecks checks;

    @Test
    void onlyThePlanOfficeSetsChecksEveryChangeIsAuditedAndBadInputIsNamedByField() {
        String reporter = fx.user("chkr", Role.REPORTER, fx.leadOf(FOREST));
        assertThat(fx.as(reporter).postJson(API + "/checks",
                check(FOREST, "RANGE", 0.0, 100.0, null, null, null, "HARD", "x")).statusCode()).isEqualTo(403);

        HttpResponse<String> bad = admin().postJson(API + "/checks",
                check(FOREST, "COMPARE", null, null, null, null, FOREST, "HARD", " "));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"message\"", "\"field\":\"comparator\"", "不能与指标自身比较");

        Map<String, Object> created = add(check(FOREST, "RANGE", 0.0, 100.0, null, null, null, "HARD", "比重在0–100之间"));
        long id = ((Number) created.get("id")).longValue();
        Map<String, Object> changed = check(FOREST, "RANGE", 30.0, 100.0, null, null, null, "SOFT", "低于30%请说明");
        changed.put("version", 1);
        assertThat(admin().putJson(API + "/checks/" + id, changed).statusCode()).isEqualTo(200);
        // the same version again is a conflict: someone else's change is not overwritten
        assertThat(admin().putJson(API + "/checks/" + id, changed).statusCode()).isEqualTo(409);
        assertThat(admin().delete(API + "/checks/" + id + "?version=2").statusCode()).isEqualTo(200);
        List<String> details = jdbc.sql("SELECT action || ' ' || subject || ' ' || detail FROM audit_log "
                + "WHERE subject = ? ORDER BY id").param("figure-check:" + id).query(String.class).list();
        assertThat(details).hasSize(3);
        assertThat(details.get(0)).startsWith("FIGURE_CHECK_CREATE").contains("森林覆盖率", "比重在0–100之间");
        assertThat(details.get(1)).startsWith("FIGURE_CHECK_UPDATE").contains("≥ 0", "→", "≥ 30", "提示（须填写说明）");
        assertThat(details.get(2)).startsWith("FIGURE_CHECK_DELETE");
    }

    @Test
    void theSameCheckRefusesARowOfTheExcelUpload() throws Exception {
        add(check(FOREST, "RANGE", 50.0, 70.0, null, null, null, "HARD", "森林覆盖率应在50%至70%之间"));
        long unit = fx.leadOf(FOREST);
        String reporter = fx.user("chkx", Role.REPORTER, unit);
        HttpResponse<byte[]> t = fx.as(reporter).getBytes(API + "/reporting/template.xlsx?year=" + YEAR + "&period=Y");
        assertThat(t.statusCode()).isEqualTo(200);
        String before = fx.checksum();
        byte[] filled = ExcelRoundTripTest.edit(t.body(), s -> {
            Row r = ExcelRoundTripTest.row(s, FOREST);
            r.getCell(5).setCellValue(45);
        });
        HttpResponse<String> refused = fx.upload(reporter, "forest.xlsx", filled);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("森林覆盖率应在50%至70%之间", "\"column\":\"F\"");
        assertThat(fx.checksum()).isEqualTo(before);
    }

    @Test
    void theSameChecksRefuseRowsOfTheBulkImportAndAnOldFigureIsListedAsAViolation() throws Exception {
        // stored before the check exists: the import accepts it
        HttpResponse<String> first = bulk("history.xlsx", List.<Object[]>of(new Object[] {FOREST, city, 2020, "Y", 45.0, "年鉴"}));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        add(check(FOREST, "RANGE", 50.0, 70.0, null, null, null, "HARD", "森林覆盖率应在50%至70%之间"));
        add(check("ZJT007", "COMPARE", null, null, null, "LE", "ZJT001", "HARD", "珍珠产值不能超过规上工业总产值"));
        add(check("ZJ25", "RANGE", null, 1000.0, null, null, null, "SOFT", "清洁能源装机超过1000万千瓦，请核实"));
        String before = fx.checksum();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {FOREST, city, 2021, "Y", 40.0, "年鉴"});
        rows.add(new Object[] {"ZJT001", city, 2021, "Y", 100.0, "年鉴"});
        rows.add(new Object[] {"ZJT007", city, 2021, "Y", 150.0, "年鉴"});
        rows.add(new Object[] {"ZJ25", city, 2021, "Y", 1200.0, null});
        HttpResponse<String> refused = bulk("checked.xlsx", rows);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("第2行 E列：森林覆盖率应在50%至70%之间",
                "第4行 E列：珍珠产值不能超过规上工业总产值（美丽珍珠（珍珠）产值 150，规上工业总产值 100）",
                "第5行 E列：清洁能源装机超过1000万千瓦，请核实", "须在“说明”列写明原因");
        assertThat(fx.checksum()).isEqualTo(before);

        // the soft check passes with an explanation in 说明; the values within the checks are imported
        rows.set(0, new Object[] {FOREST, city, 2021, "Y", 56.0, "年鉴"});
        rows.set(2, new Object[] {"ZJT007", city, 2021, "Y", 50.0, "年鉴"});
        rows.set(3, new Object[] {"ZJ25", city, 2021, "Y", 1200.0, "新增光伏并网，已核实"});
        HttpResponse<String> ok = bulk("checked.xlsx", rows);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

        Map<String, Object> found = admin().getMap(API + "/checks/violations");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) found.get("listed");
        assertThat(listed).anyMatch(v -> v.get("year").equals(2020) && "45".equals(v.get("value"))
                && ((String) v.get("message")).startsWith("森林覆盖率应在50%至70%之间"));
        // the explained soft warning is still listed for review; the figures within the checks are not
        assertThat(listed).noneMatch(v -> v.get("year").equals(2021) && "诸暨市".equals(v.get("unitName"))
                && java.util.Set.of("56", "100", "50").contains(String.valueOf(v.get("value"))));
        String page = Http.session(port, "admin", adminPassword()).page("/plans/zhuji-15th/checks/violations").body();
        assertThat(page).contains("森林覆盖率", "45", "森林覆盖率应在50%至70%之间");
    }

    private HttpResponse<String> bulk(String name, List<Object[]> rows) throws Exception {
        return admin().postMultipart(API + "/reporting/bulk-upload", "file", name, ExcelController.XLSX,
                BulkFigureImportTest.workbook(rows, null));
    }

    static Map<String, Object> entry(String code, String value, Integer version) {
        Map<String, Object> m = new HashMap<>();
        m.put("indicator", code);
        m.put("year", YEAR);
        m.put("period", "Y");
        m.put("value", value);
        m.put("version", version);
        return m;
    }
}
