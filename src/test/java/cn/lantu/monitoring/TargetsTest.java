package cn.lantu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;

/** Yearly plan targets are judged 完成/未完成; a revised target is used and said to be used, the original kept. */
@LantuDemoTest
class TargetsTest {

    @LocalServerPort int port;

    @SuppressWarnings("unchecked")
    @Test
    void anAnnualTargetIsJudgedBesideTheFiveYearSchedule() {
        Map<String, Object> before = row("ZJ03", 2027);
        double value = ((Number) before.get("latestValue")).doubleValue();
        Map<String, Object> met = Http.JSON.readValue(Http.ok(Http.demoAdmin(port).putJson(
                "/api/v1/plans/zhuji-15th/indicators/ZJ03/annual-targets/2027", Map.of("value", value - 0.5))), Map.class);
        assertThat(met.get("annualTargetMet")).isEqualTo(true);
        Map<String, Object> missed = Http.JSON.readValue(Http.ok(Http.demoAdmin(port).putJson(
                "/api/v1/plans/zhuji-15th/indicators/ZJ03/annual-targets/2027", Map.of("value", value + 0.5))), Map.class);
        assertThat(missed.get("annualTargetMet")).isEqualTo(false);
        assertThat(missed.get("status")).as("the five-year schedule status does not depend on the yearly target")
                .isEqualTo(before.get("status"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aRevisedTargetIsUsedAndTheOriginalIsKept() {
        Map<String, Object> original = row("ZJ09", 2028);
        assertThat(original.get("targetUsed")).isEqualTo("ORIGINAL");
        List<Map<String, Object>> revisions = Http.JSON.readValue(Http.ok(Http.demoAdmin(port).postJson(
                "/api/v1/plans/zhuji-15th/indicators/ZJ09/target-revisions",
                Map.of("value", 12.0, "reason", "中期评估后上调目标", "approval", "市人大常委会决定（演示）"))), List.class);
        assertThat(revisions).hasSize(1);
        Map<String, Object> revised = row("ZJ09", 2028);
        assertThat(revised.get("targetUsed")).isEqualTo("REVISED");
        assertThat(((Number) revised.get("progress")).doubleValue())
                .isLessThan(((Number) original.get("progress")).doubleValue());
        Map<String, Object> indicator = Http.demoAdmin(port).getMap("/api/v1/plans/zhuji-15th/indicators/ZJ09");
        assertThat(((Number) indicator.get("targetValue")).doubleValue()).as("the original target stays").isEqualTo(8.0);
        assertThat(Http.anonymous(port).postJson("/api/v1/plans/zhuji-15th/indicators/ZJ09/target-revisions",
                Map.of("value", 1.0, "reason", "x", "approval", "y")).statusCode()).as("CSRF or login refuses it").isIn(401, 403);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> row(String code, int year) {
        Map<String, Object> result = Http.demoAdmin(port).getMap("/api/v1/plans/zhuji-15th/assessment?year=" + year);
        return ((List<Map<String, Object>>) result.get("indicators")).stream()
                .filter(r -> code.equals(r.get("code"))).findFirst().orElseThrow();
    }
}
