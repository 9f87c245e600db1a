package cn.lantu.collection;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.notify.Notifier;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.security.Role;
import cn.lantu.security.UserRepository;

/** Reminds (run each morning by {@link ReminderSchedule}) each department once per period when its figures are overdue. */
@Component
public class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final PlanRepository plans;
    private final DeadlineService deadlines;
    private final UserRepository users;
    private final Notifier notifier;
    private final JdbcClient jdbc;

    ReminderJob(PlanRepository plans, DeadlineService deadlines, UserRepository users, Notifier notifier,
                JdbcClient jdbc) {
        this.plans = plans;
        this.deadlines = deadlines;
        this.users = users;
        this.notifier = notifier;
        this.jdbc = jdbc;
    }

    /** Sends the reminders due on {@code today}; returns how many units were reminded. */
    public int remind(LocalDate today) {
        int sent = 0;
        for (Plan plan : plans.findAll()) {
            for (DeadlineService.Overdue o : deadlines.overdue(plan, today)) {
                long already = jdbc.sql("""
                        SELECT COUNT(*) FROM reminder_sent WHERE plan_id = ? AND org_unit_id = ? AND report_year = ?
                          AND period = ?""").params(plan.id(), o.orgUnitId(), o.year(), o.period())
                        .query(Long.class).single();
                if (already > 0) {
                    continue;
                }
                var recipients = users.findByOrgUnitAndRoles(o.orgUnitId(), List.of(Role.REPORTER, Role.APPROVER));
                notifier.send("deadline.overdue", recipients.stream()
                                .map(u -> new Notifier.Recipient(u.username(), u.email())).toList(),
                        "逾期提醒：" + cn.lantu.web.Formats.periodZh(o.year(), o.period()) + " 还有" + o.missing()
                                + "项未报",
                        o.orgName() + "：截止日期 " + cn.lantu.web.Formats.dateZh(o.dueDate()) + "，请尽快填报。",
                        "/plans/" + plan.code() + "/reporting");
                jdbc.sql("INSERT INTO reminder_sent (plan_id, org_unit_id, report_year, period, sent_at) VALUES (?, ?, ?, ?, ?)")
                        .params(plan.id(), o.orgUnitId(), o.year(), o.period(), Timestamp.from(Instant.now())).update();
                sent++;
            }
        }
        return sent;
    }
}
