package cn.lantu.scale;

import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.lantu.reporting.ReminderJob;

/**
 * The jobs that must run once across all instances: the nightly reassessment and the reminder tick. Each takes
 * its lock through {@link JobLock}; the slot is the firing time truncated to {@code lantu.scale.slot-seconds}.
 */
@Component
public class ScheduledJobs {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JobLock lock;
    private final ReassessmentService reassessment;
    private final ReminderJob reminders;
    private final long slotSeconds;

    ScheduledJobs(JobLock lock, ReassessmentService reassessment, ReminderJob reminders,
                  @Value("${lantu.scale.slot-seconds:3600}") long slotSeconds) {
        this.lock = lock;
        this.reassessment = reassessment;
        this.reminders = reminders;
        this.slotSeconds = slotSeconds;
    }

    long slot() {
        return System.currentTimeMillis() / 1000 / slotSeconds;
    }

    @Scheduled(cron = "${lantu.scale.reassess-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    public void nightlyReassessment() {
        lock.runOnce("reassessment", slot(), () -> reassessment.reassessAll(null));
    }

    @Scheduled(cron = "${lantu.scale.reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    public void reminderTick() {
        lock.runOnce("reminders", slot(), () -> log.info("reminders sent: {}", reminders.remind(LocalDate.now(ZONE))));
    }
}
