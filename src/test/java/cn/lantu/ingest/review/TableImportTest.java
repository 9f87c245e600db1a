package cn.lantu.ingest.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A pasted or uploaded indicator table: columns by header words in any order, all or nothing. */
class TableImportTest {

    static final List<IndicatorGrid.Row> CURRENT = List.of(
            new IndicatorGrid.Row("07", "森林覆盖率", "%", "BINDING", "", "", "TARGET_YEAR", "2030", 100, 120));

    @Test
    void pastedTableWithRepeatedHeaderCategoryRowAndUnitInTheName() {
        String text = """
                表1 主要指标
                序号\t指标\t属性\t2025年\t2030年\t年均增长〔累计〕
                一、经济发展（2项）\t\t\t\t\t
                1\t地区生产总值（亿元）\t预期性\t2770\t—\t5左右
                序号\t指标\t属性\t2025年\t2030年\t年均增长〔累计〕
                2\t森林覆盖率（%）\t约束性\t22.1\t23*\t
                3\t新增城镇就业（万人）\t预期性\t—\t\t〔100〕
                """;
        TableImport.Result r = TableImport.fromText(text, CURRENT, 2030);
        assertThat(r.errors()).isEmpty();
        assertThat(r.rows()).extracting(IndicatorGrid.Row::name).containsExactly("地区生产总值", "森林覆盖率", "新增城镇就业");
        IndicatorGrid.Row gdp = r.rows().get(0);
        assertThat(gdp.unit()).isEqualTo("亿元");
        assertThat(gdp.baseValue()).isEqualTo("2770");
        assertThat(gdp.targetValue()).isEqualTo("5");
        assertThat(gdp.horizon()).isEqualTo("ANNUAL");
        assertThat(gdp.attribute()).isEqualTo("ANTICIPATORY");
        IndicatorGrid.Row forest = r.rows().get(1);
        assertThat(forest.code()).isEqualTo("07"); // the same name keeps the code (and the source line)
        assertThat(forest.start()).isEqualTo(100);
        assertThat(forest.targetValue()).isEqualTo("23");
        assertThat(forest.attribute()).isEqualTo("BINDING");
        assertThat(r.rows().get(2).horizon()).isEqualTo("PERIOD");
        assertThat(r.rows().get(2).targetValue()).isEqualTo("100");
        assertThat(r.rows().get(2).code()).isNotIn("07", gdp.code());
    }

    @Test
    void problemsAreNamedByRowAndColumnAndNothingIsTaken() {
        String text = "指标名称\t单位\t2030年目标\t属性\n人均GDP\t万元\t约20\t预期性\n\t%\t5\t\n粮食产量\t万吨\t80\t必须\n";
        TableImport.Result r = TableImport.fromText(text, List.of(), 2030);
        assertThat(r.rows()).isEmpty();
        assertThat(r.errors()).containsExactly("第 3 行“指标名称”列：指标名称为空",
                "第 4 行“属性”列：“必须”应为约束性或预期性");
        assertThat(TableImport.fromText("名称\t单位\n", List.of(), 2030).errors().get(0)).contains("目标值列");
        assertThat(TableImport.fromText("一\t二\n", List.of(), 2030).errors().get(0)).contains("表头");
        assertThat(TableImport.fromText("x".repeat(TableImport.MAX_TEXT_CHARS + 1), List.of(), 2030).errors().get(0))
                .contains("过长");
        assertThat(TableImport.fromText("指标\t2030年\n人均GDP\t高于全省\n", List.of(), 2030).errors())
                .containsExactly("第 2 行“2030年”列：“高于全省”不是数字");
    }

    @Test
    void xlsxWithColumnsInAnotherOrder() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("表1");
            String[][] cells = {{"属性", "2030年", "单位", "指标", "2025年"}, {"约束性", "1.9", "", "城乡居民收入比", "2.0"}};
            for (int i = 0; i < cells.length; i++) {
                Row row = s.createRow(i);
                for (int c = 0; c < cells[i].length; c++) {
                    row.createCell(c).setCellValue(cells[i][c]);
                }
            }
            s.getRow(1).getCell(1).setCellValue(1.9); // a number cell, as Excel has it
            wb.write(out);
            bytes = out.toByteArray();
        }
        TableImport.Result r = TableImport.fromXlsx(bytes, List.of(), 2030);
        assertThat(r.errors()).isEmpty();
        assertThat(r.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("城乡居民收入比");
            assertThat(row.baseValue()).isEqualTo("2.0");
            assertThat(row.targetValue()).isEqualTo("1.9");
            assertThat(row.targetYear()).isEqualTo("2030");
            assertThat(row.attribute()).isEqualTo("BINDING");
        });
        assertThat(TableImport.fromXlsx("not a workbook".getBytes(), List.of(), 2030).errors().get(0)).contains(".xlsx");
    }
}
