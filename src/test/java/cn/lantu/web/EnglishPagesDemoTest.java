package cn.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;
import cn.lantu.support.TestUsers;

/**
 * With {@code ?lang=en} a reader sees English only: on the main pages (in demo mode, so that statuses, warnings and
 * sentences exist) no Chinese character is left in the visible text once the plan's own content is taken out —
 * indicator names and units, org units, tasks, projects, reforms and outline text as the database holds them.
 */
@LantuDemoTest
class EnglishPagesDemoTest {

    static final String PLAN = "/plans/zhuji-15th";
    static final String PORTAL = "/public/plans/zhuji-15th";

    /** CJK ideographs, CJK punctuation and fullwidth forms (，：（）). */
    static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]+");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private List<String> content;

    @BeforeEach
    void loadContent() {
        content = contentStrings(jdbc);
    }

    @Test
    void workPagesAreEnglish() {
        Http admin = Http.session(port, "admin", TestUsers.demoAdminPassword());
        for (String path : List.of(PLAN, PLAN + "/assessment?year=2028", PLAN + "/cockpit?year=2028",
                PLAN + "/indicators/ZJ25?year=2028", PLAN + "/indicators/ZJ01?year=2028",
                PLAN + "/tasks", PLAN + "/projects", PLAN + "/matrix", PLAN + "/units/TJJ", PLAN + "/target-revisions")) {
            assertEnglish(admin, path);
        }
        // a task and a project of each kind of page
        for (String task : jdbc.sql("SELECT code FROM task ORDER BY ordinal FETCH FIRST 3 ROWS ONLY")
                .query(String.class).list()) {
            assertEnglish(admin, PLAN + "/tasks/" + task);
        }
        for (String project : jdbc.sql("SELECT code FROM project ORDER BY ordinal FETCH FIRST 3 ROWS ONLY")
                .query(String.class).list()) {
            assertEnglish(admin, PLAN + "/projects/" + project);
        }
    }

    /**
     * The other pages a reader browses. Not here: the outline (the plan's own text, split into items the way the
     * outline prints them), the reports (official Chinese documents, Chinese whatever the interface language) and the
     * reporting calendar (period names, worded elsewhere).
     */
    @Test
    void morePagesAreEnglish() {
        Http admin = Http.session(port, "admin", TestUsers.demoAdminPassword());
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/plans", PLAN + "/indicators", PLAN + "/matrix/projects", PLAN + "/projects/gantt",
                PLAN + "/reforms", PLAN + "/towns", PLAN + "/columns", PLAN + "/columns/8",
                // the outline page's body is the outline itself, the report preview is the Chinese report (reports
                // are official Chinese documents, the page says so) and the audit log shows entries as they were
                // written (append-only): content and records, not interface
                PLAN + "/reporting", PLAN + "/reporting/calendar", PLAN + "/annual-plan?year=2027", "/admin/responsibilities",
                "/admin/responsibilities?kind=task", "/admin/responsibilities?kind=project", PLAN + "/publishing",
                "/admin/responsibilities/indicator/" + jdbc.sql("SELECT MIN(id) FROM indicator").query(Long.class).single(),
                "/notifications", "/account/tokens", "/account/password")) {
            String sep = path.contains("?") ? "&" : "?";
            String html = Http.ok(admin.page(path + sep + "lang=en"));
            dump(path, html);
            List<String> left = leftovers(html, content);
            if (!left.isEmpty()) {
                failures.add(path + " " + left.subList(0, Math.min(8, left.size())));
            }
        }
        // the pages of the system and security administrators (三员分立)
        for (String[] page : List.of(new String[] {"sysadmin", "/admin/users"}, new String[] {"sysadmin", "/admin/org-units"},
                new String[] {"secadmin", "/admin/security"})) {
            String html = Http.ok(Http.demoInitialSession(port, page[0]).page(page[1] + "?lang=en"));
            dump(page[1], html);
            List<String> left = leftovers(html, content);
            if (!left.isEmpty()) {
                failures.add(page[1] + " " + left.subList(0, Math.min(8, left.size())));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void indicatorPagesAreEnglish() {
        Http admin = Http.session(port, "admin", TestUsers.demoAdminPassword());
        for (String code : jdbc.sql("SELECT i.code FROM indicator i JOIN plan p ON p.id = i.plan_id "
                + "WHERE p.code = 'zhuji-15th' ORDER BY i.table_number, i.code").query(String.class).list()) {
            assertEnglish(admin, PLAN + "/indicators/" + code + "?year=2028");
        }
    }

    @Test
    void publicPortalIsEnglish() {
        Http anonymous = Http.anonymous(port);
        assertEnglish(anonymous, PORTAL);
        assertEnglish(anonymous, PORTAL + "/indicators/ZJ25");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiCarriesEnglishBesideChinese() {
        Map<String, Object> result = Http.demoAdmin(port).getMap("/api/v1/plans/zhuji-15th/assessment?year=2028");
        assertThat(result.get("sentence").toString()).startsWith("26项主要指标中");
        assertThat(result.get("sentenceEn").toString()).startsWith("Of the 26 main indicators, ");
        assertThat(result.get("bindingSentenceEn").toString()).contains("binding indicators");
        Map<String, Object> cleanEnergy = ((List<Map<String, Object>>) result.get("indicators")).stream()
                .filter(r -> "ZJ25".equals(r.get("code"))).findFirst().orElseThrow();
        assertThat(cleanEnergy.get("explanation").toString()).startsWith("序时进度");
        assertThat(cleanEnergy.get("explanationEn").toString()).startsWith("Time elapsed");
        assertThat(cleanEnergy.get("statusLabelEn").toString()).matches("[A-Z][a-z ]+");
        List<Map<String, Object>> findings = (List<Map<String, Object>>) result.get("findings");
        assertThat(findings).allSatisfy(f -> assertThat(f.get("textEn")).isNotNull());
    }

    @Test
    void theCheckSeesChinese() {
        // guards against a check that passes because it strips everything: the Chinese page has Chinese left
        Http admin = Http.session(port, "admin", TestUsers.demoAdminPassword());
        String zh = Http.ok(admin.page(PLAN + "/assessment?year=2028&lang=zh_CN"));
        assertThat(leftovers(zh, content)).isNotEmpty();
        assertThat(leftovers(Http.ok(admin.page(PLAN + "/assessment?year=2028&lang=en")), content)).isEmpty();
    }

    private void assertEnglish(Http client, String path) {
        String sep = path.contains("?") ? "&" : "?";
        String html = Http.ok(client.page(path + sep + "lang=en"));
        dump(path, html);
        assertThat(leftovers(html, content)).as("Chinese left on %s with lang=en", path).isEmpty();
    }

    /** With -Denglish.dump=DIR, each page's HTML is written there to read. */
    private static void dump(String path, String html) {
        String dir = System.getProperty("english.dump");
        if (dir != null) {
            try {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
                java.nio.file.Files.writeString(java.nio.file.Path.of(dir, path.replaceAll("[^A-Za-z0-9]+", "_") + ".html"),
                        html);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** The Chinese runs of the page's visible text that are not the plan's content, each with its context. */
    static List<String> leftovers(String html, List<String> content) {
        // the language switch names the other language in that language
        String text = visibleText(html).replace(">中文<", " ").replace(" 中文 ", " ");
        for (String c : content) {
            text = text.replace(c, " ");
        }
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CJK.matcher(text);
        while (m.find()) {
            if (m.group().matches("[。；]+")) {
                continue; // the end of a sentence of the plan's text, shown a sentence at a time
            }
            int from = Math.max(0, m.start() - 30), to = Math.min(text.length(), m.end() + 30);
            out.add(m.group() + "   …" + text.substring(from, to).strip() + "…");
        }
        return new ArrayList<>(out);
    }

    /** Text a reader sees: no scripts, styles or tags; title, placeholder and aria-label attributes kept. */
    static String visibleText(String html) {
        String s = html.replaceAll("(?is)<(script|style|template)\\b.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ");
        StringBuilder attrs = new StringBuilder();
        Matcher a = Pattern.compile("(?i)\\s(?:title|placeholder|aria-label|alt)=\"([^\"]*)\"").matcher(s);
        while (a.find()) {
            attrs.append(' ').append(a.group(1)).append(' ');
        }
        s = s.replaceAll("(?s)<[^>]*>", " ") + attrs;
        return normalise(unescape(s));
    }

    static String unescape(String s) {
        Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(sb);
        return sb.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }

    private static void collectStrings(tools.jackson.databind.JsonNode node, List<String> into) {
        if (node.isString()) {
            into.add(node.asString());
        }
        for (tools.jackson.databind.JsonNode child : node) {
            collectStrings(child, into);
        }
    }

    static String normalise(String s) {
        return s.replaceAll("\\s+", " ");
    }

    /**
     * The plan's own words as the database holds them (outline, indicators, org units, tasks, projects, reforms,
     * users), whitespace normalised, longest first so that a name inside a longer text is not taken out first.
     */
    static List<String> contentStrings(JdbcClient jdbc) {
        String[][] columns = {
                {"plan", "name", "short_name", "region_name", "parent_region_name", "issuer", "document_number",
                        "outline_title"},
                {"outline_node", "title", "body"},
                {"org_unit", "name", "short_name", "subtype", "description"},
                {"indicator", "name", "unit", "sub_item", "base_verbatim", "target_verbatim", "rate_verbatim",
                        "notes", "source_text", "source_quote"},
                {"indicator_target_revision", "reason", "approval", "decision_comment"},
                {"status_override", "reason"},
                {"project_domain", "name"},
                {"project", "name", "stage_label", "note"},
                {"reform_domain", "name"},
                {"reform", "name", "body", "number", "outcome_text"},
                {"reform_event", "note", "outcome_text"},
                {"task", "title", "body"},
                {"task_work_point", "content"},
                {"task_milestone", "title"},
                {"task_update", "narrative", "problems", "next_steps"},
                {"figure", "note", "source"},
                // a report keeps its official Chinese title, whatever the interface language
                {"report_version", "title"},
                {"app_user", "display_name"},
                // an audit entry keeps the words it was written with (append-only): a record, not interface text
                {"audit_log", "detail", "subject"},
                // a notification is stored as it was sent (in Chinese, the office's language)
                {"notification", "title", "body"}};
        List<String> values = new ArrayList<>();
        Set<String> units = new LinkedHashSet<>();
        for (String[] t : columns) {
            for (int i = 1; i < t.length; i++) {
                List<String> found = jdbc.sql("SELECT DISTINCT " + t[i] + " FROM " + t[0] + " WHERE " + t[i]
                        + " IS NOT NULL").query(String.class).list();
                (t[i].equals("unit") ? units : values).addAll(found);
            }
        }
        // a revised target's reason is quoted with its approval, as the plan office wrote both: 理由（依据）
        values.addAll(jdbc.sql("SELECT DISTINCT reason || '（' || approval || '）' FROM indicator_target_revision")
                .query(String.class).list());
        // a related indicator is named without its verb (地区生产总值（GDP）增长 → 地区生产总值（GDP）)
        for (String name : jdbc.sql("SELECT DISTINCT name FROM indicator").query(String.class).list()) {
            values.add(name.replaceAll("(增长率|增长|增速)$", ""));
        }
        // the plan package's feasibility checks (titles, scope notes) as the package states them
        for (String json : jdbc.sql("SELECT checks_json FROM plan WHERE checks_json IS NOT NULL").query(String.class)
                .list()) {
            collectStrings(Http.JSON.readTree(json), values);
        }
        Set<String> out = new LinkedHashSet<>();
        // units are kept whole, however short (个, 人); other single characters (一, 中) would hide the page's words
        units.stream().map(u -> normalise(u).strip()).filter(u -> CJK.matcher(u).find()).forEach(out::add);
        for (String v : values) {
            String n = normalise(v).strip();
            if (CJK.matcher(n).find() && n.length() > 1) {
                out.add(n);
                // texts are often shown a cell, a line or a sentence at a time
                for (String part : v.split("[。；\t\n]")) {
                    String p = normalise(part).strip();
                    if (CJK.matcher(p).find() && p.length() > 1) {
                        out.add(p);
                    }
                }
            }
        }
        List<String> sorted = new ArrayList<>(out);
        sorted.removeIf(String::isEmpty);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }
}
