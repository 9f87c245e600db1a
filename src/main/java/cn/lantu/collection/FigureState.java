package cn.lantu.collection;

/** The workflow states of a figure: draft → submitted → signed off → approved, or returned with a comment. */
public enum FigureState {
    DRAFT("草稿"), SUBMITTED("已提交"), SIGNED_OFF("部门已审核"), APPROVED("已批准"), RETURNED("已退回");

    private final String label;

    FigureState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
