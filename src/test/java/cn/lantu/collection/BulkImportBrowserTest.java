package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Browser;
import cn.lantu.support.LantuTest;
import cn.lantu.support.TestUsers;

/**
 * The plan office imports a yearbook workbook from the page: the file is uploaded, the job page shows the phases
 * and a progress bar while the rows are read and checked, and, without reloading (htmx polls the job), the result:
 * rows written, then on a second import of the same file rows unchanged. A file with errors shows each problem by
 * sheet, row and column, and nothing is written. Uses the history years 2015–2024 (monthly 2020–2024, quarterly
 * 2015–2024), which no other test writes.
 */
@LantuTest
class BulkImportBrowserTest {

    static final String PAGE = "/plans/zhuji-15th/reporting/bulk";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    /** Indicators with a town breakdown whose values need not be whole, as {@link BulkFigureImportTest}. */
    private List<String> indicators(int n) {
        return jdbc.sql("""
                SELECT DISTINCT i.code, i.unit FROM indicator i JOIN plan p ON p.id = i.plan_id
                  JOIN responsibility r ON r.indicator_id = i.id AND r.role = 'LEAD' AND r.town_breakdown <> 'NONE'
                 WHERE p.code = 'zhuji-15th' AND i.kind IN ('LEVEL', 'GROWTH', 'CUMULATIVE', 'FLOOR')
                 ORDER BY i.code""").query((rs, k) -> new String[] {rs.getString(1), rs.getString(2)}).list().stream()
                .filter(i -> !BulkFigureImportTest.WHOLE.contains(String.valueOf(i[1]).trim())).map(i -> i[0])
                .distinct().limit(n).toList();
    }

    private List<String> cityAndTowns() {
        return jdbc.sql("""
                SELECT o.code FROM org_unit o JOIN plan p ON p.id = o.plan_id WHERE p.code = 'zhuji-15th'
                   AND o.unit_type IN ('CITY', 'TOWN')
                 ORDER BY CASE WHEN o.unit_type = 'CITY' THEN 0 ELSE 1 END, o.ordinal, o.code""")
                .query(String.class).list();
    }

    /** About 24,000 rows: every city-and-town unit × 10 indicators × monthly 2020–2024 and quarterly 2015–2024. */
    private List<Object[]> yearbook() {
        List<String> periods = new ArrayList<>();
        for (int y = 2020; y <= 2024; y++) {
            for (int m = 1; m <= 12; m++) {
                periods.add(y + ":" + String.format("M%02d", m));
            }
        }
        for (int y = 2015; y <= 2024; y++) {
            for (int q = 1; q <= 4; q++) {
                periods.add(y + ":Q" + q);
            }
        }
        List<Object[]> out = new ArrayList<>();
        List<String> indicators = indicators(10);
        List<String> units = cityAndTowns();
        for (String p : periods) {
            int year = Integer.parseInt(p.substring(0, 4));
            for (String i : indicators) {
                for (String u : units) {
                    out.add(new Object[] {i, u, year, p.substring(5), year * 0.01 + out.size() % 97, "统计年鉴"});
                }
            }
        }
        return out;
    }

    private long figures() {
        return jdbc.sql("SELECT COUNT(*) FROM figure").query(Long.class).single();
    }

