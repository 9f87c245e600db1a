package cn.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Times in Beijing time in both languages, dates, and period codes as words (and back). */
class FormatsTest {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Locale EN = Locale.ENGLISH;
    /** 2026-03-05 06:20 UTC is 14:20 in Beijing. */
    static final Instant T = Instant.parse("2026-03-05T06:20:00Z");

    @Test
    void timesAreBeijingTime() {
        assertThat(Formats.time(T, ZH)).isEqualTo("2026年3月5日 14:20");
        assertThat(Formats.time(T, EN)).isEqualTo("5 Mar 2026 14:20");
        assertThat(Formats.time(Timestamp.from(T), ZH)).isEqualTo("2026年3月5日 14:20");
        assertThat(Formats.time("2026-03-05T06:20:00Z", ZH)).isEqualTo("2026年3月5日 14:20");
        // 20:00 UTC is already the next day in Beijing
        assertThat(Formats.time(Instant.parse("2026-12-31T20:00:00Z"), ZH)).isEqualTo("2027年1月1日 04:00");
        assertThat(Formats.time(null, ZH)).isEqualTo("—");
    }

    @Test
    void dates() {
        assertThat(Formats.date(LocalDate.of(2027, 1, 31), ZH)).isEqualTo("2027年1月31日");
        assertThat(Formats.date(LocalDate.of(2027, 1, 31), EN)).isEqualTo("31 Jan 2027");
        assertThat(Formats.date(java.sql.Date.valueOf("2027-01-31"), ZH)).isEqualTo("2027年1月31日");
        assertThat(Formats.date(Instant.parse("2026-12-31T20:00:00Z"), ZH)).isEqualTo("2027年1月1日");
    }

    @Test
    void periodsAreWords() {
        assertThat(Formats.period("Y", ZH)).isEqualTo("全年");
        assertThat(Formats.period("Q1", ZH)).isEqualTo("一季度");
        assertThat(Formats.period("M01", ZH)).isEqualTo("1月");
        assertThat(Formats.period(2026, "Y", ZH)).isEqualTo("2026年全年");
        assertThat(Formats.period(2026, "Q4", ZH)).isEqualTo("2026年四季度");
        assertThat(Formats.period(2026, "M11", ZH)).isEqualTo("2026年11月");
        assertThat(Formats.period(2026, "Y", EN)).isEqualTo("2026");
        assertThat(Formats.period(2026, "Q2", EN)).isEqualTo("Q2 2026");
        assertThat(Formats.period(2026, "M03", EN)).isEqualTo("Mar 2026");
        for (String code : new String[] {"Y", "Q1", "Q4", "M01", "M12"}) {
            assertThat(Formats.periodCode(Formats.period(code, ZH))).isEqualTo(code);
            assertThat(Formats.periodCode(code)).isEqualTo(code);
        }
    }
}
