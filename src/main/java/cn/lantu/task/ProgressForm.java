package cn.lantu.task;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * The task progress form as the person typed it. Kept as text, so that a refused form comes back with exactly what
 * was typed (it travels to the next page as a flash attribute, hence {@link Serializable}); {@link #check} names
 * each wrong field with a message of the pages-work bundle.
 */
public record ProgressForm(String year, String period, String percent, String narrative, String problems,
                           String nextSteps, String version) implements Serializable {

    /** A month (M01..M12), a quarter (Q1..Q4) or the full year (Y). */
    static final Pattern PERIOD = Pattern.compile("M(0[1-9]|1[0-2])|Q[1-4]|Y");
    /** Plain digits with an optional decimal part: no sign, exponent, suffix ("12d"), NaN or Infinity. */
    static final Pattern DECIMAL = Pattern.compile("\\d{1,6}(\\.\\d{1,6})?");
    /** The narrative, problems and next steps columns hold up to 4,000 characters. */
    static final int TEXT_MAX = 4000;

    /** The empty form of a task page: the given year, the first period the task is reported for. */
    static ProgressForm blank(int year, String frequency) {
        return new ProgressForm(String.valueOf(year), periods(frequency).get(0), "", "", "", "", null);
    }

    /** The form of an update being changed, with the version it was read at. */
    static ProgressForm of(TaskRepository.Update u) {
        return new ProgressForm(String.valueOf(u.year()), u.period(), u.validPercent()
                ? new BigDecimal(String.valueOf(u.percent())).stripTrailingZeros().toPlainString() : "",
                u.narrative(), u.problems(), u.nextSteps(), String.valueOf(u.version()));
    }

    /** The periods a lead unit reports a task for: months, quarters or the full year, by its frequency. */
    static java.util.List<String> periods(String frequency) {
        return switch (frequency == null ? "QUARTERLY" : frequency) {
            case "MONTHLY" -> java.util.stream.IntStream.rangeClosed(1, 12)
                    .mapToObj(m -> String.format(Locale.ROOT, "M%02d", m)).toList();
            case "ANNUAL" -> java.util.List.of("Y");
            default -> java.util.List.of("Q1", "Q2", "Q3", "Q4");
        };
    }

    /** Whether a percentage may be stored: a finite number from 0 to 100. */
    static boolean validPercent(double pct) {
        return Double.isFinite(pct) && pct >= 0 && pct <= 100;
    }

    /** The problems of the form, field name → message in the given locale, in form order; empty when it is fine. */
    Map<String, String> check(int firstYear, int lastYear, String frequency, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (yearValue() == null || yearValue() < firstYear || yearValue() > lastYear) {
            errors.put("year", messages.getMessage("task.form.year", new Object[] {String.valueOf(firstYear),
                    String.valueOf(lastYear)}, locale));
        }
        if (!periods(frequency).contains(periodValue())) {
            errors.put("period", messages.getMessage("taskplan.period.choice", new Object[] {
                    messages.getMessage("taskplan.frequency." + frequency, null, locale),
                    String.join(messages.getMessage("org.listSeparator", null, locale), periods(frequency).stream()
                            .map(q -> cn.lantu.web.Formats.period(q, locale)).toList())}, locale));
        }
        if (trim(percent).isEmpty()) {
            errors.put("percent", messages.getMessage("task.form.percent.missing", null, locale));
        } else if (percentValue() == null) {
            errors.put("percent", messages.getMessage("task.form.percent", null, locale));
        }
        tooLong(errors, "narrative", narrative, messages, locale);
        tooLong(errors, "problems", problems, messages, locale);
        tooLong(errors, "nextSteps", nextSteps, messages, locale);
        return errors;
    }

    private static void tooLong(Map<String, String> errors, String field, String text, MessageSource messages,
                             Locale locale) {
        if (text != null && text.length() > TEXT_MAX) {
            errors.put(field, messages.getMessage("task.form.tooLong", new Object[] {String.valueOf(TEXT_MAX)},
                    locale));
        }
    }

    /** The version of the update being changed, null for a new one. */
    Integer versionValue() {
        return cn.lantu.web.Versions.parse(version);
    }

    /** The year as a number, or null when it is not a four-digit year. */
    Integer yearValue() {
        String y = trim(year);
        return y.matches("\\d{4}") ? Integer.valueOf(y) : null;
    }

    /** The period in capitals ("q2" is Q2). */
    String periodValue() {
        return trim(period).toUpperCase(Locale.ROOT);
    }

    /** The percentage, or null unless it is a plain number from 0 to 100. */
    Double percentValue() {
        String p = trim(percent);
        if (!DECIMAL.matcher(p).matches()) {
            return null;
        }
        BigDecimal v = new BigDecimal(p);
        return v.compareTo(BigDecimal.valueOf(100)) > 0 ? null : v.doubleValue();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
