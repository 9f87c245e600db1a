package cn.lantu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/** The plan-wide assessment, the feasibility findings and the ad-hoc evaluation endpoint, without any figures. */
@LantuTest
class PlanAssessmentApiTest {

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired UserService users;

    @SuppressWarnings("unchecked")
    @Test
    void everyTable1IndicatorHasAKindAndPathAndNoDataUntilFiguresExist() {
        // as of an instant before any figure could exist: other tests in this shared context approve real figures
        Map<String, Object> result = Http.admin(port)
                .getMap("/api/v1/plans/zhuji-15th/assessment?year=2026&asOf=2000-01-01T00:00:00Z");
        assertThat(result.get("items")).isEqualTo(26);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) result.get("indicators");
        List<Map<String, Object>> table = rows.stream().filter(r -> r.get("tableNumber") != null).toList();
        assertThat(table).hasSize(27);
        assertThat(table).allSatisfy(r -> {
            assertThat(r.get("kind")).isNotNull();
            assertThat(r.get("status")).as(r.get("code").toString()).isEqualTo("NO_DATA");
        });
        List<Map<String, Object>> indicators = Http.admin(port).getList("/api/v1/plans/zhuji-15th/indicators?tableOnly=true");
        assertThat(indicators.stream().filter(i -> "LEVEL".equals(i.get("kind"))))
                .isNotEmpty().allSatisfy(i -> assertThat(i.get("path")).as(i.get("code").toString()).isNotNull());
        assertThat((Map<String, Object>) result.get("counts")).containsEntry("NO_DATA", 26);
        assertThat(result.get("sentence").toString()).startsWith("26项主要指标中");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theFeasibilityFindingsCarryTheirNumbersInTheApiAndOnThePlanPage() {
        List<Map<String, Object>> findings = Http.admin(port).getList("/api/v1/plans/zhuji-15th/feasibility");
        Map<String, Object> gdp = byCode(findings, "F01");
        Map<String, Object> numbers = (Map<String, Object>) gdp.get("numbers");
        assertThat(((Number) numbers.get("neededRatePct")).doubleValue()).isCloseTo(8.45, within(0.01));
        assertThat(((Number) numbers.get("reachedAtPlannedRate")).doubleValue()).isCloseTo(2740, within(1.0));
        assertThat(gdp.get("severity")).isEqualTo("GAP");
        Map<String, Object> emerging = byCode(findings, "F02");
        assertThat(((Number) ((Map<String, Object>) emerging.get("numbers")).get("difference")).doubleValue())
                .isCloseTo(50, within(1e-9));
        assertThat(byCode(findings, "F03").get("severity")).isEqualTo("SCOPE_DIFFERENCE");
        assertThat(byCode(findings, "F05").get("severity")).isEqualTo("OK");

        String page = Http.ok(Http.adminSession(port).get("/plans/zhuji-15th"));
        assertThat(page).contains("8.45%", "2740", "950亿元", "口径不同", "139个");
    }

    @Test
    void theEvaluateEndpointGivesTheWorkedExamples() {
        Map<String, Object> cleanEnergy = Map.of(
                "indicator", Map.of("code", "X25", "unit", "万千瓦", "kind", "LEVEL",
                        "path", "LINEAR", "direction", "UP", "baseYear", 2025,
                        "baseValue", 140.67, "targetYear", 2030, "targetValue", 300),
                "observations", List.of(Map.of("year", 2026, "value", 175), Map.of("year", 2027, "value", 205),
                        Map.of("year", 2028, "value", 228)),
                "asOfYear", 2028);
        Map<String, Object> a = Http.JSON.readValue(Http.ok(Http.admin(port)
                .postJson("/api/v1/assessment/evaluate", cleanEnergy)), Map.class);
        assertThat(a.get("status")).isEqualTo("LAGGING");
        assertThat(((Number) a.get("scheduleRatio")).doubleValue()).isCloseTo(0.91, within(0.01));
        assertThat(a.get("explanation").toString()).contains("序时进度60%", "完成进度54.8%");

        Map<String, Object> water = Map.of(
                "indicator", Map.of("code", "X24", "kind", "DECLINE", "attribute", "BINDING", "direction", "DOWN",
                        "baseYear", 2025, "targetYear", 2030, "targetValue", 14),
                "observations", List.of(Map.of("year", 2026, "value", 3.5), Map.of("year", 2027, "value", 2.0),
                        Map.of("year", 2028, "value", 1.8)),
                "asOfYear", 2028);
        Map<String, Object> w = Http.JSON.readValue(Http.ok(Http.admin(port)
                .postJson("/api/v1/assessment/evaluate", water)), Map.class);
        assertThat(w.get("status")).isEqualTo("LAGGING");
        assertThat(w.get("warning")).isEqualTo("RED");
        // the plain share of the targeted reduction (methodology §3a): 7.13/14 over 0.6
        assertThat(((Number) w.get("scheduleRatio")).doubleValue()).isCloseTo(0.849, within(0.001));
    }

    @Test
    void anInvalidEvaluationRequestGetsAClearError() {
        var response = Http.admin(port).postJson("/api/v1/assessment/evaluate",
                Map.of("indicator", Map.of("code", "X", "kind", "SPEED"), "asOfYear", 2028));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("SPEED");
    }

    @SuppressWarnings("unchecked")
    @Test
    void onlyThePlanOfficeMayOverrideAStatusAndTheComputedOneIsKept() {
        String leader = "leader-" + System.nanoTime();
        users.createUser(leader, "领导", "leader-password-1", Role.LEADER, null);
        Map<String, Object> assessment = Http.admin(port).getMap("/api/v1/plans/zhuji-15th/assessment?year=2030");
        String computed = (String) ((List<Map<String, Object>>) assessment.get("indicators")).stream()
                .filter(r -> "ZJ03".equals(r.get("code"))).findFirst().orElseThrow().get("status");
        String decided = "SEVERELY_LAGGING".equals(computed) ? "AHEAD" : "SEVERELY_LAGGING";
        Map<String, Object> body = Map.of("year", 2030, "status", decided, "reason", "统计口径调整，经规划办审定");
        assertThat(Http.basic(port, leader, "leader-password-1")
                .postJson("/api/v1/plans/zhuji-15th/indicators/ZJ03/status-override", body).statusCode()).isEqualTo(403);
        Map<String, Object> r = Http.JSON.readValue(Http.ok(Http.admin(port)
                .postJson("/api/v1/plans/zhuji-15th/indicators/ZJ03/status-override", body)), Map.class);
        assertThat(r.get("status")).isEqualTo(decided);
        assertThat(r.get("computedStatus")).isEqualTo(computed);
        assertThat(r.get("overrideReason")).isEqualTo("统计口径调整，经规划办审定");
    }

    private static Map<String, Object> byCode(List<Map<String, Object>> findings, String code) {
        return findings.stream().filter(f -> code.equals(f.get("code"))).findFirst().orElseThrow();
    }
}
