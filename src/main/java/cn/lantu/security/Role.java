package cn.lantu.security;

/** The roles of Lantu's users. Checked on the server for every page and API call. */
public enum Role {
    ADMIN("规划管理员"),
    REPORTER("部门填报员"),
    APPROVER("部门审核人"),
    LEADER("领导"),
    SUPERVISOR("监督（人大、审计）");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
