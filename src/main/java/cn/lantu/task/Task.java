package cn.lantu.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A key task: a measure paragraph or an item of an action column, or one the plan office added, split or merged.
 * {@code outlineKey} links back to the outline node it comes from.
 */
public record Task(long id, long planId, String code, String title, String body, String origin, String outlineKey,
                   String chapterKey, Integer columnNo, boolean active, boolean done, Long mergedInto, int ordinal,
                   int version, List<Party> parties, List<String> townCodes, Map<Integer, String> workPoints,
                   List<Milestone> milestones, List<String> indicatorCodes, List<String> projectCodes) {

    /** A lead (LEAD) or cooperating (COOPERATE) department; {@code isDefault} marks the shipped default. */
    public record Party(String orgCode, String orgName, String role, boolean isDefault) {}

    public record Milestone(long id, String title, LocalDate dueOn, LocalDate doneOn) {
        public boolean overdue(LocalDate asOf) {
            return doneOn == null && dueOn.isBefore(asOf);
        }
    }

    public Party lead() {
        return parties.stream().filter(p -> "LEAD".equals(p.role())).findFirst().orElse(null);
    }

    public List<Party> cooperating() {
        return parties.stream().filter(p -> "COOPERATE".equals(p.role())).toList();
    }
}
