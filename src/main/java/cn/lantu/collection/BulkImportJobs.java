package cn.lantu.collection;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.lantu.audit.AuditLog;
import cn.lantu.plan.Plan;
import cn.lantu.security.Actor;
import cn.lantu.security.Role;

/**
 * The plan office's bulk imports as background jobs, so that the import page can show a progress bar while a large
 * workbook is read and checked. Bounded three ways: one unfinished job per user, at most {@link #MAX_JOBS} jobs kept
 * (finished ones expire after {@code lantu.reporting.bulk-job-minutes}, default 30, or make room for a new one), and every running job holds a
 * place of the {@link ImportGate}, so jobs and direct uploads together never exceed the gate's limit. Jobs live in
 * this instance's memory only: after a restart the page says the job is unknown and the import can be repeated
 * (it is all-or-nothing and idempotent).
 */
@Service
class BulkImportJobs {

    static final int MAX_JOBS = 50;
    static final String ONLY_ADMIN = "批量导入仅限规划办（管理员）";

    /** Where a job is: reading the file, checking rows, writing, or finished. */
    enum Phase { READING, CHECKING, WRITING, DONE, FAILED }

    /** One import as its page and the API see it; its fields change while the worker thread runs. */
    static final class Job implements BulkFigureImport.Progress {
        final String id = UUID.randomUUID().toString();
        final String username;
        final String fileName;
        final String planCode;
        final Instant started = Instant.now();
        volatile Phase phase = Phase.READING;
        volatile int rowsRead;
        volatile int rowsDeclared = -1;
        volatile Instant finished;
        volatile BulkFigureImport.Result result;
        volatile String error;
        volatile List<BulkFigureRowCheck.CellProblem> problems = List.of();
        volatile int problemCount;

        Job(String username, String fileName, String planCode) {
            this.username = username;
            this.fileName = fileName;
            this.planCode = planCode;
        }

        @Override
        public void rows(int read, int declared) {
            phase = Phase.CHECKING;
            rowsRead = read;
            rowsDeclared = declared;
        }

        @Override
        public void writing(int rows) {
            phase = Phase.WRITING;
        }

        boolean running() {
            return finished == null;
        }

        /** Per cent of the declared rows read, or null while the total is unknown. */
        Integer percent() {
            if (phase == Phase.DONE) {
                return 100;
            }
            int total = rowsDeclared;
            return total <= 0 ? null : Math.min(100, (int) (100L * rowsRead / total));
        }

        View view() {
            return new View(id, planCode, fileName, phase, running(), rowsRead, rowsDeclared < 0 ? null : rowsDeclared,
                    percent(), result, error, problems, problemCount, started, finished);
        }
    }

    /** A job as JSON: {@code result} once written, {@code error} and {@code problems} when refused. */
    record View(String id, String plan, String file, Phase phase, boolean running, int rowsRead, Integer rowsTotal,
                Integer percent, BulkFigureImport.Result result, String error,
                List<BulkFigureRowCheck.CellProblem> problems, int problemCount, Instant started, Instant finished) {}

    private final BulkFigureImport bulk;
    private final ImportGate gate;
    private final AuditLog audit;
    private final Duration keep;
    private final ExecutorService workers;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    BulkImportJobs(BulkFigureImport bulk, ImportGate gate, AuditLog audit,
                   @Value("${lantu.reporting.bulk-job-minutes:30}") long keepMinutes) {
        this.bulk = bulk;
        this.gate = gate;
        this.audit = audit;
        this.keep = Duration.ofMinutes(Math.max(1, keepMinutes));
        // never more threads than the gate lets imports run, so a started job never waits in the queue for long
        this.workers = new ThreadPoolExecutor(gate.max(), gate.max(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(gate.max()), r -> {
                    Thread t = new Thread(r, "bulk-import");
                    t.setDaemon(true);
                    return t;
                });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /**
     * Starts importing {@code bytes} in the background and returns the job at once. Refused with 403 for anyone but
     * the plan office, 409 while the same user's previous job runs, 413 for a file over the size limit and 429 when
     * the job store or the import gate is full.
     */
    Job start(Plan plan, Actor actor, String fileName, byte[] bytes) {
        if (actor.role() != Role.ADMIN) {
            throw ReportingException.forbidden(ONLY_ADMIN);
        }
        if (bytes.length > bulk.maxBytes()) {
            throw new ReportingException(413, ExcelImport.TOO_LARGE + "（上限 " + bulk.maxBytes() / 1024 + " KB）");
        }
        String name = fileName == null || fileName.isBlank() ? "upload.xlsx" : FigureValidator.cut(fileName.strip(), 120);
        Job job = new Job(actor.username(), name, plan.code());
        synchronized (jobs) {
            expire();
            if (jobs.values().stream().anyMatch(j -> j.running() && j.username.equals(actor.username()))) {
                throw ReportingException.conflict("您上一次的批量导入仍在进行，请等它完成后再导入下一个文件");
            }
            if (jobs.size() >= MAX_JOBS) {
                // the oldest finished job makes room (its result was shown); running ones are never dropped
                jobs.values().stream().filter(j -> !j.running()).findFirst().ifPresent(j -> jobs.remove(j.id));
            }
            if (jobs.size() >= MAX_JOBS) {
                throw new ReportingException(429, "同时保存的导入任务已达上限（" + MAX_JOBS + " 个），请稍后再试");
            }
            gate.enter();
            jobs.put(job.id, job);
        }
        try {
            workers.execute(() -> run(plan, actor, bytes, job));
        } catch (RuntimeException e) {
            synchronized (jobs) {
                jobs.remove(job.id);
            }
            gate.leave();
            throw new ReportingException(429, String.format(ImportGate.BUSY, gate.max()));
        }
        return job;
    }

    private void run(Plan plan, Actor actor, byte[] bytes, Job job) {
        try {
            job.result = bulk.importFile(plan, actor, job.fileName, bytes, job);
            job.phase = Phase.DONE;
        } catch (BulkFigureRowCheck.Refused e) {
            job.problems = e.cells();
            job.problemCount = e.count();
            refuse(plan, job, e.getMessage());
        } catch (ReportingException e) {
            refuse(plan, job, e.getMessage());
        } catch (RuntimeException e) {
            refuse(plan, job, "导入失败（" + e.getClass().getSimpleName() + "），未写入任何数据，请重试或联系管理员");
        } finally {
            job.finished = Instant.now();
            gate.leave();
        }
    }

    /** A refused file is audited too: who tried which file, and why nothing was written. */
    private void refuse(Plan plan, Job job, String message) {
        job.error = message;
        job.phase = Phase.FAILED;
        audit.record(job.username, "FIGURE_BULK_IMPORT_REFUSED", "plan:" + plan.id(), plan.name() + " 批量导入“"
                + job.fileName + "”被拒绝，未写入任何数据：" + FigureValidator.cut(message, 300));
    }

    /** The job, to its own user only (another user's job is as unknown as an expired one). */
    Job get(String id, Actor actor) {
        synchronized (jobs) {
            expire();
            Job job = jobs.get(id);
            if (job == null || !job.username.equals(actor.username())) {
                throw new ReportingException(404, "导入任务不存在或已过期（完成后保留 " + keep.toMinutes() + " 分钟）");
            }
            return job;
        }
    }

    /** The user's latest job, if one is kept. */
    Job latest(Actor actor) {
        synchronized (jobs) {
            expire();
            return jobs.values().stream().filter(j -> j.username.equals(actor.username()))
                    .reduce((a, b) -> b).orElse(null);
        }
    }

    private void expire() {
        Instant limit = Instant.now().minus(keep);
        jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(limit));
    }
}
