package cn.lantu.ingest.review;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.lantu.ingest.IndicatorHeaderWords;

/**
 * Reads an indicator table the plan office pastes from Word or Excel (tab-separated lines) or uploads as .xlsx into
 * grid rows. Columns are found by the extractor's reading of the header words, in any order; the table is taken
 * whole or not at all, with every problem named by row and column.
 */
final class TableImport {

    static final int MAX_TEXT_CHARS = 200_000;
    static final int MAX_XLSX_BYTES = 2 * 1024 * 1024;
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern BRACKETED = Pattern.compile("^[〔\\[【［(（]\\s*(.*?)\\s*[〕\\]】］)）]$");
    private static final Pattern NAME_UNIT = Pattern.compile("^(.+?)[（(]([^（()）]{1,20})[)）]$");
    private static final Pattern CATEGORY_ROW = Pattern.compile("^[一二三四五六七八九十]+[、.．].*");
    private static final Pattern EMPTY_MARK = Pattern.compile("^[—–\\-/／、　\\s]*$");

    /** The rows read, or the problems that kept the table out. */
    record Result(List<IndicatorGrid.Row> rows, List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private TableImport() {}

    static Result fromText(String text, List<IndicatorGrid.Row> current, int planEnd) {
        if (text == null || text.isBlank()) {
            return new Result(List.of(), List.of("请粘贴指标表（含表头行）"));
        }
        if (text.length() > MAX_TEXT_CHARS) {
            return new Result(List.of(), List.of("粘贴的内容过长：上限为 " + MAX_TEXT_CHARS + " 字"));
        }
        List<List<String>> table = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            List<String> cells = new ArrayList<>();
            for (String c : line.split("\t", -1)) {
                cells.add(c.strip());
            }
            table.add(cells);
        }
        return read(table, current, planEnd);
    }

