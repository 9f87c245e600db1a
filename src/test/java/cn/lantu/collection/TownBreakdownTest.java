package cn.lantu.collection;

import cn.lantu.security.Actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.plan.PlanLookup;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/** Town reporters enter their own towns' figures; the city figure rolls up from the approved ones. */
@LantuTest
class TownBreakdownTest {

    static final int YEAR = 2026;
    static final String CODE = "ZJT006";
    static final String API = "/api/v1/plans/" + ReportingFixture.PLAN;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService userService;
    @Autowired TownBreakdownService breakdowns;
    @Autowired FigureService figureService;
    @Autowired PlanLookup lookup;

    record Town(long id, String code) {}

    Map<String, Object> entry(String unit, Object value, Integer version) {
        Map<String, Object> m = new HashMap<>(Map.of("indicator", CODE, "year", YEAR, "period", "Y",
                "value", String.valueOf(value)));
        if (unit != null) {
            m.put("unit", unit);
        }
        if (version != null) {
            m.put("version", version);
        }
        return m;
    }

    void setRule(long indicatorId, String rule) {
        jdbc.sql("UPDATE responsibility SET town_breakdown = ? WHERE indicator_id = ? AND role = 'LEAD'")
                .params(rule, indicatorId).update();
    }

    Map<String, Object> towns() {
        return Http.admin(port).getMap(API + "/indicators/" + CODE + "/towns?year=" + YEAR);
    }

