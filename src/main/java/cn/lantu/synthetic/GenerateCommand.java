package cn.lantu.synthetic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar lantu.jar generate --plans N --seed S [--years Y] [--monthly-years M] [--tasks-per-plan T]
 * [--projects-per-plan P] [--threads W]}: generates N synthetic plans with their figures, key tasks and major
 * projects (see {@link SyntheticGenerator}) into the configured database, after the bundled plan is loaded, then
 * the application exits. {@link cn.lantu.LantuApplication#main} maps the arguments to
 * {@code lantu.generate.*} properties.
 */
@Component
@Order(20)
public class GenerateCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);

    private final SyntheticGenerator generator;
    private final int plans;
    private final long seed;
    private final int years;
    private final int monthlyYears;
    private final int tasksPerPlan;
    private final int projectsPerPlan;
    private final int threads;

    GenerateCommand(SyntheticGenerator generator, @Value("${lantu.generate.plans:0}") int plans,
                    @Value("${lantu.generate.seed:1}") long seed, @Value("${lantu.generate.years:10}") int years,
                    @Value("${lantu.generate.monthly-years:5}") int monthlyYears,
                    @Value("${lantu.generate.tasks-per-plan:300}") int tasksPerPlan,
                    @Value("${lantu.generate.projects-per-plan:150}") int projectsPerPlan,
                    @Value("${lantu.generate.threads:2}") int threads) {
        this.generator = generator;
        this.plans = plans;
        this.seed = seed;
        this.years = years;
        this.monthlyYears = monthlyYears;
        this.tasksPerPlan = tasksPerPlan;
        this.projectsPerPlan = projectsPerPlan;
        this.threads = threads;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (plans <= 0) {
            return;
        }
        SyntheticGenerator.Result r = generator.generate(SyntheticGenerator.Options.of(plans, seed)
                        .withFigures(years, monthlyYears).withPortfolio(tasksPerPlan, projectsPerPlan)
                        .withThreads(threads),
                line -> log.info("synthetic data: {}", line));
        log.info("synthetic data done: {} plans ({} new), {} figures, {} tasks, {} projects, {} ms, checksum {}, "
                        + "tasks/projects checksum {}; time per phase (ms, summed over {} threads): {}", r.plans(),
                r.created(), r.figures(), r.tasks(), r.projects(), r.millis(), r.checksum(), r.portfolioChecksum(),
                threads, r.phaseMillis());
        System.out.println("checksum " + r.checksum());
        System.out.println("portfolio checksum " + r.portfolioChecksum());
    }

    /** Options of {@code generate} that take a value, mapped to {@code lantu.generate.*}. */
    static final java.util.Set<String> OPTIONS = java.util.Set.of("--plans", "--seed", "--years", "--monthly-years",
            "--tasks-per-plan", "--projects-per-plan", "--threads");

    /** Maps {@code generate --plans N --seed S --years Y --monthly-years M ...} to Spring properties. */
    public static String[] toProperties(String[] args) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && !a.contains("=") && i + 1 < args.length
                    && OPTIONS.contains(a)) {
                out.add("--lantu.generate." + a.substring(2) + "=" + args[++i]);
            } else {
                out.add(a);
            }
        }
        return out.toArray(String[]::new);
    }
}
