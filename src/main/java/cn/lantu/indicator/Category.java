package cn.lantu.indicator;

/** The five categories of the headline indicator table (主要指标表). */
public enum Category {
    ECONOMY("经济发展"),
    INNOVATION("创新驱动"),
    WELLBEING("民生福祉"),
    GREEN("绿色低碳"),
    SECURITY("安全保障");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
