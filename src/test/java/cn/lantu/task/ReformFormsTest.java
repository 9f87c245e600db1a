package cn.lantu.task;

import static cn.lantu.task.FormPages.feedbackOf;
import static cn.lantu.task.FormPages.follow;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * The reform move form over HTTP: a move that is not one stage forward comes back beside that reform's form with
 * the input kept; a move says what happened; documents attached to a move can be downloaded by whoever may see
 * the reform; the outcome type (成果形式) shows in the history and the current state.
 */
@LantuTest
class ReformFormsTest {

    static final String PLAN = "/plans/zhuji-15th";
    static final String PAGE = PLAN + "/reforms";

    @LocalServerPort
    int port;
    @Autowired
    PlanRepository plans;
    @Autowired
    ReformService reforms;
    @Autowired
    UserService users;

    private int version(String code) {
        Plan p = plans.findByCode("zhuji-15th").orElseThrow();
        return reforms.item(p.id(), code).version();
    }

    private static Element row(Document d, String code) {
        return d.getElementById("reform-" + code);
    }

    @Test
    void aMoveToTheSameOrAFarStageComesBackBesideThatReformsForm() {
        Http admin = Http.session(port, "admin", TestUsers.adminPassword());
        HttpResponse<String> same = admin.postForm(PAGE + "/R03/move", Map.of("to", "COLLECTING",
                "version", String.valueOf(version("R03")), "note", "列入年度改革计划", "outcomeText", "草案"));
        Document d = follow(admin, same, PAGE);
        Element row = row(d, "R03");
        assertThat(row.selectFirst(".move-error").text()).contains("未推进");
        assertThat(feedbackOf(row.selectFirst("select[name=to]")))
                .isEqualTo("已处于“征集申报”阶段：请选择下一阶段“评估立项”后再推进");
        assertThat(row.selectFirst("input[name=note]").val()).isEqualTo("列入年度改革计划");
        assertThat(row.selectFirst("input[name=outcomeText]").val()).isEqualTo("草案");
        // the message is beside that reform only
        assertThat(d.select(".move-error")).hasSize(1);
        assertThat(row(d, "R04").select(".is-invalid")).isEmpty();

        Document far = follow(admin, admin.postForm(PAGE + "/R03/move", Map.of("to", "MANAGING",
                "version", String.valueOf(version("R03")), "note", "跳过评估")), PAGE);
        assertThat(feedbackOf(row(far, "R03").selectFirst("select[name=to]")))
                .contains("只能推进到下一阶段", "评估立项");
        assertThat(row(far, "R03").selectFirst("select[name=to] option[selected]").val()).isEqualTo("MANAGING");
        assertThat(row(far, "R03").selectFirst(".stage").text()).isEqualTo("征集申报");
    }

    @Test
    void aMoveSaysWhatHappenedAndItsDocumentCanBeDownloaded() {
        Http admin = Http.session(port, "admin", TestUsers.adminPassword());
        byte[] content = "诸暨市改革实施方案（测试）".getBytes(StandardCharsets.UTF_8);
        String fileName = "改革实施方案.txt";
        // the filter of the list (domain) is kept through the move
        String query = "?to=EVALUATING&version=" + version("R04") + "&note="
                + URLEncoder.encode("列入年度计划", StandardCharsets.UTF_8) + "&domain=ECON&_csrf=" + admin.csrf();
        HttpResponse<String> moved = admin.postMultipart(PAGE + "/R04/move" + query, "files", fileName,
                "text/plain", content);
        assertThat(moved.headers().firstValue("Location").orElseThrow()).contains("domain=ECON");
        Document d = follow(admin, moved, PAGE);
        assertThat(d.getElementById("flash-message").text())
                .contains("已推进到“评估立项”阶段", "附件 1 个已保存");
        Element link = row(d, "R04").selectFirst("a.reform-document");
        assertThat(link.text()).isEqualTo(fileName);
        String href = link.attr("href");
        assertThat(href).startsWith(PAGE + "/R04/documents/");

        // anyone who may see the reforms page may download; the name travels in UTF-8
        HttpResponse<byte[]> got = Http.adminHybrid(port).getBytes(href);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(content);
        assertThat(got.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(got.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        assertThat(got.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        // a document is found only under its own reform and plan; nobody signed out gets it
        String id = href.substring(href.lastIndexOf('/') + 1);
        assertThat(Http.adminHybrid(port).getBytes(PAGE + "/R05/documents/" + id).statusCode()).isEqualTo(404);
        assertThat(Http.adminHybrid(port).getBytes("/api/v1/plans/zhuji-15th/reforms/R04/documents/" + id).statusCode())
                .isEqualTo(200);
        assertThat(Http.anonymous(port).getBytes(href).statusCode()).isIn(302, 401);
        String leader = "rfl" + System.nanoTime();
        users.createUser(leader, "领导", FormPages.PASSWORD, Role.LEADER, null);
        assertThat(Http.hybrid(port, leader, FormPages.PASSWORD).getBytes(href).body()).isEqualTo(content);

        // to 成果转化: the outcome type is required, named beside its field, then shown in history and state
        Document noKind = follow(admin, admin.postForm(PAGE + "/R04/move", Map.of("to", "MANAGING",
                "version", String.valueOf(version("R04")))), PAGE);
        assertThat(noKind.getElementById("flash-message").text()).contains("过程管理");
        Document missing = follow(admin, admin.postForm(PAGE + "/R04/move", Map.of("to", "TRANSFORMING",
                "version", String.valueOf(version("R04")), "outcomeText", "出台改革办法")), PAGE);
        assertThat(feedbackOf(row(missing, "R04").selectFirst("select[name=outcomeKind]"))).contains("成果形式");
        assertThat(row(missing, "R04").selectFirst("input[name=outcomeText]").val()).isEqualTo("出台改革办法");
        Document done = follow(admin, admin.postForm(PAGE + "/R04/move", Map.of("to", "TRANSFORMING",
                "version", String.valueOf(version("R04")), "outcomeKind", "POLICY", "outcomeText", "出台改革办法")),
                PAGE);
        Element r = row(done, "R04");
        assertThat(r.selectFirst(".stage").text()).contains("成果转化", "成果形式：制度政策（出台改革办法）");
        assertThat(r.select(".reform-event .event-outcome").eachText()).containsExactly("（成果形式：制度政策；出台改革办法）");
        assertThat(r.select("form.move-form")).isEmpty();
    }

    @Test
    void theApiNamesAnUnknownOutcomeTypeInsteadOfFailing() {
        Http admin = Http.admin(port);
        String api = "/api/v1/plans/zhuji-15th/reforms/R06/move";
        Http.ok(admin.postJson(api, Map.of("to", "EVALUATING", "version", version("R06"))));
        Http.ok(admin.postJson(api, Map.of("to", "MANAGING", "version", version("R06"))));
        HttpResponse<String> r = admin.postJson(api, Map.of("to", "TRANSFORMING", "version", version("R06"),
                "outcomeKind", "BOOK", "outcomeText", "出版"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("成果形式");
        HttpResponse<String> same = admin.postJson(api, Map.of("to", "MANAGING", "version", version("R06")));
        assertThat(same.statusCode()).isEqualTo(409);
        assertThat(same.body()).contains("已处于“过程管理”阶段");
    }
}
