package cn.lantu.synthetic;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a generator run spends its time: wall and CPU time per phase summed over the worker threads, plus the
 * process CPU and GC time, so that benchmarks can tell database waits from generation work.
 */
final class SyntheticTiming {

    static final List<String> PHASES = List.of("values", "package", "load", "figures", "tasks", "portfolio", "commit");
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private SyntheticTiming() {
    }

    /** Empty totals: wall time and {@code .cpu} time per phase, in nanoseconds. */
    static Map<String, LongAdder> totals() {
        Map<String, LongAdder> phases = new LinkedHashMap<>();
        PHASES.forEach(p -> {
            phases.put(p, new LongAdder());
            phases.put(p + ".cpu", new LongAdder());
        });
        return phases;
    }

    static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    /** Wall and CPU time per phase of one worker thread, added to the run's totals. */
    static final class Laps {
        private final Map<String, LongAdder> totals;
        private long wall = System.nanoTime();
        private long cpu = CPU.getCurrentThreadCpuTime();

        Laps(Map<String, LongAdder> totals) {
            this.totals = totals;
        }

        void lap(String phase) {
            long w = System.nanoTime();
            long c = CPU.getCurrentThreadCpuTime();
            totals.get(phase).add(w - wall);
            totals.get(phase + ".cpu").add(c - cpu);
            wall = w;
            cpu = c;
        }
    }
}
