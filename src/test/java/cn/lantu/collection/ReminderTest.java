package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.notify.Notifier;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * 催报: the daily job reminds a late department once N days before the due date and once N days after it (checked
 * with a fixed clock, day by day); the plan office reminds chosen units through chosen channels; every reminder is
 * recorded and becomes answered when the unit submits a figure of the period after it.
 */
@LantuTest
class ReminderTest {

    static final String API = "/api/v1/plans/zhuji-15th";
    static final String GDP = "ZJ01"; // quarterly

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService userService;
    @Autowired ReminderJob job;
    @Autowired Notifier notifier;

    ReportingFixture fx;
    long unit;
    String reporter;

    /** The administrator's initial password, in the data folder of this test's context. */
    String adminPassword() {
        return cn.lantu.support.TestUsers.adminPassword();
    }

    Http admin() {
        return Http.basic(port, "admin", adminPassword());
    }

    @BeforeEach
    void setUp() {
        fx = new ReportingFixture(port, jdbc, userService);
        unit = fx.leadOf(GDP);
        reporter = fx.user("remind", Role.REPORTER, unit);
    }

    @AfterEach
    void closePeriods() {
        // the context is shared: leave no open period that would remind other tests' users
        for (String[] p : new String[][] {{"2028", "Q2"}, {"2027", "Q3"}}) {
            period(Integer.parseInt(p[0]), p[1], "2028-07-20", false);
        }
    }

    private void period(int year, String period, String due, boolean open) {
        Http.ok(admin().postJson(API + "/reporting/periods",
                Map.of("year", year, "period", period, "dueDate", due, "open", open)));
    }

    private static Clock at(String dateTime) {
        return Clock.fixed(LocalDateTime.parse(dateTime).atZone(Reminders.BEIJING).toInstant(), Reminders.BEIJING);
    }

    private List<Map<String, Object>> reminders(String occasion) {
        return jdbc.sql("""
                SELECT occasion, sent_by, sent_at, channels, recipients FROM reminder
                WHERE org_unit_id = ? AND report_year = 2028 AND period = 'Q2' AND occasion = ?""")
                .params(unit, occasion).query().listOfRows();
    }

    @Test
    void theJobRemindsDaysBeforeAndDaysAfterTheDueDateOnceEach() {
        period(2028, "Q2", "2028-07-20", true);
        job.remind(at("2028-07-16T08:00"));
        assertThat(reminders("BEFORE")).isEmpty(); // four days before: days-before is 3
        job.remind(at("2028-07-17T08:00"));
        List<Map<String, Object>> before = reminders("BEFORE");
        assertThat(before).hasSize(1);
        assertThat(before.get(0).get("sent_by")).isNull();
        assertThat(((java.sql.Timestamp) before.get(0).get("sent_at")).toInstant())
                .isEqualTo(at("2028-07-17T08:00").instant());
        assertThat((String) before.get(0).get("recipients")).contains(reporter);
        assertThat(notifier.forUser(reporter, 10)).anyMatch(n -> n.title().startsWith("截止前提醒：2028年二季度")
                && n.body().contains("还有3天截止"));
        job.remind(at("2028-07-18T08:00"));
        job.remind(at("2028-07-20T08:00"));
        assertThat(reminders("BEFORE")).hasSize(1);
        assertThat(reminders("AFTER")).isEmpty(); // the due day itself is not late
        job.remind(at("2028-07-21T08:00"));
        assertThat(reminders("AFTER")).hasSize(1);
        assertThat(notifier.forUser(reporter, 10)).anyMatch(n -> n.title().startsWith("逾期提醒：2028年二季度")
                && n.body().contains("已逾期1天"));
        job.remind(at("2028-07-25T08:00"));
        assertThat(reminders("AFTER")).hasSize(1);
        List<Map<String, Object>> history = ReportingFixture.jsonList(
                admin().get(API + "/units/" + fx.unitCode(unit) + "/reminders"));
        assertThat(history).filteredOn(h -> "Q2".equals(h.get("period")) && Integer.valueOf(2028).equals(h.get("year"))
                        && h.get("sentBy") == null)
                .extracting(h -> h.get("occasion")).containsExactly("AFTER", "BEFORE");
        assertThat(history).filteredOn(h -> "Q2".equals(h.get("period")))
                .allMatch(h -> Boolean.FALSE.equals(h.get("answered")));

        // a closed period is never reminded
        period(2028, "Q2", "2028-07-20", false);
        jdbc.sql("DELETE FROM reminder WHERE report_year = 2028 AND period = 'Q2'").update();
        job.remind(at("2028-07-21T08:00"));
        assertThat(reminders("AFTER")).isEmpty();
    }

