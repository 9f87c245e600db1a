package cn.lantu.project;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * The investment report form of a project page as the person typed it (kept as text so that a refused form comes
 * back unchanged, as a flash attribute); {@link #check} names each wrong field with a message of pages-work.
 */
public record InvestmentReportForm(String year, String period, String amount, String stage, String note)
        implements Serializable {

    /** Up to 12 digits before the point and 4 after (DECIMAL(16,4)); no sign, exponent, suffix, NaN or Infinity. */
    static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,4})?");
    static final int NOTE_MAX = 2000;

    /** The form of a saved report being changed. */
    static InvestmentReportForm of(InvestmentReport r) {
        return new InvestmentReportForm(String.valueOf(r.year()), r.period(), new java.math.BigDecimal(
                String.valueOf(r.amount())).stripTrailingZeros().toPlainString(), r.stage() == null ? ""
                : r.stage().name(), r.note() == null ? "" : r.note());
    }

    static InvestmentReportForm blank(int year) {
        return new InvestmentReportForm(String.valueOf(year), "M01", "", "", "");
    }

    /** The problems of the form, field name → message in the given locale; empty when it is fine. */
    Map<String, String> check(int firstYear, int lastYear, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer y = yearValue();
        if (y == null || y < firstYear || y > lastYear) {
            errors.put("year", messages.getMessage("project.form.year", new Object[] {String.valueOf(firstYear),
                    String.valueOf(lastYear)}, locale));
        }
        if (!ProjectService.PERIOD.matcher(periodValue()).matches()) {
            errors.put("period", messages.getMessage("project.form.period", null, locale));
        }
        if (trim(amount).isEmpty()) {
            errors.put("amount", messages.getMessage("project.form.amount.missing", null, locale));
        } else if (amountValue() == null) {
            errors.put("amount", messages.getMessage("project.form.amount", null, locale));
        }
        if (!trim(stage).isEmpty() && stageValue() == null) {
            errors.put("stage", messages.getMessage("project.form.stage", null, locale));
        }
        if (note != null && note.length() > NOTE_MAX) {
            errors.put("note", messages.getMessage("project.form.tooLong", new Object[] {String.valueOf(NOTE_MAX)},
                    locale));
        }
        return errors;
    }

    Integer yearValue() {
        String y = trim(year);
        return y.matches("\\d{4}") ? Integer.valueOf(y) : null;
    }

    String periodValue() {
        return trim(period).toUpperCase(Locale.ROOT);
    }

    /** The amount in 亿元, or null unless it is a plain number of at most four decimals. */
    Double amountValue() {
        String a = trim(amount);
        return AMOUNT.matcher(a).matches() ? new BigDecimal(a).doubleValue() : null;
    }

    /** The stage reached, or null when none was chosen (or the choice is unknown). */
    Project.Stage stageValue() {
        return stageOf(stage);
    }

    /** The stage of that name, or null (for none, or an unknown one). */
    static Project.Stage stageOf(String name) {
        for (Project.Stage s : Project.Stage.values()) {
            if (s.name().equals(trim(name))) {
                return s;
            }
        }
        return null;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
