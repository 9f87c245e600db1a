package cn.lantu.assessment;

/** How a finding reads: it states numbers and never judges policy. */
public enum FindingSeverity {
    /** Worth knowing (e.g. a target already met at the base). */
    INFO("提示"),
    /** The numbers do not add up or the rates do not reach the goal. */
    GAP("存在差距"),
    /** The figures are on different scopes (口径); the difference is not an inconsistency. */
    SCOPE_DIFFERENCE("口径不同"),
    /** The numbers agree. */
    OK("一致");

    private final String label;

    FindingSeverity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
