package cn.lantu.project;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time schedule (序时进度) and the warning thresholds for projects and tasks. Defaults: yellow from
 * {@code lantu.schedule.yellow-gap} (10) to {@code lantu.schedule.red-gap} (30) percentage points behind the
 * schedule, red beyond, or with any overdue milestone.
 */
@Component
public class Schedule {

    private final double yellowGap;
    private final double redGap;

    public Schedule(@Value("${lantu.schedule.yellow-gap:10}") double yellowGap,
                    @Value("${lantu.schedule.red-gap:30}") double redGap) {
        if (yellowGap < 0 || redGap < yellowGap) {
            throw new IllegalStateException("lantu.schedule: need 0 <= yellow-gap <= red-gap");
        }
        this.yellowGap = yellowGap;
        this.redGap = redGap;
    }

    public double yellowGap() {
        return yellowGap;
    }

    public double redGap() {
        return redGap;
    }

    /** The warning for a progress {@code behind} percentage points behind schedule (negative = ahead). */
    public Signal signal(double behind, boolean overdueMilestone) {
        return signal(behind, overdueMilestone, yellowGap, redGap);
    }

    public static Signal signal(double behind, boolean overdueMilestone, double yellowGap, double redGap) {
        if (overdueMilestone || behind > redGap) {
            return Signal.RED;
        }
        if (behind >= yellowGap) {
            return Signal.YELLOW;
        }
        return Signal.GREEN;
    }

    /** 序时进度 of a calendar year as of a date, in percent: the share of the year's days elapsed (0–100). */
    public static double yearElapsed(int year, LocalDate asOf) {
        if (asOf.getYear() < year) {
            return 0;
        }
        if (asOf.getYear() > year) {
            return 100;
        }
        return 100.0 * asOf.getDayOfYear() / asOf.lengthOfYear();
    }

    /** 序时进度 of a project's year: from its planned start (开工) when that falls in the year, else the whole year. */
    public static double projectYearElapsed(LocalDate start, int year, LocalDate asOf) {
        return start != null && start.getYear() == year
                ? spanElapsed(start, LocalDate.of(year, 12, 31), asOf) : yearElapsed(year, asOf);
    }

    /**
     * A project that has not reached its planned start is not late: without an overdue milestone it carries no
     * warning — GREEN when it has already invested, else NONE (nothing to measure yet). Otherwise {@code signal}.
     */
    public static Signal notStarted(LocalDate start, LocalDate asOf, boolean overdueMilestone, boolean invested,
                                    Signal signal) {
        if (start == null || !asOf.isBefore(start) || overdueMilestone) {
            return signal;
        }
        return invested ? Signal.GREEN : Signal.NONE;
    }

    /** 序时进度 of a span [from, to] as of a date, in percent (0–100). */
    public static double spanElapsed(LocalDate from, LocalDate to, LocalDate asOf) {
        if (!asOf.isAfter(from)) {
            return 0;
        }
        if (!asOf.isBefore(to)) {
            return 100;
        }
        long all = to.toEpochDay() - from.toEpochDay();
        return all <= 0 ? 100 : 100.0 * (asOf.toEpochDay() - from.toEpochDay()) / all;
    }
}
