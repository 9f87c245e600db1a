package cn.lantu.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import cn.lantu.org.OrgRepository;
import cn.lantu.plan.Plan;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;

/** Helpers of the form tests: a task with a lead department and its reporter, and following a form's redirect. */
public final class FormPages {

    public static final String PASSWORD = "form-tests-password-1";

    private FormPages() {}

    /** The {@code n}-th active task that has a lead department (tests pick different ones so as not to meet). */
    public static Task taskWithLead(TaskRepository tasks, Plan plan, int n) {
        List<Task> led = tasks.findByPlan(plan.id(), false).stream().filter(t -> t.lead() != null).toList();
        return led.get(n);
    }

    /** A new reporter of the task's lead department. */
    public static String reporterOf(UserService users, OrgRepository org, Plan plan, Task t, String prefix) {
        String name = prefix + System.nanoTime();
        users.createUser(name, "任务填报员", PASSWORD, Role.REPORTER,
                org.findByCode(plan.id(), t.lead().orgCode()).orElseThrow().id());
        return name;
    }

    /**
     * Follows the one redirect a form answers with and returns the page it lands on, which must be a page (200):
     * a second redirect would drop the flash attributes carrying the confirmation or the refused input.
     */
    public static Document follow(Http session, HttpResponse<String> posted, String expectedPath) {
        assertThat(posted.statusCode()).as("form answer %s: %s", posted.uri(), posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        URI target = posted.uri().resolve(location);
        assertThat(target.getPath()).isEqualTo(expectedPath);
        String pathAndQuery = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        HttpResponse<String> page = session.page(pathAndQuery);
        assertThat(page.statusCode()).as("page after the redirect: %s", pathAndQuery).isEqualTo(200);
        return Jsoup.parse(page.body());
    }

    /** The message shown beside a field: the invalid-feedback element right after it. */
    public static String feedbackOf(Element field) {
        assertThat(field.hasClass("is-invalid")).as("%s is marked invalid", field.attr("name")).isTrue();
        Element next = field.nextElementSibling();
        assertThat(next).as("feedback after %s", field.attr("name")).isNotNull();
        assertThat(next.hasClass("invalid-feedback")).as("feedback after %s", field.attr("name")).isTrue();
        return next.text();
    }
}
