package cn.lantu.collection;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code lantu.reporting.max-concurrent-imports} (default 2) Excel imports (template uploads and bulk
 * imports together) run at once in this instance; one more is refused at once with 429 and a Chinese message
 * rather than queued, so that a burst of large uploads cannot exhaust the heap. Held around the reading of the
 * uploaded bytes as well as the parse, since the bytes themselves take memory.
 */
@Component
class ImportGate {

    static final String BUSY = "当前正在处理的Excel导入已达上限（同时最多 %d 个），请稍后再试";

    private final Semaphore permits;
    private final int max;

    ImportGate(@Value("${lantu.reporting.max-concurrent-imports:2}") int max) {
        this.max = Math.max(1, max);
        this.permits = new Semaphore(this.max);
    }

    /** An import: reads the upload's bytes and processes them. */
    interface Work<T> {
        T get() throws IOException;
    }

    int max() {
        return max;
    }

    /** Runs one import, or refuses with 429 when {@link #max()} are already running. */
    <T> T run(Work<T> work) throws IOException {
        enter();
        try {
            return work.get();
        } finally {
            leave();
        }
    }

    /** Takes a place for an import that runs elsewhere (a background job), or refuses with 429; then {@link #leave}. */
    void enter() {
        if (!permits.tryAcquire()) {
            throw new ReportingException(429, String.format(BUSY, max));
        }
    }

    void leave() {
        permits.release();
    }
}
