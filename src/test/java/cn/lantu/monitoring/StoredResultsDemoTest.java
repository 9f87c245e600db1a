package cn.lantu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanChanges;
import cn.lantu.plan.PlanRepository;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;

/**
 * Stored results (issue 9): the bulk reassessment stores exactly what the per-plan assessment computes, and the
 * cockpit and the region roll-up read stored results that follow a change at once (the plan's data version).
 */
@LantuDemoTest
class StoredResultsDemoTest {

    static final int YEAR = 2027;

    @LocalServerPort int port;
    @Autowired ReassessmentService reassessment;
    @Autowired PlanAssessmentService assessments;
    @Autowired PlanRepository plans;
    @Autowired PlanChanges changes;
    @Autowired JdbcClient jdbc;

    @Test
    void bulkReassessmentStoresWhatThePerPlanAssessmentComputes() {
        Plan zhuji = plans.findByCode("zhuji-15th").orElseThrow();
        ReassessmentService.Summary summary = reassessment.reassessAll(YEAR);
        assertThat(summary.plans()).isEqualTo(plans.findAll().size());
        Map<String, String> live = assessments.assess(zhuji, YEAR).indicators().stream()
                .collect(Collectors.toMap(a -> a.indicator().code(), a -> a.assessment().status().name()));
        Map<String, String> stored = reassessment.stored(zhuji.id(), YEAR).stream()
                .collect(Collectors.toMap(ReassessmentService.StoredResult::indicatorCode,
                        ReassessmentService.StoredResult::status));
        assertThat(stored).isEqualTo(live);
        assertThat(live.values()).as("demo figures give a spread of statuses").contains("LAGGING", "ON_TRACK");
        assertThat(reassessment.fresh(zhuji.id(), YEAR)).isTrue();

        ReassessmentService.Summary again = reassessment.reassessAll(YEAR);
        assertThat(again.results()).isEqualTo(summary.results());
        assertThat(again.written()).as("nothing changed, so nothing is rewritten").isZero();
        jdbc.sql("UPDATE assessment_result SET status = 'AHEAD', progress = -1 WHERE plan_id = ? AND report_year = ? "
                + "AND indicator_code = ?").params(zhuji.id(), YEAR, stored.keySet().iterator().next()).update();
        assertThat(reassessment.reassessAll(YEAR).written()).as("a stored row that differs is rewritten").isEqualTo(1);
        assertThat(reassessment.stored(zhuji.id(), YEAR).stream().collect(Collectors.toMap(
                ReassessmentService.StoredResult::indicatorCode, ReassessmentService.StoredResult::status)))
                .isEqualTo(live);
    }

    @SuppressWarnings("unchecked")
    @Test
    void cockpitAndRollupFollowAChangeThroughTheDataVersion() {
        Plan zhuji = plans.findByCode("zhuji-15th").orElseThrow();
        String url = "/api/v1/plans/zhuji-15th/cockpit?year=" + YEAR;
        Map<String, Object> before = Http.demoAdmin(port).getMap(url);
        long version = plans.dataVersion(zhuji.id());
        assertThat(jdbc.sql("SELECT data_version FROM cockpit_snapshot WHERE plan_id = ? AND report_year = ?")
                .params(zhuji.id(), YEAR).query(Long.class).single()).as("the cockpit was stored").isEqualTo(version);
        assertThat(Http.demoAdmin(port).getMap(url)).as("read back unchanged").isEqualTo(before);

        IndicatorAssessment target = assessments.assess(zhuji, YEAR).tableRows().stream()
                .filter(a -> !a.assessment().status().isLagging() && a.indicator().tableNumber() != 12) // row 12: worst-of
                .findFirst().orElseThrow();
        String code = target.indicator().code();
        assertThat((List<String>) before.get("red")).doesNotContain(code);
        int severeInRollup = severe(Http.demoAdmin(port).getMap("/api/v1/regions/330681/rollup?year=" + YEAR));
        try {
            Http.ok(Http.demoAdmin(port).postJson("/api/v1/plans/zhuji-15th/indicators/" + code + "/status-override",
                    Map.of("year", YEAR, "status", "SEVERELY_LAGGING", "reason", "测试：规划办审定为严重滞后")));
            assertThat(plans.dataVersion(zhuji.id())).isGreaterThan(version);
            assertThat(reassessment.fresh(zhuji.id(), YEAR)).as("stored results are now stale").isFalse();

            Map<String, Object> after = Http.demoAdmin(port).getMap(url);
            assertThat((List<String>) after.get("red")).contains(code);
            Map<String, Integer> counts = (Map<String, Integer>) after.get("counts");
            Map<String, Integer> countsBefore = (Map<String, Integer>) before.get("counts");
            assertThat(counts.get("SEVERELY_LAGGING")).isEqualTo(countsBefore.get("SEVERELY_LAGGING") + 1);

            Map<String, Object> rollup = Http.demoAdmin(port).getMap("/api/v1/regions/330681/rollup?year=" + YEAR);
            assertThat(reassessment.fresh(zhuji.id(), YEAR)).as("the roll-up refreshed the stale results").isTrue();
            assertThat(reassessment.stored(zhuji.id(), YEAR)).filteredOn(r -> r.indicatorCode().equals(code))
                    .extracting(ReassessmentService.StoredResult::status).containsExactly("SEVERELY_LAGGING");
            assertThat(severe(rollup)).isEqualTo(severeInRollup + 1);
        } finally {
            jdbc.sql("DELETE FROM status_override WHERE indicator_id = ? AND report_year = ?")
                    .params(target.indicator().id(), YEAR).update();
            changes.touch(zhuji.id());
        }
    }

    @SuppressWarnings("unchecked")
    private static int severe(Map<String, Object> rollup) {
        Map<String, Object> county = ((List<Map<String, Object>>) rollup.get("counties")).get(0);
        return ((Map<String, Integer>) county.get("statusCounts")).get("SEVERELY_LAGGING");
    }
}
