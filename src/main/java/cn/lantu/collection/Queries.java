package cn.lantu.collection;

import java.util.List;

import cn.lantu.plan.Plan;

/** Checks of the year and period parameters of the reporting endpoints: a 400 with a Chinese message. */
final class Queries {

    private Queries() {
    }

    /**
     * Refuses a year outside the plan (from the base year, or with {@code history} from ten years before it) and a
     * period other than Y, Q1–Q4, M01–M12; null means "not given" and passes.
     */
    static void requireYearAndPeriod(Plan plan, Integer year, String period, boolean history) {
        String y = year == null ? null : FigureValidator.yearProblem(plan, year, history);
        String p = period == null ? null : FigureValidator.periodProblem(period);
        if (y != null || p != null) {
            List<String> problems = java.util.stream.Stream.of(y, p).filter(java.util.Objects::nonNull).toList();
            throw new ReportingException(400, String.join("；", problems), problems);
        }
    }
}
