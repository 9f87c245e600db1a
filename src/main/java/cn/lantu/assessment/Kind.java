package cn.lantu.assessment;

/**
 * How an indicator's target is stated, and therefore which expected path and progress formula apply.
 * See {@code docs/methodology.md} for the formulas.
 */
public enum Kind {
    /** A level to reach by the target year (e.g. 城镇化率, clean-energy capacity); path LINEAR or GEOMETRIC. */
    LEVEL("水平值"),
    /** An annual-average growth rate g* over the period (e.g. GDP 年均增长6.5%左右); one observation = that year's growth in %. */
    GROWTH("年均增速"),
    /** A total C over the period (e.g. 城镇新增就业[7]万人); one observation = that year's addition. */
    CUMULATIVE("五年累计"),
    /** A compound reduction D* over the period in % (e.g. [14]); one observation = that year's reduction in % vs the previous year. */
    DECLINE("累计下降"),
    /** Keep-not-below (or, with direction DOWN, keep-not-above) each year; pass/fail at the precision the target is stated in. */
    FLOOR("保持不低于"),
    /** Keep stable within a band around the base value (default ±3% relative). */
    STABLE("保持稳定"),
    /** In step with another series (e.g. income growth with GDP growth): band test on the gap of the average growth rates. */
    RELATIONAL("与经济增长同步"),
    /** Assigned by the higher level (完成上级下达指标): yearly verdict achieved / not achieved, or a number when one was issued. */
    ASSIGNED("完成上级下达指标"),
    /** No numeric assessment; NO_DATA unless a verdict is entered. */
    QUALITATIVE("定性");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    /** The kind as the plan office names it (as bundle keys {@code kind.*} say in Chinese). */
    public String label() {
        return label;
    }
}
