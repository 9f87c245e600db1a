package cn.lantu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Lantu (蓝图): monitoring and evaluation of five-year plans.
 *
 * <p>{@code java -jar lantu.jar} starts the server. {@code java -jar lantu.jar extract FILE --json}
 * runs the outline extractor without starting Spring (nothing but the JSON goes to stdout).
 * {@code java -jar lantu.jar load-plan DIR} loads another plan package into the configured database and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LantuApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "extract".equals(args[0])) {
            System.exit(cn.lantu.ingest.ExtractCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && ("backup".equals(args[0]) || "restore".equals(args[0]))) {
            System.exit(cn.lantu.infrastructure.BackupCommand.run(args, System.out, System.err));
        }
        if (args.length > 1 && "load-plan".equals(args[0])) {
            // Load a plan package into the configured database, then exit. The security configuration needs a
            // servlet context, so the web server starts on a random port and stops again.
            var app = new SpringApplication(LantuApplication.class);
            app.setDefaultProperties(java.util.Map.of("server.port", "0"));
            String[] rest = java.util.Arrays.copyOfRange(args, 2, args.length);
            String[] all = new String[rest.length + 1];
            all[0] = "--lantu.load-package=" + args[1];
            System.arraycopy(rest, 0, all, 1, rest.length);
            System.exit(SpringApplication.exit(app.run(all)));
        }
        if (args.length > 0 && "generate".equals(args[0])) {
            // Synthetic plans and figures (合成数据) for scale tests and benchmarks, then exit. The security
            // configuration needs a servlet context, so the web server starts on a random port and stops again.
            var app = new SpringApplication(LantuApplication.class);
            app.setDefaultProperties(java.util.Map.of("server.port", "0"));
            System.exit(SpringApplication.exit(app.run(cn.lantu.synthetic.GenerateCommand.toProperties(args))));
        }
        SpringApplication.run(LantuApplication.class, args);
    }
}
