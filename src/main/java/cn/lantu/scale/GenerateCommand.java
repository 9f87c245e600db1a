package cn.lantu.scale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar lantu.jar generate --plans N --seed S [--years Y] [--monthly-years M]}: generates N synthetic
 * plans with their figures (see {@link SyntheticGenerator}) into the configured database, after the bundled plan
 * is loaded, then the application exits. {@link cn.lantu.LantuApplication#main} maps the arguments to
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

    GenerateCommand(SyntheticGenerator generator, @Value("${lantu.generate.plans:0}") int plans,
                    @Value("${lantu.generate.seed:1}") long seed, @Value("${lantu.generate.years:10}") int years,
                    @Value("${lantu.generate.monthly-years:5}") int monthlyYears) {
        this.generator = generator;
        this.plans = plans;
        this.seed = seed;
        this.years = years;
        this.monthlyYears = monthlyYears;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (plans <= 0) {
            return;
        }
        SyntheticGenerator.Result r = generator.generate(
                SyntheticGenerator.Options.of(plans, seed).withFigures(years, monthlyYears),
                line -> log.info("synthetic data: {}", line));
        log.info("synthetic data done: {} plans ({} new), {} figures, {} ms, checksum {}", r.plans(), r.created(),
                r.figures(), r.millis(), r.checksum());
        System.out.println("checksum " + r.checksum());
    }

    /** Maps {@code generate --plans N --seed S --years Y --monthly-years M ...} to Spring properties. */
    public static String[] toProperties(String[] args) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && !a.contains("=") && i + 1 < args.length
                    && java.util.Set.of("--plans", "--seed", "--years", "--monthly-years").contains(a)) {
                out.add("--lantu.generate." + a.substring(2) + "=" + args[++i]);
            } else {
                out.add(a);
            }
        }
        return out.toArray(String[]::new);
    }
}
