package cn.lantu.monitoring;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.lantu.infrastructure.JobLock;

/** Every night, one instance reassesses every plan so that stored results and the cockpit start the day current. */
@Component
class NightlyReassessment {

    private final JobLock lock;
    private final ReassessmentService reassessment;

    NightlyReassessment(JobLock lock, ReassessmentService reassessment) {
        this.lock = lock;
        this.reassessment = reassessment;
    }

    @Scheduled(cron = "${lantu.scale.reassess-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void run() {
        lock.runOnceNow("reassessment", () -> reassessment.reassessAll(null));
    }
}
