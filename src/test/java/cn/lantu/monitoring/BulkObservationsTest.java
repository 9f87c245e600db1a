package cn.lantu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.assessment.Observation;
import cn.lantu.support.LantuTest;

/**
 * The bulk reader of current observations (used by the reassessment of all plans) gives exactly what the per-plan
 * reader gives: an approved figure counts with its value, a figure with a later change pending counts with its last
 * approved revision, and a figure never approved does not count.
 */
@LantuTest
class BulkObservationsTest {

    @Autowired ObservationRepository observations;
    @Autowired JdbcClient jdbc;

    @Test
    void bulkAndPerPlanReadersAgreeWhenAChangeIsPending() {
        long plan = jdbc.sql("SELECT id FROM plan WHERE code = 'zhuji-15th'").query(Long.class).single();
        long city = jdbc.sql("SELECT id FROM org_unit WHERE plan_id = ? AND unit_type = 'CITY'").param(plan)
                .query(Long.class).single();
        List<Long> indicators = jdbc.sql("SELECT id FROM indicator WHERE plan_id = ? ORDER BY code").param(plan)
                .query(Long.class).list();
        Timestamp at = Timestamp.from(Instant.parse("2026-01-02T00:00:00Z"));
        long pending = figure(indicators.get(0), city, "SUBMITTED", 2.0, at);
        long approved = figure(indicators.get(1), city, "APPROVED", 3.0, at);
        long draft = figure(indicators.get(2), city, "DRAFT", 4.0, at);
        try {
            revision(pending, 1, "APPROVED", 1.0, at);
            revision(pending, 2, "SUBMITTED", 2.0, at);
            revision(approved, 1, "APPROVED", 3.0, at);
            revision(draft, 1, "DRAFT", 4.0, at);

            Map<String, List<Observation>> perPlan = observations.approved(plan, false, null);
            Map<String, List<Observation>> bulk = observations.approved(plan, plan, false).getOrDefault(plan, Map.of());
            assertThat(bulk).isEqualTo(perPlan);
            String pendingCode = code(indicators.get(0));
            assertThat(bulk.get(pendingCode)).filteredOn(o -> o.year() == 2019).extracting(Observation::value)
                    .as("the last approved value, not the pending one").containsExactly(1.0);
            assertThat(bulk.get(code(indicators.get(1)))).filteredOn(o -> o.year() == 2019)
                    .extracting(Observation::value).containsExactly(3.0);
            assertThat(bulk.getOrDefault(code(indicators.get(2)), List.of())).filteredOn(o -> o.year() == 2019)
                    .as("never approved").isEmpty();
        } finally {
            for (long f : List.of(pending, approved, draft)) {
                jdbc.sql("DELETE FROM figure_revision WHERE figure_id = ?").param(f).update();
                jdbc.sql("DELETE FROM figure WHERE id = ?").param(f).update();
            }
        }
    }

    private String code(long indicator) {
        return jdbc.sql("SELECT code FROM indicator WHERE id = ?").param(indicator).query(String.class).single();
    }

    private long figure(long indicator, long unit, String state, double value, Timestamp at) {
        jdbc.sql("""
                INSERT INTO figure (indicator_id, org_unit_id, report_year, period, num_value, estimate, state, demo,
                                    version, updated_by, updated_at)
                VALUES (?, ?, 2019, 'Y', ?, FALSE, ?, FALSE, 1, 'test', ?)""").params(indicator, unit, value, state, at)
                .update();
        return jdbc.sql("SELECT id FROM figure WHERE indicator_id = ? AND org_unit_id = ? AND report_year = 2019 "
                + "AND period = 'Y' AND demo = FALSE").params(indicator, unit).query(Long.class).single();
    }

    private void revision(long figure, int version, String state, double value, Timestamp at) {
        jdbc.sql("""
                INSERT INTO figure_revision (figure_id, version, num_value, estimate, state, reason, changed_by, changed_at)
                VALUES (?, ?, ?, FALSE, ?, 'test', 'test', ?)""").params(figure, version, value, state, at).update();
    }
}
