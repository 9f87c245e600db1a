package cn.lantu.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.assessment.Kind;
import cn.lantu.assessment.YearSchedule;
import cn.lantu.audit.AuditLog;
import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.plan.Plan;
import cn.lantu.web.Spreadsheets;

/**
 * The annual plan (年度计划): for one year, every indicator's five-year target, what the schedule asks of that year,
 * and the year's own target as the annual plan to the People's Congress states it. The plan office saves them all
 * at once, from the page or from a workbook; either way all entries are checked first and nothing is saved while
 * one is wrong.
 */
@Service
public class AnnualPlan {

    static final String SHEET = "年度计划";
    static final List<String> HEADERS = List.of("指标代码", "指标名称", "单位", "五年目标", "序时要求", "年度目标");
    static final int MAX_UPLOAD_BYTES = 1024 * 1024;
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d{1,12}(\\.\\d{1,6})?");

    /** One line of the page: the indicator, its schedule for the year and its annual target (null when none). */
    public record Line(Indicator indicator, YearSchedule.Value schedule, Double annualTarget) {}

    /** The outcome of a save: field errors by indicator code (nothing saved when not empty), and how many changed. */
    public record Outcome(Map<String, String> errors, int changed) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final IndicatorRepository indicators;
    private final TargetRepository targets;
    private final AuditLog audit;

    AnnualPlan(IndicatorRepository indicators, TargetRepository targets, AuditLog audit) {
        this.indicators = indicators;
        this.targets = targets;
        this.audit = audit;
    }

    public List<Line> lines(Plan plan, int year) {
        Map<String, Map<Integer, Double>> set = targets.annualTargets(plan.id());
        Map<String, List<TargetRepository.Revision>> revised = targets.approved(plan.id());
        List<Line> out = new ArrayList<>();
        for (Indicator i : indicators.findByPlan(plan.id())) {
            if (i.kind() == Kind.QUALITATIVE || i.kind() == Kind.ASSIGNED) {
                continue;
            }
            var spec = IndicatorSpecs.of(i, plan.periodStart(), null,
                    TargetRepository.inForce(revised.get(i.code()), year));
            out.add(new Line(i, YearSchedule.of(spec, year), set.getOrDefault(i.code(), Map.of()).get(year)));
        }
        return out;
    }

    /** Checks every entry (code → text; blank leaves the target as it is), then saves all or none. */
    @Transactional
    public Outcome save(Plan plan, int year, Map<String, String> entered, String by) {
        if (year < plan.periodStart() || year > plan.periodEnd()) {
            return new Outcome(Map.of("year", "年份应在规划期" + plan.periodStart() + "—" + plan.periodEnd() + "年内"), 0);
        }
        Map<String, Line> byCode = new LinkedHashMap<>();
        lines(plan, year).forEach(l -> byCode.put(l.indicator().code(), l));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<Line, Double> changes = new LinkedHashMap<>();
        entered.forEach((code, raw) -> {
            String text = raw == null ? "" : raw.trim().replace(",", "").replace("，", "");
            Line line = byCode.get(code);
            if (line == null) {
                errors.put(code, "没有这个指标：" + code);
            } else if (!text.isEmpty()) {
                if (!NUMBER.matcher(text).matches()) {
                    errors.put(code, "“" + raw.trim() + "”不是数字");
                } else {
                    double v = Double.parseDouble(text);
                    String bad = plausibility(line.indicator(), v);
                    if (bad != null) {
                        errors.put(code, bad);
                    } else if (line.annualTarget() == null || line.annualTarget() != v) {
                        changes.put(line, v);
                    }
                }
            }
        });
        if (!errors.isEmpty()) {
            return new Outcome(errors, 0);
        }
        changes.forEach((line, v) -> {
            targets.setAnnualTarget(line.indicator().id(), year, v, by);
            audit.record(by, "ANNUAL_TARGET_SET", "indicator:" + line.indicator().id(),
                    line.indicator().name() + " " + year + "年年度目标："
                            + (line.annualTarget() == null ? "（未设）" : fmt(line.annualTarget())) + " → " + fmt(v));
        });
        return new Outcome(Map.of(), changes.size());
    }

