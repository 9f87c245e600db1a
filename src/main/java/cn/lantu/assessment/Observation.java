package cn.lantu.assessment;

/**
 * One yearly observation. What {@code value} means depends on the kind: LEVEL/FLOOR/STABLE the year's level;
 * GROWTH/RELATIONAL that year's growth rate in %; CUMULATIVE that year's addition; DECLINE that year's reduction in %
 * against the previous year; ASSIGNED the number issued, if any. {@code verdict} is used by ASSIGNED and QUALITATIVE.
 * {@code estimate} marks a 预计 figure: it counts, and the assessment flags it.
 */
public record Observation(int year, Double value, boolean estimate, Verdict verdict) {

    public static Observation of(int year, double value) {
        return new Observation(year, value, false, null);
    }

    public static Observation estimate(int year, double value) {
        return new Observation(year, value, true, null);
    }

    public static Observation verdict(int year, Verdict verdict) {
        return new Observation(year, null, false, verdict);
    }

    public static Observation verdict(int year, Verdict verdict, Double value) {
        return new Observation(year, value, false, verdict);
    }
}