    @Test
    @SuppressWarnings("unchecked")
    void cityFigureRollsUpFromApprovedTownFiguresAndTownReportersStayInTheirTown() {
        ReportingFixture fx = new ReportingFixture(port, jdbc, userService);
        fx.openPeriod(YEAR, "Y");
        long indicatorId = jdbc.sql("SELECT i.id FROM indicator i JOIN plan p ON p.id = i.plan_id "
                + "WHERE p.code = ? AND i.code = ?").params(ReportingFixture.PLAN, CODE).query(Long.class).single();
        long planId = jdbc.sql("SELECT plan_id FROM indicator WHERE id = ?").param(indicatorId).query(Long.class)
                .single();
        String original = breakdowns.rule(indicatorId);
        setRule(indicatorId, "SUM");
        try {
            List<Town> towns = jdbc.sql("SELECT id, code FROM org_unit WHERE plan_id = ? AND unit_type = 'TOWN' "
                    + "ORDER BY ordinal").param(planId).query((rs, n) -> new Town(rs.getLong(1), rs.getString(2)))
                    .list();
            assertThat(towns).hasSizeGreaterThan(3);
            Http admin = Http.admin(port);
            Http reporter0 = fx.as(fx.user("town0", Role.REPORTER, towns.get(0).id()));
            Http approver0 = fx.as(fx.user("town0app", Role.APPROVER, towns.get(0).id()));
            Http reporter1 = fx.as(fx.user("town1", Role.REPORTER, towns.get(1).id()));
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < towns.size(); i++) {
                values.add(10.5 + i * 2.25 + (System.nanoTime() % 7) / 4.0);
            }

            // a town reporter enters their own town only: not another town, not the city
            HttpResponse<String> own = reporter0.postJson(API + "/figures", entry(towns.get(0).code(), values.get(0),
                    null));
            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
            HttpResponse<String> other = reporter0.postJson(API + "/figures", entry(towns.get(2).code(), 99, null));
            assertThat(other.statusCode()).isEqualTo(403);
            assertThat(reporter0.postJson(API + "/figures", entry(null, 99, null)).statusCode()).isEqualTo(403);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM figure WHERE indicator_id = ? AND org_unit_id = ? "
                    + "AND report_year = ?").params(indicatorId, towns.get(2).id(), YEAR).query(Long.class).single())
                    .isZero();
            // nor read or sign off another town's figure
            long fig0 = ReportingFixture.figureId(own);
            assertThat(reporter1.get("/api/v1/figures/" + fig0).statusCode()).isEqualTo(403);

            assertThat(reporter0.move(fig0, "submit", Map.of("explanation", "镇统计站核实"))
                    .statusCode()).isEqualTo(200);
            assertThat(approver0.move(fig0, "sign-off", Map.of()).statusCode())
                    .isEqualTo(200);
            assertThat(admin.move(fig0, "approve", Map.of()).statusCode()).isEqualTo(200);

            HttpResponse<String> t1 = reporter1.postJson(API + "/figures", entry(towns.get(1).code(), values.get(1),
                    null));
            assertThat(t1.statusCode()).as(t1.body()).isEqualTo(200);
            long fig1 = ReportingFixture.figureId(t1);
            assertThat(reporter1.move(fig1, "submit", Map.of("explanation", "核实"))
                    .statusCode()).isEqualTo(200);
            assertThat(admin.move(fig1, "sign-off", Map.of()).statusCode()).isEqualTo(200);
            assertThat(admin.move(fig1, "approve", Map.of()).statusCode()).isEqualTo(200);
            // a third town submitted but not approved does not count
            HttpResponse<String> t2 = admin.postJson(API + "/figures", entry(towns.get(2).code(), values.get(2), null));
            long fig2 = ReportingFixture.figureId(t2);
            assertThat(admin.move(fig2, "submit", Map.of("explanation", "核实"))
                    .statusCode()).isEqualTo(200);

            Map<String, Object> partial = towns();
            assertThat(partial.get("rule")).isEqualTo("SUM");
            assertThat(partial.get("reportedCount")).isEqualTo(2);
            assertThat(partial.get("townCount")).isEqualTo(towns.size());
            assertThat(partial.get("complete")).isEqualTo(false);
            assertThat(partial.get("cityValue")).isNull();
            assertThat(partial.get("progress")).isEqualTo("2/" + towns.size() + " 镇街已报");
            assertThat(((Number) partial.get("townSum")).doubleValue()).isCloseTo(values.get(0) + values.get(1),
                    within(1e-9));
            List<Map<String, Object>> rows = (List<Map<String, Object>>) partial.get("towns");
            assertThat(rows).hasSize(towns.size());
            assertThat(((Number) rows.get(0).get("value")).doubleValue()).isCloseTo(values.get(0), within(1e-9));
            assertThat(rows.get(2).get("value")).isNull();
            // the city form shows the progress
            long jxj = fx.leadOf(CODE);
            Http cityReporter = fx.as(fx.user("townlead", Role.REPORTER, jxj));
            String formPath = "/plans/" + ReportingFixture.PLAN + "/reporting/form?indicator=" + CODE + "&year="
                    + YEAR + "&period=Y";
            assertThat(Http.ok(cityReporter.get(formPath))).contains("2/" + towns.size() + " 镇街已报")
                    .doesNotContain("towns-computed");

            // every other town reports and is approved
            // the plan office entered it, so a second plan officer signs it off and approves it (三员分立)
            Http second = fx.as(fx.user("office2", Role.ADMIN, null));
            assertThat(second.move(fig2, "sign-off", Map.of()).statusCode()).isEqualTo(200);
            assertThat(second.move(fig2, "approve", Map.of()).statusCode()).isEqualTo(200);
            // (in-process through the same service and workflow, to spare 80 password checks over HTTP)
            Actor office = new Actor("admin", Role.ADMIN, null);
            Actor checker = new Actor("office-checker", Role.ADMIN, null);
            for (int i = 3; i < towns.size(); i++) {
                long id = figureService.save(lookup.require(ReportingFixture.PLAN), office, new FigureService.Entry(
                        CODE, YEAR, "Y", towns.get(i).code(), String.valueOf(values.get(i)), false, null, null,
                        "核实", null, null)).figure().id();
                Figure submitted = figureService.submit(office, id, figureService.get(office, id).version(), "核实");
                Figure signedOff = figureService.signOff(checker, id, submitted.version());
                assertThat(figureService.approve(checker, id, signedOff.version()).state())
                        .isEqualTo(FigureState.APPROVED);
            }
            double sum = values.stream().mapToDouble(Double::doubleValue).sum();
            Map<String, Object> full = towns();
            assertThat(full.get("reportedCount")).isEqualTo(towns.size());
            assertThat(full.get("complete")).isEqualTo(true);
            assertThat(((Number) full.get("cityValue")).doubleValue()).isCloseTo(sum, within(1e-6));
            assertThat(((Number) full.get("computedValue")).doubleValue()).isCloseTo(sum, within(1e-6));
            TownBreakdown direct = breakdowns.of(indicatorId, YEAR);
            assertThat(direct.cityValue()).isCloseTo(sum, within(1e-6));
            assertThat(direct.towns()).extracting(TownBreakdown.Town::value).containsExactlyElementsOf(values);
            assertThat(Http.ok(cityReporter.get(formPath))).contains("towns-computed")
                    .contains(towns.size() + "/" + towns.size() + " 镇街已报");

            // a city figure that differs from the towns' sum gets a soft warning; the sum itself does not
            HttpResponse<String> off = cityReporter.postJson(API + "/figures", entry(null, sum * 1.2, null));
            assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
            assertThat(off.body()).contains("镇街合计");
            int version = ((Number) ((Map<String, Object>) ReportingFixture.json(off).get("figure")).get("version"))
                    .intValue();

            // CITY_SEPARATE: the city figure stays as entered, with a warning beyond the tolerance
            setRule(indicatorId, "CITY_SEPARATE");
            HttpResponse<String> near = cityReporter.postJson(API + "/figures",
                    entry(null, sum * (1 + breakdowns.tolerance() / 2), version));
            assertThat(near.statusCode()).as(near.body()).isEqualTo(200);
            assertThat(near.body()).doesNotContain("镇街合计");
            version++;
            HttpResponse<String> far = cityReporter.postJson(API + "/figures", entry(null, sum * 1.5, version));
            assertThat(far.statusCode()).as(far.body()).isEqualTo(200);
            assertThat(far.body()).contains("镇街合计");
            Map<String, Object> separate = towns();
            assertThat(separate.get("rule")).isEqualTo("CITY_SEPARATE");
            assertThat(separate.get("cityValue")).isNull(); // the entered city figure is not approved yet
            assertThat(((Number) separate.get("townSum")).doubleValue()).isCloseTo(sum, within(1e-6));

            setRule(indicatorId, "AVERAGE");
            assertThat(((Number) towns().get("cityValue")).doubleValue()).isCloseTo(sum / towns.size(), within(1e-6));
        } finally {
            setRule(indicatorId, original);
        }
    }

    @Test
    void theEndpointNeedsALoginAndAKnownIndicator() {
        assertThat(Http.anonymous(port).get(API + "/indicators/" + CODE + "/towns?year=" + YEAR).statusCode())
                .isEqualTo(401);
        assertThat(Http.admin(port).get(API + "/indicators/NOPE/towns?year=" + YEAR).statusCode()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTownIsComparedWithItsOwnHistoryNotWithTheCity() {
        ReportingFixture fx = new ReportingFixture(port, jdbc, userService);
        fx.openPeriod(YEAR, "Y");
        // a percentage with a large city base: the old check called a town's small share a sharp fall from it
        String code = jdbc.sql("SELECT i.code FROM indicator i JOIN plan p ON p.id = i.plan_id WHERE p.code = ? "
                + "AND i.unit = '%' AND i.base_value IS NOT NULL AND i.base_year = 2025 AND i.table_row IS NOT NULL "
                + "ORDER BY i.base_value DESC, i.code").param(ReportingFixture.PLAN).query(String.class).list().get(0);
        long indicatorId = jdbc.sql("SELECT i.id FROM indicator i JOIN plan p ON p.id = i.plan_id "
                + "WHERE p.code = ? AND i.code = ?").params(ReportingFixture.PLAN, code).query(Long.class).single();
        Double cityBase = jdbc.sql("SELECT base_value FROM indicator WHERE id = ?").param(indicatorId)
                .query(Double.class).single();
        assertThat(cityBase).as("the indicator has a city base value to be confused with").isNotNull();
        String original = breakdowns.rule(indicatorId);
        setRule(indicatorId, "SUM");
        try {
            Town town = jdbc.sql("SELECT o.id, o.code FROM org_unit o JOIN plan p ON p.id = o.plan_id WHERE p.code = ? "
                    + "AND o.unit_type = 'TOWN' ORDER BY o.ordinal DESC").param(ReportingFixture.PLAN)
                    .query((rs, n) -> new Town(rs.getLong(1), rs.getString(2))).list().get(0);
            String name = fx.user("townhist", Role.REPORTER, town.id());
            double small = Math.round(cityBase * 13) / 100.0;
            Map<String, Object> body = new HashMap<>(entry(town.code(), small, null));
            body.put("indicator", code);
            HttpResponse<String> saved = fx.as(name).postJson(API + "/figures", body);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat((List<String>) ReportingFixture.json(saved).get("warnings"))
                    .as("a town's first figure has no history of its own to jump from").isEmpty();
            String form = Http.session(port, name, ReportingFixture.PASSWORD).page("/plans/" + ReportingFixture.PLAN
                    + "/reporting/form?indicator=" + code + "&year=" + YEAR + "&period=Y&unit=" + town.code()).body();
            assertThat(form).as("the form does not offer the city's value as the town's last year")
                    .contains("<span id=\"last-year\">—</span>");
        } finally {
            setRule(indicatorId, original);
        }
    }
}
