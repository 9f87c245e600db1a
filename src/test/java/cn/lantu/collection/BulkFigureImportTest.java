package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * The plan office's bulk import (批量导入): thousands of figures in one file, all-or-nothing, idempotent, every
 * change kept as a revision. Uses monthly figures of 2016–2019 (before the plan period), which no assessment reads,
 * so the shared plan's other tests are unaffected.
 */
@LantuTest
class BulkFigureImportTest {

    static final String URL = "/api/v1/plans/zhuji-15th/reporting/bulk-upload";
    static final String XLSX = ExcelController.XLSX;

    /** Units of counted things (whole numbers only), as {@code Indicator.wholeNumber}. */
    static final java.util.Set<String> WHOLE = java.util.Set.of("个", "家", "所", "人", "件", "起", "名", "位", "项", "座",
            "户", "处", "条", "台", "辆", "套", "次", "只", "场", "栋", "批", "枚", "支", "类", "篇", "部", "种", "艘", "架", "张",
            "本", "册", "例", "宗", "亩");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    /**
     * 4 years × 12 months × 10 indicators × 6 units = 2,880 rows: indicators with a town breakdown whose values
     * need not be whole, the city and five towns, so that every row passes the checks of the form.
     */
    private List<Object[]> rows(double shift) {
        return rows(jdbc, shift);
    }

    static List<Object[]> rows(JdbcClient jdbc, double shift) {
        List<String> indicators = jdbc.sql("""
                SELECT i.code, i.unit FROM indicator i JOIN plan p ON p.id = i.plan_id
                  JOIN responsibility r ON r.indicator_id = i.id AND r.role = 'LEAD' AND r.town_breakdown <> 'NONE'
                 WHERE p.code = 'zhuji-15th' AND i.kind IN ('LEVEL', 'GROWTH', 'CUMULATIVE', 'FLOOR')
                 ORDER BY i.code""").query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list().stream()
                .filter(i -> !WHOLE.contains(String.valueOf(i[1]).trim())).map(i -> i[0]).distinct().toList()
                .subList(0, 10);
        List<String> units = jdbc.sql("""
                SELECT o.code FROM org_unit o JOIN plan p ON p.id = o.plan_id WHERE p.code = 'zhuji-15th'
                   AND o.unit_type IN ('CITY', 'TOWN')
                 ORDER BY CASE WHEN o.unit_type = 'CITY' THEN 0 ELSE 1 END, o.ordinal, o.code""")
                .query(String.class).list().subList(0, 6);
        List<Object[]> out = new ArrayList<>();
        for (int y = 2016; y <= 2019; y++) {
            for (int m = 1; m <= 12; m++) {
                for (String i : indicators) {
                    for (String u : units) {
                        out.add(new Object[] {i, u, y, String.format("M%02d", m), y * 0.01 + m + shift, "统计月报"});
                    }
                }
            }
        }
        return out;
    }

