package cn.lantu.assessment;

/**
 * How the target is worded. Note: this type shadows {@code java.util.Comparator} inside this package.
 */
public enum Comparator {
    /** 以上 / 不低于: the target is a lower bound. */
    AT_LEAST("以上", "or above"),
    /** 左右: a band in the indicator's own unit ({@link IndicatorSpec#band()}) counts as on target. */
    ABOUT("左右", "or so"),
    /** 以内 / 不高于: the target is an upper bound. */
    AT_MOST("以内", "or below"),
    /** A point target; treated as a bound in the direction of improvement. */
    EXACT("", "");

    private final String label;
    private final String labelEn;

    Comparator(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    /** Chinese wording appended to a target, e.g. "以上", "左右". */
    public String label() {
        return label;
    }

    /** English label, for the English interface. */
    public String labelEn() {
        return labelEn;
    }

    /** The label in the locale's language: English for an English locale, else Chinese. */
    public String label(java.util.Locale locale) {
        return Phrasebook.english(locale) ? labelEn : label;
    }
}
