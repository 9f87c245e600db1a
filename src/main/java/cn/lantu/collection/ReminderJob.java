package cn.lantu.collection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.lantu.notify.Notifier;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;

/**
 * The scheduled 催报 (run each morning by {@link ReminderSchedule}): for every open period, each department with
 * figures still missing is reminded once {@code lantu.reporting.reminder.days-before} days before the due date
 * (截止前提醒) and once {@code days-after} days after it (逾期提醒), through every configured channel. A day the job
 * did not run is caught up the next morning, before the due date passes or any day after.
 */
@Component
public class ReminderJob {

    private final PlanRepository plans;
    private final DeadlineService deadlines;
    private final ReportingPeriods periods;
    private final Reminders reminders;
    private final Notifier notifier;
    private final int daysBefore;
    private final int daysAfter;

    ReminderJob(PlanRepository plans, DeadlineService deadlines, ReportingPeriods periods, Reminders reminders,
                Notifier notifier, @Value("${lantu.reporting.reminder.days-before:3}") int daysBefore,
                @Value("${lantu.reporting.reminder.days-after:1}") int daysAfter) {
        this.plans = plans;
        this.deadlines = deadlines;
        this.periods = periods;
        this.reminders = reminders;
        this.notifier = notifier;
        this.daysBefore = daysBefore;
        this.daysAfter = daysAfter;
    }

    /** Sends the reminders due on {@code today} (08:00 Beijing time); returns how many units were reminded. */
    public int remind(LocalDate today) {
        return remind(Clock.fixed(today.atTime(8, 0).atZone(Reminders.BEIJING).toInstant(), Reminders.BEIJING));
    }

    /** Sends the reminders due at the clock's instant (its Beijing date); returns how many units were reminded. */
    public int remind(Clock clock) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(Reminders.BEIJING).toLocalDate();
        Set<Notifier.Channel> channels = EnumSet.noneOf(Notifier.Channel.class);
        for (Notifier.Channel c : Notifier.Channel.values()) {
            if (notifier.configured(c)) {
                channels.add(c);
            }
        }
        int sent = 0;
        for (Plan plan : plans.findAll()) {
            for (ReportingPeriods.Period p : periods.all(plan)) {
                Reminders.Occasion occasion = occasion(p, today);
                if (occasion == null) {
                    continue;
                }
                for (DeadlineService.Overdue o : deadlines.missing(plan, p)) {
                    if (!reminders.alreadySent(plan, o.orgUnitId(), o.year(), o.period(), occasion)
                            && reminders.remind(plan, o, occasion, channels, null, null, now)) {
                        sent++;
                    }
                }
            }
        }
        return sent;
    }

    /** Which reminder a period is due for today, if any: only open periods are reminded. */
    Reminders.Occasion occasion(ReportingPeriods.Period p, LocalDate today) {
        if (!p.open()) {
            return null;
        }
        if (daysAfter >= 0 && today.isAfter(p.dueDate()) && !today.isBefore(p.dueDate().plusDays(daysAfter))) {
            return Reminders.Occasion.AFTER;
        }
        if (daysBefore >= 0 && !today.isAfter(p.dueDate()) && !today.isBefore(p.dueDate().minusDays(daysBefore))) {
            return Reminders.Occasion.BEFORE;
        }
        return null;
    }
}
