package cn.lantu.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.lantu.LantuApplication;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.report.ReportService;
import cn.lantu.report.ReportType;

/**
 * Mid-term report generation for the Zhuji plan in demo mode (in-memory H2, the whole application started once per
 * fork): the document model alone (assessment, traces, three charts), and the model written as Word and as PDF.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) cn.lantu.bench.ReportBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ReportBenchmark {

    private ConfigurableApplicationContext context;
    private ReportService reports;
    private Plan plan;

    @Setup(Level.Trial)
    public void start() {
        context = new SpringApplicationBuilder(LantuApplication.class).properties(
                "lantu.demo=true", "server.port=0", "lantu.data-dir=target/bench-data",
                "spring.datasource.url=jdbc:h2:mem:lantu-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "logging.level.root=WARN").run();
        reports = context.getBean(ReportService.class);
        plan = context.getBean(PlanLookup.class).require("zhuji-15th");
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    @Benchmark
    public Object midtermModel() {
        return reports.document(plan, ReportType.MIDTERM, null);
    }

    @Benchmark
    public byte[] midtermDocx() {
        return reports.generate(plan, ReportType.MIDTERM, null, ReportService.Format.DOCX).bytes();
    }

    @Benchmark
    public byte[] midtermPdf() {
        return reports.generate(plan, ReportType.MIDTERM, null, ReportService.Format.PDF).bytes();
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ReportBenchmark.class.getName()).build()).run();
    }
}
