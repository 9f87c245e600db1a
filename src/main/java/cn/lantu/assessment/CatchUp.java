package cn.lantu.assessment;

/**
 * What each remaining year (T − t of them) must deliver to still reach the target (methodology §8). Each formula
 * solves the kind's progress measure for P = 1 at T.
 *
 * @param value the yearly requirement
 * @param unit  "%" for rates, otherwise the indicator's unit or "个百分点"
 */
record CatchUp(double value, String unit) {

    /** The unit of a yearly step in a % indicator. */
    static final String POINTS = "个百分点";

    /** GEOMETRIC level: the compound annual rate from X_t to X_T, in %. */
    static CatchUp compoundRate(double target, double latest, int yearsLeft) {
        return new CatchUp((Math.pow(target / latest, 1.0 / yearsLeft) - 1) * 100, "%");
    }

    /** LINEAR level and CUMULATIVE: the equal yearly step from where the indicator stands to the target. */
    static CatchUp step(double target, double reached, int yearsLeft, String unit) {
        return new CatchUp((target - reached) / yearsLeft, unit);
    }

    /** Unit of a yearly step: a step in a % indicator is in percentage points, not a percentage of itself. */
    static String stepUnit(String unit) {
        return "%".equals(unit) ? POINTS : unit;
    }

    /** GROWTH: the average annual growth, in %, that lifts ln I_t to the target's (T − b)·ln(1 + g*). */
    static CatchUp growth(double lnTargetIndex, double lnIndex, int yearsLeft) {
        return new CatchUp(Math.expm1((lnTargetIndex - lnIndex) / yearsLeft) * 100, "%");
    }

    /** DECLINE: the average yearly reduction, in %, that takes ln(1 − D_t) down to ln(1 − D*). */
    static CatchUp decline(double lnTargetRemaining, double lnRemaining, int yearsLeft) {
        return new CatchUp(-Math.expm1((lnTargetRemaining - lnRemaining) / yearsLeft) * 100, "%");
    }

    /** A broken bound: what the next year must get back to is the bound itself. */
    static CatchUp restoreTo(double bound, String unit) {
        return new CatchUp(bound, unit);
    }
}
