package cn.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;
import cn.lantu.support.TestUsers;
import tools.jackson.core.type.TypeReference;

/**
 * What a person reads contains no enum constant, org unit or domain code, database name, period code or raw
 * instant: every page the plan office can reach (zh-CN), and the exports (audit CSV, project Excel, reporting
 * template, open data). Before the pages are read the test makes the workflows leave traces: a figure drafted,
 * submitted, returned, signed off and approved (revisions, notifications, audit entries), a town figure, a task
 * progress report, a project investment report and a reform moved a stage. The pages and their visible text are
 * saved under {@code target/visible-text/}.
 */
@LantuDemoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibleTextTest {

    static final String PLAN = "zhuji-15th";
    static final String P = "/plans/" + PLAN;
    static final String API = "/api/v1/plans/" + PLAN;
    static final String PASSWORD = "visible-text-pass-1";
    static final int YEAR = 2029;

    /** Latin words a Chinese page may show. Kept short on purpose: fix the page, do not add to this list. */
    static final List<String> ALLOWED = List.of("GDP", "CPI", "R&D", "PM2.5", "PM", "API", "Excel", "PDF", "PNG",
            "JPEG", "CSV", "JSON", "Word", "HTML", "PPP", "AI", "MB", "KB",
            // words of the outline's own text (西施“IP”, 村BA, “山水古韵·活力 YOUNG 行”)
            "IP", "BA", "YOUNG");

    /**
     * Findings waiting for a change in a file being refactored elsewhere, by page and rule. Each names its fix; remove
     * the entry with the fix. report.ReportBuilder: the trace appendix (附件2) says “（figure）…（figure_revision）” and
     * writes 审定时间 with STAMP (yyyy-MM-dd HH:mm:ss); it should drop the table names and use Formats.timeZh.
     */
    static final Map<String, Set<String>> PENDING = Map.of();

    static final Map<String, Pattern> RULES = new LinkedHashMap<>();
    static {
        RULES.put("enum constant", Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b"));
        // two capitals or more (ZJ, TJJ, DIANKOU, LEVEL, ZJ17); a road's number in a project's name (S211) is a name
        RULES.put("upper-case code", Pattern.compile("\\b[A-Z]{2,}[A-Z0-9]*\\b"));
        RULES.put("database name", Pattern.compile("\\b[a-z][a-z0-9]*_[a-z0-9_]+\\b"));
        RULES.put("period code", Pattern.compile("\\d{4}\\s*(?:年\\s*)?(?:Y|Q[1-4]|M\\d{2})\\b|(?<![A-Za-z0-9])(?:Q[1-4]|M(?:0[1-9]|1[0-2]))(?![A-Za-z0-9])"));
        RULES.put("ISO time", Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}"));
        RULES.put("UTC time", Pattern.compile("\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z\\b"));
        RULES.put("ISO date", Pattern.compile("(?<![\\d-])\\d{4}-\\d{2}-\\d{2}(?![\\d-])"));
        RULES.put("missing message", Pattern.compile("\\?\\?[\\w.-]+\\?\\?"));
        RULES.put("Java text", Pattern.compile("\\b(?:null|true|false|Optional|java\\.\\w+)\\b|\\w+=\\w"));
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    Http admin;
    Http api;
    long figureId;
    String taskCode;
    String projectCode;
    final Map<String, List<String>> failures = new LinkedHashMap<>();
    Pattern known;

    @BeforeAll
    void leaveTracesOfEveryWorkflow() {
        api = Http.demoAdminHybrid(port);
        Http.ok(api.postJson(API + "/reporting/periods",
                Map.of("year", YEAR, "period", "Y", "dueDate", (YEAR + 1) + "-01-31", "open", true)));
        Http.ok(api.postJson(API + "/reporting/periods",
                Map.of("year", YEAR, "period", "Q1", "dueDate", YEAR + "-04-20", "open", true)));

        // a figure through the whole workflow, with a return on the way
        long lead = jdbc.sql("""
                SELECT r.org_unit_id FROM responsibility r JOIN indicator i ON i.id = r.indicator_id
                WHERE i.code = 'ZJ17' AND r.role = 'LEAD'""").query(Long.class).list().get(0);
        String reporter = user("vt-reporter", Role.REPORTER, lead);
        String approver = user("vt-approver", Role.APPROVER, lead);
        Http rep = Http.hybrid(port, reporter, PASSWORD);
        Http app = Http.hybrid(port, approver, PASSWORD);
        Map<String, Object> saved = json(Http.ok(rep.postJson(API + "/figures", entry("ZJ17", YEAR, "Y", null, "55"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) saved.get("figure");
        figureId = ((Number) f.get("id")).longValue();
        Http.ok(rep.move(figureId, "submit", Map.of("explanation", "测试说明")));
        Http.ok(app.move(figureId, "return", Map.of("version", version(), "comment",
                "口径不一致，请核实")));
        Http.ok(rep.postJson(API + "/figures", entry("ZJ17", YEAR, "Y", version(), "56")));
        Http.ok(rep.move(figureId, "submit", Map.of("explanation", "已核实")));
        Http.ok(app.move(figureId, "sign-off", Map.of("version", version())));
        Http.ok(api.move(figureId, "approve", Map.of("version", version())));
        // one more submitted and signed off, so that the plan office has something in its queue
        Http.ok(rep.postJson(API + "/figures", entry("ZJ17", YEAR, "Q1", null, "12")));

        // a town figure (ZJ01 is broken down by town, the city counted separately)
        Http.ok(api.postJson(API + "/figures", entry("ZJ01", YEAR, "Y", null, "6.5", "DIANKOU")));
        long town = ReportingFigures.id(json(Http.ok(api.postJson(API + "/figures",
                entry("ZJ01", YEAR, "Y", null, "6.5", "FENGQIAO")))));
        Http.ok(api.move(town, "submit", Map.of("explanation", "测试")));

        // a task progress report, a project investment report, a reform moved a stage
        List<Map<String, Object>> tasks = api.getList(API + "/tasks");
        @SuppressWarnings("unchecked")
        Map<String, Object> task = (Map<String, Object>) tasks.get(0).get("task");
        taskCode = (String) task.get("code");
        Http.ok(api.postJson(API + "/tasks/" + taskCode + "/updates", Map.of("year", 2026, "period", "Q1",
                "percent", 20, "narrative", "按计划推进", "submit", true)));
        List<Map<String, Object>> projects = api.getList(API + "/projects/list");
        projectCode = (String) projects.get(0).get("code");
        Http.ok(api.postJson(API + "/projects/" + projectCode + "/reports", Map.of("year", 2026, "period", "M03",
                "amount", 1.5, "stage", "UNDER_CONSTRUCTION", "note", "开工", "submit", true)));
        List<Map<String, Object>> reforms = api.getList(API + "/reforms");
        @SuppressWarnings("unchecked")
        Map<String, Object> reform = (Map<String, Object>) reforms.get(0).get("reform");
        Http.ok(api.postJson(API + "/reforms/" + reform.get("code") + "/move", Map.of("to", "EVALUATING",
                "version", reforms.get(0).get("version"), "note", "进入评估立项")));

        // the template download is audited too
        assertThat(api.getBytes(API + "/reporting/template.xlsx?unit=" + unitCode(lead) + "&year=" + YEAR
                + "&period=Y").statusCode()).isEqualTo(200);

        admin = Http.session(port, "admin", TestUsers.demoAdminPassword());
        // a saved report version (its time is listed on the reports page)
        assertThat(admin.postForm(P + "/reports/versions", Map.of("type", "midterm", "year", "2028")).statusCode())
                .isEqualTo(302);
    }

    @BeforeEach
    void clearFailures() {
        failures.clear();
    }

    @Test
    void everyPageOfThePlanOfficeReadsAsText() throws IOException {
        List<String> pages = new ArrayList<>(List.of("/", "/plans", P, P + "/outline", P + "/indicators",
                P + "/indicators/ZJ17?year=" + YEAR, P + "/indicators/ZJ01?year=" + YEAR, P + "/indicators/ZJ25",
                P + "/assessment", P + "/assessment?year=2028", P + "/cockpit", P + "/cockpit?year=2028",
                P + "/cockpit?year=2028&display=screen", P + "/matrix", P + "/matrix/projects", P + "/towns",
                P + "/units/TJJ", P + "/units/DIANKOU", P + "/columns", P + "/columns/1", P + "/tasks",
                P + "/tasks/" + taskCode, P + "/projects", P + "/projects/" + projectCode + "?year=2026",
                P + "/projects/gantt", P + "/reforms", P + "/reporting", P + "/reporting/calendar",
                P + "/reporting/form?indicator=ZJ17&year=" + YEAR + "&period=Y",
                P + "/reporting/form?indicator=ZJ01&year=" + YEAR + "&period=Y",
                P + "/reporting/form?indicator=ZJ01&year=" + YEAR + "&period=Y&unit=DIANKOU",
                "/reporting/figures/" + figureId, "/notifications", "/admin",
                "/admin/responsibilities", "/admin/responsibilities?kind=task", "/admin/responsibilities?kind=project",
                "/admin/responsibilities/task/" + jdbc.sql("SELECT MIN(id) FROM task").query(Long.class).single(),
                P + "/publishing", P + "/target-revisions", "/account/tokens", "/review/ingest", P + "/reports",
                "/public/plans/" + PLAN, "/public/plans/" + PLAN + "/indicators/ZJ25", "/work", P + "/reporting/bulk"));
        String region = jdbc.sql("SELECT region_code FROM plan WHERE code = ?").param(PLAN).query(String.class)
                .optional().orElse(null);
        if (region != null) {
            pages.add("/regions/" + region);
        }
        for (String path : pages) {
            try {
                HttpResponse<String> r = follow(admin, path);
                if (r.statusCode() != 200) {
                    failures.computeIfAbsent("zh " + path, k -> new ArrayList<>()).add("HTTP " + r.statusCode());
                }
                checkPage("zh", path, r.body());
            } catch (RuntimeException e) {
                failures.computeIfAbsent("zh " + path, k -> new ArrayList<>()).add("page failed: " + e);
            }
        }
        // the administrators' own pages (三员分立)
        Map<String, List<String>> administrators = Map.of(
                "sysadmin", List.of("/admin", "/admin/users", "/admin/org-units"),
                "secadmin", List.of("/admin", "/admin/security"),
                "auditadmin", List.of("/admin", "/admin/audit"));
        for (Map.Entry<String, List<String>> admin3 : administrators.entrySet()) {
            String user = admin3.getKey();
            Http session = Http.demoInitialSession(port, user);
            for (String path : admin3.getValue()) {
                HttpResponse<String> r = follow(session, path);
                if (r.statusCode() != 200) {
                    failures.computeIfAbsent("zh " + path + " (" + user + ")", k -> new ArrayList<>())
                            .add("HTTP " + r.statusCode());
                }
                checkPage("zh", path + " (" + user + ")", r.body());
            }
        }
        // the reporter's and the approver's notifications (returned, approved)
        for (String name : jdbc.sql("SELECT username FROM app_user WHERE username LIKE 'vt-%'").query(String.class)
                .list()) {
            Http session = Http.session(port, name, PASSWORD);
            for (String path : List.of("/notifications", P + "/reporting", "/reporting/figures/" + figureId)) {
                checkPage("zh", path + " (" + name + ")", Http.ok(follow(session, path)));
            }
        }
        // times in English: 5 Mar 2026 14:20, never an instant
        String auditEn = visibleText(Http.ok(follow(Http.demoInitialSession(port, "auditadmin"), "/admin/audit?lang=en")));
        for (String rule : List.of("ISO time", "UTC time")) {
            find("en /admin/audit", rule, RULES.get(rule), auditEn);
        }
        for (String path : List.of("/notifications", "/reporting/figures/" + figureId,
                P + "/indicators/ZJ17?year=" + YEAR, P + "/tasks/" + taskCode, P + "/reforms")) {
            String sep = path.contains("?") ? "&" : "?";
            String text = visibleText(Http.ok(follow(admin, path + sep + "lang=en")));
            for (String rule : List.of("ISO time", "UTC time")) {
                find("en " + path, rule, RULES.get(rule), text);
            }
        }
        assertThat(failures).as(report()).isEmpty();
    }

    @Test
    void exportsReadAsText() throws IOException {
        check("audit.csv", csvText(ok(Http.demoInitialSession(port, "auditadmin").getBytes("/admin/audit.csv"))));
        check("projects.xlsx", xlsxText(ok(api.getBytes(P + "/projects/export.xlsx"))));
        long lead = jdbc.sql("""
                SELECT r.org_unit_id FROM responsibility r JOIN indicator i ON i.id = r.indicator_id
                WHERE i.code = 'ZJ17' AND r.role = 'LEAD'""").query(Long.class).list().get(0);
        check("reporting template.xlsx", xlsxText(ok(api.getBytes(API + "/reporting/template.xlsx?unit="
                + unitCode(lead) + "&year=" + YEAR + "&period=Y"))));
        check("ZJ25.csv", csvText(ok(api.getBytes("/public/plans/" + PLAN + "/indicators/ZJ25.csv"))));
        check("ZJ25.xlsx", xlsxText(ok(api.getBytes("/public/plans/" + PLAN + "/indicators/ZJ25.xlsx"))));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                ok(api.getBytes("/public/plans/" + PLAN + "/open-data.zip"))))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".csv")) {
                    check("open-data.zip/" + e.getName(), csvText(zip.readAllBytes()));
                }
            }
        }
        assertThat(failures).as(report()).isEmpty();
    }

    @Test
    void notificationsReadAsText() {
        for (Map<String, Object> n : jdbc.sql("SELECT title, body FROM notification").query().listOfRows()) {
            check("notification", n.get("title") + "\n" + n.get("body"));
        }
        assertThat(failures).as(report()).isEmpty();
    }

    /** Pictures of the pages that showed codes before, under {@code target/screenshots/visible-text-*.png}. */
    @Test
    void screenshotsOfTheFixedPages() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(cn.lantu.support.Browser.available(), "no Chromium");
        try (cn.lantu.support.Browser b = new cn.lantu.support.Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.demoAdminPassword());
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("form", "/reporting/figures/" + figureId);
            pages.put("reforms", P + "/reforms");
            pages.put("reporting", P + "/reporting");
            for (Map.Entry<String, String> e : pages.entrySet()) {
                b.open(e.getValue());
                assertThat(b.screenshot("visible-text-" + e.getKey())).exists();
            }
        }
    }

    // ------------------------------------------------------------------ checking

    private void checkPage(String lang, String path, String html) throws IOException {
        String text = visibleText(html);
        Path dir = Path.of("target/visible-text");
        Files.createDirectories(dir);
        String file = (lang + path).replaceAll("[^A-Za-z0-9.-]+", "_");
        Files.writeString(dir.resolve(file + ".html"), html);
        Files.writeString(dir.resolve(file + ".txt"), text);
        String t = text;
        Set<String> pending = PENDING.getOrDefault(path, Set.of());
        if (pending.contains("database name")) {
            t = t.replace("（figure）", "").replace("（figure_revision）", "");
        }
        if (pending.contains("ISO time")) {
            // only ReportBuilder's STAMP (with seconds) is waived, not any other time on the page
            t = t.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}", " ");
        }
        check(lang + " " + path, t);
    }

    private void check(String where, String text) {
        String t = text;
        for (String allowed : ALLOWED) {
            t = t.replaceAll("(?<![A-Za-z])" + Pattern.quote(allowed) + "(?![A-Za-z])", " ");
        }
        for (Map.Entry<String, Pattern> rule : RULES.entrySet()) {
            find(where, rule.getKey(), rule.getValue(), t);
        }
        if (known == null) {
            known = knownCodes();
        }
        find(where, "code of the plan's units, domains, projects or indicators", known, t);
    }

    /** A page, following the application's own redirects (a figure's link leads to its form). */
    private static HttpResponse<String> follow(Http http, String path) {
        HttpResponse<String> r = http.page(path);
        for (int i = 0; i < 3 && r.statusCode() == 302; i++) {
            String to = r.headers().firstValue("Location").orElseThrow();
            r = http.page(to.startsWith("http") ? to.replaceFirst("^https?://[^/]+", "") : to);
        }
        return r;
    }

    /** Codes of the plan's own things (org units, project domains, projects), as whole words. */
    private Pattern knownCodes() {
        List<String> codes = new ArrayList<>();
        codes.addAll(jdbc.sql("SELECT code FROM org_unit").query(String.class).list());
        codes.addAll(jdbc.sql("SELECT code FROM project_domain").query(String.class).list());
        codes.addAll(jdbc.sql("SELECT code FROM project").query(String.class).list());
        codes.addAll(jdbc.sql("SELECT code FROM indicator").query(String.class).list());
        codes.removeIf(c -> c == null || c.length() < 2);
        codes.sort((a, b) -> b.length() - a.length());
        return Pattern.compile("(?<![\\w-])(?:" + String.join("|", codes.stream().map(Pattern::quote).toList())
                + ")(?![\\w-])");
    }

    private void find(String where, String rule, Pattern p, String text) {
        Matcher m = p.matcher(text);
        Set<String> hits = new LinkedHashSet<>();
        while (m.find()) {
            int from = Math.max(0, m.start() - 20);
            int to = Math.min(text.length(), m.end() + 20);
            hits.add(rule + " “" + m.group() + "” in …" + text.substring(from, to).replaceAll("\\s+", " ") + "…");
        }
        if (!hits.isEmpty()) {
            failures.computeIfAbsent(where, k -> new ArrayList<>()).addAll(hits);
        }
    }

    private String report() {
        StringBuilder sb = new StringBuilder("codes or raw times in visible text:\n");
        failures.forEach((page, hits) -> {
            sb.append(page).append('\n');
            hits.forEach(h -> sb.append("    ").append(h).append('\n'));
        });
        return sb.toString();
    }

    /**
     * The text a person sees: no tags, scripts, styles or attributes; the title and every text node. A code shown
     * on purpose (an org unit's code on the unit administration page, an indicator's code on its page) is marked up
     * as {@code <code>} and left out.
     */
    static String visibleText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, template, code").remove();
        return doc.title() + "\n" + doc.body().wholeText().replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll("\\n\\s*\\n+", "\n");
    }

    /** The cells of every sheet as text, as Excel shows them (formatted), without the deliberate code columns. */
    static String xlsxText(byte[] bytes) throws IOException {
        StringBuilder sb = new StringBuilder();
        DataFormatter formatter = new DataFormatter(java.util.Locale.SIMPLIFIED_CHINESE);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : wb) {
                sb.append(sheet.getSheetName()).append('\n');
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                    rows.add(cells);
                }
                sb.append(withoutCodeColumns(rows));
            }
        }
        return sb.toString();
    }

    /** The rows of a CSV file (RFC 4180) as text without the deliberate code columns. */
    static String csvText(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n') {
                row.add(cell.toString().replace("\r", ""));
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return withoutCodeColumns(rows);
    }

    /**
     * A code column is deliberate when the export says so: its header (first row) names it 代码 or 编码 (指标代码,
     * 项目代码, 单位代码), or, in a two-column sheet of names and values, the row's name does. Everything else is read.
     */
    static String withoutCodeColumns(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        List<String> header = rows.get(0);
        boolean keyValue = rows.stream().allMatch(r -> r.size() <= 2);
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            if (keyValue && !r.isEmpty() && isCodeName(r.get(0))) {
                sb.append(r.get(0)).append('\n');
                continue;
            }
            for (int c = 0; c < r.size(); c++) {
                if (!keyValue && r != header && c < header.size() && isCodeName(header.get(c))) {
                    continue;
                }
                sb.append(r.get(c)).append('\t');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static boolean isCodeName(String s) {
        return s.replace("\uFEFF", "").strip().endsWith("代码") || s.replace("\uFEFF", "").strip().endsWith("编码");
    }

    // ------------------------------------------------------------------ fixtures

    private String user(String prefix, Role role, long unit) {
        String name = prefix + "-" + System.nanoTime() % 1_000_000;
        users.createUser(name, "测试" + (role == Role.REPORTER ? "填报员" : "审核人"), PASSWORD, role, unit);
        return name;
    }

    private String unitCode(long id) {
        return jdbc.sql("SELECT code FROM org_unit WHERE id = ?").param(id).query(String.class).single();
    }

    private int version() {
        return jdbc.sql("SELECT version FROM figure WHERE id = ?").param(figureId).query(Integer.class).single();
    }

    private static Map<String, Object> entry(String indicator, int year, String period, Integer version,
                                             String value) {
        return entry(indicator, year, period, version, value, null);
    }

    private static Map<String, Object> entry(String indicator, int year, String period, Integer version,
                                             String value, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicator", indicator);
        m.put("year", year);
        m.put("period", period);
        m.put("unit", unit);
        m.put("value", value);
        m.put("estimate", false);
        m.put("source", "统计年报");
        m.put("version", version);
        return m;
    }

    private static Map<String, Object> json(String body) {
        return Http.JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
    }

    private static byte[] ok(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as("GET %s", r.uri()).isEqualTo(200);
        return r.body();
    }

    /** The id of a saved figure in the answer of the figure API. */
    private static final class ReportingFigures {
        @SuppressWarnings("unchecked")
        static long id(Map<String, Object> saved) {
            return ((Number) ((Map<String, Object>) saved.get("figure")).get("id")).longValue();
        }
    }
}
