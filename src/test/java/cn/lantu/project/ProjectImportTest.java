package cn.lantu.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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

/** Excel import of the project list: a valid file is saved; an invalid one saves nothing and names each row. */
@LantuTest
class ProjectImportTest {

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

    static byte[] xlsx(Object[]... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet();
            Row h = s.createRow(0);
            for (int i = 0; i < ProjectExcel.HEADERS.length; i++) {
                h.createCell(i).setCellValue(ProjectExcel.HEADERS[i]);
            }
            int r = 1;
            for (Object[] cells : rows) {
                Row row = s.createRow(r++);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (cells[i] != null) {
                        row.createCell(i).setCellValue(cells[i].toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static Object[] row(String code, String name, String domain, double total, String start, String finish) {
        return new Object[] {code, name, domain, "某业主单位", "JTYSJ", "DIANKOU、姚江镇", "政府投资", "在建", total,
            total / 2, 1.0, 2.0, 3.0, null, null, start, finish, "是"};
    }

    @Test
    void validFileIsSavedAndRoundTrips() throws Exception {
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        byte[] file = xlsx(row("IMP-OK-1", "导入测试项目一", "TRA", 10, "2026-03-01", "2028-12-31"),
                row("IMP-OK-2", "导入测试项目二", "水网安澜提升", 5, "2027-01-01", "2029-06-30"));
        ProjectExcel.ImportResult r = excel.importXlsx(plan, new ByteArrayInputStream(file));
        assertThat(r.errors()).isEmpty();
        assertThat(r.saved()).isEqualTo(2);
        ProjectDetail p = projects.detail(plan.id(), "IMP-OK-1").orElseThrow();
        assertThat(p.confirmed()).isTrue();
        assertThat(p.domainCode()).isEqualTo("TRA");
        assertThat(p.deptCode()).isEqualTo("JTYSJ");
        assertThat(p.townCodes()).containsExactlyInAnyOrder("DIANKOU", "YAOJIANG");
        assertThat(p.plannedIn(2027)).isEqualTo(2.0);
        assertThat(p.stage()).isEqualTo(Project.Stage.UNDER_CONSTRUCTION);
        assertThat(projects.detail(plan.id(), "IMP-OK-2").orElseThrow().domainCode()).isEqualTo("WAT");
        // the export can be imported again unchanged
        byte[] exported = excel.exportXlsx(plan);
        ProjectExcel.ImportResult again = excel.importXlsx(plan, new ByteArrayInputStream(exported));
        assertThat(again.errors()).isEmpty();
        assertThat(again.created()).isZero();
        assertThat(projects.detail(plan.id(), "IMP-OK-1").orElseThrow().plannedIn(2028)).isEqualTo(3.0);
    }

    @Test
    void theSameListSavedAsXlsImportsTheSameProjects() throws Exception {
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        byte[] xls = cn.lantu.support.OfficeFiles.toXls(xlsx(row("IMP-XLS-1", "旧版格式项目", "TRA", 8, "2026-05-01",
                "2029-12-31")));
        ProjectExcel.ImportResult r = excel.importXlsx(plan, new ByteArrayInputStream(xls));
        assertThat(r.errors()).isEmpty();
        assertThat(r.saved()).isEqualTo(1);
        ProjectDetail p = projects.detail(plan.id(), "IMP-XLS-1").orElseThrow();
        assertThat(p.townCodes()).containsExactlyInAnyOrder("DIANKOU", "YAOJIANG");
        assertThat(p.plannedIn(2027)).isEqualTo(2.0);
        if (cn.lantu.support.OfficeFiles.sofficeInstalled()) {
            byte[] libre = cn.lantu.support.OfficeFiles.soffice(xlsx(row("IMP-XLS-2", "另存项目", "TRA", 6, "2026-05-01",
                    "2029-12-31")), "xlsx", "xls");
            assertThat(excel.importXlsx(plan, new ByteArrayInputStream(libre)).errors()).isEmpty();
            assertThat(projects.detail(plan.id(), "IMP-XLS-2").orElseThrow().plannedIn(2027)).isEqualTo(2.0);
        }
        ProjectExcel.ImportResult wps = excel.importXlsx(plan, new ByteArrayInputStream(
                cn.lantu.support.OfficeFiles.compoundFileWithoutWorkbook()));
        assertThat(wps.saved()).isZero();
        assertThat(wps.errors()).singleElement().asString().contains("另存为", ".xls");
    }

    @Test
    void invalidFileSavesNothingAndNamesEveryRow() throws Exception {
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        int before = projects.details(plan.id()).size();
        byte[] file = xlsx(
                row("IMP-BAD-1", "正常行", "TRA", 10, "2026-03-01", "2028-12-31"),
                row("IMP-BAD-2", "未知领域", "航天强国", 10, "2026-03-01", "2028-12-31"),
                row("IMP-BAD-3", "负投资", "TRA", -5, "2026-03-01", "2028-12-31"),
                row("IMP-BAD-4", "竣工早于开工", "TRA", 10, "2028-03-01", "2027-12-31"),
                row("IMP-BAD-1", "重复代码", "TRA", 10, "2026-03-01", "2028-12-31"));
        ProjectExcel.ImportResult r = excel.importXlsx(plan, new ByteArrayInputStream(file));
        assertThat(r.ok()).isFalse();
        assertThat(r.saved()).isZero();
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).startsWith("第3行").contains("未知领域"));
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).startsWith("第4行").contains("负数"));
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).startsWith("第5行").contains("早于"));
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).startsWith("第6行").contains("重复").contains("第2行"));
        assertThat(r.errors()).noneMatch(e -> e.startsWith("第2行"));
        assertThat(projects.details(plan.id())).hasSize(before);
        assertThat(projects.idByCode(plan.id(), "IMP-BAD-1")).isEmpty();
    }
}