    static byte[] workbook(List<Object[]> rows, BiConsumer<SXSSFSheet, Integer> extra) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = wb.createSheet(BulkFigureImport.SHEET);
            Row header = sheet.createRow(0);
            for (int c = 0; c < BulkFigureImport.HEADERS.size(); c++) {
                header.createCell(c).setCellValue(BulkFigureImport.HEADERS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                Object[] v = rows.get(r);
                row.createCell(0).setCellValue((String) v[0]);
                row.createCell(1).setCellValue((String) v[1]);
                row.createCell(2).setCellValue((Integer) v[2]);
                row.createCell(3).setCellValue((String) v[3]);
                if (v[4] instanceof Double d) {
                    row.createCell(4).setCellValue(d);
                } else {
                    row.createCell(4).setCellValue(String.valueOf(v[4]));
                }
                row.createCell(5).setCellValue((String) v[5]);
            }
            if (extra != null) {
                extra.accept(sheet, rows.size());
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private long figures() {
        return jdbc.sql("SELECT COUNT(*) FROM figure").query(Long.class).single();
    }

    private long revisions() {
        return jdbc.sql("SELECT COUNT(*) FROM figure_revision").query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> upload(String name, byte[] bytes, int status) {
        HttpResponse<String> r = Http.admin(port).postMultipart(URL, "file", name, XLSX, bytes);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Http.JSON.readValue(r.body(), Map.class);
    }

    @Test
    void importsThousandsOfFiguresOnceAndKeepsEveryChange() throws Exception {
        List<Object[]> rows = rows(0);
        long figuresBefore = figures();
        long revisionsBefore = revisions();
        Map<String, Object> first = upload("monthly-2016-2019.xlsx", workbook(rows, null), 200);
        assertThat(first.get("rows")).isEqualTo(rows.size());
        assertThat(first.get("inserted")).isEqualTo(rows.size());
        assertThat(figures()).isEqualTo(figuresBefore + rows.size());
        assertThat(revisions()).isEqualTo(revisionsBefore + rows.size());
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM figure_revision r JOIN figure f ON f.id = r.figure_id
                 WHERE r.reason = '批量导入：monthly-2016-2019.xlsx' AND r.state = 'APPROVED' AND r.version = 1
                   AND r.num_value = f.num_value AND f.state = 'APPROVED'""").query(Long.class).single())
                .isEqualTo(rows.size());

        Map<String, Object> again = upload("monthly-2016-2019.xlsx", workbook(rows, null), 200);
        assertThat(again.get("unchanged")).as("the same file twice changes nothing").isEqualTo(rows.size());
        assertThat(figures()).isEqualTo(figuresBefore + rows.size());
        assertThat(revisions()).isEqualTo(revisionsBefore + rows.size());

        List<Object[]> changed = rows(0);
        for (int i = 0; i < 100; i++) {
            changed.get(i)[4] = 1000.0 + i;
        }
        Map<String, Object> third = upload("corrected.xlsx", workbook(changed, null), 200);
        assertThat(third.get("updated")).isEqualTo(100);
        assertThat(third.get("unchanged")).isEqualTo(rows.size() - 100);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM figure f JOIN figure_revision r ON r.figure_id = f.id AND r.version = 2
                 WHERE f.version = 2 AND f.num_value >= 1000 AND r.reason = '批量导入：corrected.xlsx'
                   AND r.changed_by = 'admin'""").query(Long.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'FIGURE_BULK_IMPORT'").query(Long.class)
                .single()).isGreaterThanOrEqualTo(3);
    }

    @SuppressWarnings("unchecked")
    @Test
    void oneBadRowRefusesTheWholeFileAndNamesEveryProblem() throws Exception {
        List<Object[]> rows = rows(0.5);
        rows.get(55)[0] = "NO-SUCH";            // sheet row 57
        rows.get(99)[3] = "M13";                // row 101
        rows.get(140)[4] = "约12";              // row 142
        rows.add(rows.get(10).clone());         // a duplicate of row 12, at the end
        long figuresBefore = figures();
        long revisionsBefore = revisions();
        Map<String, Object> body = upload("bad.xlsx", workbook(rows, (sheet, n) -> {
            Row r = sheet.createRow(n + 1);
            r.createCell(0).setCellValue("ZJ01");
            r.createCell(1).setCellValue("x");
            r.createCell(2).setCellValue(2017);
            r.createCell(3).setCellValue("Y");
            r.createCell(4).setCellFormula("1+1");
        }), 422);
        List<String> problems = (List<String>) body.get("problems");
        assertThat(String.join("\n", problems)).contains("第57行 A列", "NO-SUCH", "第101行 D列", "M13", "第142行 E列",
                "重复", "公式");
        assertThat(body.get("error").toString()).contains("整个文件未导入");
        assertThat(figures()).isEqualTo(figuresBefore);
        assertThat(revisions()).isEqualTo(revisionsBefore);
    }

    @Test
    void onlyThePlanOfficeMayImportAndTheFileMustBeTheTemplate() throws Exception {
        long unit = jdbc.sql("SELECT o.id FROM org_unit o JOIN plan p ON p.id = o.plan_id WHERE p.code = 'zhuji-15th' "
                + "AND o.unit_type = 'DEPARTMENT' ORDER BY o.ordinal").query(Long.class).list().get(0);
        String reporter = "bulk" + System.nanoTime();
        users.createUser(reporter, "填报员", "bulk-test-pass-1", cn.lantu.security.Role.REPORTER, unit);
        long before = figures();
        assertThat(Http.basic(port, reporter, "bulk-test-pass-1").postMultipart(URL, "file", "x.xlsx", XLSX,
                workbook(rows(0.25), null)).statusCode()).isEqualTo(403);
        assertThat(Http.basic(port, reporter, "bulk-test-pass-1")
                .status("/api/v1/plans/zhuji-15th/reporting/bulk-template.xlsx")).isEqualTo(403);
        byte[] template = Http.admin(port).getBytes("/api/v1/plans/zhuji-15th/reporting/bulk-template.xlsx").body();
        Map<String, Object> empty = upload("template.xlsx", template, 422);
        assertThat(empty.get("error").toString()).contains("没有数据行");
        Map<String, Object> notXlsx = upload("a.xlsx", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8), 422);
        assertThat(notXlsx.get("error").toString()).contains("不是Excel工作簿");
        assertThat(figures()).isEqualTo(before);
    }

    private String code(String where) {
        return jdbc.sql("""
                SELECT i.code FROM indicator i JOIN plan p ON p.id = i.plan_id
                  JOIN responsibility r ON r.indicator_id = i.id AND r.role = 'LEAD'
                 WHERE p.code = 'zhuji-15th' AND """ + " " + where + " ORDER BY i.code").query(String.class).list().get(0);
    }

    private String unitOfType(String type) {
        return jdbc.sql("""
                SELECT o.code FROM org_unit o JOIN plan p ON p.id = o.plan_id WHERE p.code = 'zhuji-15th'
                   AND o.unit_type = ? ORDER BY o.ordinal, o.code""").param(type).query(String.class).list().get(0);
    }

    @SuppressWarnings("unchecked")
    @Test
    void theChecksOfTheFormApplyToEveryRowAndNothingIsWritten() throws Exception {
        String share = code("i.unit = '%' AND i.kind IN ('LEVEL', 'FLOOR', 'STABLE')");
        String count = code("i.unit IN ('家', '个', '所') AND i.kind IN ('LEVEL', 'CUMULATIVE')");
        String noTowns = code("r.town_breakdown = 'NONE' AND i.kind = 'LEVEL' AND i.unit <> '%'");
        String level = code("r.town_breakdown <> 'NONE' AND i.unit = '亿元'");
        String city = unitOfType("CITY");
        String town = unitOfType("TOWN");
        String department = unitOfType("DEPARTMENT");
        List<Object[]> rows = new ArrayList<>(List.of(
                new Object[] {level, city, 2018, "Y", 100.0, "统计年鉴"},        // row 2: fine
                new Object[] {share, city, 2018, "Y", 150.0, "统计年鉴"},        // row 3: a share of 150 %
                new Object[] {count, city, 2018, "Y", -42.0, "统计年鉴"},        // row 4: a negative count
                new Object[] {level, city, 2019, "Y", 1e308, "统计年鉴"},        // row 5: 1e308
                new Object[] {noTowns, town, 2018, "Y", 5.0, "统计年鉴"},        // row 6: a town, no town breakdown
                new Object[] {level, department, 2018, "Y", 5.0, "统计年鉴"},    // row 7: a department's figure
                new Object[] {share, department, 2017, "Y", 150.0, "统计年鉴"},  // row 8: two problems
                new Object[] {level, town, 2018, "Y", 3.5, "统计年鉴"}));        // row 9: fine
        long figuresBefore = figures();
        long revisionsBefore = revisions();
        Map<String, Object> body = upload("checks.xlsx", workbook(rows, null), 422);
        List<String> problems = (List<String>) body.get("problems");
        String all = String.join("\n", problems);
        assertThat(all).contains("第3行 E列", "0–100", "第4行 E列", "不能为负数", "第5行 E列", "超出合理范围",
                "第6行 B列", "不分解到镇街", "第7行 B列", "不能属于部门", "第8行 B列", "第8行 E列");
        assertThat(problems).as(all).hasSize(7);
        assertThat(all).doesNotContain("第2行", "第9行");
        assertThat(body.get("error").toString()).contains("7 处问题", "整个文件未导入");
        assertThat(figures()).isEqualTo(figuresBefore);
        assertThat(revisions()).isEqualTo(revisionsBefore);

        // years outside the base year − 10 … the plan's last year, and codes of another kind, are refused too
        Map<String, Object> years = upload("years.xlsx", workbook(List.of(
                new Object[] {level, city, 0, "Y", 1.0, "x"}, new Object[] {level, city, -5, "Y", 1.0, "x"},
                new Object[] {level, city, 99999, "Y", 1.0, "x"}, new Object[] {level, city, 2147483647, "Y", 1.0, "x"}),
                null), 422);
        assertThat(String.join("\n", (List<String>) years.get("problems"))).contains("第2行 C列", "第3行 C列",
                "第4行 C列", "第5行 C列");
        assertThat(figures()).isEqualTo(figuresBefore);
    }
}
