package cn.lantu.project;

import java.time.Instant;

/**
 * A monthly (M01..M12) or quarterly (Q1..Q4) report of a project's completed investment in that period (亿元)
 * and the stage reached. Only APPROVED reports count.
 */
public record InvestmentReport(long id, long projectId, String projectCode, String projectName, Long deptId,
                               int year, String period, double amount, Project.Stage stage, String note,
                               ReportState state, int version, String updatedBy, Instant updatedAt) {

    /** One row of the report's history: who changed it, when, and why. */
    public record Revision(int version, double amount, ReportState state, String reason, String changedBy,
                           Instant changedAt) {}
}
