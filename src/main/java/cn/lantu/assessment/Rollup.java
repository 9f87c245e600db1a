package cn.lantu.assessment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Status counts for one group (a category, attribute, department or the whole plan).
 *
 * @param total    number of members counted
 * @param counts   members per status, every status present (zeros included), in enum order
 * @param warnings members per warning level (NO_DATA members have no warning)
 */
public record Rollup(int total, Map<Status, Integer> counts, Map<Warning, Integer> warnings) {

    public Rollup {
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        warnings = Collections.unmodifiableMap(new EnumMap<>(warnings));
    }

    /** Counts statuses (each with the warning for its attribute). */
    static Rollup count(List<Status> statuses, List<Attribute> attributes) {
        Map<Status, Integer> c = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            c.put(s, 0);
        }
        Map<Warning, Integer> w = new EnumMap<>(Warning.class);
        for (Warning x : Warning.values()) {
            w.put(x, 0);
        }
        for (int i = 0; i < statuses.size(); i++) {
            Status s = statuses.get(i) == null ? Status.NO_DATA : statuses.get(i);
            c.merge(s, 1, Integer::sum);
            Warning x = Warning.of(s, attributes.get(i));
            if (x != null) {
                w.merge(x, 1, Integer::sum);
            }
        }
        return new Rollup(statuses.size(), c, w);
    }

    public int count(Status s) {
        return counts.getOrDefault(s, 0);
    }

    /**
     * "N项提前实现，N项快于预期，…" in status order. With {@code includeZeros} false, zero terms are left out (and
     * "0项" is never printed unless every term is zero).
     */
    public String terms(boolean includeZeros) {
        return terms(includeZeros, ChinesePhrases.INSTANCE);
    }

    /** {@link #terms(boolean)} in the locale's language ("3 achieved early, 2 ahead of schedule, …" in English). */
    public String terms(boolean includeZeros, Locale locale) {
        return terms(includeZeros, Phrasebook.of(locale));
    }

    String terms(boolean includeZeros, Phrasebook b) {
        StringBuilder sb = new StringBuilder();
        for (Status s : Status.values()) {
            int n = count(s);
            if (n == 0 && !includeZeros) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(b.comma());
            }
            sb.append(b.statusCount(n, s));
        }
        return sb.toString();
    }
}
