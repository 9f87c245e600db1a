package cn.lantu.collection;

import cn.lantu.security.Actor;
import java.io.IOException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.audit.AuditLog;
import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.security.Role;

/** Excel round-trip: the pre-filled template, and the all-or-nothing, idempotent upload. */
@Service
public class ExcelService {

    /** The outcome of an accepted upload. */
    public record Result(int rows, int changed, int unchanged, String message) {}

    private final FigureService figures;
    private final FigureRepository repo;
    private final DeadlineService deadlines;
    private final ReportingAccess access;
    private final IndicatorRepository indicators;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final OrgRepository org;
    private final long maxBytes;

    private final FigureChecks checks;

    ExcelService(FigureService figures, FigureRepository repo, DeadlineService deadlines, ReportingAccess access,
                 IndicatorRepository indicators, AuditLog audit, JdbcClient jdbc, OrgRepository org,
                 FigureChecks checks, @Value("${lantu.reporting.max-upload-bytes:5242880}") long maxBytes) {
        this.checks = checks;
        this.figures = figures;
        this.repo = repo;
        this.deadlines = deadlines;
        this.access = access;
        this.indicators = indicators;
        this.audit = audit;
        this.jdbc = jdbc;
        this.org = org;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The unit a user downloads / uploads for: their own; administrators and leaders may name any. */
    OrgUnit unitFor(Plan plan, Actor a, String unitCode) {
        if (a.role() == Role.ADMIN || a.role() == Role.LEADER) {
            if (unitCode == null || unitCode.isBlank()) {
                throw ReportingException.invalid("请指定单位", List.of());
            }
            return figures.unit(plan, unitCode);
        }
        if (a.role() == Role.SUPERVISOR || a.orgUnitId() == null) {
            throw ReportingException.forbidden("无权下载或上传填报表");
        }
        OrgUnit own = org.findById(a.orgUnitId()).orElseThrow();
        if (unitCode != null && !unitCode.isBlank() && !unitCode.trim().equals(own.code())) {
            throw ReportingException.forbidden("只能下载或上传本单位的填报表");
        }
        return own;
    }

    /** The unit whose figures a row writes: the city for a department, the town itself for a town. */
    private OrgUnit figureUnit(Plan plan, OrgUnit unit) {
        return unit.type() == OrgUnit.Type.TOWN ? unit : figures.city(plan);
    }

    public byte[] template(Plan plan, Actor a, String unitCode, int year, String period) throws IOException {
        OrgUnit unit = unitFor(plan, a, unitCode);
        OrgUnit target = figureUnit(plan, unit);
        List<ExcelTemplate.Line> lines = new ArrayList<>();
        for (DeadlineService.Task t : deadlines.tasks(plan.id(), unit.id(), period)) {
            if (!"LEAD".equals(t.role())) {
                continue;
            }
            Indicator i = indicators.findById(t.indicatorId()).orElseThrow();
            Double last = repo.approvedHistory(i.id(), target.id(), period, year).stream()
                    .filter(h -> (int) h[0] == year - 1).map(h -> h[1]).findFirst()
                    .orElse(year - 1 == i.baseYear() ? i.baseValue() : null);
            var current = repo.find(i.id(), target.id(), year, period);
            String target2 = i.targetVerbatim() != null ? i.targetVerbatim()
                    : i.targetValue() == null ? null : FigureValidator.fmt(i.targetValue());
            lines.add(new ExcelTemplate.Line(i.code(), i.name(), i.unit(), last, target2,
                    current.map(f -> f.value() != null ? FigureValidator.fmt(f.value())
                            : f.verdict() == null ? null : "ACHIEVED".equals(f.verdict()) ? "完成" : "未完成")
                            .orElse(null),
                    current.map(Figure::estimate).orElse(false), current.map(Figure::note).orElse(null),
                    current.map(Figure::source).orElse(null), FigureValidator.isShare(i),
                    FigureValidator.verdictAllowed(i)));
        }
        audit.record(a.username(), "EXCEL_DOWNLOAD", "org:" + unit.name(),
                cn.lantu.web.Formats.periodZh(year, period) + "，" + lines.size() + "行");
        return ExcelTemplate.write(plan.code(), unit.code(), unit.name(), year, period, lines);
    }

    /** Checks the whole file first; saves nothing unless every row is valid; unchanged rows are left alone. */
    @Transactional
    public Result upload(Plan plan, Actor a, String fileName, byte[] bytes) {
        Map<String, ExcelImport.Sheet> sheets;
        try {
            sheets = ExcelImport.read(bytes, maxBytes);
        } catch (ReportingException e) {
            audit.record(a.username(), "EXCEL_REJECTED", "file:" + fileName, e.getMessage());
            throw e;
        }
        List<ExcelImport.Problem> problems = new ArrayList<>();
        ExcelImport.Sheet sheet = sheets.get(ExcelTemplate.SHEET);
        ExcelImport.Sheet meta = sheets.get(ExcelTemplate.META);
        if (sheet == null || meta == null) {
            throw reject(a, fileName, "不是本系统的填报模板：缺少工作表“" + (sheet == null ? ExcelTemplate.SHEET
                    : ExcelTemplate.META) + "”", List.of(new ExcelImport.Problem(sheet == null ? ExcelTemplate.SHEET
                    : ExcelTemplate.META, 0, null, "缺少该工作表")));
        }
        for (var row : sheet.rows().entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                if (cell.getValue().formula() && cell.getKey() >= ExcelTemplate.COL_VALUE) {
                    throw reject(a, fileName, ExcelImport.FORMULA, List.of(new ExcelImport.Problem(
                            ExcelTemplate.SHEET, row.getKey(), ExcelImport.col(cell.getKey()), "单元格含公式")));
                }
            }
        }
        problems.addAll(ExcelImport.headerProblems(sheet));
        if (!problems.isEmpty()) {
            throw reject(a, fileName, "表头不符合模板，请使用系统下载的模板", problems);
        }
        if (!meta.text(1, 1).equals(plan.code())) {
            problems.add(new ExcelImport.Problem(ExcelTemplate.META, 1, "B", "规划应为 " + plan.code()));
        }
        String unitCode = meta.text(2, 1);
        int year;
        try {
            year = (int) Double.parseDouble(meta.text(4, 1));
        } catch (NumberFormatException e) {
            throw reject(a, fileName, "信息表年度无效", List.of(new ExcelImport.Problem(ExcelTemplate.META, 4, "B",
                    "年度不是数字")));
        }
        String period = cn.lantu.web.Formats.periodCode(meta.text(5, 1));
        String yearProblem = FigureValidator.yearProblem(plan, year, false);
        if (yearProblem != null) {
            problems.add(new ExcelImport.Problem(ExcelTemplate.META, 4, "B", yearProblem));
        }
        String periodProblem = FigureValidator.periodProblem(period);
        if (periodProblem != null) {
            problems.add(new ExcelImport.Problem(ExcelTemplate.META, 5, "B", periodProblem));
        }
        if (!problems.isEmpty()) {
            throw reject(a, fileName, "信息表有误，请使用系统下载的模板", problems);
        }
        OrgUnit unit = unitFor(plan, a, unitCode);
        OrgUnit target = figureUnit(plan, unit);
        Map<String, DeadlineService.Task> tasks = deadlines.tasks(plan.id(), unit.id(), period).stream()
                .filter(t -> "LEAD".equals(t.role()))
                .collect(Collectors.toMap(DeadlineService.Task::code, t -> t, (x, y) -> x));
        List<FigureService.Entry> entries = new ArrayList<>();
        int last = sheet.rows().keySet().stream().mapToInt(Integer::intValue).max().orElse(1);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int r = 2; r <= last; r++) {
            String code = sheet.text(r, 0);
            String raw = sheet.text(r, ExcelTemplate.COL_VALUE);
            if (code.isEmpty() && raw.isEmpty()) {
                continue;
            }
            DeadlineService.Task task = tasks.get(code);
            if (task == null) {
                problems.add(new ExcelImport.Problem(ExcelTemplate.SHEET, r, "A",
                        "指标代码“" + code + "”不是本单位本期牵头填报的指标"));
                continue;
            }
            if (!seen.add(code)) {
                problems.add(new ExcelImport.Problem(ExcelTemplate.SHEET, r, "A", "指标“" + code + "”重复出现"));
                continue;
            }
            if (!sheet.text(r, 1).equals(task.name())) {
                problems.add(new ExcelImport.Problem(ExcelTemplate.SHEET, r, "B", "指标名称被修改（应为“" + task.name() + "”）"));
            }
            if (raw.isEmpty()) {
                continue;
            }
            Indicator ind = indicators.findById(task.indicatorId()).orElseThrow();
            ExcelImport.Cell cell = sheet.cell(r, ExcelTemplate.COL_VALUE);
            List<String> errors = new ArrayList<>();
            if (cell != null && ("b".equals(cell.type()) || "e".equals(cell.type()))) {
                errors.add("不是数字");
            } else {
                // the same checks as the form, the API and the bulk import: year, period, unit, value
                List<FigureValidator.Problem> checked = new ArrayList<>();
                FigureValidator.check(plan, ind, target.type(), access.hasTownBreakdown(ind.id()), year, period, raw,
                        false, checks.rulesFor(ind, target.id(), target.type() == OrgUnit.Type.CITY, year, period),
                        checked);
                for (FigureValidator.Problem p : checked) {
                    if (p.field() == FigureValidator.Field.VALUE) {
                        errors.add(p.message());
                    } else {
                        problems.add(new ExcelImport.Problem(ExcelTemplate.SHEET, r, "A", p.message()));
                    }
                }
            }
            for (String err : errors) {
                problems.add(new ExcelImport.Problem(ExcelTemplate.SHEET, r, ExcelImport.col(ExcelTemplate.COL_VALUE),
                        err));
            }
            String noteProblem = FigureValidator.textProblem("说明", sheet.text(r, 7), FigureValidator.MAX_NOTE);
            if (noteProblem != null) {
                problems.add(new ExcelImport.Problem(ExcelTemplate.SHEET, r, "H", noteProblem));
            }
            String sourceProblem = FigureValidator.textProblem("数据来源", sheet.text(r, 8), FigureValidator.MAX_SOURCE);
            if (sourceProblem != null) {
                problems.add(new ExcelImport.Problem(ExcelTemplate.SHEET, r, "I", sourceProblem));
            }
            String est = sheet.text(r, 6);
            if (!est.isEmpty() && !est.equals("是") && !est.equals("否")) {
                problems.add(new ExcelImport.Problem(ExcelTemplate.SHEET, r, "G", "应填“是”或“否”"));
            }
            var existing = repo.find(ind.id(), target.id(), year, period);
            if (existing.isPresent() && errors.isEmpty()) {
                Figure f = existing.get();
                List<String> e2 = new ArrayList<>();
                var parsed = FigureValidator.parse(ind, raw, e2);
                boolean same = Objects.equals(f.value(), parsed.value()) && Objects.equals(f.verdict(), parsed.verdict())
                        && f.estimate() == est.equals("是") && Objects.equals(f.note(), FigureService.blank(sheet.text(r, 7)))
                        && Objects.equals(f.source(), FigureService.blank(sheet.text(r, 8)));
                if (!same && (f.state() == FigureState.SUBMITTED || f.state() == FigureState.SIGNED_OFF)) {
                    problems.add(new ExcelImport.Problem(ExcelTemplate.SHEET, r, "F",
                            "该数据正在审核中（" + f.state().label() + "），不能修改"));
                }
            }
            // the version read here: a figure changed by someone else since is a conflict, and the file is refused
            entries.add(new FigureService.Entry(code, year, period, target.type() == OrgUnit.Type.TOWN ? target.code()
                    : null, raw, est.equals("是"), sheet.text(r, 7), sheet.text(r, 8), null,
                    "Excel上传：" + FigureValidator.cut(String.valueOf(fileName), 200),
                    existing.map(Figure::version).orElse(null)));
        }
        if (!problems.isEmpty()) {
            throw reject(a, fileName, "文件有" + problems.size() + "处问题，未保存任何数据", problems);
        }
        int changed = 0;
        for (FigureService.Entry e : entries) {
            if (figures.save(plan, a, e).changed()) {
                changed++;
            }
        }
        String sha = sha256(bytes);
        if (changed > 0) {
            jdbc.sql("""
                    INSERT INTO upload_batch (org_unit_id, report_year, period, sha256, file_name, changed_rows,
                      uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(unit.id(), year, period, sha, fileName, changed, a.username(),
                    Timestamp.from(Instant.now())).update();
        }
        audit.record(a.username(), "EXCEL_UPLOAD", "org:" + unit.name(),
                fileName + "（" + cn.lantu.web.Formats.periodZh(year, period) + "，校验值 " + sha + "），" + entries.size()
                        + "行，变更" + changed + "行");
        return new Result(entries.size(), changed, entries.size() - changed, changed == 0
                ? "文件已读取：数据与系统中一致，没有变化" : "已导入：" + changed + "条数据保存为草稿，请在系统中提交");
    }

    private ReportingException reject(Actor a, String fileName, String message, List<ExcelImport.Problem> problems) {
        audit.record(a.username(), "EXCEL_REJECTED", "file:" + fileName, message + " " + problems);
        return ReportingException.invalid(message, problems);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
