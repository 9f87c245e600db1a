package cn.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * The work pages (layout, cockpit, reporting, project, task templates) take their UI text from the
 * pages-work bundle: Chinese by default, English with {@code ?lang=en}.
 */
@LantuTest
class WorkPagesI18nTest {

    static final String PLAN = "/plans/zhuji-15th";

    @LocalServerPort int port;

    /** A page, labels that must appear in English (and not in Chinese) with lang=en, and the Chinese labels. */
    record Page(String path, List<String> english, List<String> chinese) {}

    @Test
    void cockpitPagesSwitchLanguage() {
        check(new Page(PLAN + "/cockpit?year=2028",
                List.of("Leadership cockpit", "Switch year", "Full screen", "Department scoreboard", "Warning list",
                        "On-time reporting rate"),
                List.of("领导驾驶舱", "切换年度", "全屏展示", "部门评分板", "预警清单", "按时报送率")));
        check(new Page(PLAN + "/cockpit?year=2028&display=screen",
                List.of("Exit full screen", "Department scoreboard"), List.of("退出全屏", "部门评分板")));
        check(new Page(PLAN + "/indicators/ZJ25?year=2028",
                List.of("Data revisions", "Projection to the target year", "Chart data", "Catch-up required",
                        "2028 assessment: "),
                List.of("数据修订记录", "预测至目标年", "图表数据", "追赶要求", "2028年评估：")));
        check(new Page(PLAN,
                List.of("Assessment by indicator", "Public portal", "Year-by-year comparison", ">Lantu</span>"),
                List.of("查看各指标评估", "公开门户", "历年对比", "蓝图 Lantu")));
        check(new Page(PLAN + "/assessment?year=2028",
                List.of("Table 1 Main indicators", "Lead department", "Text targets"),
                List.of("表1 主要指标", "牵头部门", "文本目标")));
        check(new Page(PLAN + "/matrix",
                List.of("Year-by-year assessment (status matrix)"), List.of("历年评估对比（状态矩阵）")));
        check(new Page(PLAN + "/matrix/projects",
                List.of("Major projects by quarter", "Q1", "Q4"), List.of("重大项目季度对比", "一季度", "四季度")));
        check(new Page(PLAN + "/units/TJJ",
                List.of("Lead indicators (", "Cooperating indicators"),
                List.of("牵头指标（", "配合指标")));
    }

    @Test
    void reportingPagesSwitchLanguage() {
        check(new Page(PLAN + "/reporting",
                List.of("Reporting calendar and overdue reports", "My notifications", "Download pre-filled template",
                        "Full year"),
                List.of("填报日历与逾期情况", "我的通知", "下载预填模板", "全年")));
        check(new Page(PLAN + "/reporting/form?indicator=ZJ17&year=2026&period=Y",
                List.of("Last year", "Statistical scope / data source", "Submit for review", "Save draft"),
                List.of("统计口径 / 数据来源", "提交审核", "保存草稿")));
        check(new Page(PLAN + "/reporting/calendar",
                List.of("Reporting calendar", "Overdue reports by department", "Due date"),
                List.of("填报日历", "各部门逾期情况", "截止日期")));
        check(new Page("/notifications", List.of("My notifications"), List.of("我的通知")));
    }

    @Test
    void projectAndTaskPagesSwitchLanguage() {
        Http admin = Http.adminSession(port);
        check(new Page(PLAN + "/projects",
                List.of("Gantt chart", "Export to Excel", "Milestones due in the next 90 days", "By town"),
                List.of("甘特图", "导出Excel", "未来90天到期的节点", "按镇街")));
        check(new Page(PLAN + "/projects/gantt",
                List.of("Gantt chart of major projects"), List.of("重大项目甘特图")));
        String project = firstCode(Http.ok(admin.get(PLAN + "/projects")), "/projects/");
        check(new Page(PLAN + "/projects/" + project,
                List.of("← Major projects", "Responsible department", "Factor support", "Investment reporting"),
                List.of("← 重大项目", "责任部门", "要素保障", "投资完成情况填报")));
        check(new Page(PLAN + "/tasks",
                List.of("Key tasks", "Cooperating departments", "Generated from the outline"),
                List.of("重点任务", "配合部门", "由纲要自动生成")));
        String task = firstCode(Http.ok(admin.get(PLAN + "/tasks")), "/tasks/");
        check(new Page(PLAN + "/tasks/" + task,
                List.of("← Key tasks", "Annual priorities", "Progress reports", "Next steps"),
                List.of("← 重点任务", "年度实施重点", "进展报送", "下步打算")));
        check(new Page(PLAN + "/reforms",
                List.of("Key reform projects (Column 9)", "All stages", "items in all", ">Filter<"),
                List.of("重点改革项目（专栏9）", "全部阶段", ">筛选<")));
    }

    private void check(Page page) {
        Http admin = Http.adminSession(port);
        String sep = page.path().contains("?") ? "&" : "?";
        String en = Http.ok(admin.get(page.path() + sep + "lang=en"));
        String zh = Http.ok(admin.get(page.path()));
        assertThat(en).as("English %s", page.path()).contains(page.english());
        assertThat(en).as("English %s", page.path()).doesNotContain(page.chinese());
        assertThat(zh).as("Chinese %s", page.path()).contains(page.chinese());
        assertThat(zh).as("Chinese %s", page.path()).doesNotContain(page.english().get(0));
    }

    /** The code in the first link to {@code PLAN + kind + code} on a page (not gantt, import or export). */
    private static String firstCode(String html, String kind) {
        Matcher m = Pattern.compile(Pattern.quote(PLAN + kind) + "([A-Za-z0-9_.-]+)\"").matcher(html);
        while (m.find()) {
            String code = m.group(1);
            if (!code.equals("gantt") && !code.equals("import") && !code.equals("new") && !code.startsWith("export")) {
                return code;
            }
        }
        throw new AssertionError("no link to " + kind + " on the page");
    }
}
