package cn.lantu.collection;

import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.lantu.infrastructure.JobLock;

/** Every morning (Beijing time), one instance sends the overdue reminders, so a department is reminded once. */
@Component
class ReminderSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JobLock lock;
    private final ReminderJob reminders;

    ReminderSchedule(JobLock lock, ReminderJob reminders) {
        this.lock = lock;
        this.reminders = reminders;
    }

    @Scheduled(cron = "${lantu.scale.reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    void run() {
        lock.runOnceNow("reminders", () -> log.info("reminders sent: {}", reminders.remind(LocalDate.now(BEIJING))));
    }
}
