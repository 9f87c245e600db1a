package cn.lantu.project;

/**
 * The states of a progress or investment report, the same as for figures: DRAFT → SUBMITTED → SIGNED_OFF →
 * APPROVED; RETURNED (with a comment) goes back to the reporter, who edits and submits again.
 */
public enum ReportState {
    DRAFT("草稿"), SUBMITTED("已提交"), SIGNED_OFF("部门已审核"), APPROVED("已批准"), RETURNED("已退回");

    private final String label;

    ReportState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the reporter may still change the content. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
