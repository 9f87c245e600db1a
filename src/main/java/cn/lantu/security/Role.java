package cn.lantu.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of Lantu's users. Checked on the server for every page and API call. Each user holds exactly one role,
 * which is what separates the duties (三员分立): the three administrators of the system below hold no business
 * role, and no business role manages accounts or reads the audit log.
 */
public enum Role {
    /** The plan office (规划办, Development and Reform Bureau): administers the plan, approves figures. */
    ADMIN("规划管理员"),
    REPORTER("部门填报员"),
    APPROVER("部门审核人"),
    LEADER("领导"),
    SUPERVISOR("监督（人大、审计）"),
    /** 系统管理员: accounts, org units and settings; no roles, no audit, no business. */
    SYSTEM_ADMIN("系统管理员"),
    /** 安全管理员: roles, locks and API tokens of other accounts; creates nothing. */
    SECURITY_ADMIN("安全管理员"),
    /** 审计管理员: reads and verifies the audit log; changes nothing. */
    AUDIT_ADMIN("审计管理员");

    /** Roles a system administrator may give a new account; the others only a security administrator grants. */
    public static final Set<Role> ORDINARY = EnumSet.of(REPORTER, APPROVER, LEADER, SUPERVISOR);

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

    /** One of the three administrators of the system itself (三员). */
    public boolean systemAdministration() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }

    /** Reporters and approvers belong to a unit. */
    public boolean needsUnit() {
        return this == REPORTER || this == APPROVER;
    }
}
