package cn.lantu.collection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The pre-filled .xlsx template for one org unit and period: sheet 填报 with Chinese headers, indicator codes,
 * names, units, last year's values and targets in locked cells; the value, estimate, note and source cells are
 * unlocked and the value cells carry data validation. Sheet 信息 (locked) says which plan, unit and period it is.
 */
final class ExcelTemplate {

    static final String SHEET = "填报";
    static final String META = "信息";
    static final List<String> HEADERS = List.of("指标代码", "指标名称", "单位", "上年数值", "目标值", "本期数值",
            "是否预计", "说明", "数据来源");
    static final int COL_VALUE = 5;
    static final String PROTECTION = "lantu";

    /** One row of the template. */
    record Line(String code, String name, String unit, Double lastYear, String target, String current,
                boolean estimate, String note, String source, boolean share, boolean verdict) {}

    private ExcelTemplate() {}

    static byte[] write(String plan, String unitCode, String unitName, int year, String period, List<Line> lines)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setLocked(true);
            CellStyle locked = wb.createCellStyle();
            locked.setLocked(true);
            CellStyle open = wb.createCellStyle();
            open.setLocked(false);
            open.setBorderBottom(BorderStyle.THIN);
            open.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            open.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            XSSFSheet sheet = wb.createSheet(SHEET);
            Row h = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                var cell = h.createCell(c);
                cell.setCellValue(HEADERS.get(c));
                cell.setCellStyle(header);
            }
            DataValidationHelper dv = sheet.getDataValidationHelper();
            int r = 1;
            for (Line l : lines) {
                Row row = sheet.createRow(r);
                text(row, 0, l.code(), locked);
                text(row, 1, l.name(), locked);
                text(row, 2, l.unit(), locked);
                var last = row.createCell(3);
                last.setCellStyle(locked);
                if (l.lastYear() != null) {
                    last.setCellValue(l.lastYear());
                }
                text(row, 4, l.target(), locked);
                var value = row.createCell(COL_VALUE);
                value.setCellStyle(open);
                if (l.current() != null) {
                    try {
                        value.setCellValue(Double.parseDouble(l.current()));
                    } catch (NumberFormatException e) {
                        value.setCellValue(l.current());
                    }
                }
                text(row, 6, l.estimate() ? "是" : "否", open);
                text(row, 7, l.note(), open);
                text(row, 8, l.source(), open);
                CellRangeAddressList at = new CellRangeAddressList(r, r, COL_VALUE, COL_VALUE);
                DataValidationConstraint constraint;
                if (l.verdict()) {
                    constraint = dv.createExplicitListConstraint(new String[] {"完成", "未完成"});
                } else if (l.share()) {
                    constraint = dv.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0",
                            "‰".equals(l.unit()) ? "1000" : "100");
                } else {
                    constraint = dv.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                            "-1000000000000", "1000000000000");
                }
                DataValidation validation = dv.createValidation(constraint, at);
                validation.setShowErrorBox(true);
                validation.createErrorBox("数值有误", l.share() ? "比重应在0–100之间" : "请填写数字");
                sheet.addValidationData(validation);
                r++;
            }
            if (r > 1) {
                DataValidation yesNo = dv.createValidation(dv.createExplicitListConstraint(new String[] {"是", "否"}),
                        new CellRangeAddressList(1, r - 1, 6, 6));
                yesNo.setShowErrorBox(true);
                sheet.addValidationData(yesNo);
            }
            int[] widths = {12, 40, 10, 12, 16, 14, 10, 30, 24};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(2, 1);
            sheet.protectSheet(PROTECTION);

            XSSFSheet meta = wb.createSheet(META);
            String[][] info = {{"规划", plan}, {"单位代码", unitCode}, {"单位名称", unitName},
                    {"年度", String.valueOf(year)}, {"期间", cn.lantu.web.Formats.periodZh(period)},
                    {"说明", "只填写“填报”表中黄色单元格；不要使用公式；上传后数据保存为草稿，需在系统中提交。"}};
            for (int i = 0; i < info.length; i++) {
                Row row = meta.createRow(i);
                text(row, 0, info[i][0], locked);
                text(row, 1, info[i][1], locked);
            }
            meta.setColumnWidth(0, 12 * 256);
            meta.setColumnWidth(1, 60 * 256);
            meta.protectSheet(PROTECTION);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void text(Row row, int col, String s, CellStyle style) {
        var cell = row.createCell(col);
        cell.setCellStyle(style);
        if (s != null) {
            cell.setCellValue(s);
        }
    }
}
