package cn.lantu.assessment;

/** Indicator attribute in the plan's main-indicator table. */
public enum Attribute {
    BINDING("约束性"),
    ANTICIPATORY("预期性");

    private final String label;

    Attribute(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
