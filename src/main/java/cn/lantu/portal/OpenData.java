package cn.lantu.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.lantu.assessment.Assessment;
import cn.lantu.assessment.Observation;
import cn.lantu.indicator.Indicator;
import cn.lantu.monitoring.TargetChange;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open data for one published indicator: its metadata (unit, definition, source, attribute, base, target), its
 * approved yearly figures and its status, as CSV (UTF-8 with BOM, for Excel), XLSX and JSON.
 */
record OpenData(String plan, Indicator indicator, List<Observation> figures, Assessment assessment, boolean demo,
                TargetChange targetChange) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> HEADERS = List.of("指标编码", "指标名称", "单位", "属性", "指标类型", "基期年", "基期值",
            "目标年", "目标值", "调整后目标值", "调整生效年份", "年份", "数值", "是否预计数", "评估状态", "数据说明");

    List<List<String>> rows() {
        List<List<String>> out = new ArrayList<>();
        Indicator i = indicator;
        String note = demo ? "演示数据（系统生成，非真实统计数据）" : "经审核的正式数据";
        List<Observation> list = figures.isEmpty() ? java.util.Collections.singletonList(null) : figures;
        for (Observation o : list) {
            out.add(List.of(i.code(), i.name(), i.unit(), i.attribute().label(), i.kind().label(),
                    String.valueOf(i.baseYear()), s(i.baseValue()), String.valueOf(i.targetYear()), s(i.targetValue()),
                    targetChange == null ? "" : s(targetChange.revised()),
                    targetChange == null || targetChange.fromYear() == null ? "" : String.valueOf(targetChange.fromYear()),
                    o == null ? "" : String.valueOf(o.year()),
                    o == null ? "" : o.value() != null ? s(o.value()) : o.verdict() == null ? "" : o.verdict().label(),
                    o == null ? "" : o.estimate() ? "是" : "否", assessment.status().label(), note));
        }
        return out;
    }

    byte[] csv() {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", HEADERS)).append("\r\n");
        for (List<String> r : rows()) {
            List<String> cells = new ArrayList<>();
            for (String c : r) {
                cells.add(c.contains(",") || c.contains("\"") || c.contains("\n")
                        ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
            }
            sb.append(String.join(",", cells)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("数据");
            Row h = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                h.createCell(c).setCellValue(HEADERS.get(c));
            }
            int r = 1;
            for (List<String> row : rows()) {
                Row x = sheet.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    x.createCell(c).setCellValue(row.get(c));
                }
            }
            Sheet meta = wb.createSheet("说明");
            int m = 0;
            for (Map.Entry<String, String> e : metadataText().entrySet()) {
                Row x = meta.createRow(m++);
                x.createCell(0).setCellValue(e.getKey());
                x.createCell(1).setCellValue(String.valueOf(e.getValue()));
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("metadata", metadata());
        List<Map<String, Object>> data = new ArrayList<>();
        for (Observation o : figures) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("year", o.year());
            d.put("value", o.value());
            d.put("verdict", o.verdict() == null ? null : o.verdict().name());
            d.put("estimate", o.estimate());
            data.add(d);
        }
        doc.put("figures", data);
        doc.put("status", assessment.status().name());
        doc.put("statusLabel", assessment.status().label());
        doc.put("explanation", assessment.explanation());
        return JSON.writeValueAsBytes(doc);
    }

    Map<String, Object> metadata() {
        Indicator i = indicator;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plan", plan);
        m.put("code", i.code());
        m.put("name", i.name());
        m.put("unit", i.unit());
        m.put("attribute", i.attribute().name());
        m.put("kind", i.kind().name());
        m.put("definition", i.sourceText());
        m.put("source", "规划纲要；数据由牵头部门报送，经规划办审核");
        m.put("baseYear", i.baseYear());
        m.put("baseValue", i.baseValue());
        m.put("targetYear", i.targetYear());
        m.put("targetValue", i.targetValue());
        m.put("revisedTargetValue", targetChange == null ? null : targetChange.revised());
        m.put("revisedFromYear", targetChange == null ? null : targetChange.fromYear());
        m.put("revisionDocument", targetChange == null ? null : targetChange.document());
        m.put("targetChange", targetChange == null ? null : targetChange.text());
        m.put("demo", demo);
        return m;
    }

    /** The metadata as a person reads it (sheet 说明 of the .xlsx): Chinese names, labels, no codes or booleans. */
    Map<String, String> metadataText() {
        Indicator i = indicator;
        Map<String, String> m = new LinkedHashMap<>();
        m.put("规划", plan);
        m.put("指标编码", i.code());
        m.put("指标名称", i.name());
        m.put("单位", i.unit());
        m.put("属性", i.attribute().label());
        m.put("指标类型", i.kind().label());
        m.put("纲要原文", i.sourceText());
        m.put("数据来源", "规划纲要；数据由牵头部门报送，经规划办审核");
        m.put("基期年", String.valueOf(i.baseYear()));
        m.put("基期值", s(i.baseValue()));
        m.put("目标年", String.valueOf(i.targetYear()));
        m.put("目标值", s(i.targetValue()));
        if (targetChange != null) {
            m.put("目标调整", targetChange.text() + "，理由：" + targetChange.reason());
        }
        m.put("数据性质", demo ? "演示数据（系统生成，非真实统计数据）" : "经审核的正式数据");
        return m;
    }

    static byte[] zip(List<OpenData> all) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (OpenData d : all) {
                for (String ext : List.of("csv", "json")) {
                    zip.putNextEntry(new ZipEntry(d.indicator().code() + "." + ext));
                    zip.write(ext.equals("csv") ? d.csv() : d.json());
                    zip.closeEntry();
                }
            }
            zip.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String s(Double v) {
        return v == null ? "" : new java.math.BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }
}
