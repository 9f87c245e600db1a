package cn.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * The admin, portal, plan, indicator, org, scale, account and report preview pages take their UI text from the
 * pages-admin bundle: Chinese by default, English with {@code ?lang=en}.
 */
@LantuTest
class AdminPagesI18nTest {

    @LocalServerPort int port;

    /** A page, labels that must show in English with ?lang=en, and their Chinese originals shown by default. */
    record Page(String path, List<String> english, List<String> chinese) {}

    static final List<Page> PAGES = List.of(
            new Page("/admin/users", List.of("User management", "Reset password", "New user", "Leave blank to keep"),
                    List.of("用户管理", "重设密码", "新建用户", "留空不改")),
            new Page("/admin/responsibilities", List.of("Responsibilities and reporting periods", "Due date", "Quarterly"),
                    List.of("责任分工与填报期", "截止日期", "季报")),
            new Page("/admin/org-units", List.of("Organisation management", "New organisation", "Code (upper case)"),
                    List.of("单位管理", "新增单位", "代码（大写）")),
            new Page("/admin/audit", List.of("Audit log", "All actions", "Export CSV", "never purged automatically"),
                    List.of("审计日志", "全部操作", "导出 CSV", "系统不自动清理")),
            new Page("/plans/zhuji-15th/indicators", List.of("merged into one category (9 items)", ">Code<"),
                    List.of("此处合并为一类（9项）", ">编码<")),
            new Page("/plans/zhuji-15th/outline", List.of(">Contents<", "Box 1 "), List.of(">目录<", "专栏1 ")),
            new Page("/plans/zhuji-15th/columns", List.of("Box 1 "), List.of("专栏1 ")),
            new Page("/plans/zhuji-15th/columns/1", List.of("Box 1 "), List.of("专栏1 ")),
            new Page("/plans", List.of(">Plan<"), List.of(">规划<")),
            new Page("/public/plans/zhuji-15th/indicators/ZJ25", List.of("Chart data", "Due on schedule", "Data download:"),
                    List.of("图表数据", "序时应达", "数据下载：")),
            new Page("/plans/zhuji-15th/towns", List.of("Development role and priorities", "Towns covered"),
                    List.of("发展定位与建设重点", "涉及镇街")),
            new Page("/account/tokens", List.of("Create token", "Token name, e.g."), List.of("创建令牌", "令牌名称，例如")),
            new Page("/public/plans/zhuji-15th", List.of("Download all open data", "Published assessment reports"),
                    List.of("下载全部公开数据", "已公开的评估报告")));

    /** Accounts and units are the system administrator's pages, the audit log the audit administrator's (三员). */
    Http sessionFor(String path) {
        if (path.startsWith("/admin/users") || path.startsWith("/admin/org-units")) {
            return Http.initialSession(port, "sysadmin");
        }
        return path.startsWith("/admin/audit") ? Http.initialSession(port, "auditadmin") : Http.adminSession(port);
    }

    @Test
    void everyConvertedPageIsChineseByDefaultAndEnglishWithLangEn() {
        for (Page page : PAGES) {
            Http admin = sessionFor(page.path());
            String zh = Http.ok(admin.get(page.path()));
            String en = Http.ok(admin.get(page.path() + "?lang=en"));
            for (String label : page.chinese()) {
                assertThat(zh).as("%s in Chinese", page.path()).contains(label);
                assertThat(en).as("%s with ?lang=en", page.path()).doesNotContain(label);
            }
            for (String label : page.english()) {
                assertThat(en).as("%s with ?lang=en", page.path()).contains(label);
                assertThat(zh).as("%s in Chinese", page.path()).doesNotContain(label);
            }
        }
    }

    @Test
    void theAuditRetentionSentenceKeepsItsNumberInBothLanguages() {
        Http admin = sessionFor("/admin/audit");
        String zh = Http.ok(admin.get("/admin/audit"));
        String en = Http.ok(admin.get("/admin/audit?lang=en"));
        assertThat(zh).containsPattern("至少保留 \\d+ 天");
        assertThat(en).containsPattern("kept for at least \\d+ days");
    }
}