    @Test
    void thePlanOfficeRemindsChosenUnitsAndTheReminderIsAnsweredBySubmitting() {
        period(2027, "Q3", "2020-10-20", true);
        String target = unit + ":2027:Q3";
        Http admin = admin();

        HttpResponse<String> none = admin.postJson(API + "/reporting/reminders", Map.of("targets", List.of(),
                "channels", List.of("APP")));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("\"field\":\"targets\"", "请选择要催报的单位");
        HttpResponse<String> mail = admin.postJson(API + "/reporting/reminders", Map.of("targets", List.of(target),
                "channels", List.of("MAIL")));
        assertThat(mail.statusCode()).isEqualTo(422);
        assertThat(mail.body()).contains("\"field\":\"channels\"", "未配置电子邮件");
        HttpResponse<String> wrong = admin.postJson(API + "/reporting/reminders", Map.of("targets",
                List.of("999999:2027:Q3"), "channels", List.of("APP")));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("没有未报数据");
        assertThat(fx.as(reporter).postJson(API + "/reporting/reminders", Map.of("targets", List.of(target),
                "channels", List.of("APP"))).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reminder WHERE org_unit_id = ? AND report_year = 2027 AND period = 'Q3'")
                .param(unit).query(Long.class).single()).isZero();

        Instant before = Instant.now();
        HttpResponse<String> sent = admin.postJson(API + "/reporting/reminders", Map.of("targets", List.of(target),
                "channels", List.of("APP"), "note", "请于本周五前报送"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(ReportingFixture.json(sent).get("reminded")).isEqualTo(1);
        assertThat(notifier.forUser(reporter, 5)).anyMatch(n -> n.title().startsWith("规划办催报：2027年三季度")
                && n.body().contains("请于本周五前报送"));
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'REMINDER_SEND' AND actor = 'admin' "
                + "ORDER BY id DESC").query(String.class).list().get(0)).contains("2027年三季度", "站内通知", reporter);

        List<Map<String, Object>> history = ReportingFixture.jsonList(
                fx.as(reporter).get(API + "/units/" + fx.unitCode(unit) + "/reminders"));
        Map<String, Object> manual = history.stream().filter(h -> "Q3".equals(h.get("period"))
                && Integer.valueOf(2027).equals(h.get("year"))).findFirst().orElseThrow();
        assertThat(manual.get("occasion")).isEqualTo("MANUAL");
        assertThat(manual.get("sentBy")).isEqualTo("admin");
        assertThat(manual.get("channels")).isEqualTo(List.of("APP"));
        assertThat(manual.get("answered")).isEqualTo(false);
        assertThat(Instant.parse((String) manual.get("sentAt"))).isAfterOrEqualTo(before.minusSeconds(1));

        // a reporter of another unit may not read this unit's reminders
        long other = jdbc.sql("SELECT id FROM org_unit WHERE unit_type = 'DEPARTMENT' AND id <> ? ORDER BY id")
                .param(unit).query(Long.class).list().get(0);
        assertThat(fx.as(fx.user("other", Role.REPORTER, other))
                .get(API + "/units/" + fx.unitCode(unit) + "/reminders").statusCode()).isEqualTo(403);

        Http rep = fx.as(reporter);
        HttpResponse<String> saved = rep.postJson(API + "/figures", Map.of("indicator", GDP, "year", 2027,
                "period", "Q3", "value", "6.2"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(rep.move(ReportingFixture.figureId(saved), "submit",
                Map.of("explanation", "季度快报")).statusCode()).isEqualTo(200);
        Map<String, Object> answered = ReportingFixture.jsonList(
                        admin.get(API + "/units/" + fx.unitCode(unit) + "/reminders")).stream()
                .filter(h -> ((Number) h.get("id")).equals(manual.get("id"))).findFirst().orElseThrow();
        assertThat(answered.get("answered")).isEqualTo(true);
        assertThat(answered.get("answeredAt")).isNotNull();
    }
}
