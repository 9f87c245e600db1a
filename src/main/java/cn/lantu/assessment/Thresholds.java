package cn.lantu.assessment;

/**
 * Status thresholds on the schedule ratio R = P/τ, configurable per plan.
 *
 * @param ahead              R at or above which an indicator is AHEAD (快于预期); default 1.15
 * @param onTrack            anticipatory: R at or above which it is ON_TRACK (基本符合预期); default 0.95
 * @param lagging            anticipatory: R at or above which it is LAGGING rather than SEVERELY_LAGGING; default 0.60
 * @param bindingOnTrack     binding: ON_TRACK threshold; default 1.00 ("时间过半、任务过半")
 * @param bindingLagging     binding: LAGGING threshold; default 0.80
 * @param provisionalElapsed a status with τ at or below this is provisional; default 0.2 (first year of five)
 * @param stableBand         default relative band of STABLE indicators; default 0.03 (±3% of the base value)
 * @param relationalBand     default band of RELATIONAL indicators in percentage points; default 1.0
 */
public record Thresholds(double ahead, double onTrack, double lagging, double bindingOnTrack, double bindingLagging,
                         double provisionalElapsed, double stableBand, double relationalBand) {

    public Thresholds {
        if (!(lagging <= onTrack && onTrack <= ahead)) {
            throw new IllegalArgumentException("need lagging <= onTrack <= ahead");
        }
        if (!(bindingLagging <= bindingOnTrack && bindingOnTrack <= ahead)) {
            throw new IllegalArgumentException("need bindingLagging <= bindingOnTrack <= ahead");
        }
        if (stableBand < 0 || relationalBand < 0) {
            throw new IllegalArgumentException("bands must be non-negative");
        }
    }

    public static Thresholds defaults() {
        return new Thresholds(1.15, 0.95, 0.60, 1.00, 0.80, 0.2, 0.03, 1.0);
    }

    public double onTrack(Attribute attribute) {
        return attribute == Attribute.BINDING ? bindingOnTrack : onTrack;
    }

    public double lagging(Attribute attribute) {
        return attribute == Attribute.BINDING ? bindingLagging : lagging;
    }
}
