package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/**
 * Excel round-trip (download, fill, upload, approve, see it in the assessment) and every rejection: the database
 * (figure, figure_revision, upload_batch) is unchanged wherever a file is refused.
 */
@LantuTest
class ExcelRoundTripTest {

    static final int YEAR = 2026;
    static final String CODE = "ZJ13";
    static final String API = "/api/v1/plans/zhuji-15th";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService userService;

    ReportingFixture fx;
    String reporter;
    long unit;

    @BeforeEach
    void setUp() {
        fx = new ReportingFixture(port, jdbc, userService);
        fx.openPeriod(YEAR, "Y");
        unit = fx.leadOf(CODE);
        reporter = fx.user("xls", Role.REPORTER, unit);
    }

    byte[] template() {
        HttpResponse<byte[]> r = fx.as(reporter).getBytes(API + "/reporting/template.xlsx?year=" + YEAR + "&period=Y");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static byte[] edit(byte[] xlsx, Consumer<XSSFSheet> change) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb.getSheet("填报"));
            wb.write(out);
            return out.toByteArray();
        }
    }

    static Row row(XSSFSheet sheet, String code) {
        for (Row r : sheet) {
            if (r.getRowNum() > 0 && code.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + code);
    }

    @Test
    void theTemplateIsPrefilledLockedAndValidated() throws Exception {
        byte[] bytes = template();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = wb.getSheet("填报");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标代码");
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("本期数值");
            Row r = row(sheet, CODE);
            String name = jdbc.sql("SELECT name FROM indicator WHERE code = ?").param(CODE).query(String.class).single();
            Double base = jdbc.sql("SELECT base_value FROM indicator WHERE code = ?").param(CODE).query(Double.class).single();
            assertThat(r.getCell(1).getStringCellValue()).isEqualTo(name);
            assertThat(r.getCell(3).getNumericCellValue()).isEqualTo(base); // last year = the base year 2025
            assertThat(sheet.getProtect()).isTrue();
            assertThat(r.getCell(1).getCellStyle().getLocked()).isTrue();
            assertThat(r.getCell(5).getCellStyle().getLocked()).isFalse();
            List<? extends DataValidation> validations = sheet.getDataValidations();
            assertThat(validations).anyMatch(v -> v.getRegions().getCellRangeAddresses()[0].getFirstRow() == r.getRowNum()
                    && v.getRegions().getCellRangeAddresses()[0].getFirstColumn() == 5
                    && "100".equals(v.getValidationConstraint().getFormula2()));
            assertThat(wb.getSheet("信息").getRow(1).getCell(1).getStringCellValue()).isEqualTo(fx.unitCode(unit));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void downloadFillUploadApproveAndSeeItInTheAssessment() throws Exception {
        byte[] filled = edit(template(), s -> {
            Row r = row(s, CODE);
            r.getCell(5).setCellValue(66.5);
            r.getCell(8).setCellValue("卫健局年报");
        });
        HttpResponse<String> first = fx.upload(reporter, "filled.xlsx", filled);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(ReportingFixture.json(first).get("changed")).isEqualTo(1);

        String before = fx.checksum();
        HttpResponse<String> again = fx.upload(reporter, "filled.xlsx", filled);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ReportingFixture.json(again).get("changed")).isEqualTo(0);
        assertThat(fx.checksum()).isEqualTo(before);

        long id = jdbc.sql("""
                SELECT f.id FROM figure f JOIN indicator i ON i.id = f.indicator_id
                WHERE i.code = ? AND f.report_year = ? AND f.demo = FALSE""").params(CODE, YEAR).query(Long.class).single();
        Http rep = fx.as(reporter);
        Http app = fx.as(fx.user("xlsapp", Role.APPROVER, unit));
        assertThat(rep.move(id, "submit", Map.of("explanation", "核实")).statusCode()).isEqualTo(200);
        assertThat(app.move(id, "sign-off", Map.of()).statusCode()).isEqualTo(200);
        assertThat(Http.admin(port).move(id, "approve", Map.of()).statusCode()).isEqualTo(200);

        Map<String, Object> plan = Http.admin(port).getMap(API + "/assessment?year=" + YEAR);
        Map<String, Object> row = ((List<Map<String, Object>>) plan.get("indicators")).stream()
                .filter(i -> CODE.equals(i.get("code"))).findFirst().orElseThrow();
        assertThat(row.get("latestYear")).isEqualTo(YEAR);
        assertThat(((Number) row.get("latestValue")).doubleValue()).isEqualTo(66.5);
        assertThat(row.get("status")).isNotEqualTo("NO_DATA");
    }

    void rejected(String fileName, byte[] bytes, int status, String message) {
        String before = fx.checksum();
        HttpResponse<String> r = fx.upload(reporter, fileName, bytes);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(message);
        assertThat(fx.checksum()).as("database unchanged after " + fileName).isEqualTo(before);
    }

    @Test
    void notAnXlsxIsRefused() throws Exception {
        rejected("notes.xlsx", "这不是表格".getBytes(StandardCharsets.UTF_8), 422, ExcelImport.NOT_XLSX);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        rejected("plain.zip.xlsx", zip.toByteArray(), 422, ExcelImport.NOT_XLSX);
        byte[] valid = template();
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length / 2);
        rejected("truncated.xlsx", truncated, 422, "不是Excel工作簿");
    }

    @Test
    void anOversizedFileIsRefused() {
        byte[] big = new byte[6 * 1024 * 1024];
        new Random(1).nextBytes(big);
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        rejected("big.xlsx", big, 413, ExcelImport.TOO_LARGE);
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        byte[] valid = edit(template(), s -> row(s, CODE).getCell(5).setCellValue(1.0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(valid));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>");
                    content = (xml.substring(0, at) + " ".repeat(40 * 1024 * 1024) + xml.substring(at))
                            .getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(content);
                z.closeEntry();
            }
        }
        assertThat(out.size()).isLessThan(1024 * 1024);
        rejected("bomb.xlsx", out.toByteArray(), 422, ExcelImport.ZIP_BOMB);
    }

    @Test
    void wrongHeadersAreReportedWithSheetRowAndColumn() throws Exception {
        byte[] bytes = edit(template(), s -> {
            s.getRow(0).getCell(5).setCellValue("数值");
            row(s, CODE).getCell(5).setCellValue(66.0);
        });
        rejected("headers.xlsx", bytes, 422, "表头应为“本期数值”");
        HttpResponse<String> r = fx.upload(reporter, "headers.xlsx", bytes);
        assertThat(r.body()).contains("\"sheet\":\"填报\"", "\"row\":1", "\"column\":\"F\"");
    }

    @Test
    void textInANumberCellIsReportedAndNothingIsSaved() throws Exception {
        byte[] bytes = edit(template(), s -> {
            Row r = row(s, CODE);
            r.getCell(5).setCellValue("六十六");
        });
        rejected("text.xlsx", bytes, 422, "不是数字");
        HttpResponse<String> r = fx.upload(reporter, "text.xlsx", bytes);
        int excelRow = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            excelRow = row(wb.getSheet("填报"), CODE).getRowNum() + 1;
        }
        assertThat(r.body()).contains("\"row\":" + excelRow, "\"column\":\"F\"");
    }

    @Test
    void oneBadRowRejectsTheWholeFile() throws Exception {
        byte[] bytes = edit(template(), s -> {
            for (Row r : s) {
                if (r.getRowNum() > 0 && !CODE.equals(r.getCell(0).getStringCellValue())) {
                    r.getCell(5).setCellValue(5.0); // a valid value in another row
                    break;
                }
            }
            row(s, CODE).getCell(5).setCellValue(150.0); // a share above 100
        });
        rejected("partial.xlsx", bytes, 422, "0–100");
    }

    @Test
    void formulasWhereValuesAreExpectedAreRefused() throws Exception {
        byte[] bytes = edit(template(), s -> row(s, CODE).getCell(5).setCellFormula("60+6"));
        rejected("formula.xlsx", bytes, 422, ExcelImport.FORMULA);
    }
}
