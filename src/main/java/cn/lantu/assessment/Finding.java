package cn.lantu.assessment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
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
 * @param titleEn  the title for English text (a title given by the plan package stays as given); null: as title
 * @param textEn   the text in English (names and units as the plan writes them); null: as text
 */
public record Finding(String code, FindingKind kind, String title, String text, Map<String, Double> numbers,
                      FindingSeverity severity, String titleEn, String textEn) {

    /** A finding with Chinese text only. */
    public Finding(String code, FindingKind kind, String title, String text, Map<String, Double> numbers,
                   FindingSeverity severity) {
        this(code, kind, title, text, numbers, severity, null, null);
    }

    public Finding {
        numbers = numbers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    /** The title in the locale's language. */
    public String title(Locale locale) {
        return Phrasebook.english(locale) && titleEn != null ? titleEn : title;
    }

    /** The text in the locale's language. */
    public String text(Locale locale) {
        return Phrasebook.english(locale) && textEn != null ? textEn : text;
    }

    public Double number(String key) {
        return numbers.get(key);
    }
}
