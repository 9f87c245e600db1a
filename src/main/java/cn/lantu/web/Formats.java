package cn.lantu.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers, times, dates and reporting periods as a person reads them, for templates ({@code ${@fmt.num(x)}},
 * {@code ${@fmt.time(instant)}}, {@code ${@fmt.date(day)}}, {@code ${@fmt.period(2026, 'Q1')}}) and, through the
 * static methods, for exports, e-mails and notifications.
 *
 * <p>Times are stored as instants and always shown in Beijing time (Asia/Shanghai): {@code 2026年3月5日 14:20}, in
 * English {@code 5 Mar 2026 14:20}. Period codes (Y, Q1–Q4, M01–M12) read 全年, 一季度, 1月. The language is the
 * request's (zh-CN unless {@code ?lang=en}); outside a request it is Chinese.
 */
@Component("fmt")
public class Formats {

    /** The zone every time is shown in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final String NONE = "—";
    private static final String[] ZH_QUARTERS = {"一季度", "二季度", "三季度", "四季度"};

    public String num(Number n) {
        if (n == null) {
            return NONE;
        }
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    /** A fraction (0.548) as a percentage with one decimal (54.8%). */
    public String pct(Number fraction) {
        if (fraction == null) {
            return NONE;
        }
        return String.format("%.1f%%", fraction.doubleValue() * 100);
    }

    public String fixed(Number n, int decimals) {
        if (n == null) {
            return NONE;
        }
        return String.format("%." + decimals + "f", n.doubleValue());
    }

    // ------------------------------------------------------------------ times and dates

    /** An instant (Instant, Timestamp, Date, OffsetDateTime, ...) in Beijing time: 2026年3月5日 14:20. */
    public String time(Object t) {
        return time(t, locale());
    }

    /** A day (LocalDate) or the Beijing day of an instant: 2026年3月5日. */
    public String date(Object d) {
        return date(d, locale());
    }

    /** {@link #time(Object)} in Chinese, for exports and notifications. */
    public static String timeZh(Object t) {
        return time(t, Locale.SIMPLIFIED_CHINESE);
    }

    /** {@link #date(Object)} in Chinese, for exports and notifications. */
    public static String dateZh(Object d) {
        return date(d, Locale.SIMPLIFIED_CHINESE);
    }

    public static String time(Object t, Locale locale) {
        ZonedDateTime z = zoned(t);
        if (z == null) {
            return t == null ? NONE : String.valueOf(t);
        }
        return (english(locale) ? EN_TIME : ZH_TIME).format(z);
    }

    public static String date(Object d, Locale locale) {
        LocalDate day;
        if (d instanceof LocalDate l) {
            day = l;
        } else if (d instanceof java.sql.Date sd) {
            day = sd.toLocalDate();
        } else if (d instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            day = LocalDate.parse(s);
        } else {
            ZonedDateTime z = zoned(d);
            day = z == null ? null : z.toLocalDate();
        }
        if (day == null) {
            return d == null ? NONE : String.valueOf(d);
        }
        return (english(locale) ? EN_DATE : ZH_DATE).format(day);
    }

    /** The instant as a Beijing date-time, or null when it is not a time. */
    static ZonedDateTime zoned(Object t) {
        Instant i = null;
        if (t instanceof Instant x) {
            i = x;
        } else if (t instanceof java.sql.Date) {
            i = null;
        } else if (t instanceof java.util.Date x) {
            i = x.toInstant();
        } else if (t instanceof OffsetDateTime x) {
            i = x.toInstant();
        } else if (t instanceof ZonedDateTime x) {
            i = x.toInstant();
        } else if (t instanceof LocalDateTime x) {
            // a LocalDateTime read from a TIMESTAMP column is in the server's zone (as Timestamp#toLocalDateTime)
            i = x.atZone(ZoneId.systemDefault()).toInstant();
        } else if (t instanceof String s) {
            i = parse(s);
        }
        return i == null ? null : i.atZone(ZONE);
    }

    private static Instant parse(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    // ------------------------------------------------------------------ reporting periods

    /** A period code as words: Y → 全年, Q1 → 一季度, M01 → 1月 (English: full year, Q1, January). */
    public String period(String code) {
        return period(code, locale());
    }

    /** A year and period: 2026年全年, 2026年一季度, 2026年1月 (English: 2026, Q1 2026, Jan 2026). */
    public String period(Integer year, String code) {
        return period(year, code, locale());
    }

    public static String periodZh(String code) {
        return period(code, Locale.SIMPLIFIED_CHINESE);
    }

    public static String periodZh(Integer year, String code) {
        return period(year, code, Locale.SIMPLIFIED_CHINESE);
    }

    public static String period(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        boolean en = english(locale);
        if (code.equals("Y")) {
            return en ? "full year" : "全年";
        }
        if (code.matches("Q[1-4]")) {
            return en ? code : ZH_QUARTERS[code.charAt(1) - '1'];
        }
        if (code.matches("M(0[1-9]|1[0-2])")) {
            int m = Integer.parseInt(code.substring(1));
            return en ? java.time.Month.of(m).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                    : m + "月";
        }
        return code;
    }

    /** The code of a period written as words or as a code: 全年 → Y, 一季度 → Q1, 3月 → M03, Q2 → Q2. */
    public static String periodCode(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.matches("Y|Q[1-4]|M(0[1-9]|1[0-2])")) {
            return t;
        }
        if (t.equals("全年") || t.equals("年度") || t.equalsIgnoreCase("full year")) {
            return "Y";
        }
        for (int q = 0; q < 4; q++) {
            if (t.equals(ZH_QUARTERS[q])) {
                return "Q" + (q + 1);
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})月").matcher(t);
        if (m.matches() && Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) <= 12) {
            return String.format("M%02d", Integer.parseInt(m.group(1)));
        }
        return t;
    }

    public static String period(Integer year, String code, Locale locale) {
        if (year == null) {
            return period(code, locale);
        }
        if (english(locale)) {
            if (code == null || code.equals("Y")) {
                return String.valueOf(year);
            }
            if (code.matches("M(0[1-9]|1[0-2])")) {
                return java.time.Month.of(Integer.parseInt(code.substring(1)))
                        .getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " " + year;
            }
            return period(code, locale) + " " + year;
        }
        return year + "年" + (code == null ? "" : period(code, locale));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static boolean english(Locale l) {
        return l != null && l.getLanguage().equals("en");
    }
}
