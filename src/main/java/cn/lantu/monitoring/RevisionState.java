package cn.lantu.monitoring;

/** Where a proposed target revision (规划调整) stands: only an approved one changes the target. */
public enum RevisionState {
    PENDING("待审核"), APPROVED("已批准"), REJECTED("已退回");

    private final String label;

    RevisionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
