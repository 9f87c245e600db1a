package cn.lantu.cockpit;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lantu.plan.PlanRepository;

/**
 * Stored cockpits. A cockpit is computed once per plan, year, data version and day (tasks and milestones fall
 * overdue as days pass) and then read: from a small in-memory LRU on this instance, else from
 * {@code cockpit_snapshot} (shared by every instance on the database), else computed and stored. The plan's data
 * version ({@code plan_data_version}, raised by every write that can change a cockpit) is read on every request, so
 * a figure approved through any instance shows on the next request through any other.
 */
@Component
class CockpitSnapshots {

    static final int MEMORY_ENTRIES = 256;

    private record Key(long planId, int year) {}

    /** What is kept: the versioned JSON and, for pages, the computed cockpit itself when this instance made it. */
    record Entry(long version, LocalDate asOf, byte[] json, CockpitController.Cockpit cockpit) {}

    private final JdbcClient jdbc;
    private final PlanRepository plans;
    private final TransactionTemplate tx;
    private final Map<Key, Entry> memory = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MEMORY_ENTRIES;
        }
    };
    private final Map<Long, long[]> defaultYears = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, long[]> eldest) {
            return size() > MEMORY_ENTRIES;
        }
    };

    private final java.util.concurrent.ConcurrentHashMap<Key, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

    CockpitSnapshots(JdbcClient jdbc, PlanRepository plans, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.tx = tx;
    }

    long version(long planId) {
        return plans.dataVersion(planId);
    }

    /** The plan's id and data version in one query (the API's only read when the snapshot is current). */
    java.util.Optional<long[]> ref(String idOrCode) {
        return plans.idAndVersion(idOrCode);
    }

    /** The plan's default year, remembered per data version. */
    int defaultYear(long planId, long version, Supplier<Integer> compute) {
        synchronized (defaultYears) {
            long[] known = defaultYears.get(planId);
            if (known != null && known[0] == version) {
                return (int) known[1];
            }
        }
        int year = compute.get();
        synchronized (defaultYears) {
            defaultYears.put(planId, new long[] {version, year});
        }
        return year;
    }

    /** The cockpit JSON at {@code version}: from memory, from the stored snapshot, or computed and stored. */
    byte[] json(long planId, int year, long version, Supplier<CockpitController.Cockpit> compute,
                java.util.function.Function<CockpitController.Cockpit, byte[]> render) {
        LocalDate today = LocalDate.now();
        Key key = new Key(planId, year);
        Entry e = get(key);
        if (e != null && e.version() == version && e.asOf().equals(today)) {
            return e.json();
        }
        synchronized (lock(key)) {
            e = get(key);
            if (e != null && e.version() == version && e.asOf().equals(today)) {
                return e.json();
            }
            return load(key, version, today, compute, render);
        }
    }

    private byte[] load(Key key, long version, LocalDate today, Supplier<CockpitController.Cockpit> compute,
                        java.util.function.Function<CockpitController.Cockpit, byte[]> render) {
        long planId = key.planId();
        int year = key.year();
        Entry stored = jdbc.sql("SELECT data_version, as_of, body FROM cockpit_snapshot WHERE plan_id = ? AND report_year = ?")
                .params(planId, year)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        rs.getString(3).getBytes(StandardCharsets.UTF_8), null))
                .optional().orElse(null);
        if (stored != null && stored.version() == version && stored.asOf().equals(today)) {
            put(key, stored);
            return stored.json();
        }
        CockpitController.Cockpit c = compute.get();
        byte[] json = render.apply(c);
        store(key, new Entry(version, today, json, c));
        return json;
    }

    /** The computed cockpit at {@code version} (pages), reusing this instance's copy when it is current. */
    CockpitController.Cockpit cockpit(long planId, int year, long version, Supplier<CockpitController.Cockpit> compute,
                                      java.util.function.Function<CockpitController.Cockpit, byte[]> render) {
        LocalDate today = LocalDate.now();
        Key key = new Key(planId, year);
        Entry e = get(key);
        if (e != null && e.version() == version && e.asOf().equals(today) && e.cockpit() != null) {
            return e.cockpit();
        }
        synchronized (lock(key)) {
            e = get(key);
            if (e != null && e.version() == version && e.asOf().equals(today) && e.cockpit() != null) {
                return e.cockpit();
            }
            CockpitController.Cockpit c = compute.get();
            store(key, new Entry(version, today, render.apply(c), c));
            return c;
        }
    }

    private Object lock(Key key) {
        return locks.computeIfAbsent(key, k -> new Object());
    }

    /** Stores the snapshot; when another instance stored the same key at the same moment, its row stays. */
    private void store(Key key, Entry e) {
        try {
            write(key, e);
        } catch (org.springframework.dao.DataIntegrityViolationException raced) {
            // another instance wrote the snapshot between our DELETE and INSERT: equally current, keep it
        }
        put(key, e);
    }

    private void write(Key key, Entry e) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM cockpit_snapshot WHERE plan_id = ? AND report_year = ?").params(key.planId(), key.year())
                    .update();
            jdbc.sql("""
                    INSERT INTO cockpit_snapshot (plan_id, report_year, as_of, data_version, computed_at, body)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(key.planId(), key.year(), java.sql.Date.valueOf(e.asOf()), e.version(),
                            Timestamp.from(Instant.now()), new String(e.json(), StandardCharsets.UTF_8))
                    .update();
        });
    }

    private Entry get(Key key) {
        synchronized (memory) {
            return memory.get(key);
        }
    }

    private void put(Key key, Entry e) {
        synchronized (memory) {
            memory.put(key, e);
        }
    }
}
