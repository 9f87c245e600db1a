package cn.lantu.infrastructure;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job once across all instances: the job takes its lock from the JDBC lock registry (no waiting:
 * another instance holding it means the job is running there) and records its slot in {@code scheduled_run}
 * (unique per job and slot), so an instance whose timer fires a little later does not run the same slot again.
 */
@Component
public class JobLock {

    private static final Logger log = LoggerFactory.getLogger(JobLock.class);
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "-" + Long.toString(System.nanoTime(), 36);

    private final JdbcLockRegistry locks;
    private final JdbcClient jdbc;
    private final long slotSeconds;

    JobLock(JdbcLockRegistry locks, JdbcClient jdbc, @Value("${lantu.scale.slot-seconds:3600}") long slotSeconds) {
        this.locks = locks;
        this.jdbc = jdbc;
        this.slotSeconds = slotSeconds;
    }

    /** Runs {@code job} once across instances for the slot that now falls in ({@code lantu.scale.slot-seconds}). */
    public boolean runOnceNow(String jobName, Runnable job) {
        return runOnce(jobName, System.currentTimeMillis() / 1000 / slotSeconds, job);
    }

    /** Runs {@code job} if this instance gets the lock and the slot has not run yet; true when it ran here. */
    public boolean runOnce(String jobName, long slot, Runnable job) {
        Lock lock = locks.obtain(jobName);
        boolean got;
        try {
            got = lock.tryLock();
        } catch (RuntimeException e) {
            log.warn("job {}: lock not available: {}", jobName, e.toString());
            return false;
        }
        if (!got) {
            log.info("job {} slot {} runs on another instance", jobName, slot);
            return false;
        }
        try {
            long id;
            try {
                id = jdbc.sql("INSERT INTO scheduled_run (job_name, slot, instance, started_at) VALUES (?, ?, ?, ?)")
                        .params(jobName, slot, instanceName(), Timestamp.from(Instant.now())).update() == 1
                        ? jdbc.sql("SELECT id FROM scheduled_run WHERE job_name = ? AND slot = ?")
                                .params(jobName, slot).query(Long.class).single() : -1;
            } catch (DuplicateKeyException e) {
                log.info("job {} slot {} already ran", jobName, slot);
                return false;
            }
            job.run();
            jdbc.sql("UPDATE scheduled_run SET finished_at = ? WHERE id = ?").params(Timestamp.from(Instant.now()), id)
                    .update();
            return true;
        } finally {
            lock.unlock();
        }
    }

    static String instanceName() {
        String port = System.getProperty("lantu.instance-name");
        return port != null ? port : INSTANCE;
    }
}
