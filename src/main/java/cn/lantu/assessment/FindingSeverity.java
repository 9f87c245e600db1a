package cn.lantu.assessment;

/** How a finding reads: it states numbers and never judges policy. */
public enum FindingSeverity {
    /** Worth knowing (e.g. a target already met at the base). */
    INFO("提示", "Note"),
    /** The numbers do not add up or the rates do not reach the goal. */
    GAP("存在差距", "Gap"),
    /** The figures are on different scopes (口径); the difference is not an inconsistency. */
    SCOPE_DIFFERENCE("口径不同", "Different scope"),
    /** The numbers agree. */
    OK("一致", "Consistent");

    private final String label;
    private final String labelEn;

    FindingSeverity(String label, String labelEn) {
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
