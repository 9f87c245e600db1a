package cn.lantu.project;

/**
 * A major project. Projects named in the outline carry {@code confirmed = false}: the outline does not say
 * which of them are among the 139 of 专栏8.
 */
public record Project(long id, long planId, String code, String name, long domainId, String domainName,
                      String stageLabel, Stage stage, boolean confirmed, String note, String sourceQuote,
                      int ordinal) {

    /** 谋划 → 前期 → 审批 → 开工/在建 → 竣工 → 投产/投运. */
    public enum Stage {
        PLANNING("谋划"), PRELIMINARY("前期"), APPROVAL("审批"), UNDER_CONSTRUCTION("在建"), COMPLETED("竣工"),
        IN_OPERATION("投产/投运");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
