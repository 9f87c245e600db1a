package cn.lantu.planpackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;

/**
 * Persistence behaviour that must hold on every supported database: H2 always, PostgreSQL when configured.
 * The Zhuji plan is loaded at start-up; these tests read it back, load it again, and try broken packages.
 */
abstract class PlanPersistenceContract {

    static final List<String> TABLES = List.of("plan", "outline_node", "text_correction", "org_unit", "area_town",
            "indicator", "responsibility", "project_domain", "project", "reform_domain", "reform");

    @Autowired PlanRepository plans;
    @Autowired IndicatorRepository indicators;
    @Autowired PlanPackageLoader loader;
    @Autowired JdbcClient jdbc;

    Plan zhuji() {
        return plans.findByCode("zhuji-15th").orElseThrow();
    }

    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String t : TABLES) {
            counts.put(t, jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single());
        }
        return counts;
    }

    @Test
    void theZhujiPlanIsLoadedWithItsWholeModel() {
        Plan plan = zhuji();
        assertThat(plan.regionCode()).isEqualTo("330681");
        assertThat(plan.periodStart()).isEqualTo(2026);
        assertThat(plan.periodEnd()).isEqualTo(2030);
        assertThat(plan.baseYear()).isEqualTo(2025);
        List<Indicator> table = indicators.findTableRows(plan.id());
        assertThat(table).hasSize(27);
        assertThat(table.stream().map(Indicator::tableNumber).distinct()).hasSize(26);
        Indicator forest = indicators.findByCode(plan.id(), table.stream()
                .filter(i -> i.tableNumber() == 23).findFirst().orElseThrow().code()).orElseThrow();
        assertThat(forest.baseValue()).isEqualTo(55.96);
        assertThat(forest.baseYear()).isEqualTo(2024);
        assertThat(plans.nodesOfType(plan.id(), "CHAPTER")).hasSize(12);
        assertThat(plans.nodesOfType(plan.id(), "COLUMN")).hasSize(16);
        assertThat(plans.outlineSource(plan.id())).contains("西交网络空间安全");
    }

    @Test
    void loadingTheSamePackageAgainWritesNothing() {
        Map<String, Long> before = rowCounts();
        PlanPackageLoader.LoadResult result = loader.load("classpath:plans/zhuji-15th");
        assertThat(result.created()).isFalse();
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aBrokenPackageIsRejectedWholeAndTheDatabaseIsUnchanged() throws IOException {
        Path copy = BrokenPackages.copyOfZhuji("other-plan");
        BrokenPackages.edit(copy.resolve("indicators.yaml"), "kind: GROWTH", "kind: SPEED", 1);
        Map<String, Long> before = rowCounts();
        assertThatThrownBy(() -> loader.load(copy.toString()))
                .isInstanceOf(PackageException.class)
                .hasMessageContaining("indicators.yaml")
                .hasMessageContaining("unknown kind 'SPEED'");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aValidSecondPackageLoadsBesideTheFirst() throws IOException {
        Path copy = BrokenPackages.copyOfZhuji("second-plan-" + System.nanoTime() % 100000);
        Map<String, Long> before = rowCounts();
        PlanPackageLoader.LoadResult result = loader.load(copy.toString());
        assertThat(result.created()).isTrue();
        assertThat(plans.findAll()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(indicators.findTableRows(result.plan().id())).hasSize(27);
        assertThat(rowCounts().get("indicator")).isGreaterThan(before.get("indicator"));
        assertThat(indicators.findByPlan(result.plan().id())).as("nothing is public until the office publishes it")
                .noneMatch(Indicator::published);
        assertThat(indicators.findByPlan(zhuji().id())).as("the bundled plan opens its portal").allMatch(
                Indicator::published);
        Files.walk(copy).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
}
