package cn.lantu.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Picks the observations a rule works on out of what was entered. */
final class ObservedSeries {

    private ObservedSeries() {
    }

    /** Observations up to asOfYear, one per year (a final figure wins over an estimate), in year order. */
    static List<Observation> clean(List<Observation> observations, int asOfYear) {
        Map<Integer, Observation> byYear = new TreeMap<>();
        if (observations != null) {
            for (Observation o : observations) {
                if (o == null || o.year() > asOfYear) {
                    continue;
                }
                Observation prev = byYear.get(o.year());
                if (prev == null || (prev.estimate() && !o.estimate()) || prev.estimate() == o.estimate()) {
                    byYear.put(o.year(), o);
                }
            }
        }
        return new ArrayList<>(byYear.values());
    }

    /** The observations in [fromYear, toYear] that carry a finite number (verdict-only years drop out). */
    static List<Observation> numeric(List<Observation> series, int fromYear, int toYear) {
        List<Observation> out = new ArrayList<>();
        for (Observation o : series) {
            if (o.year() >= fromYear && o.year() <= toYear && o.value() != null && Double.isFinite(o.value())) {
                out.add(o);
            }
        }
        return out;
    }

    /** The number observed in {@code year}, or null; stands in for a base value the spec does not state. */
    static Double valueAt(List<Observation> series, int year) {
        for (Observation o : series) {
            if (o.year() == year && o.value() != null) {
                return o.value();
            }
        }
        return null;
    }
}
