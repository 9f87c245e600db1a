package cn.lantu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.demo.DemoDataLoader;
import cn.lantu.plan.PlanRepository;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;

/** Demo mode: synthetic figures, labelled as such, drive the assessment; loading them twice changes nothing. */
@LantuDemoTest
class DemoAssessmentTest {

    @LocalServerPort int port;
    @Autowired DemoDataLoader demo;
    @Autowired PlanRepository plans;
    @Autowired JdbcClient jdbc;

    @SuppressWarnings("unchecked")
    @Test
    void demoFiguresProduceStatusesAcrossTheScaleAndCountsAddUpTo26() {
        Map<String, Object> result = Http.demoAdmin(port).getMap("/api/v1/plans/zhuji-15th/assessment?year=2028");
        assertThat(result.get("demo")).isEqualTo(true);
        Map<String, Integer> counts = (Map<String, Integer>) result.get("counts");
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(26);
        assertThat(counts.get("LAGGING") + counts.get("SEVERELY_LAGGING")).isPositive();
        assertThat(counts.get("AHEAD") + counts.get("ON_TRACK")).isPositive();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) result.get("indicators");
        Map<String, Object> cleanEnergy = rows.stream().filter(r -> "ZJ25".equals(r.get("code"))).findFirst().orElseThrow();
        assertThat(cleanEnergy.get("latestEstimate")).as("2028 figures are estimates (预计)").isEqualTo(true);
        assertThat(cleanEnergy.get("explanation").toString()).contains("预计");
    }

    @Test
    void everyPageSaysDemoDataAndLoadingAgainWritesNothing() {
        assertThat(Http.ok(Http.demoAdminSession(port).get("/plans/zhuji-15th/assessment?year=2028"))).contains("演示数据");
        assertThat(Http.ok(Http.demoAdminSession(port).get("/plans/zhuji-15th/indicators/ZJ25"))).contains("演示数据");
        long before = jdbc.sql("SELECT COUNT(*) FROM figure").query(Long.class).single();
        assertThat(demo.load(plans.findByCode("zhuji-15th").orElseThrow())).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM figure").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM figure WHERE demo = FALSE").query(Long.class).single()).isZero();
    }

    @Test
    void demoFiguresRespectTheUnitWholeCompaniesAndWholeRanks() {
        record Row(String code, String unit, double value) {}
        List<Row> rows = jdbc.sql("SELECT i.code, i.unit, f.num_value FROM figure f JOIN indicator i ON i.id = f.indicator_id "
                + "WHERE f.demo = TRUE AND f.num_value IS NOT NULL")
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getDouble(3))).list();
        assertThat(rows).isNotEmpty();
        List<Row> counts = rows.stream().filter(r -> List.of("家", "个", "所", "人", "件", "位", "名", "起")
                .contains(r.unit())).toList();
        assertThat(counts).as("the demo plan has count indicators to check").isNotEmpty();
        assertThat(counts).as("counts are whole numbers").allMatch(r -> r.value() == Math.rint(r.value()));
        assertThat(rows).as("no figure has more than two decimals")
                .allMatch(r -> Math.abs(r.value() * 100 - Math.rint(r.value() * 100)) < 1e-6);
    }
}
