package cn.lantu.assessment;

/** Indicator attribute in the plan's main-indicator table. */
public enum Attribute {
    BINDING("约束性", "Binding"),
    ANTICIPATORY("预期性", "Anticipatory");

    private final String label;
    private final String labelEn;

    Attribute(String label, String labelEn) {
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
