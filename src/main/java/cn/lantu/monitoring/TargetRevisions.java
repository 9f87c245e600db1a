package cn.lantu.monitoring;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.audit.AuditLog;
import cn.lantu.indicator.Indicator;
import cn.lantu.plan.Plan;
import cn.lantu.web.NotFoundException;

/**
 * Target revisions (规划调整) under separation of duties: one plan officer proposes a revised target with its reason,
 * the approving document (文号 and date) and the year it takes effect; a second plan officer approves or rejects it.
 * Only an approved revision changes what the assessment judges against, and only from its effective year on.
 */
@Service
public class TargetRevisions {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int MAX_REASON = 2000;
    static final int MAX_DOCUMENT = 100;

    /** A proposal as typed in the form or sent to the API: text, checked here. */
    public record Proposal(String value, String reason, String approval, String documentDate, String effectiveYear) {}

    /** The result of a proposal or a decision: field errors (nothing saved), or the revision as it now stands. */
    public record Outcome(Map<String, String> errors, TargetRepository.Revision revision, Refusal refusal) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Why a decision was refused as a whole (not a field): the API maps it to its HTTP status. */
    public enum Refusal { NONE, OWN_PROPOSAL, NOT_PENDING }

    private final TargetRepository targets;
    private final AuditLog audit;

    TargetRevisions(TargetRepository targets, AuditLog audit) {
        this.targets = targets;
        this.audit = audit;
    }

    @Transactional
    public Outcome propose(Plan plan, Indicator i, Proposal f, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        Double value = number(f.value(), errors);
        String reason = text(f.reason(), "reason", "请填写调整理由", MAX_REASON, errors);
        String document = text(f.approval(), "approval", "请填写批准文件文号", MAX_DOCUMENT, errors);
        LocalDate date = date(f.documentDate(), errors);
        Integer year = year(f.effectiveYear(), plan, errors);
        if (errors.isEmpty() && targets.revisions(i.id()).stream().anyMatch(r -> r.state() == RevisionState.PENDING)) {
            errors.put("value", "该指标已有一项待审核的目标调整，请先审核或退回后再提出新的调整");
        }
        if (!errors.isEmpty()) {
            return new Outcome(errors, null, Refusal.NONE);
        }
        long id = targets.propose(i.id(), value, reason, document, date, year, by);
        TargetRepository.Revision r = targets.find(id).orElseThrow();
        audit.record(by, "REVISION_PROPOSE", "indicator:" + i.id(), i.name() + " 提出目标调整（第" + r.version()
                + "次）：目标 " + TargetChange.number(current(i, plan)) + " → " + TargetChange.number(value) + "，自"
                + year + "年起执行，理由：" + reason + "，依据：" + document + "（" + date.getYear() + "年" + date.getMonthValue() + "月"
                + date.getDayOfMonth() + "日），待审核");
        return new Outcome(Map.of(), r, Refusal.NONE);
    }

    /** Approves or rejects a pending revision; the proposer may not decide their own. */
    @Transactional
    public Outcome decide(Plan plan, long id, Integer lockVersion, boolean approve, String comment, String by) {
        TargetRepository.Revision r = targets.find(id).filter(x -> x.planId() == plan.id())
                .orElseThrow(() -> new NotFoundException("目标调整不存在: " + id));
        Map<String, String> errors = new LinkedHashMap<>();
        String text = comment == null ? "" : comment.strip();
        if (!approve && text.isEmpty()) {
            errors.put("comment", "退回时请填写意见，说明退回的原因");
        } else if (text.length() > MAX_REASON) {
            errors.put("comment", "意见不能超过" + MAX_REASON + "字");
        }
        if (r.by().equals(by)) {
            return new Outcome(Map.of("decision", "不能审核自己提出的目标调整：须由另一位规划办人员审核"), r,
                    Refusal.OWN_PROPOSAL);
        }
        if (r.state() != RevisionState.PENDING || lockVersion == null || lockVersion != r.lockVersion()) {
            return new Outcome(Map.of("decision", "该目标调整已由" + (r.decidedBy() == null ? "他人" : r.decidedBy())
                    + "处理（" + r.state().label() + "），请刷新后查看"), r, Refusal.NOT_PENDING);
        }
        if (!errors.isEmpty()) {
            return new Outcome(errors, r, Refusal.NONE);
        }
        RevisionState state = approve ? RevisionState.APPROVED : RevisionState.REJECTED;
        if (!targets.decide(id, lockVersion, state, text.isEmpty() ? null : text, by)) {
            return new Outcome(Map.of("decision", "该目标调整已被他人处理，请刷新后查看"), r, Refusal.NOT_PENDING);
        }
        TargetRepository.Revision after = targets.find(id).orElseThrow();
        audit.record(by, approve ? "REVISION_APPROVE" : "REVISION_REJECT", "indicator:" + r.indicatorId(),
                r.indicatorName() + " 目标调整（第" + r.version() + "次，" + r.by() + "提出）：" + r.state().label() + " → "
                        + state.label() + "；调整后目标 " + TargetChange.number(r.value()) + "，自" + r.effectiveYear()
                        + "年起" + (text.isEmpty() ? "" : "；意见：" + text));
        return new Outcome(Map.of(), after, Refusal.NONE);
    }

    /** The target in force now, before this proposal: the latest approved revision, else the original. */
    private Double current(Indicator i, Plan plan) {
        var approved = targets.approved(plan.id()).get(i.code());
        return approved == null || approved.isEmpty() ? i.targetValue() : approved.get(approved.size() - 1).value();
    }

    private static Double number(String s, Map<String, String> errors) {
        String t = s == null ? "" : s.strip().replace("，", "").replace(",", "");
        if (t.isEmpty()) {
            errors.put("value", "请填写调整后的目标值");
            return null;
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v) || t.length() > 20 || !t.matches("[-+]?\\d+(\\.\\d+)?")) {
                throw new NumberFormatException(t);
            }
            return v;
        } catch (NumberFormatException e) {
            errors.put("value", "“" + cut(s) + "”不是数字，请填写数值，例如 78 或 12.5");
            return null;
        }
    }

    private static String text(String s, String field, String missing, int max, Map<String, String> errors) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            errors.put(field, missing);
        } else if (t.length() > max) {
            errors.put(field, "不能超过" + max + "字");
        } else if (t.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            errors.put(field, "含有无法显示的控制字符，请删除后重新填写");
        }
        return t;
    }

    private static LocalDate date(String s, Map<String, String> errors) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            errors.put("documentDate", "请填写批准文件的日期");
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(t);
            if (d.isAfter(LocalDate.now(BEIJING))) {
                errors.put("documentDate", "批准日期不能晚于今天");
            } else if (d.getYear() < 1990) {
                errors.put("documentDate", "批准日期不正确");
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.put("documentDate", "日期格式应为 年-月-日，例如 2028-03-15");
            return null;
        }
    }

    private static Integer year(String s, Plan plan, Map<String, String> errors) {
        String t = s == null ? "" : s.strip();
        String range = "生效年份应在规划期" + plan.periodStart() + "—" + plan.periodEnd() + "年内";
        if (t.isEmpty()) {
            errors.put("effectiveYear", "请选择调整后目标的生效年份");
            return null;
        }
        try {
            int y = Integer.parseInt(t);
            if (y < plan.periodStart() || y > plan.periodEnd()) {
                errors.put("effectiveYear", range);
            }
            return y;
        } catch (NumberFormatException e) {
            errors.put("effectiveYear", range);
            return null;
        }
    }

    private static String cut(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
