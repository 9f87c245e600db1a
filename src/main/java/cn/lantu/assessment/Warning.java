package cn.lantu.assessment;

/** Early-warning level derived from a status and the indicator's attribute. */
public enum Warning {
    GREEN("绿色"),
    YELLOW("黄色"),
    RED("红色");

    private final String label;

    Warning(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
