package cn.lantu.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.support.LantuTest;

/**
 * The project sheet speaks the plan office's words: stages (在建, 新开工 …), types and domains are Chinese in the
 * export, offered as drop-down lists, read back on import, and an unknown word is refused with the allowed ones.
 */
@LantuTest
class ProjectSheetValuesTest {

    @Autowired
    ProjectExcel excel;
    @Autowired
    ProjectRepository projects;
    @Autowired
    PlanRepository plans;

    @BeforeEach
    void asAdmin() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private Plan plan() {
        return plans.findByCode("zhuji-15th").orElseThrow();
    }

    private static Object[] row(String code, String domain, String type, String stage) {
        return new Object[] {code, "词表测试项目" + code, domain, "某业主单位", "JTYSJ", "DIANKOU", type, stage, 10.0, 5.0,
            1.0, 2.0, 2.0, null, null, "2026-03-01", "2028-12-31", "是"};
    }

    @Test
    void theExportIsInChineseWithDropDownsOfTheAllowedWords() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(excel.exportXlsx(plan())))) {
            Sheet list = wb.getSheetAt(0);
            List<String> stages = new ArrayList<>();
            for (Row r : list) {
                if (r.getRowNum() > 0) {
                    stages.add(r.getCell(7).getStringCellValue());
                }
            }
            assertThat(stages).isNotEmpty().allSatisfy(s -> assertThat(s).matches("[\\p{IsHan}/]+"));
            Sheet words = wb.getSheet("可选值");
            List<String> stageWords = new ArrayList<>();
            for (Row r : words) {
                if (r.getRowNum() > 0 && r.getCell(1) != null) {
                    stageWords.add(r.getCell(1).getStringCellValue());
                }
            }
            assertThat(stageWords).contains("在建", "新开工", "竣工", "投产/投运");
            List<? extends DataValidation> validations = ((XSSFSheet) list).getDataValidations();
            assertThat(validations).extracting(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn())
                    .contains(2, 6, 7, 17);
            DataValidation stage = validations.stream()
                    .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == 7).findFirst().orElseThrow();
            assertThat(stage.getValidationConstraint().getFormula1()).isEqualTo("'可选值'!$B$2:$B$9");
            assertThat(stage.getErrorBoxText()).contains("在建、竣工");
        }
    }

    @Test
    void chineseWordsAreReadAndAnUnknownOneIsRefusedWithTheAllowedOnes() throws Exception {
        ProjectExcel.ImportResult ok = excel.importXlsx(plan(), new ByteArrayInputStream(ProjectImportTest.xlsx(
                row("VOC-1", "交通强省", "企业投资", "新开工"), row("VOC-2", "TRA", "政府投资", "续建"))));
        assertThat(ok.errors()).isEmpty();
        assertThat(projects.detail(plan().id(), "VOC-1").orElseThrow().stage())
                .isEqualTo(Project.Stage.UNDER_CONSTRUCTION);
        assertThat(projects.detail(plan().id(), "VOC-1").orElseThrow().projectType()).isEqualTo("ENTERPRISE");

        ProjectExcel.ImportResult bad = excel.importXlsx(plan(), new ByteArrayInputStream(ProjectImportTest.xlsx(
                row("VOC-3", "太空经济", "外资", "施工中"))));
        assertThat(bad.saved()).isZero();
        assertThat(bad.errors()).anySatisfy(e -> assertThat(e).startsWith("第2行：未知阶段: 施工中（可填：")
                .contains("谋划、前期、审批、在建、竣工、投产/投运", "新开工（即在建）"));
        assertThat(bad.errors()).anySatisfy(e -> assertThat(e).startsWith("第2行：未知项目类型: 外资（可填：")
                .contains("政府投资、企业投资、PPP/特许经营、其他"));
        String domains = String.join("、", projects.domains(plan().id()).stream().map(ProjectDomain::name).toList());
        assertThat(bad.errors()).anySatisfy(e -> assertThat(e).startsWith("第2行：未知领域: 太空经济")
                .contains("可填：" + domains));
        assertThat(projects.detail(plan().id(), "VOC-3")).isEmpty();
    }
}
