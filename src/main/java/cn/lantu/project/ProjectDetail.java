package cn.lantu.project;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A registered project with everything the registry holds: owner unit, responsible department, towns, type,
 * investment (亿元) with the planned amount per year, milestones and blocking factors (要素保障).
 */
public record ProjectDetail(long id, long planId, String code, String name, String domainCode, String domainName,
                            String stageLabel, Project.Stage stage, boolean confirmed, String ownerUnit,
                            Long deptId, String deptCode, String deptName, String projectType, Double totalAmount,
                            Double periodAmount, LocalDate startOn, LocalDate finishOn, List<String> townCodes,
                            Map<Integer, Double> yearPlans, List<Milestone> milestones, List<Blocker> blockers,
                            String note, String sourceQuote, int version) {

    /** Key milestones 立项, 用地, 环评, 开工, 竣工, 投产. */
    public enum MilestoneKind {
        APPROVAL("立项"), LAND("用地"), EIA("环评"), START("开工"), COMPLETION("竣工"), OPERATION("投产");

        private final String label;

        MilestoneKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Blocking factors (要素保障). */
    public enum Factor {
        LAND("用地"), FUNDS("资金"), ENERGY("能耗"), ENVIRONMENT("环评/环境"), DEMOLITION("征迁");

        private final String label;

        Factor(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Milestone(MilestoneKind kind, LocalDate plannedOn, LocalDate actualOn) {
        /** Planned date passed without an actual date. */
        public boolean overdue(LocalDate asOf) {
            return plannedOn != null && actualOn == null && plannedOn.isBefore(asOf);
        }
    }

    /**
     * A blocking factor: its type, status, the owner as first registered (free text), a description, the unit that
     * must act and the date by which it must be resolved.
     */
    public record Blocker(long id, Factor factor, String status, String owner, String note, String actUnitCode,
                          String actUnitName, LocalDate dueOn) {

        public boolean resolved() {
            return "RESOLVED".equals(status) || "CLOSED".equals(status);
        }

        /** Still open after the date by which it must be resolved. */
        public boolean overdue(LocalDate asOf) {
            return !resolved() && dueOn != null && dueOn.isBefore(asOf);
        }

        /** The status as a person reads it: OPEN 待解决, RESOLVED 已解决, anything else as written. */
        public String statusLabel() {
            if (status == null) {
                return "";
            }
            return switch (status) {
                case "OPEN" -> "待解决";
                case "IN_PROGRESS" -> "协调中";
                case "RESOLVED", "CLOSED" -> "已解决";
                default -> status;
            };
        }
    }

    /** The planned investment for a year, 0 when none is planned. */
    public double plannedIn(int year) {
        Double v = yearPlans.get(year);
        return v == null ? 0 : v;
    }

    public String typeLabel() {
        if (projectType == null) {
            return "—";
        }
        return switch (projectType) {
            case "GOVERNMENT" -> "政府投资";
            case "ENTERPRISE" -> "企业投资";
            case "PPP" -> "PPP/特许经营";
            default -> "其他";
        };
    }
}