    private static Path file(String name, byte[] bytes) throws Exception {
        Path dir = Path.of("target/bulk-browser");
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), bytes).toAbsolutePath();
    }

    private static void upload(Browser b, Path file) {
        b.open(PAGE);
        b.driver().findElement(By.id("bulk-file")).sendKeys(file.toString());
        b.clickAndLoad(By.id("bulk-start"));
    }

    /** Waits until htmx has swapped the finished job's panel in (no reload: the same document). */
    private static WebElement finished(Browser b) {
        WebElement html = b.driver().findElement(By.tagName("html"));
        new WebDriverWait(b.driver(), Duration.ofSeconds(120))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> "false".equals(
                d.findElement(By.id("bulk-progress")).getAttribute("data-running")));
        assertThat(b.driver().findElement(By.tagName("html"))).as("updated in place, not reloaded").isEqualTo(html);
        return b.driver().findElement(By.id("bulk-progress"));
    }

    @Test
    void thePlanOfficeImportsAYearbookAndSeesProgressThenTheCounts() throws Exception {
        List<Object[]> rows = yearbook();
        assertThat(rows.size()).isGreaterThan(20_000);
        Path workbook = file("yearbook-2015-2024.xlsx", BulkFigureImportTest.workbook(rows, null));
        long before = figures();
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.adminPassword());
            b.open("/plans/zhuji-15th/reporting");
            b.clickAndLoad(By.id("bulk-link"));
            assertThat(b.driver().findElements(By.cssSelector("#bulk-columns tbody tr"))).hasSize(6);
            assertThat(b.driver().findElement(By.id("bulk-template")).getAttribute("href"))
                    .endsWith("/reporting/bulk-template.xlsx");

            // nothing chosen: the message beside the field
            b.clickAndLoad(By.id("bulk-start"));
            assertThat(b.driver().findElement(By.id("bulk-file-error")).getText()).contains("请选择");
            assertThat(b.driver().findElement(By.id("bulk-file")).getAttribute("class")).contains("is-invalid");

            upload(b, workbook);
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("已开始导入");
            WebElement panel = b.driver().findElement(By.id("bulk-progress"));
            // 24,000 rows take far longer to check and write than this page takes to arrive
            assertThat(panel.getAttribute("data-running")).isEqualTo("true");
            assertThat(b.driver().findElement(By.id("bulk-bar")).isDisplayed()).isTrue();
            assertThat(b.driver().findElement(By.id("bulk-phases")).getText()).contains("读取文件", "逐行检查", "写入数据库");
            b.screenshot("bulk-import-progress");

            finished(b);
            assertThat(b.driver().findElement(By.id("bulk-done")).getText()).contains("yearbook-2015-2024.xlsx");
            assertThat(b.driver().findElement(By.id("count-rows")).getText().replace(",", "")).isEqualTo(String.valueOf(rows.size()));
            assertThat(b.driver().findElement(By.id("count-written")).getText().replace(",", "")).isEqualTo(String.valueOf(rows.size()));
            assertThat(b.driver().findElement(By.id("count-unchanged")).getText()).isEqualTo("0");
            b.screenshot("bulk-import-done");
            assertThat(figures()).isEqualTo(before + rows.size());

            // the same file again: every row unchanged, nothing written
            upload(b, workbook);
            finished(b);
            assertThat(b.driver().findElement(By.id("count-written")).getText()).isEqualTo("0");
            assertThat(b.driver().findElement(By.id("count-unchanged")).getText().replace(",", "")).isEqualTo(String.valueOf(rows.size()));
            assertThat(figures()).isEqualTo(before + rows.size());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'FIGURE_BULK_IMPORT' AND actor = 'admin' "
                + "AND subject LIKE 'plan:%' AND detail LIKE ?").param("%“yearbook-2015-2024.xlsx”：共" + rows.size()
                + "行，写入" + rows.size() + "条%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFileWithErrorsShowsEachProblemByRowAndColumnAndWritesNothing() throws Exception {
        String indicator = indicators(1).get(0);
        String city = cityAndTowns().get(0);
        byte[] bad = BulkFigureImportTest.workbook(List.of(
                new Object[] {indicator, city, 2021, "Y", 12.5, "统计年鉴"},         // row 2: fine
                new Object[] {"NO-SUCH", city, 2021, "Y", 12.5, "统计年鉴"},         // row 3: unknown indicator (A)
                new Object[] {indicator, city, 2021, "M13", 12.5, "统计年鉴"},       // row 4: period (D)
                new Object[] {indicator, city, 2022, "Y", "约12", "统计年鉴"}), null); // row 5: value (E)
        long before = figures();
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.adminPassword());
            upload(b, file("yearbook-errors.xlsx", bad));
            finished(b);
            assertThat(b.driver().findElement(By.id("bulk-error")).getText()).contains("3 处问题", "未写入任何数据");
            List<WebElement> problems = b.driver().findElements(By.cssSelector("#bulk-problems tbody tr"));
            assertThat(problems).extracting(r -> r.getAttribute("data-row") + r.getAttribute("data-column"))
                    .containsExactly("3A", "4D", "5E");
            assertThat(problems.get(0).getText()).contains("批量导入", "A（指标代码）", "未知指标代码", "NO-SUCH");
            assertThat(problems.get(1).getText()).contains("D（期间）");
            assertThat(problems.get(2).getText()).contains("E（数值）");
            b.screenshot("bulk-import-errors");
        }
        assertThat(figures()).as("all or nothing: the good row 2 is not written either").isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'FIGURE_BULK_IMPORT_REFUSED' "
                + "AND actor = 'admin' AND detail LIKE '%yearbook-errors.xlsx%3 处问题%'").query(Long.class).single())
                .isEqualTo(1);
    }
}
