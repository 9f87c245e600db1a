package cn.lantu.collection;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.audit.AuditLog;
import cn.lantu.notify.Notifier;
import cn.lantu.plan.Plan;
import cn.lantu.security.Actor;
import cn.lantu.security.AppUser;
import cn.lantu.security.Role;
import cn.lantu.security.UserRepository;
import cn.lantu.web.Formats;

/**
 * 催报: reminders to departments with figures still missing for a period, sent by the plan office from the overdue
 * list through the channels it chooses, or by {@link ReminderJob} before and after the due date. Every reminder is
 * recorded (table {@code reminder}: when, to whom, through which channels, by whom or by the job) and is answered
 * once the unit submits one of the period's figures after it.
 */
@Service
public class Reminders {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int MAX_NOTE = 500;
    static final int MAX_TARGETS = 200;

    /** Why a reminder went out. */
    public enum Occasion {
        MANUAL("规划办催报"), BEFORE("截止前提醒"), AFTER("逾期提醒");

        private final String label;

        Occasion(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One recorded reminder; {@code answeredAt} is the first submission of the period's figures after it. */
    public record Reminder(long id, long orgUnitId, String orgName, int year, String period, LocalDate dueDate,
                           Occasion occasion, List<Notifier.Channel> channels, String recipients, int missing,
                           String note, String sentBy, Instant sentAt, Instant answeredAt, boolean answered) {
        Reminder(long id, long orgUnitId, String orgName, int year, String period, LocalDate dueDate,
                 Occasion occasion, List<Notifier.Channel> channels, String recipients, int missing, String note,
                 String sentBy, Instant sentAt, Instant answeredAt) {
            this(id, orgUnitId, orgName, year, period, dueDate, occasion, channels, recipients, missing, note, sentBy,
                    sentAt, answeredAt, answeredAt != null);
        }
    }

    /**
     * What the plan office sends: the units chosen on the overdue list ({@code <unit id>:<year>:<period>}), the
     * channels and an optional note.
     */
    public record Request(List<String> targets, List<Notifier.Channel> channels, String note) {}

    /** How many units were reminded, and the chosen units that have no account to remind. */
    public record Sent(int reminded, List<String> withoutAccounts) {}

    private final JdbcClient jdbc;
    private final DeadlineService deadlines;
    private final ReportingPeriods periods;
    private final UserRepository users;
    private final Notifier notifier;
    private final AuditLog audit;

    Reminders(JdbcClient jdbc, DeadlineService deadlines, ReportingPeriods periods, UserRepository users,
              Notifier notifier, AuditLog audit) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.periods = periods;
        this.users = users;
        this.notifier = notifier;
        this.audit = audit;
    }

    /** The plan office's 催报; 422 with the problems by field (targets, channels, note). */
    @Transactional
    public Sent send(Plan plan, Actor a, Request r, Instant now) {
        if (a.role() != Role.ADMIN) {
            throw ReportingException.forbidden("只有规划办可以催报");
        }
        List<FigureChecks.FieldError> errors = new ArrayList<>();
        List<String> targets = r.targets() == null ? List.of() : r.targets();
        if (targets.isEmpty()) {
            errors.add(new FigureChecks.FieldError("targets", "请选择要催报的单位"));
        } else if (targets.size() > MAX_TARGETS) {
            errors.add(new FigureChecks.FieldError("targets", "一次最多催报" + MAX_TARGETS + "个单位"));
        }
        Set<Notifier.Channel> channels = r.channels() == null || r.channels().isEmpty()
                ? EnumSet.noneOf(Notifier.Channel.class) : EnumSet.copyOf(r.channels());
        if (channels.isEmpty()) {
            errors.add(new FigureChecks.FieldError("channels", "请选择至少一种催报方式"));
        }
        for (Notifier.Channel c : channels) {
            if (!notifier.configured(c)) {
                errors.add(new FigureChecks.FieldError("channels", "本系统未配置" + c.label() + "，不能通过" + c.label()
                        + "催报"));
            }
        }
        String note = FigureService.blank(r.note());
        String noteProblem = FigureValidator.textProblem("附言", note, MAX_NOTE);
        if (noteProblem != null) {
            errors.add(new FigureChecks.FieldError("note", noteProblem));
        }
        List<DeadlineService.Overdue> chosen = errors.isEmpty() ? resolve(plan, targets, errors) : List.of();
        if (!errors.isEmpty()) {
            throw ReportingException.invalid("催报未发送：" + errors.stream().map(FigureChecks.FieldError::message)
                    .distinct().collect(Collectors.joining("；")), errors);
        }
        int reminded = 0;
        List<String> without = new ArrayList<>();
        for (DeadlineService.Overdue o : chosen) {
            if (remind(plan, o, Occasion.MANUAL, channels, note, a.username(), now)) {
                reminded++;
            } else {
                without.add(o.orgName());
            }
        }
        return new Sent(reminded, without);
    }

