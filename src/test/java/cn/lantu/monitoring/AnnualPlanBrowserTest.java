package cn.lantu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Browser;
import cn.lantu.support.Http;
import cn.lantu.support.LantuDemoTest;
import cn.lantu.support.TestUsers;

/**
 * The plan office sets a year's annual plan (年度计划) in the page: every indicator with its five-year target and the
 * year's schedule, one save for all, a message beside a wrong field with nothing saved, a confirmation after saving,
 * the sheet downloaded and uploaded back, and the assessment showing 完成/未完成 beside the five-year status.
 */
@LantuDemoTest
class AnnualPlanBrowserTest {

    static final int YEAR = 2027;
    static final String PAGE = "/plans/zhuji-15th/annual-plan?year=" + YEAR;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void thePlanOfficeSetsTheYearsTargetsInThePage() throws Exception {
        String growth = "ZJ01";
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.demoAdminPassword());
            b.open(PAGE);
            List<WebElement> rows = b.driver().findElements(By.cssSelector("#annual-plan tbody tr"));
            assertThat(rows.size()).as("every numeric indicator is listed").isGreaterThan(40);
            WebElement row = b.driver().findElement(By.cssSelector("tr[data-code='" + growth + "']"));
            assertThat(row.findElement(By.cssSelector("td.schedule")).getText()).startsWith("增长");

            // a wrong entry: the message beside the field, the other entry kept, nothing saved
            long before = annualTargets();
            type(b, "target-" + growth, "5.5");
            type(b, "target-ZJ09", "六");
            b.clickAndLoad(By.id("annual-plan-save"));
            assertThat(b.driver().findElement(By.id("error-ZJ09")).getText()).contains("不是数字");
            assertThat(b.driver().findElement(By.id("target-ZJ09")).getAttribute("class")).contains("is-invalid");
            assertThat(b.driver().findElement(By.id("target-" + growth)).getAttribute("value")).isEqualTo("5.5");
            assertThat(annualTargets()).as("nothing is saved while one entry is wrong").isEqualTo(before);
            b.screenshot("annual-plan-error");

            type(b, "target-ZJ09", "");
            b.clickAndLoad(By.id("annual-plan-save"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("已保存", "修改1项");
            assertThat(b.driver().findElement(By.id("target-" + growth)).getAttribute("value")).isEqualTo("5.5");
            b.screenshot("annual-plan-saved");

            b.open("/plans/zhuji-15th/assessment?year=" + YEAR);
            String cell = b.driver().findElement(By.cssSelector("#assessment-table tr[data-code='" + growth + "']"))
                    .getText();
            assertThat(cell).containsAnyOf("年度目标：完成", "年度目标：未完成");
        }
        long id = jdbc.sql("SELECT id FROM indicator WHERE code = ?").param(growth).query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ANNUAL_TARGET_SET' AND subject = ? "
                + "AND detail LIKE ?").params("indicator:" + id, "%" + YEAR + "年年度目标：（未设） → 5.5")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSheetGoesOutAndComesBackAllOrNothing() throws Exception {
        Http admin = Http.demoAdmin(port);
        byte[] sheet = Http.demoAdminSession(port).getBytes("/plans/zhuji-15th/annual-plan.xlsx?year=2028").body();
        byte[] filled = edit(sheet, s -> {
            for (Row r : s) {
                if (r.getRowNum() > 0 && r.getCell(0) != null && "ZJ05".equals(r.getCell(0).getStringCellValue())) {
                    r.createCell(5).setCellValue(6.2);
                }
            }
        });
        byte[] broken = edit(sheet, s -> {
            for (Row r : s) {
                if (r.getRowNum() > 0 && r.getCell(0) != null && "ZJ05".equals(r.getCell(0).getStringCellValue())) {
                    r.createCell(5).setCellValue(6.2);
                }
                if (r.getRowNum() > 0 && r.getCell(0) != null && "ZJ09".equals(r.getCell(0).getStringCellValue())) {
                    r.createCell(5).setCellValue("很多");
                }
            }
        });
        Path dir = Files.createTempDirectory("annual");
        Path good = Files.write(dir.resolve("年度计划.xlsx"), filled);
        Path bad = Files.write(dir.resolve("broken.xlsx"), broken);
        long before = annualTargets();
        try (Browser b = new Browser("http://localhost:" + port)) {
            b.login("admin", TestUsers.demoAdminPassword());
            b.open("/plans/zhuji-15th/annual-plan?year=2028");
            b.driver().findElement(By.id("annual-plan-file")).sendKeys(bad.toString());
            b.clickAndLoad(By.id("annual-plan-upload"));
            assertThat(b.driver().findElement(By.id("upload-problems")).getText()).contains("ZJ09", "不是数字");
            assertThat(annualTargets()).as("a sheet with one wrong row is refused whole").isEqualTo(before);

            b.open("/plans/zhuji-15th/annual-plan?year=2028");
            b.driver().findElement(By.id("annual-plan-file")).sendKeys(good.toString());
            b.clickAndLoad(By.id("annual-plan-upload"));
            assertThat(b.driver().findElement(By.id("flash-message")).getText()).contains("导入", "修改1项");
            assertThat(b.driver().findElement(By.id("target-ZJ05")).getAttribute("value")).isEqualTo("6.2");
        }
        // the API mirrors the page
        var refused = admin.putJson("/api/v1/plans/zhuji-15th/annual-plan/2028", Map.of("targets", Map.of("ZJ09", "x")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("ZJ09");
        assertThat(Http.anonymous(port).status("/api/v1/plans/zhuji-15th/annual-plan?year=2028")).isEqualTo(401);
    }

    private static void type(Browser b, String id, String text) {
        WebElement field = b.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private long annualTargets() {
        return jdbc.sql("SELECT COUNT(*) FROM indicator_annual_target").query(Long.class).single();
    }

    interface SheetEdit {
        void apply(Sheet s);
    }

    static byte[] edit(byte[] xlsx, SheetEdit change) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.apply(wb.getSheet("年度计划"));
            wb.write(out);
            return out.toByteArray();
        }
    }
}
