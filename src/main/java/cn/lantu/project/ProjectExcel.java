package cn.lantu.project;

import cn.lantu.security.Actor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.web.Spreadsheets;
import cn.lantu.security.UserRepository;

/**
 * Excel round trip of the project list. An import is all-or-nothing: every row is validated first and, if any
 * row has an error, nothing is saved and every error names its row. Rows are matched by project code: an existing
 * project (e.g. one named in the outline) is updated, a new code registers a new project.
 */
@Service
public class ProjectExcel {

    static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    static final String[] HEADERS = {"项目代码", "项目名称", "领域", "业主单位", "责任部门", "镇街", "项目类型", "阶段",
        "总投资（亿元）", "“十五五”计划投资（亿元）", "2026年计划投资", "2027年计划投资", "2028年计划投资", "2029年计划投资",
        "2030年计划投资", "计划开工", "计划竣工", "已确认列入清单"};

    private final ProjectRepository projects;
    private final OrgRepository org;
    private final UserRepository users;

    public ProjectExcel(ProjectRepository projects, OrgRepository org, UserRepository users) {
        this.projects = projects;
        this.org = org;
        this.users = users;
    }

    /** The outcome of an import: rows saved (0 when rejected) and the row-level errors. */
    public record ImportResult(int saved, int created, int updated, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private record RowData(int rowNo, String code, String name, long domainId, String ownerUnit, Long deptId,
                           List<Long> towns, String type, Project.Stage stage, Double total, Double period,
                           Map<Integer, Double> years, LocalDate start, LocalDate finish, boolean confirmed) {}

    @Transactional
    public ImportResult importXlsx(Plan plan, InputStream in) {
        Actor a = Actor.current(users);
        if (!a.admin()) {
            throw Actor.forbidden("只有规划管理员可以导入项目清单");
        }
        List<String> errors = new ArrayList<>();
        List<RowData> rows = new ArrayList<>();
        try (Workbook wb = Spreadsheets.open(Spreadsheets.readAtMost(in, MAX_UPLOAD_BYTES))) {
            Sheet sheet = wb.getSheetAt(0);
            Map<String, Long> domains = new HashMap<>();
            List<String> domainNames = projects.domains(plan.id()).stream().map(ProjectDomain::name).toList();
            for (ProjectDomain d : projects.domains(plan.id())) {
                domains.put(d.code().toUpperCase(Locale.ROOT), d.id());
                domains.put(d.name(), d.id());
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row)) {
                    continue;
                }
                int no = r + 1;
                List<String> e = new ArrayList<>();
                String code = text(row, 0);
                String name = text(row, 1);
                if (code == null) {
                    e.add("缺少项目代码");
                } else if (seen.containsKey(code)) {
                    e.add("项目代码重复: " + code + "（与第" + seen.get(code) + "行相同）");
                } else {
                    seen.put(code, no);
                }
                if (name == null) {
                    e.add("缺少项目名称");
                }
                String dom = text(row, 2);
                Long domainId = dom == null ? null : domains.get(dom.toUpperCase(Locale.ROOT));
                if (domainId == null) {
                    domainId = dom == null ? null : domains.get(dom);
                }
                if (domainId == null) {
                    e.add("未知领域: " + (dom == null ? "（空）" : dom) + "（须为专栏8的领域之一，可填："
                            + String.join("、", domainNames) + "）");
                }
                Long dept = null;
                String deptText = text(row, 4);
                if (deptText != null) {
                    dept = unit(plan.id(), deptText, OrgUnit.Type.DEPARTMENT).orElse(null);
                    if (dept == null) {
                        e.add("未知责任部门: " + deptText);
                    }
                }
                List<Long> towns = new ArrayList<>();
                String townText = text(row, 5);
                if (townText != null) {
                    for (String t : townText.split("[、,，;；\\s]+")) {
                        if (t.isBlank()) {
                            continue;
                        }
                        Optional<Long> id = unit(plan.id(), t, OrgUnit.Type.TOWN);
                        if (id.isEmpty()) {
                            e.add("未知镇街: " + t);
                        } else {
                            towns.add(id.get());
                        }
                    }
                }
                String type = ProjectVocabulary.type(text(row, 6));
                if (text(row, 6) != null && type == null) {
                    e.add("未知项目类型: " + text(row, 6) + "（" + ProjectVocabulary.allowedTypes() + "）");
                }
                Project.Stage stage = ProjectVocabulary.stage(text(row, 7));
                if (stage == null) {
                    e.add("未知阶段: " + text(row, 7) + "（" + ProjectVocabulary.allowedStages() + "）");
                }
                Double total = number(row, 8, "总投资", e);
                Double period = number(row, 9, "“十五五”计划投资", e);
                Map<Integer, Double> years = new LinkedHashMap<>();
                for (int y = 0; y < 5; y++) {
                    Double v = number(row, 10 + y, (plan.periodStart() + y) + "年计划投资", e);
                    if (v != null) {
                        years.put(plan.periodStart() + y, v);
                    }
                }
                LocalDate start = date(row, 15, "计划开工", e);
                LocalDate finish = date(row, 16, "计划竣工", e);
                if (start != null && finish != null && finish.isBefore(start)) {
                    e.add("计划竣工日期 " + finish + " 早于计划开工日期 " + start);
                }
                if (total != null && period != null && period > total) {
                    e.add("“十五五”计划投资 " + period + " 大于总投资 " + total);
                }
                String conf = text(row, 17);
                boolean confirmed = conf == null || !(conf.equals("否") || conf.equalsIgnoreCase("false")
                        || conf.equalsIgnoreCase("N"));
                e.forEach(x -> errors.add("第" + no + "行：" + x));
                if (e.isEmpty()) {
                    rows.add(new RowData(no, code, name, domainId, text(row, 3), dept, towns, type, stage, total,
                            period, years, start, finish, confirmed));
                }
            }
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof org.springframework.web.server.ResponseStatusException rse) {
                throw rse;
            }
            return new ImportResult(0, 0, 0, List.of("文件无法读取（须为 .xlsx 或 .xls）: " + ex.getMessage()));
        } catch (Spreadsheets.Unreadable ex) {
            return new ImportResult(0, 0, 0, List.of(ex.getMessage()));
        }
        if (!errors.isEmpty()) {
            return new ImportResult(0, 0, 0, errors);
        }
        if (rows.isEmpty()) {
            return new ImportResult(0, 0, 0, List.of("文件中没有项目行"));
        }
        int created = 0;
        int updated = 0;
        for (RowData r : rows) {
            Optional<ProjectDetail> existing = projects.detail(plan.id(), r.code());
            ProjectRepository.RegistryFields f = new ProjectRepository.RegistryFields(r.name(), r.domainId(),
                    existing.map(ProjectDetail::stageLabel).orElse(null), r.stage(), r.confirmed(), r.ownerUnit(),
                    r.deptId(), r.type(), r.total(), r.period() != null ? r.period()
                    : r.years().isEmpty() ? null : r.years().values().stream().mapToDouble(Double::doubleValue).sum(),
                    r.start(), r.finish(), null);
            long id;
            if (existing.isPresent()) {
                projects.updateRegistry(existing.get().id(), existing.get().version(), f, a.username());
                id = existing.get().id();
                updated++;
            } else {
                id = projects.insertRegistered(plan.id(), r.code(), f, a.username());
                created++;
            }
            projects.setTowns(id, r.towns());
            projects.setYearPlans(id, r.years());
            if (r.start() != null) {
                projects.setMilestone(id, ProjectDetail.MilestoneKind.START, r.start(), null);
            }
            if (r.finish() != null) {
                projects.setMilestone(id, ProjectDetail.MilestoneKind.COMPLETION, r.finish(), null);
            }
        }
        return new ImportResult(rows.size(), created, updated, List.of());
    }

    private Optional<Long> unit(long planId, String text, OrgUnit.Type type) {
        Optional<OrgUnit> u = org.findByCode(planId, text);
        if (u.isEmpty()) {
            u = org.findByType(planId, type).stream()
                    .filter(x -> text.equals(x.name()) || text.equals(x.shortName())).findFirst();
        }
        return u.filter(x -> x.type() == type).map(OrgUnit::id);
    }

    private static boolean blank(Row row) {
        for (Cell c : row) {
            if (c.getCellType() != CellType.BLANK && !(c.getCellType() == CellType.STRING
                    && c.getStringCellValue().isBlank())) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row row, int col) {
        Cell c = row.getCell(col);
        if (c == null) {
            return null;
        }
        String s = switch (c.getCellType()) {
            case STRING -> c.getStringCellValue();
            case NUMERIC -> {
                double d = c.getNumericCellValue();
                yield d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
            }
            case BOOLEAN -> c.getBooleanCellValue() ? "是" : "否";
            default -> null;
        };
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Double number(Row row, int col, String label, List<String> errors) {
        Cell c = row.getCell(col);
        if (c == null || c.getCellType() == CellType.BLANK) {
            return null;
        }
        Double v = null;
        if (c.getCellType() == CellType.NUMERIC) {
            v = c.getNumericCellValue();
        } else {
            String s = text(row, col);
            if (s == null) {
                return null;
            }
            try {
                v = Double.parseDouble(s.replace(",", ""));
            } catch (NumberFormatException ex) {
                errors.add(label + "不是数字: " + s);
                return null;
            }
        }
        if (v < 0) {
            errors.add(label + "不能为负数: " + v);
            return null;
        }
        return v;
    }

    private static LocalDate date(Row row, int col, String label, List<String> errors) {
        Cell c = row.getCell(col);
        if (c == null || c.getCellType() == CellType.BLANK) {
            return null;
        }
        if (c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            return c.getLocalDateTimeCellValue().toLocalDate();
        }
        String s = text(row, col);
        if (s == null) {
            return null;
        }
        try {
            String t = s.replace('/', '-').replace('.', '-').replace('年', '-').replace('月', '-').replace("日", "");
            if (t.matches("\\d{4}-\\d{1,2}")) {
                t = t + "-01";
            }
            String[] p = t.split("-");
            return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (RuntimeException ex) {
            errors.add(label + "日期无法识别: " + s);
            return null;
        }
    }

    /**
     * The project list as .xlsx, in the import layout (so that an export can be edited and imported again). It reads
     * as the plan office writes it: domain, department and towns by name, type and stage as words, dates as dates.
     */
    public byte[] exportXlsx(Plan plan) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("重大项目");
            Row h = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                h.createCell(i).setCellValue(HEADERS[i]);
            }
            org.apache.poi.ss.usermodel.CellStyle day = wb.createCellStyle();
            day.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            Map<String, String> towns = new HashMap<>();
            org.findByType(plan.id(), OrgUnit.Type.TOWN).forEach(t -> towns.put(t.code(), t.name()));
            int r = 1;
            for (ProjectDetail p : projects.details(plan.id())) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(p.code());
                row.createCell(1).setCellValue(p.name());
                row.createCell(2).setCellValue(p.domainName());
                set(row, 3, p.ownerUnit());
                set(row, 4, p.deptName());
                set(row, 5, p.townCodes().isEmpty() ? null : String.join("、", p.townCodes().stream()
                        .map(c -> towns.getOrDefault(c, c)).toList()));
                set(row, 6, p.projectType() == null ? null : p.typeLabel());
                row.createCell(7).setCellValue(p.stage().label());
                set(row, 8, p.totalAmount());
                set(row, 9, p.periodAmount());
                for (int y = 0; y < 5; y++) {
                    set(row, 10 + y, p.yearPlans().get(plan.periodStart() + y));
                }
                day(row, 15, p.startOn(), day);
                day(row, 16, p.finishOn(), day);
                row.createCell(17).setCellValue(p.confirmed() ? "是" : "否");
            }
            for (int c = 0; c < HEADERS.length; c++) {
                sheet.setColumnWidth(c, (c == 1 ? 40 : c == 5 ? 24 : 14) * 256);
            }
            List<String> domainNames = projects.domains(plan.id()).stream().map(ProjectDomain::name).toList();
            Sheet words = wb.createSheet("可选值");
            choices(sheet, words, 0, "领域", domainNames, 2);
            choices(sheet, words, 1, "阶段", ProjectVocabulary.stageWords(), 7);
            choices(sheet, words, 2, "项目类型", ProjectVocabulary.typeLabels(), 6);
            choices(sheet, words, 3, "已确认列入清单", List.of("是", "否"), 17);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Lists the allowed words of a column on the sheet of choices and offers them as a drop-down in the column
     * (Excel refuses a word not in the list, naming the allowed ones), for the rows an office would fill in.
     */
    private static void choices(Sheet sheet, Sheet words, int wordCol, String title, List<String> values, int col) {
        for (int i = 0; i <= values.size(); i++) {
            Row r = words.getRow(i) == null ? words.createRow(i) : words.getRow(i);
            r.createCell(wordCol).setCellValue(i == 0 ? title : values.get(i - 1));
        }
        words.setColumnWidth(wordCol, 24 * 256);
        String letter = CellReference.convertNumToColString(wordCol);
        var helper = sheet.getDataValidationHelper();
        var constraint = helper.createFormulaListConstraint("'可选值'!$" + letter + "$2:$" + letter + "$"
                + (values.size() + 1));
        var v = helper.createValidation(constraint, new CellRangeAddressList(1, 2000, col, col));
        v.setShowErrorBox(true);
        v.createErrorBox("请从列表中选择", title + "可填：" + String.join("、", values));
        sheet.addValidationData(v);
    }

    private static void day(Row row, int col, LocalDate d, org.apache.poi.ss.usermodel.CellStyle style) {
        if (d == null) {
            return;
        }
        Cell c = row.createCell(col);
        c.setCellValue(d);
        c.setCellStyle(style);
    }

    private static void set(Row row, int col, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Double d) {
            row.createCell(col).setCellValue(d);
        } else {
            row.createCell(col).setCellValue(v.toString());
        }
    }
}