    /** The chosen targets as the units still missing figures of those periods; problems for the others. */
    private List<DeadlineService.Overdue> resolve(Plan plan, List<String> targets,
                                                  List<FigureChecks.FieldError> errors) {
        List<DeadlineService.Overdue> out = new ArrayList<>();
        for (String t : targets.stream().distinct().toList()) {
            String[] parts = t == null ? new String[0] : t.split(":");
            ReportingPeriods.Period p = parts.length != 3 ? null : periods.all(plan).stream()
                    .filter(x -> String.valueOf(x.year()).equals(parts[1]) && x.period().equals(parts[2]))
                    .findFirst().orElse(null);
            DeadlineService.Overdue o = p == null ? null : deadlines.missing(plan, p).stream()
                    .filter(m -> String.valueOf(m.orgUnitId()).equals(parts[0])).findFirst().orElse(null);
            if (o == null) {
                errors.add(new FigureChecks.FieldError("targets", "所选单位“" + FigureValidator.cut(String.valueOf(t), 40)
                        + "”本期没有未报数据（可能刚刚报送），无需催报；请刷新逾期列表"));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * Sends one reminder to a unit's reporters and approvers and records it with an audit entry; false (nothing
     * sent or recorded) when the unit has no account.
     */
    boolean remind(Plan plan, DeadlineService.Overdue o, Occasion occasion, Set<Notifier.Channel> channels,
                   String note, String sentBy, Instant now) {
        List<AppUser> to = users.findByOrgUnitAndRoles(o.orgUnitId(), List.of(Role.REPORTER, Role.APPROVER));
        if (to.isEmpty()) {
            return false;
        }
        LocalDate today = now.atZone(BEIJING).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, o.dueDate());
        String when = days > 0 ? "还有" + days + "天截止" : days == 0 ? "今天截止" : "已逾期" + -days + "天";
        String period = Formats.periodZh(o.year(), o.period());
        String title = occasion.label() + "：" + period + " 还有" + o.missing() + "项未报";
        String body = o.orgName() + "：" + period + "的数据截止日期为 " + Formats.dateZh(o.dueDate()) + "（" + when
                + "），尚有" + o.missing() + "项未提交，请尽快填报。" + (note == null ? "" : "\n规划办附言：" + note);
        notifier.send("deadline." + occasion.name().toLowerCase(), to.stream()
                .map(u -> new Notifier.Recipient(u.username(), u.email())).toList(), title, body,
                "/plans/" + plan.code() + "/reporting", channels);
        String recipients = to.stream().map(u -> u.displayName() + "（" + u.username() + "）")
                .collect(Collectors.joining("、"));
        String channelText = channels.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        jdbc.sql("""
                INSERT INTO reminder (plan_id, org_unit_id, report_year, period, due_date, occasion, channels,
                  recipients, missing, note, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(plan.id(), o.orgUnitId(), o.year(), o.period(), Date.valueOf(o.dueDate()), occasion.name(),
                        channelText, FigureValidator.cut(recipients, 1990), o.missing(), note, sentBy,
                        Timestamp.from(now)).update();
        audit.record(sentBy == null ? "system" : sentBy, "REMINDER_SEND", "org:" + o.orgUnitId() + " " + o.orgName(),
                occasion.label() + "：" + period + "，" + o.missing() + "项未报（截止 " + Formats.dateZh(o.dueDate())
                        + "）；方式：" + channels.stream().map(Notifier.Channel::label).collect(Collectors.joining("、"))
                        + "；接收人：" + FigureValidator.cut(recipients, 500));
        return true;
    }

    /** True when the job has already sent this kind of reminder to the unit for the period. */
    boolean alreadySent(Plan plan, long unitId, int year, String period, Occasion occasion) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM reminder WHERE plan_id = ? AND org_unit_id = ? AND report_year = ? AND period = ?
                  AND occasion = ? AND sent_by IS NULL""").params(plan.id(), unitId, year, period, occasion.name())
                .query(Long.class).single() > 0;
    }

    /** The reminders sent to a unit, newest first, each with whether (and when) the unit answered it. */
    public List<Reminder> history(Plan plan, long unitId) {
        return jdbc.sql("""
                SELECT m.*, o.name AS oname,
                  (SELECT MIN(r.changed_at) FROM figure_revision r JOIN figure f ON f.id = r.figure_id
                     JOIN org_unit c ON c.id = f.org_unit_id AND c.unit_type = 'CITY'
                     JOIN responsibility rs ON rs.indicator_id = f.indicator_id AND rs.org_unit_id = m.org_unit_id
                       AND rs.role = 'LEAD'
                   WHERE f.report_year = m.report_year AND f.period = m.period AND f.demo = FALSE
                     AND r.state IN ('SUBMITTED', 'APPROVED') AND r.changed_at > m.sent_at) AS answered_at
                FROM reminder m JOIN org_unit o ON o.id = m.org_unit_id
                WHERE m.plan_id = ? AND m.org_unit_id = ? ORDER BY m.sent_at DESC, m.id DESC LIMIT 200""")
                .params(plan.id(), unitId)
                .query((rs, n) -> new Reminder(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getString("oname"),
                        rs.getInt("report_year"), rs.getString("period"), rs.getDate("due_date").toLocalDate(),
                        Occasion.valueOf(rs.getString("occasion")), Arrays.stream(rs.getString("channels").split(","))
                        .filter(s -> !s.isEmpty()).map(Notifier.Channel::valueOf).toList(),
                        rs.getString("recipients"), rs.getInt("missing"), rs.getString("note"),
                        rs.getString("sent_by"), rs.getTimestamp("sent_at").toInstant(),
                        rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant()))
                .list();
    }

    /**
     * The history for a reader of the unit's page: the plan office, leaders and supervisors, and the unit's own
     * users; null for anyone else (the section is not shown).
     */
    public List<Reminder> historyFor(org.springframework.security.core.Authentication auth, Plan plan, long unitId) {
        Actor reader = auth == null ? null : users.findByUsername(auth.getName())
                .map(u -> new Actor(u.username(), u.role(), u.orgUnitId())).orElse(null);
        return historyFor(reader, plan, unitId);
    }

    /** {@link #historyFor(org.springframework.security.core.Authentication, Plan, long)} for a known reader. */
    public List<Reminder> historyFor(Actor reader, Plan plan, long unitId) {
        if (reader == null) {
            return null;
        }
        boolean allowed = switch (reader.role()) {
            case ADMIN, LEADER, SUPERVISOR -> true;
            case REPORTER, APPROVER -> reader.orgUnitId() != null && reader.orgUnitId() == unitId;
            case SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> false; // no business records (三员分立)
        };
        return allowed ? history(plan, unitId) : null;
    }
}
