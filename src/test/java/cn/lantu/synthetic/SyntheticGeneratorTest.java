package cn.lantu.synthetic;

import cn.lantu.monitoring.ReassessmentService;
import cn.lantu.region.RegionRepository;
import cn.lantu.region.RollupService;

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
 * full 90, loaded through the plan package loader, with the default 300 key tasks and 150 projects each, on two
 * worker threads.
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
        assertThat(options.threads()).isEqualTo(2);
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

        // key tasks: 300 per plan = the outline's tasks (as TaskService generates them for Zhuji) + synthetic ones
        long outlineTasks = count("SELECT COUNT(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.code = 'zhuji-15th'");
        assertThat(outlineTasks).isBetween(100L, 299L);
        assertThat(r.tasks()).isEqualTo(90L * 300);
        assertThat(count("SELECT COUNT(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.synthetic = TRUE"))
                .isEqualTo(90L * 300);
        assertThat(count("SELECT COUNT(*) FROM (SELECT t.plan_id FROM task t JOIN plan p ON p.id = t.plan_id "
                + "WHERE p.synthetic = TRUE GROUP BY t.plan_id HAVING COUNT(*) <> 300) x")).isZero();
        assertThat(count("SELECT COUNT(*) FROM task WHERE code LIKE 'T-SYN-%' AND updated_by = 'synthetic' "
                + "AND title LIKE '【合成数据】%' AND chapter_key IS NOT NULL")).isEqualTo(90 * (300 - outlineTasks));
        assertThat(count("SELECT COUNT(DISTINCT chapter_key) FROM task WHERE code LIKE 'T-SYN-%'")).isEqualTo(11);
        // every synthetic task has a lead and a cooperating department of its own plan
        assertThat(count("""
                SELECT COUNT(*) FROM task t JOIN task_org x ON x.task_id = t.id JOIN org_unit u ON u.id = x.org_unit_id
                 WHERE t.code LIKE 'T-SYN-%' AND u.plan_id = t.plan_id AND u.unit_type = 'DEPARTMENT'""")).isEqualTo(
                2 * 90 * (300 - outlineTasks));
        // each plan's outline tasks are those of Zhuji, links included (the first plan through TaskService, the
        // others copied from it)
        List<String> zhuji = outlineTasks("zhuji-15th");
        assertThat(zhuji).hasSize((int) outlineTasks);
        assertThat(outlineTasks(SyntheticGenerator.planCode(SEED, 0))).isEqualTo(zhuji);
        assertThat(outlineTasks(SyntheticGenerator.planCode(SEED, 89))).isEqualTo(zhuji);
        assertThat(count("SELECT COUNT(*) FROM task_indicator x JOIN task t ON t.id = x.task_id "
                + "JOIN indicator i ON i.id = x.indicator_id WHERE i.plan_id <> t.plan_id")).isZero();

        // projects: 150 per plan = the package's named projects + synthetic ones over the 专栏8 domains
        long named = count("SELECT COUNT(*) FROM project x JOIN plan p ON p.id = x.plan_id WHERE p.code = 'zhuji-15th'");
        assertThat(r.projects()).isEqualTo(90L * 150);
        assertThat(count("SELECT COUNT(*) FROM project x JOIN plan p ON p.id = x.plan_id WHERE p.synthetic = TRUE"))
                .isEqualTo(90L * 150);
        long synProjects = 90 * (150 - named);
        assertThat(count("SELECT COUNT(*) FROM project WHERE code LIKE 'P-SYN-%' AND name LIKE '【合成数据】%' "
                + "AND updated_by = 'synthetic' AND confirmed = TRUE AND dept_id IS NOT NULL AND period_amount > 0 "
                + "AND total_amount >= period_amount")).isEqualTo(synProjects);
        assertThat(count("SELECT COUNT(DISTINCT d.code) FROM project x JOIN project_domain d ON d.id = x.domain_id "
                + "WHERE x.code LIKE 'P-SYN-%'")).isEqualTo(count("SELECT COUNT(*) FROM project_domain d "
                + "JOIN plan p ON p.id = d.plan_id WHERE p.code = 'zhuji-15th'"));
        // the yearly plan adds up to the five-year amount; year-end reports are APPROVED with their revision
        assertThat(count("""
                SELECT COUNT(*) FROM project x WHERE x.code LIKE 'P-SYN-%' AND x.period_amount <>
                  (SELECT SUM(y.amount) FROM project_year_plan y WHERE y.project_id = x.id)""")).isZero();
        long reports = count("SELECT COUNT(*) FROM project_report WHERE updated_by = 'synthetic' AND state = 'APPROVED'");
        assertThat(reports).isGreaterThan(synProjects);
        assertThat(count("SELECT COUNT(*) FROM project_report_revision WHERE changed_by = 'synthetic'"))
                .isEqualTo(reports);

        // determinism: stored values = a replay of the same seed; another seed differs
        assertThat(generator.storedChecksum(SEED)).isEqualTo(r.checksum());
        assertThat(generator.storedPortfolioChecksum(SEED)).isEqualTo(r.portfolioChecksum());
        String[] expected = generator.expectedChecksums(options);
        assertThat(expected).containsExactly(r.checksum(), r.portfolioChecksum());
        assertThat(r.checksum()).isNotEqualTo(r.portfolioChecksum());
        String[] other = generator.expectedChecksums(SyntheticGenerator.Options.of(90, SEED + 1).withFigures(2, 1));
        assertThat(other[0]).isNotEqualTo(r.checksum());
        assertThat(other[1]).isNotEqualTo(r.portfolioChecksum());
        // a stored change shows in the stored checksum
        jdbc.sql("UPDATE project_year_plan SET amount = amount + 1 WHERE project_id = (SELECT MIN(id) FROM project "
                + "WHERE code LIKE 'P-SYN-%') AND plan_year = (SELECT MIN(plan_year) FROM project_year_plan y "
                + "JOIN project x ON x.id = y.project_id WHERE x.code LIKE 'P-SYN-%' AND x.id = (SELECT MIN(id) "
                + "FROM project WHERE code LIKE 'P-SYN-%'))").update();
        assertThat(generator.storedPortfolioChecksum(SEED)).isNotEqualTo(r.portfolioChecksum());
        jdbc.sql("UPDATE project_year_plan SET amount = amount - 1 WHERE project_id = (SELECT MIN(id) FROM project "
                + "WHERE code LIKE 'P-SYN-%') AND plan_year = (SELECT MIN(plan_year) FROM project_year_plan y "
                + "JOIN project x ON x.id = y.project_id WHERE x.code LIKE 'P-SYN-%' AND x.id = (SELECT MIN(id) "
                + "FROM project WHERE code LIKE 'P-SYN-%'))").update();
        assertThat(generator.storedPortfolioChecksum(SEED)).isEqualTo(r.portfolioChecksum());

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
            assertThat(c.investment().completed()).isPositive();
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
        assertThat(count("SELECT COUNT(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.synthetic = TRUE"))
                .isEqualTo(90L * 300);
        assertThat(count("SELECT COUNT(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.code = 'zhuji-15th'"))
                .isEqualTo(outlineTasks); // Zhuji untouched
    }

    /** One line per outline task of a plan: code, title, chapter, departments, towns, indicators, projects, milestones. */
    List<String> outlineTasks(String planCode) {
        long planId = jdbc.sql("SELECT id FROM plan WHERE code = ?").param(planCode).query(Long.class).single();
        java.util.Map<String, java.util.TreeSet<String>> links = new java.util.HashMap<>();
        for (String sql : List.of(
                "SELECT t.code, 'org:' || u.code || ':' || x.role || ':' || CAST(x.is_default AS VARCHAR) FROM task_org x "
                        + "JOIN org_unit u ON u.id = x.org_unit_id JOIN task t ON t.id = x.task_id WHERE t.plan_id = ?",
                "SELECT t.code, 'town:' || u.code FROM task_town x JOIN org_unit u ON u.id = x.town_id "
                        + "JOIN task t ON t.id = x.task_id WHERE t.plan_id = ?",
                "SELECT t.code, 'ind:' || i.code FROM task_indicator x JOIN indicator i ON i.id = x.indicator_id "
                        + "JOIN task t ON t.id = x.task_id WHERE t.plan_id = ?",
                "SELECT t.code, 'proj:' || p.code FROM task_project x JOIN project p ON p.id = x.project_id "
                        + "JOIN task t ON t.id = x.task_id WHERE t.plan_id = ?",
                "SELECT t.code, 'ms:' || m.title || '@' || CAST(m.due_on AS VARCHAR) FROM task_milestone m "
                        + "JOIN task t ON t.id = m.task_id WHERE t.plan_id = ?")) {
            jdbc.sql(sql).param(planId).query((rs, n) -> links.computeIfAbsent(rs.getString(1),
                    k -> new java.util.TreeSet<>()).add(rs.getString(2))).list();
        }
        return jdbc.sql("SELECT code, title, chapter_key, origin, ordinal FROM task WHERE plan_id = ? "
                        + "AND origin IN ('MEASURE', 'COLUMN_ITEM') ORDER BY code").param(planId)
                .query((rs, n) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        String.valueOf(rs.getInt(5)), String.valueOf(links.get(rs.getString(1)))))
                .list();
    }

    @Test
    void commandLineArgumentsMapToProperties() {
        assertThat(GenerateCommand.toProperties(new String[] {"generate", "--plans", "90", "--seed", "7",
                "--spring.datasource.url=x"}))
                .containsExactly("--lantu.generate.plans=90", "--lantu.generate.seed=7", "--spring.datasource.url=x");
        assertThat(GenerateCommand.toProperties(new String[] {"generate", "--tasks-per-plan", "200",
                "--projects-per-plan", "80", "--threads", "3"}))
                .containsExactly("--lantu.generate.tasks-per-plan=200", "--lantu.generate.projects-per-plan=80",
                        "--lantu.generate.threads=3");
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
