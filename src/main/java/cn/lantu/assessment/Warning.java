package cn.lantu.assessment;

/** Early-warning level derived from a status and the indicator's attribute. */
public enum Warning {
    GREEN("绿色", "Green"),
    YELLOW("黄色", "Yellow"),
    RED("红色", "Red");

    private final String label;
    private final String labelEn;

    Warning(String label, String labelEn) {
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

    /**
     * GREEN for ACHIEVED_EARLY / AHEAD / ON_TRACK; YELLOW for LAGGING; RED for SEVERELY_LAGGING and for any lagging
     * binding indicator; {@code null} for NO_DATA (no data is not a green light).
     */
    public static Warning of(Status status, Attribute attribute) {
        if (status == null || status == Status.NO_DATA) {
            return null;
        }
        return switch (status) {
            case SEVERELY_LAGGING -> RED;
            case LAGGING -> attribute == Attribute.BINDING ? RED : YELLOW;
            default -> GREEN;
        };
    }
}
