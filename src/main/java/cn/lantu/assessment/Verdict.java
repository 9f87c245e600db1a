package cn.lantu.assessment;

/** A yearly verdict for ASSIGNED (完成上级下达指标) and QUALITATIVE indicators. */
public enum Verdict {
    ACHIEVED("完成", "Achieved"),
    NOT_ACHIEVED("未完成", "Not achieved");

    private final String label;
    private final String labelEn;

    Verdict(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

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
