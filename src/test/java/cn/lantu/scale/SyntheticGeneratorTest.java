package cn.lantu.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Province scale (90 plans) through the generator, on its own in-memory database so that the shared test context
 * keeps the single Zhuji plan. Two yearly figures per headline indicator keep the suite fast; the plans are the
 * full 90, loaded through the plan package loader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:scale-gen;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.session.jdbc.initialize-schema=never",
        // its own data folder: the shared context's administrator password file must not be overwritten
        "lantu.data-dir=target/test-data-scale"})
@ActiveProfiles("test")
class SyntheticGeneratorTest {

    static final long SEED = 20260501L;

    @Autowired SyntheticGenerator generator;
    @Autowired JdbcClient jdbc;
    @Autowired RollupService rollups;
    @Autowired RegionRepository regions;
    @Autowired ReassessmentService reassessment;

    @Test
    void provinceScaleIsCountedMarkedAndDeterministic() {
        var options = SyntheticGenerator.Options.of(90, SEED).withFigures(2, 1);
        List<String> progress = new ArrayList<>();
        SyntheticGenerator.Result r = generator.generate(options, progress::add);

        assertThat(r.created()).isEqualTo(90);
        assertThat(progress).hasSize(9).last().asString().startsWith("generated 90/90 plans");
        long synthetic = count("SELECT COUNT(*) FROM plan WHERE synthetic = TRUE");
        assertThat(synthetic).isEqualTo(90);
        assertThat(count("SELECT COUNT(*) FROM plan WHERE synthetic = TRUE AND (code NOT LIKE 'syn-%' "
                + "OR name NOT LIKE '【合成数据】%')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM plan WHERE synthetic = FALSE")).isEqualTo(1); // Zhuji untouched
        // same structure as Zhuji in every plan
        long zhujiIndicators = count("SELECT COUNT(*) FROM indicator i JOIN plan p ON p.id = i.plan_id "
                + "WHERE p.code = 'zhuji-15th'");
        assertThat(count("SELECT COUNT(*) FROM indicator i JOIN plan p ON p.id = i.plan_id WHERE p.synthetic = TRUE"))
                .isEqualTo(90 * zhujiIndicators);
        // figures: counted, each APPROVED with its revision row
        long figures = count("SELECT COUNT(*) FROM figure f JOIN indicator i ON i.id = f.indicator_id "
                + "JOIN plan p ON p.id = i.plan_id WHERE p.synthetic = TRUE");
        assertThat(figures).isEqualTo(r.figures()).isGreaterThan(90L * 20 * 2);
        assertThat(count("SELECT COUNT(*) FROM figure_revision WHERE state = 'APPROVED' AND changed_by = 'synthetic'"))
                .isEqualTo(figures);
        assertThat(count("SELECT COUNT(*) FROM figure WHERE period LIKE 'M%'")).isPositive();
        // regions: one province, 9 cities, 90 counties
        assertThat(count("SELECT COUNT(*) FROM region WHERE synthetic = TRUE AND region_level = 'PROVINCE'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM region WHERE synthetic = TRUE AND region_level = 'CITY'")).isEqualTo(9);
        assertThat(count("SELECT COUNT(*) FROM region WHERE synthetic = TRUE AND region_level = 'COUNTY'")).isEqualTo(90);

        // determinism: stored values = a replay of the same seed; another seed differs
        assertThat(generator.storedChecksum(SEED)).isEqualTo(r.checksum());
        assertThat(generator.expectedChecksum(options)).isEqualTo(r.checksum());
        assertThat(generator.expectedChecksum(SyntheticGenerator.Options.of(90, SEED + 1).withFigures(2, 1)))
                .isNotEqualTo(r.checksum());

        // full reassessment on both cores stores every plan's results
        ReassessmentService.Summary summary = reassessment.reassessAll(2030);
        assertThat(summary.plans()).isEqualTo(91);
        assertThat(count("SELECT COUNT(*) FROM assessment_result WHERE report_year = 2030")).isEqualTo(summary.results())
                .isEqualTo(91 * zhujiIndicators);
        // province roll-up over the 90 synthetic counties, from the stored results
        var all = regions.all();
        RollupService.Rollup rollup = rollups.rollup(all.get("SP00"), all, 2030);
        assertThat(rollup.counties()).hasSize(90).allSatisfy(c -> {
            assertThat(c.synthetic()).isTrue();
            assertThat(c.headline()).isPositive();
            assertThat(c.investment().planned()).isPositive();
        });
        assertThat(count("SELECT COUNT(*) FROM assessment_result WHERE report_year = 2030")).isEqualTo(summary.results());
        assertThat(rollup.totals().get("LAGGING") + rollup.totals().get("SEVERELY_LAGGING")).isPositive();
        assertThat(rollup.worstLagging()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.worst()).hasSizeLessThanOrEqualTo(RollupService.WORST).isNotEmpty();
            assertThat(l.worst().get(0).status()).isIn("LAGGING", "SEVERELY_LAGGING");
        });
        // a city sees only its 10 counties; Zhuji's province none of the synthetic ones
        assertThat(rollups.rollup(all.get("SP00C3"), all, 2030).counties()).hasSize(10);
        assertThat(rollups.rollup(all.get("330000"), all, 2030).counties()).extracting(RollupService.CountyRow::planCode)
                .containsExactly("zhuji-15th");

        // a second run with the same seed writes nothing new
        SyntheticGenerator.Result again = generator.generate(SyntheticGenerator.Options.of(3, SEED).withFigures(2, 1),
                s -> { });
        assertThat(again.created()).isZero();
        assertThat(count("SELECT COUNT(*) FROM plan WHERE synthetic = TRUE")).isEqualTo(90);
    }

    @Test
    void commandLineArgumentsMapToProperties() {
        assertThat(GenerateCommand.toProperties(new String[] {"generate", "--plans", "90", "--seed", "7",
                "--spring.datasource.url=x"}))
                .containsExactly("--lantu.generate.plans=90", "--lantu.generate.seed=7", "--spring.datasource.url=x");
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
