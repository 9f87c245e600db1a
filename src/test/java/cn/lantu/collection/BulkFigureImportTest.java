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

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;

    /** 4 years × 12 months × the first 10 indicators × the first 6 units = 2,880 rows. */
    private List<Object[]> rows(double shift) {
        List<String> indicators = jdbc.sql("""
                SELECT i.code FROM indicator i JOIN plan p ON p.id = i.plan_id WHERE p.code = 'zhuji-15th'
                 ORDER BY i.code""").query(String.class).list().subList(0, 10);
        List<String> units = jdbc.sql("""
                SELECT o.code FROM org_unit o JOIN plan p ON p.id = o.plan_id WHERE p.code = 'zhuji-15th'
                 ORDER BY o.ordinal, o.code""").query(String.class).list().subList(0, 6);
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
}
