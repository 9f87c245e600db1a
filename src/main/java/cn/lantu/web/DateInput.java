package cn.lantu.web;

import java.time.DateTimeException;
import java.time.LocalDate;

/** A date as an officer types it: 2026-06-30, 2026/6/30, 2026.6.30 or 2026年6月30日. */
public final class DateInput {

    private DateInput() {}

    /** Whether nothing was typed. */
    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The date typed, or null when it is blank or not a real day (2026-02-30 is not). */
    public static LocalDate parse(String text) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip().replace('/', '-').replace('.', '-').replace('年', '-').replace('月', '-')
                .replace("日", "");
        if (!t.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
            return null;
        }
        String[] p = t.split("-");
        try {
            return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The ISO text of a date for a form field, empty for none. */
    public static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