    /** A share above 100, a negative count or a fractional count is a typing error, not an annual target. */
    static String plausibility(Indicator i, double v) {
        if ("%".equals(i.unit()) && i.kind() == Kind.LEVEL && (v < 0 || v > 100)) {
            return "比重应在0—100之间";
        }
        if (i.wholeNumber() && v != Math.rint(v)) {
            return "以“" + i.unit() + "”计，应为整数";
        }
        if (i.wholeNumber() && v < 0) {
            return "不能为负数";
        }
        return null;
    }

    /** The year's sheet: the page's table, with the annual target column to fill in. */
    public byte[] workbook(Plan plan, int year) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(SHEET);
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            int r = 1;
            for (Line l : lines(plan, year)) {
                Row row = sheet.createRow(r++);
                Indicator i = l.indicator();
                row.createCell(0).setCellValue(i.code());
                row.createCell(1).setCellValue(i.name());
                row.createCell(2).setCellValue(i.unit() == null ? "" : i.unit());
                row.createCell(3).setCellValue(i.targetVerbatim() != null ? i.targetVerbatim()
                        : i.rateVerbatim() != null ? i.rateVerbatim() : i.targetValue() == null ? "" : fmt(i.targetValue()));
                row.createCell(4).setCellValue(l.schedule() == null ? "" : scheduleText(l.schedule(), i.unit()));
                if (l.annualTarget() != null) {
                    row.createCell(5).setCellValue(l.annualTarget());
                }
            }
            sheet.createRow(r + 1).createCell(0).setCellValue(year + "年年度计划。只填写“年度目标”列，空白表示不变。");
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.setColumnWidth(c, c == 1 ? 40 * 256 : 14 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Reads an uploaded sheet into code → entry; problems by row (the upload is refused as a whole when any). */
    public Map<String, String> read(byte[] bytes, List<String> problems) {
        Map<String, String> entered = new LinkedHashMap<>();
        if (bytes.length > MAX_UPLOAD_BYTES) {
            problems.add("文件超过1 MB，不是年度计划表");
            return entered;
        }
        try (org.apache.poi.ss.usermodel.Workbook wb = Spreadsheets.open(bytes)) {
            Sheet sheet = wb.getSheet(SHEET);
            if (sheet == null) {
                problems.add("找不到“" + SHEET + "”工作表，请使用从本页下载的表格");
                return entered;
            }
            DataFormatter format = new DataFormatter();
            Row header = sheet.getRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                if (header == null || !HEADERS.get(c).equals(format.formatCellValue(header.getCell(c)).trim())) {
                    problems.add("第1行表头应为：" + String.join("、", HEADERS));
                    return entered;
                }
            }
            for (int r = 1; r <= Math.min(sheet.getLastRowNum(), 2000); r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getCell(0) == null || row.getCell(0).getCellType() != CellType.STRING) {
                    continue;
                }
                String code = row.getCell(0).getStringCellValue().trim();
                if (code.isEmpty() || code.endsWith("。")) {
                    continue;
                }
                Cell value = row.getCell(5);
                String text = value == null ? "" : value.getCellType() == CellType.NUMERIC
                        ? fmt(value.getNumericCellValue()) : format.formatCellValue(value);
                entered.put(code, text);
            }
        } catch (Spreadsheets.Unreadable e) {
            problems.add(e.getMessage());
        } catch (IOException | RuntimeException e) {
            problems.add(Spreadsheets.WRONG_FORMAT);
        }
        return entered;
    }

    static String scheduleText(YearSchedule.Value v, String unit) {
        String u = unit == null ? "" : unit;
        return switch (v.meaning()) {
            case "RATE" -> "增长" + fmt(round(v.value())) + "%";
            case "ADDITION" -> "新增" + fmt(round(v.value())) + u;
            case "REDUCTION" -> "下降" + fmt(round(v.value())) + "%";
            case "BOUND" -> "守住" + fmt(round(v.value())) + u;
            default -> "达到" + fmt(round(v.value())) + u;
        };
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String fmt(double v) {
        return new java.math.BigDecimal(String.valueOf(v)).stripTrailingZeros().toPlainString();
    }
}
