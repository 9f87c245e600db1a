package cn.lantu.assessment;

/** A yearly verdict for ASSIGNED (完成上级下达指标) and QUALITATIVE indicators. */
public enum Verdict {
    ACHIEVED("完成"),
    NOT_ACHIEVED("未完成");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
