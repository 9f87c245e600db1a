package cn.lantu.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lantu.assessment.Kind;
import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;

/**
 * Demo mode ({@code --lantu.demo=true}, off by default): loads deterministic synthetic figures (演示数据) for the
 * plan's first three years into every plan, as approved city-wide figures flagged {@code demo = true}. Demo
 * figures are read only in demo mode and never mixed with real ones. Loading is idempotent.
 */
@Component
@Order(2)
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final boolean demo;
    private final PlanRepository plans;
    private final IndicatorRepository indicators;
    private final OrgRepository org;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public DemoDataLoader(@Value("${lantu.demo:false}") boolean demo, PlanRepository plans,
                          IndicatorRepository indicators, OrgRepository org, JdbcClient jdbc, TransactionTemplate tx) {
        this.demo = demo;
        this.plans = plans;
        this.indicators = indicators;
        this.org = org;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        for (Plan plan : plans.findAll()) {
            tx.executeWithoutResult(s -> load(plan));
        }
    }

    /** Writes the demo figures of one plan unless it has them already; returns how many were written. */
    public int load(Plan plan) {
        Long existing = jdbc.sql("""
                SELECT COUNT(*) FROM figure f JOIN indicator i ON i.id = f.indicator_id
                WHERE i.plan_id = ? AND f.demo = TRUE
                """).param(plan.id()).query(Long.class).single();
        if (existing > 0) {
            return 0;
        }
        long city = org.findByType(plan.id(), OrgUnit.Type.CITY).get(0).id();
        int from = plan.periodStart();
        int to = Math.min(plan.periodStart() + 2, plan.periodEnd());
        Map<String, List<DemoFigures.Figure>> generated = new HashMap<>();
        List<Indicator> all = indicators.findByPlan(plan.id());
        // Relational indicators follow another series: generate the others first.
        all.stream().filter(i -> i.kind() != Kind.RELATIONAL)
                .forEach(i -> generated.put(i.code(), DemoFigures.of(i, plan.periodStart(), from, to, generated)));
        all.stream().filter(i -> i.kind() == Kind.RELATIONAL)
                .forEach(i -> generated.put(i.code(), DemoFigures.of(i, plan.periodStart(), from, to, generated)));
        Timestamp now = Timestamp.from(Instant.now());
        int count = 0;
        for (Indicator i : all) {
            for (DemoFigures.Figure f : generated.getOrDefault(i.code(), List.of())) {
                jdbc.sql("""
                        INSERT INTO figure (indicator_id, org_unit_id, report_year, period, num_value, verdict, estimate,
                          state, demo, note, source, version, updated_by, updated_at)
                        VALUES (?, ?, ?, 'Y', ?, ?, ?, 'APPROVED', TRUE, '演示数据', '演示数据（系统生成）', 1, 'demo', ?)
                        """).params(i.id(), city, f.year(), f.value(), f.verdict(), f.estimate(), now).update();
                long figureId = jdbc.sql("""
                        SELECT id FROM figure WHERE indicator_id = ? AND org_unit_id = ? AND report_year = ?
                          AND period = 'Y' AND demo = TRUE
                        """).params(i.id(), city, f.year()).query(Long.class).single();
                jdbc.sql("""
                        INSERT INTO figure_revision (figure_id, version, num_value, verdict, estimate, state, reason,
                          changed_by, changed_at) VALUES (?, 1, ?, ?, ?, 'APPROVED', '演示数据', 'demo', ?)
                        """).params(figureId, f.value(), f.verdict(), f.estimate(), now).update();
                count++;
            }
        }
        jdbc.sql("UPDATE plan_data_version SET data_version = data_version + 1 WHERE plan_id = ?").param(plan.id())
                .update();
        log.warn("DEMO MODE: loaded {} synthetic figures (演示数据) into plan {}", count, plan.code());
        return count;
    }
}