    static Result fromXlsx(byte[] bytes, List<IndicatorGrid.Row> current, int planEnd) {
        if (bytes == null || bytes.length == 0) {
            return new Result(List.of(), List.of("请选择 .xlsx 文件"));
        }
        if (bytes.length > MAX_XLSX_BYTES) {
            return new Result(List.of(), List.of("文件过大：上限为 2 MB"));
        }
        List<List<String>> table = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            for (int r = 0; r <= Math.min(sheet.getLastRowNum(), IndicatorGrid.MAX_ROWS + 20); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.min(row.getLastCellNum(), 30); c++) {
                        cells.add(row.getCell(c) == null ? "" : f.formatCellValue(row.getCell(c)).strip());
                    }
                }
                table.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            return new Result(List.of(), List.of("无法读取 Excel 文件（须为 .xlsx）：" + e.getMessage()));
        }
        return read(table, current, planEnd);
    }

    private static Result read(List<List<String>> table, List<IndicatorGrid.Row> current, int planEnd) {
        int h = -1;
        for (int r = 0; r < Math.min(table.size(), 10) && h < 0; r++) {
            // a header has several cells (a title line such as 表1 主要指标 has one)
            if (table.get(r).stream().filter(c -> !c.isBlank()).count() >= 2
                    && table.get(r).stream().anyMatch(c -> "NAME".equals(IndicatorHeaderWords.role(c)))) {
                h = r;
            }
        }
        if (h < 0) {
            return new Result(List.of(), List.of("前 10 行中没有找到表头：须有“指标”或“指标名称”列"));
        }
        List<String> header = table.get(h);
        Map<String, Integer> col = new LinkedHashMap<>();
        List<Integer> years = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String role = IndicatorHeaderWords.role(header.get(c));
            if (YEAR.matcher(header.get(c)).find() && (role.equals("BASE") || role.equals("TARGET"))) {
                years.add(c);
            }
            col.putIfAbsent(role, c);
        }
        // a bare year column is the base unless it is the later of two, or the plan's last year
        if (col.containsKey("TARGET")) {
            years.remove(col.get("TARGET")); // the header says 目标
        } else if (years.size() >= 2) {
            years.sort(java.util.Comparator.comparingInt(c -> year(header.get(c))));
            col.put("TARGET", years.get(years.size() - 1));
            col.put("BASE", years.get(0));
        } else if (years.size() == 1 && year(header.get(years.get(0))) == planEnd) {
            col.put("TARGET", years.get(0));
            col.remove("BASE");
        }
        if (!col.containsKey("TARGET") && !col.containsKey("RATE")) {
            return new Result(List.of(), List.of("表头中没有目标值列（如“2030年”“目标值”“年均增长”）"));
        }
        int targetYear = col.containsKey("TARGET") && year(header.get(col.get("TARGET"))) > 0
                ? year(header.get(col.get("TARGET"))) : planEnd;
        Map<String, IndicatorGrid.Row> byName = new LinkedHashMap<>();
        current.forEach(r -> byName.putIfAbsent(key(r.name()), r));
        List<IndicatorGrid.Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<IndicatorGrid.Row> taken = new ArrayList<>(current);
        for (int r = h + 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(String::isBlank) || cells.equals(header)) {
                continue; // blank line, or the header repeated after a page break
            }
            String where = "第 " + (r + 1) + " 行";
            String name = cell(cells, col.get("NAME"));
            String unit = cell(cells, col.get("UNIT"));
            String base = cell(cells, col.get("BASE"));
            String target = cell(cells, col.get("TARGET"));
            String rate = cell(cells, col.get("RATE"));
            List<String> filled = cells.stream().filter(c -> !c.isBlank()).toList();
            if (filled.size() == 1 && CATEGORY_ROW.matcher(filled.get(0)).matches()) {
                continue; // a category row: 一、经济发展（8 项）, in whichever column
            }
            if (name.isEmpty()) {
                errors.add(where + "“" + header.get(col.get("NAME")) + "”列：指标名称为空");
                continue;
            }
            Matcher nu = NAME_UNIT.matcher(name);
            if (!col.containsKey("UNIT") && nu.matches()) {
                name = nu.group(1).strip();
                unit = nu.group(2).strip();
            }
            String horizon = "TARGET_YEAR";
            boolean fromRate = empty(target) && !empty(rate);
            String targetText = fromRate ? rate : target;
            if (fromRate) {
                // 年均增长〔累计〕: a bracketed value is the five-year total, a bare one the annual rate
                String rateHeader = header.get(col.get("RATE"));
                horizon = BRACKETED.matcher(rate).matches() || !rateHeader.contains("年均") && rateHeader.contains("累计")
                        ? "PERIOD" : "ANNUAL";
            } else if (BRACKETED.matcher(target).matches()) {
                horizon = "PERIOD";
            }
            String baseValue = value(base, where, header, col.get("BASE"), errors);
            String targetValue = value(targetText, where, header,
                    fromRate ? col.get("RATE") : col.get("TARGET"), errors);
            if (targetValue != null && targetValue.isEmpty()) {
                errors.add(where + "“" + name + "”：没有目标值");
            }
            String attribute = cell(cells, col.get("ATTRIBUTE"));
            String attr = attribute.contains("约束") ? "BINDING" : attribute.contains("预期") ? "ANTICIPATORY" : "";
            if (!empty(attribute) && attr.isEmpty()) {
                errors.add(where + "“" + header.get(col.get("ATTRIBUTE")) + "”列：“" + attribute
                        + "”应为约束性或预期性");
            }
            IndicatorGrid.Row same = byName.remove(key(name));
            String code = same != null ? same.code() : IndicatorGrid.newCode(taken);
            IndicatorGrid.Row row = new IndicatorGrid.Row(code, name, unit, attr, baseValue == null ? "" : baseValue,
                    targetValue == null ? "" : targetValue, horizon, String.valueOf(targetYear),
                    same == null ? 0 : same.start(), same == null ? 0 : same.end());
            rows.add(row);
            taken.add(row);
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add("表头下没有指标行");
        }
        if (rows.size() > IndicatorGrid.MAX_ROWS) {
            errors.add("指标表最多 " + IndicatorGrid.MAX_ROWS + " 行，粘贴了 " + rows.size() + " 行");
        }
        return errors.isEmpty() ? new Result(rows, List.of()) : new Result(List.of(), errors);
    }

    /** The number in a value cell without marks (〔〕, *, 左右, >…); "" when empty; null (and an error) if none. */
    private static String value(String text, String where, List<String> header, Integer c, List<String> errors) {
        if (empty(text)) {
            return "";
        }
        Matcher m = NUMBER.matcher(text.replace(",", "").replace("，", ""));
        if (!m.find()) {
            errors.add(where + "“" + header.get(c) + "”列：“" + text + "”不是数字");
            return null;
        }
        return m.group();
    }

    private static boolean empty(String v) {
        return v == null || EMPTY_MARK.matcher(v).matches();
    }

    private static String cell(List<String> cells, Integer c) {
        return c == null || c >= cells.size() ? "" : cells.get(c);
    }

    private static int year(String headerCell) {
        Matcher m = YEAR.matcher(headerCell);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String key(String name) {
        return name == null ? "" : name.replaceAll("[\\s（）()]", "");
    }
}
