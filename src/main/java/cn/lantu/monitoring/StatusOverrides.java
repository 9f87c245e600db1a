package cn.lantu.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.assessment.Status;
import cn.lantu.audit.AuditLog;
import cn.lantu.indicator.Indicator;
import cn.lantu.plan.Plan;

/**
 * The plan office's check of a computed status (人工校核): it replaces the status of an indicator's year with its own,
 * with a reason, and can withdraw it again with a reason. Each step is appended to the history, none is lost.
 * {@code version} is the id of the override in force (0 when none): a step made on a stale page is refused.
 */
@Service
public class StatusOverrides {

    /** Field errors (nothing saved) or the version of the override history after the step. */
    public record Outcome(Map<String, String> errors, long version, boolean conflict) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final StatusOverrideRepository overrides;
    private final PlanAssessmentService assessments;
    private final AuditLog audit;

    StatusOverrides(StatusOverrideRepository overrides, PlanAssessmentService assessments, AuditLog audit) {
        this.overrides = overrides;
        this.assessments = assessments;
        this.audit = audit;
    }

    /** Replaces the computed status of {@code year}; {@code version} null skips the stale-page check (old API). */
    @Transactional
    public Outcome override(Plan plan, Indicator i, Integer year, String status, String reason, Long version,
                            String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkYear(plan, year, errors);
        Status chosen = null;
        try {
            chosen = status == null || status.isBlank() ? null : Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        if (chosen == null || chosen == Status.NO_DATA) {
            errors.put("status", "请选择校核后的评估结论");
        }
        String why = reason(reason, "reason", "请填写人工校核的理由", errors);
        if (!errors.isEmpty()) {
            return new Outcome(errors, 0, false);
        }
        var current = overrides.current(i.id(), year);
        long inForce = current.map(StatusOverrideRepository.Stored::id).orElse(0L);
        if (version != null && version != inForce) {
            return new Outcome(Map.of("status", "本年评估结论已被他人校核或撤销，请刷新后再操作"), inForce, true);
        }
        Status computed = computed(plan, i, year);
        long id = overrides.save(i.id(), year, chosen, computed, why, by);
        audit.record(by, "STATUS_OVERRIDE", "indicator:" + i.id(), i.name() + " " + year + "年评估结论："
                + current.map(c -> c.status().label() + "（人工校核）").orElse(computed.label()) + " → " + chosen.label()
                + "（人工校核，测算结论：" + computed.label() + "），理由：" + why);
        return new Outcome(Map.of(), id, false);
    }

    /** Withdraws the override in force for {@code year}: the computed status applies again. */
    @Transactional
    public Outcome withdraw(Plan plan, Indicator i, Integer year, Long version, String reason, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkYear(plan, year, errors);
        String why = reason(reason, "withdrawReason", "请填写撤销校核的理由", errors);
        if (!errors.isEmpty()) {
            return new Outcome(errors, 0, false);
        }
        var current = overrides.current(i.id(), year);
        if (current.isEmpty() || version == null || version != current.get().id()) {
            return new Outcome(Map.of("withdrawReason", current.isEmpty() ? year + "年没有生效的人工校核，无需撤销"
                    : "本年评估结论已被他人重新校核，请刷新后再操作"), current.map(StatusOverrideRepository.Stored::id)
                    .orElse(0L), true);
        }
        Status computed = computed(plan, i, year);
        long id = overrides.withdraw(i.id(), year, computed, why, by);
        audit.record(by, "STATUS_OVERRIDE_WITHDRAW", "indicator:" + i.id(), i.name() + " " + year + "年评估结论："
                + current.get().status().label() + "（人工校核，" + current.get().by() + "）→ " + computed.label()
                + "（恢复测算结论），撤销理由：" + why);
        return new Outcome(Map.of(), id, false);
    }

    private Status computed(Plan plan, Indicator i, int year) {
        return assessments.assess(plan, year).indicators().stream().filter(a -> a.indicator().id() == i.id())
                .map(a -> a.override() == null ? a.assessment().status() : a.override().computed()).findFirst()
                .orElse(Status.NO_DATA);
    }

    private static void checkYear(Plan plan, Integer year, Map<String, String> errors) {
        if (year == null || year < plan.periodStart() || year > plan.periodEnd()) {
            errors.put("year", "年份应在规划期" + plan.periodStart() + "—" + plan.periodEnd() + "年内");
        }
    }

    private static String reason(String s, String field, String missing, Map<String, String> errors) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            errors.put(field, missing);
        } else if (t.length() > TargetRevisions.MAX_REASON) {
            errors.put(field, "理由不能超过" + TargetRevisions.MAX_REASON + "字");
        }
        return t;
    }
}
