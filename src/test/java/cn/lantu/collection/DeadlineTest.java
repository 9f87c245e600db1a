package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.notify.Notifier;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/** An open period past its due date puts departments on the overdue list and reminds them once, in the app. */
@LantuTest
class DeadlineTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService userService;
    @Autowired ReminderJob reminders;
    @Autowired Notifier notifier;

    @Test
    void overdueDepartmentsAreListedAndRemindedOnce() {
        ReportingFixture fx = new ReportingFixture(port, jdbc, userService);
        // 2029 Q3 (GDP is quarterly) made open and already due
        Http.ok(Http.admin(port).postJson("/api/v1/plans/zhuji-15th/reporting/periods",
                Map.of("year", 2029, "period", "Q3", "dueDate", "2020-10-20", "open", true)));
        long unit = fx.leadOf("ZJ01");
        String reporter = fx.user("late", Role.REPORTER, unit);
        List<Map<String, Object>> overdue = ReportingFixture.jsonList(
                Http.admin(port).get("/api/v1/plans/zhuji-15th/reporting/overdue"));
        assertThat(overdue).anyMatch(o -> ((Number) o.get("orgUnitId")).longValue() == unit
                && "Q3".equals(o.get("period")) && Integer.valueOf(2029).equals(o.get("year")));
        assertThat(reminders.remind(LocalDate.now())).isPositive();
        assertThat(notifier.forUser(reporter, 10)).anyMatch(n -> n.title().contains("逾期提醒"));
        int count = notifier.forUser(reporter, 10).size();
        reminders.remind(LocalDate.now());
        assertThat(notifier.forUser(reporter, 10)).hasSize(count);
        assertThat(Http.ok(Http.adminSession(port).get("/plans/zhuji-15th/reporting/calendar"))).contains("2029年三季度");
        Http.ok(Http.admin(port).postJson("/api/v1/plans/zhuji-15th/reporting/periods",
                Map.of("year", 2029, "period", "Q3", "dueDate", "2029-10-20", "open", false)));
    }
}
