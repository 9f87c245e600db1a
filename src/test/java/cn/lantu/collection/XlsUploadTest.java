package cn.lantu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;
import cn.lantu.support.OfficeFiles;

/**
 * A department's template and the plan office's bulk file saved as .xls (Excel 97–2003), by POI and by LibreOffice,
 * import the same figures as the .xlsx; a WPS .et or other file is refused with a message that says what to save as.
 */
@LantuTest
class XlsUploadTest {

    static final int YEAR = 2026;
    static final String CODE = "ZJ13";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserService userService;

    ReportingFixture fx;
    String reporter;

    @BeforeEach
    void setUp() {
        fx = new ReportingFixture(port, jdbc, userService);
        fx.openPeriod(YEAR, "Y");
        reporter = fx.user("xls97", Role.REPORTER, fx.leadOf(CODE));
    }

    byte[] filled(double value) throws Exception {
        HttpResponse<byte[]> r = fx.as(reporter).getBytes(ExcelRoundTripTest.API + "/reporting/template.xlsx?year="
                + YEAR + "&period=Y");
        assertThat(r.statusCode()).isEqualTo(200);
        return ExcelRoundTripTest.edit(r.body(), s -> {
            ExcelRoundTripTest.row(s, CODE).getCell(5).setCellValue(value);
            ExcelRoundTripTest.row(s, CODE).getCell(8).setCellValue("统计年报");
        });
    }

    double stored() {
        return jdbc.sql("""
                SELECT f.num_value FROM figure f JOIN indicator i ON i.id = f.indicator_id
                WHERE i.code = ? AND f.report_year = ? AND f.demo = FALSE""").params(CODE, YEAR)
                .query(Double.class).single();
    }

    void imports(String name, byte[] bytes, double value) {
        HttpResponse<String> r = fx.upload(reporter, name, bytes);
        assertThat(r.statusCode()).as(name + ": " + r.body()).isEqualTo(200);
        assertThat(ReportingFixture.json(r).get("changed")).as(name).isEqualTo(1);
        assertThat(stored()).as(name).isEqualTo(value);
    }

    @Test
    void aTemplateSavedAsXlsImportsLikeTheXlsx() throws Exception {
        byte[] xls = OfficeFiles.toXls(filled(61.5));
        assertThat(xls[0] & 0xFF).isEqualTo(0xD0);
        imports("填报.xls", xls, 61.5);
        HttpResponse<String> same = fx.upload(reporter, "填报.xlsx", filled(61.5));
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(ReportingFixture.json(same).get("changed")).as("the .xlsx holds the same figures").isEqualTo(0);
        // the name does not decide: an .xls named .xlsx is read as .xls
        imports("renamed.xlsx", OfficeFiles.toXls(filled(61.75)), 61.75);
    }

    @Test
    void aTemplateResavedByLibreOfficeImportsAsXlsAndAsXlsx() throws Exception {
        assumeThat(OfficeFiles.sofficeInstalled()).as("LibreOffice installed").isTrue();
        imports("lo.xls", OfficeFiles.soffice(filled(62.5), "xlsx", "xls"), 62.5);
        imports("lo.xlsx", OfficeFiles.soffice(filled(63.5), "xlsx", "xlsx"), 63.5);
    }

    @Test
    void aWpsFileIsRefusedWithWhatToSaveAs() throws Exception {
        String before = fx.checksum();
        for (byte[] bytes : List.of(OfficeFiles.compoundFileWithoutWorkbook(), "指标代码,本期数值".getBytes())) {
            HttpResponse<String> r = fx.upload(reporter, "填报.et", bytes);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(r.body()).contains("另存为", ".xlsx", ".xls");
        }
        assertThat(fx.checksum()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBulkFileAsXlsImportsTheSameFiguresAsTheXlsx() throws Exception {
        // the year before BulkFigureImportTest's years: the shared context keeps what each test imports
        List<Object[]> rows = BulkFigureImportTest.rows(jdbc, 0.37).subList(0, 600).stream()
                .map(r -> new Object[] {r[0], r[1], 2015, r[3], r[4], r[5]}).toList();
        byte[] xlsx = BulkFigureImportTest.workbook(rows, null);
        HttpResponse<String> r = Http.admin(port).postMultipart(BulkFigureImportTest.URL, "file", "bulk.xls",
                "application/vnd.ms-excel", OfficeFiles.toXls(xlsx));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, Object> first = Http.JSON.readValue(r.body(), Map.class);
        assertThat(first.get("rows")).isEqualTo(rows.size());
        assertThat((int) first.get("inserted") + (int) first.get("updated")).isEqualTo(rows.size());
        HttpResponse<String> again = Http.admin(port).postMultipart(BulkFigureImportTest.URL, "file", "bulk.xlsx",
                BulkFigureImportTest.XLSX, xlsx);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Http.JSON.readValue(again.body(), Map.class).get("unchanged"))
                .as("the .xlsx holds the same figures").isEqualTo(rows.size());
        if (OfficeFiles.sofficeInstalled()) {
            HttpResponse<String> libre = Http.admin(port).postMultipart(BulkFigureImportTest.URL, "file", "lo.xls",
                    "application/vnd.ms-excel", OfficeFiles.soffice(xlsx, "xlsx", "xls"));
            assertThat(libre.statusCode()).as(libre.body()).isEqualTo(200);
            assertThat(Http.JSON.readValue(libre.body(), Map.class).get("unchanged"))
                    .as("LibreOffice's .xls holds the same figures").isEqualTo(rows.size());
        }
    }
}
