package cn.lantu.assessment;

/**
 * How the target is worded. Note: this type shadows {@code java.util.Comparator} inside this package.
 */
public enum Comparator {
    /** 以上 / 不低于: the target is a lower bound. */
    AT_LEAST("以上"),
    /** 左右: a band in the indicator's own unit ({@link IndicatorSpec#band()}) counts as on target. */
    ABOUT("左右"),
    /** 以内 / 不高于: the target is an upper bound. */
    AT_MOST("以内"),
    /** A point target; treated as a bound in the direction of improvement. */
    EXACT("");

    private final String label;

    Comparator(String label) {
        this.label = label;
    }

    /** Chinese wording appended to a target, e.g. "以上", "左右". */
    public String label() {
        return label;
    }
}
