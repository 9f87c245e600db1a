package cn.lantu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.support.LantuTest;
import cn.lantu.support.OfficeFiles;

/** The annual-plan sheet saved as .xls reads the same targets as the .xlsx; other files are refused by content. */
@LantuTest
class AnnualPlanXlsTest {

    @Autowired AnnualPlan annualPlan;
    @Autowired PlanRepository plans;

    @Test
    void theSheetSavedAsXlsReadsTheSameTargets() throws Exception {
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        byte[] xlsx;
        String code;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(annualPlan.workbook(plan, 2027)));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheet(AnnualPlan.SHEET);
            code = sheet.getRow(1).getCell(0).getStringCellValue();
            sheet.getRow(1).createCell(5).setCellValue(7.25);
            sheet.getRow(2).createCell(5).setCellValue("增长6%");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> fromXlsx = annualPlan.read(xlsx, problems);
        Map<String, String> fromXls = annualPlan.read(OfficeFiles.toXls(xlsx), problems);
        assertThat(problems).isEmpty();
        assertThat(fromXlsx.get(code)).isEqualTo("7.25");
        assertThat(fromXls).isEqualTo(fromXlsx).containsValue("增长6%");
        if (OfficeFiles.sofficeInstalled()) {
            assertThat(annualPlan.read(OfficeFiles.soffice(xlsx, "xlsx", "xls"), problems)).isEqualTo(fromXlsx);
            assertThat(problems).isEmpty();
        }

        annualPlan.read(OfficeFiles.compoundFileWithoutWorkbook(), problems);
        assertThat(problems).singleElement().asString().contains("另存为", ".xlsx", ".xls");
    }
}
