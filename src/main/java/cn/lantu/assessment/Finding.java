package cn.lantu.assessment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan feasibility or consistency finding.
 *
 * @param code     stable identifier (e.g. "gdp-3000")
 * @param kind     what was compared
 * @param title    short Chinese title
 * @param text     Chinese text stating what was compared and the numbers
 * @param numbers  the figures behind the text, unrounded, in insertion order (rates in %, levels in their unit)
 * @param severity INFO / GAP / SCOPE_DIFFERENCE / OK
 */
public record Finding(String code, FindingKind kind, String title, String text, Map<String, Double> numbers,
                      FindingSeverity severity) {

    public Finding {
        numbers = numbers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    public Double number(String key) {
        return numbers.get(key);
    }
}
