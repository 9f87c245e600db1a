package cn.lantu.org;

/** Who answers for an indicator: the lead department (牵头) or a cooperating one (配合). */
public record Responsibility(long indicatorId, long orgUnitId, String orgCode, String orgName, Role role,
                             String frequency, String townBreakdown, boolean isDefault) {

    public enum Role {
        LEAD("牵头"), COOPERATE("配合");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String frequencyLabel() {
        return switch (frequency) {
            case "MONTHLY" -> "月报";
            case "QUARTERLY" -> "季报";
            default -> "年报";
        };
    }
}
