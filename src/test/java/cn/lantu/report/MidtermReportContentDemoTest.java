package cn.lantu.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.assessment.Status;
import cn.lantu.support.Http;
import cn.lantu.task.ReformService;
import cn.lantu.task.TaskService;
import cn.lantu.web.Formats;

/**
 * What the mid-term report of the demo plan says, read back from its Word and HTML versions and held against the
 * pages and the API: no enum code and no database table name anywhere, no "2026—2026年", reform stages in Chinese,
 * the task count and approved task progress of the task pages, and Table 1 comparing like with like, with the
 * numbers of the assessment page.
 */
@cn.lantu.support.LantuDemoTest
class MidtermReportContentDemoTest {

    static final String PLAN = "zhuji-15th";
    static final String MIDTERM = "/api/v1/plans/" + PLAN + "/reports/midterm";

    /** A run of capitals that is a word of its own: an enum constant (TRANSFORMING, NOT_STARTED) or a code (ZJ01). */
    static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9_])[A-Z]{2,}(?:_[A-Z0-9]+)*(?![a-z_])");
    /** Abbreviations the plan itself uses (地区生产总值（GDP）, PM2.5, AI+教学). */
    static final Set<String> PLAN_WORDS = Set.of("GDP", "PM", "AI");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http admin;

    @BeforeEach
    void setUp() {
        admin = Http.demoAdminHybrid(port);
    }

    byte[] get(String path) {
        HttpResponse<byte[]> r = admin.getBytes(path);
        assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r.body();
    }

    /** All the text of the Word version: paragraphs, tables, headers and footers. */
    String docxText(String path) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(get(path)));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    /** The visible text of the HTML version (charts are images and carry no text). */
    String htmlText(String path) {
        return Jsoup.parse(new String(get(path), StandardCharsets.UTF_8)).body().text();
    }

    static List<String> codes(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            if (!PLAN_WORDS.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportNamesNoEnumCodeNoTableAndStagesInChinese() throws IOException {
        // one reform in each later stage, so that every stage label is printed
        List<Map<String, Object>> items = admin.getList("/api/v1/plans/" + PLAN + "/reforms");
        Map<String, String> original = new LinkedHashMap<>();
        List<ReformService.Stage> later = List.of(ReformService.Stage.EVALUATING, ReformService.Stage.MANAGING,
                ReformService.Stage.TRANSFORMING);
        for (int i = 0; i < later.size(); i++) {
            Map<String, Object> reform = (Map<String, Object>) items.get(i).get("reform");
            original.put((String) reform.get("code"), (String) reform.get("stage"));
            jdbc.sql("UPDATE reform SET stage = ? WHERE code = ? AND plan_id = ?")
                    .params(later.get(i).name(), reform.get("code"), reform.get("planId")).update();
        }
        try {
            for (String text : List.of(docxText(MIDTERM + "?format=docx"), htmlText(MIDTERM + "?format=html"))) {
                assertThat(codes(text)).as("enum codes in the report").isEmpty();
                assertThat(PLAN_WORDS).as("no enum constant passes as plan wording")
                        .doesNotContainAnyElementsOf(List.of(Status.values()).stream().map(Enum::name).toList());
                // where numbers come from is said in words, not by the tables they are stored in
                assertThat(text).doesNotContain("figure").doesNotContainPattern("[a-z]+_[a-z]+");
                assertThat(text).contains("部门填报并经规划办批准的数据（含修订记录）");
                assertThat(text).doesNotContainPattern("(\\d{4})—\\1年");

                // the stage counts of the reform page, in its labels
                Map<String, Long> stages = admin.getList("/api/v1/plans/" + PLAN + "/reforms").stream()
                        .collect(Collectors.groupingBy(x -> (String) x.get("stageLabel"), LinkedHashMap::new,
                                Collectors.counting()));
                assertThat(stages.keySet()).contains("评估立项", "过程管理", "成果转化");
                String sentence = text.lines().filter(l -> l.contains("各事项所处阶段")).findFirst().orElseThrow();
                stages.forEach((label, n) -> assertThat(sentence).contains(label + n + "项"));
            }
        } finally {
            original.forEach((code, stage) -> jdbc.sql("UPDATE reform SET stage = ? WHERE code = ?")
                    .params(stage, code).update());
        }
    }

    @Test
    void aOneYearPeriodSaysTheYearAndSeveralYearsSayTheRange() throws IOException {
        long projectId = jdbc.sql("""
                SELECT p.id FROM project p JOIN plan x ON x.id = p.plan_id WHERE x.code = ? ORDER BY p.ordinal LIMIT 1
                """).param(PLAN).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO project_report (project_id, report_year, period, amount, stage, note, state, version,
                  updated_by, updated_at) VALUES (?, 2026, 'Q4', 2.5, NULL, '报告测试', 'APPROVED', 1, 'report-test', ?)
                """).params(projectId, Timestamp.from(Instant.now())).update();
        try {
            String annual = docxText("/api/v1/plans/" + PLAN + "/reports/annual?year=2026&format=docx");
            assertThat(annual).contains("2026年完成投资2.5亿元").doesNotContainPattern("(\\d{4})—\\1年");
            assertThat(docxText(MIDTERM + "?format=docx")).contains("2026—2028年累计完成投资2.5亿元");
        } finally {
            jdbc.sql("DELETE FROM project_report WHERE project_id = ? AND updated_by = 'report-test'")
                    .param(projectId).update();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTaskSectionCountsTheTasksOfTheTaskPagesWithTheirApprovedProgress() throws IOException {
        List<Map<String, Object>> before = admin.getList("/api/v1/plans/" + PLAN + "/tasks");
        String code = (String) ((Map<String, Object>) before.get(before.size() - 1).get("task")).get("code");
        Map<String, Object> saved = Http.JSON.readValue(Http.ok(admin.postJson("/api/v1/plans/" + PLAN + "/tasks/"
                + code + "/updates", Map.of("year", 2026, "period", "Q4", "percent", 30, "narrative", "报告测试",
                "submit", true))), Map.class);
        long updateId = ((Number) saved.get("id")).longValue();
        try {
            Http.ok(admin.postJson("/api/v1/plans/" + PLAN + "/task-updates/" + updateId + "/transition",
                    Map.of("action", "SIGN_OFF", "version", saved.get("version"))));
            Http.ok(admin.postJson("/api/v1/plans/" + PLAN + "/task-updates/" + updateId + "/transition",
                    Map.of("action", "APPROVE", "version", ((Number) saved.get("version")).intValue() + 1)));
            List<Map<String, Object>> rows = admin.getList("/api/v1/plans/" + PLAN + "/tasks");
            long approved = rows.stream().filter(r -> ((Map<String, Object>) r.get("status")).get("progress") != null)
                    .count();
            assertThat(approved).isGreaterThanOrEqualTo(1);
            // the count the task page shows
            String page = Http.ok(admin.get("/plans/" + PLAN + "/tasks"));
            assertThat(Jsoup.parse(page).getElementById("task-count").text()).isEqualTo(String.valueOf(rows.size()));

            byte[] bytes = get(MIDTERM + "?format=docx");
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
                 XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
                String text = extractor.getText();
                assertThat(text).doesNotContain("尚未形成数据").doesNotContain("尚无经审定的任务进度填报")
                        .contains("平台重点任务台账共有任务" + rows.size() + "项，与平台“重点任务”页一致")
                        .contains("已有" + approved + "项任务的进度填报经规划办审定");
                // the total row of Table 3: tasks, approved progress, then each state of the task pages
                XWPFTable t3 = MidtermReportDemoTest.tableAfter(doc, "表3");
                List<String> header = cells(t3.getRow(0));
                List<String> total = cells(t3.getRows().get(t3.getRows().size() - 1));
                assertThat(total.get(0)).isEqualTo("合计");
                assertThat(total.get(1)).isEqualTo(String.valueOf(rows.size()));
                assertThat(total.get(2)).isEqualTo(String.valueOf(approved));
                for (TaskService.State s : TaskService.State.values()) {
                    long n = rows.stream().filter(r -> s.name().equals(((Map<String, Object>) r.get("status"))
                            .get("state"))).count();
                    assertThat(total.get(header.indexOf(s.label()))).as(s.label()).isEqualTo(String.valueOf(n));
                }
            }
        } finally {
            jdbc.sql("DELETE FROM task_update_revision WHERE update_id = ?").param(updateId).update();
            jdbc.sql("DELETE FROM task_update WHERE id = ?").param(updateId).update();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void tableOneComparesLikeWithLikeWithTheNumbersOfTheAssessmentPage() throws IOException {
        Map<String, Object> api = admin.getMap("/api/v1/plans/" + PLAN + "/assessment?year=2028");
        List<Map<String, Object>> indicators = ((List<Map<String, Object>>) api.get("indicators")).stream()
                .filter(i -> i.get("tableNumber") != null).toList();
        Map<String, Object> gdp = indicators.stream().filter(i -> "ZJ01".equals(i.get("code"))).findFirst()
                .orElseThrow();
        assertThat(gdp.get("kind")).isEqualTo("GROWTH");
        Map<String, Object> gdpPair = (Map<String, Object>) gdp.get("comparison");
        assertThat(gdpPair.get("basis")).isEqualTo("AVERAGE_GROWTH");
        assertThat(gdpPair.get("expectedText")).isEqualTo("年均增长6.5%左右");
        assertThat(((Number) gdpPair.get("expected")).doubleValue()).isEqualTo(6.5);

        // the assessment page: the same pair, the same fractions, labelled
        org.jsoup.nodes.Document page = Jsoup.parse(Http.ok(admin.get("/plans/" + PLAN + "/assessment?year=2028")));
        List<String> pageHeader = page.select("#assessment-table thead th").eachText();
        assertThat(pageHeader).contains("实际完成", "序时应达", "完成进度", "序时进度").doesNotContain("最新值");
        assertThat(page.getElementById("assessment-columns-note").text()).contains("已实现的年均增速与目标年均增速");
        Element gdpRow = page.selectFirst("#assessment-table tr[data-code=ZJ01]");
        assertThat(gdpRow.selectFirst(".col-achieved").text()).isEqualTo(gdpPair.get("achievedText"));
        assertThat(gdpRow.selectFirst(".col-due").text()).isEqualTo(gdpPair.get("expectedText"));

        Formats fmt = new Formats();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(get(MIDTERM + "?format=docx")))) {
            XWPFTable table1 = MidtermReportDemoTest.tableAfter(doc, "表1");
            List<String> header = cells(table1.getRow(0));
            int achieved = header.indexOf("实际完成");
            int due = header.indexOf("序时应达");
            int progress = header.indexOf("完成进度");
            int elapsed = header.indexOf("序时进度");
            assertThat(List.of(achieved, due, progress, elapsed)).doesNotContain(-1);
            List<XWPFTableRow> rows = table1.getRows().subList(1, table1.getRows().size());
            assertThat(rows).hasSameSizeAs(indicators);
            int matched = 0;
            for (int k = 0; k < rows.size(); k++) {
                List<String> row = cells(rows.get(k));
                Map<String, Object> i = indicators.get(k);
                String name = (String) i.get("name");
                assertThat(row.get(1)).as("row %d", k).satisfiesAnyOf(c -> assertThat(c).isEqualTo(name),
                        c -> assertThat(c).contains("："));
                Map<String, Object> pair = (Map<String, Object>) i.get("comparison");
                String a = pair == null ? "—" : (String) pair.get("achievedText");
                String d = pair == null ? "—" : (String) pair.get("expectedText");
                assertThat(row.get(achieved)).as(name).isEqualTo(a);
                assertThat(row.get(due)).as(name).isEqualTo(d);
                assertThat(row.get(progress)).as(name).isEqualTo(fmt.pct((Number) i.get("progress")));
                assertThat(row.get(elapsed)).as(name).isEqualTo(fmt.pct((Number) i.get("elapsed")));
                // both cells of the pair speak of the same quantity
                if (pair != null) {
                    String basis = (String) pair.get("basis");
                    String word = switch (basis) {
                        case "AVERAGE_GROWTH" -> "年均增长";
                        case "TOTAL" -> "累计";
                        case "REDUCTION" -> "累计下降";
                        default -> null;
                    };
                    if (word != null) {
                        assertThat(row.get(achieved)).as(name).contains(word);
                        assertThat(row.get(due)).as(name).contains(word);
                    }
                    // the same pair on the assessment page
                    Element pageRow = page.selectFirst("#assessment-table tr[data-code=" + i.get("code") + "]");
                    assertThat(pageRow.selectFirst(".col-achieved").text()).as(name).isEqualTo(a);
                    assertThat(pageRow.selectFirst(".col-due").text()).as(name).isEqualTo(d);
                    assertThat(pageRow.selectFirst(".col-progress").text()).isEqualTo(row.get(progress));
                    assertThat(pageRow.selectFirst(".col-elapsed").text()).isEqualTo(row.get(elapsed));
                    matched++;
                }
            }
            assertThat(matched).isGreaterThan(20);

            // GDP: the average growth so far beside the target rate, never a year's rate beside 20.79% cumulative
            XWPFTableRow gdpInReport = rows.get(indicators.indexOf(gdp));
            String cumulative = ReportFormat.num((Number) gdp.get("expected"));
            assertThat(gdpInReport.getCell(due).getText()).isEqualTo("年均增长6.5%左右").doesNotContain(cumulative);
            assertThat(gdpInReport.getCell(achieved).getText()).startsWith("2026—2028年年均增长");

            // Table 2 shows the same pair for the binding indicators
            XWPFTable table2 = MidtermReportDemoTest.tableAfter(doc, "表2");
            List<String> header2 = cells(table2.getRow(0));
            assertThat(header2).contains("实际完成", "序时应达").doesNotContain("最新值");
            for (XWPFTableRow r : table2.getRows().subList(1, table2.getRows().size())) {
                List<String> row = cells(r);
                Map<String, Object> i = indicators.stream().filter(x -> x.get("name").equals(row.get(1))).findFirst()
                        .orElseThrow();
                Map<String, Object> pair = (Map<String, Object>) i.get("comparison");
                assertThat(row.get(header2.indexOf("实际完成"))).isEqualTo(pair == null ? "—" : pair.get("achievedText"));
                assertThat(row.get(header2.indexOf("序时应达"))).isEqualTo(pair == null ? "—" : pair.get("expectedText"));
            }
        }

        // the indicator page's chart data carries the same pair for the assessed year
        org.jsoup.nodes.Document indicatorPage = Jsoup.parse(Http.ok(admin.get("/plans/" + PLAN
                + "/indicators/ZJ01?year=2028")));
        Map<String, Object> timeline = Http.JSON.readValue(indicatorPage.getElementById("indicator-chart")
                .attr("data-timeline"), Map.class);
        Map<String, Object> p2028 = ((List<Map<String, Object>>) timeline.get("points")).stream()
                .filter(p -> ((Number) p.get("year")).intValue() == 2028).findFirst().orElseThrow();
        assertThat(p2028.get("achievedText")).isEqualTo(gdpPair.get("achievedText"));
        assertThat(p2028.get("expectedText")).isEqualTo(gdpPair.get("expectedText"));
        assertThat(indicatorPage.select("#chart-data thead th").eachText()).contains("实际完成", "序时应达")
                .doesNotContain("序时预期");
    }

    static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
    }
}
