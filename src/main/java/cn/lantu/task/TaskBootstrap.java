package cn.lantu.task;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lantu.plan.PlanRepository;

/** Generates the key tasks of every loaded plan that has none yet (after the plan packages are loaded). */
@Component
@Order(5)
class TaskBootstrap implements ApplicationRunner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskBootstrap.class);

    private final TaskService tasks;
    private final ReformService reforms;
    private final PlanRepository plans;

    TaskBootstrap(TaskService tasks, ReformService reforms, PlanRepository plans) {
        this.tasks = tasks;
        this.reforms = reforms;
        this.plans = plans;
    }

    @Override
    public void run(ApplicationArguments args) {
        plans.findAll().forEach(p -> {
            try {
                tasks.ensureGenerated(p.id());
                reforms.ensureAssigned(p.id());
            } catch (RuntimeException e) {
                log.error("Generating the key tasks of plan {} failed; they are generated on first use", p.code(), e);
            }
        });
    }
}
