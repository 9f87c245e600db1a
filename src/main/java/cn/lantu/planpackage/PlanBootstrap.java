package cn.lantu.planpackage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled plan package (the Zhuji plan by default) on first start, and any package named by
 * {@code --lantu.load-package=DIR} (what {@code java -jar lantu.jar load-plan DIR} sets). Loading is idempotent.
 */
@Component
@Order(1)
public class PlanBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlanBootstrap.class);

    private final PlanPackageLoader loader;
    private final cn.lantu.indicator.IndicatorRepository indicators;
    private final String bootstrapPlan;
    private final String extraPackage;

    public PlanBootstrap(PlanPackageLoader loader, cn.lantu.indicator.IndicatorRepository indicators,
                         @Value("${lantu.bootstrap-plan:}") String bootstrapPlan,
                         @Value("${lantu.load-package:}") String extraPackage) {
        this.loader = loader;
        this.indicators = indicators;
        this.bootstrapPlan = bootstrapPlan;
        this.extraPackage = extraPackage;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!bootstrapPlan.isBlank()) {
            PlanPackageLoader.LoadResult r = loader.load(bootstrapPlan);
            if (r.created()) {
                // the bundled plan is the published outline itself, so its portal opens with it; every indicator
                // loaded or created afterwards starts unpublished until the plan office publishes it
                indicators.publishAll(r.plan().id());
            }
            log.info("Plan {} {}", r.plan().code(), r.created() ? "loaded" : "already present, nothing written");
        }
        if (!extraPackage.isBlank()) {
            PlanPackageLoader.LoadResult r = loader.load(extraPackage);
            log.info("Plan package {} -> plan {} {}", extraPackage, r.plan().code(),
                    r.created() ? "loaded" : "already present, nothing written");
        }
    }
}
