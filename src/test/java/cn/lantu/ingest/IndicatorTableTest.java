package cn.lantu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Table 1 of the Zhuji outline: every row, checked against expectations and against the shipped package. */
class IndicatorTableTest {

    static Extraction x;
    static Map<String, ExtractedIndicator> byCode;

    @BeforeAll
    static void extract() {
        x = new OutlineExtractor().codePrefix("ZJ").extract(IngestTestSupport.zhujiOutline());
        byCode = x.indicators().stream().collect(Collectors.toMap(ExtractedIndicator::code, i -> i));
    }

    /** code, base value, target value, markers, attribute, base year, comparator, horizon, kind. */
    static final Object[][] EXPECTED = {
        {"ZJ01", 6.5, 6.5, "", "ANTICIPATORY", 2025, "ABOUT", "ANNUAL", "GROWTH"},
        {"ZJ02", 4.7, 6.0, "STAR", "ANTICIPATORY", 2024, "ABOUT", "ANNUAL", "GROWTH"},
        {"ZJ03", 66.9, 70.0, "STAR", "ANTICIPATORY", 2024, "AT_LEAST", "TARGET_YEAR", "LEVEL"},
        {"ZJ04", null, null, "", "ANTICIPATORY", 2025, "AT_LEAST", "ANNUAL", "STABLE"},
        {"ZJ05", 4.2, 16.4, "STAR,CUMULATIVE", "ANTICIPATORY", 2024, "AT_LEAST", "PERIOD", "DECLINE"},
        {"ZJ06", 8.5, 9.0, "STAR", "ANTICIPATORY", 2024, "EXACT", "ANNUAL", "GROWTH"},
        {"ZJ07", 14.0, 8.0, "STAR", "ANTICIPATORY", 2024, "AT_LEAST", "ANNUAL", "GROWTH"},
        {"ZJ08", 17.5, 25.0, "", "ANTICIPATORY", 2025, "AT_LEAST", "TARGET_YEAR", "LEVEL"},
        {"ZJ09", 5.7, 8.0, "", "ANTICIPATORY", 2025, "AT_LEAST", "TARGET_YEAR", "LEVEL"},
        {"ZJ10", 46.3, 48.0, "", "ANTICIPATORY", 2025, "ABOUT", "TARGET_YEAR", "LEVEL"},
        {"ZJ11", null, null, "", "ANTICIPATORY", 2025, "AT_LEAST", "ANNUAL", "RELATIONAL"},
        {"ZJ12A", 4.4, 4.6, "STAR", "ANTICIPATORY", 2024, "AT_LEAST", "TARGET_YEAR", "LEVEL"},
        {"ZJ12B", 4.7, 5.3, "STAR", "ANTICIPATORY", 2024, "AT_LEAST", "TARGET_YEAR", "LEVEL"},
        {"ZJ13", 64.86, 75.0, "", "ANTICIPATORY", 2025, "AT_LEAST", "TARGET_YEAR", "LEVEL"},
        {"ZJ14", null, 5.0, "CUMULATIVE", "ANTICIPATORY", 2025, "AT_LEAST", "PERIOD", "LEVEL"},
        {"ZJ15", 82.13, 82.7, "ESTIMATE", "ANTICIPATORY", 2025, "AT_LEAST", "TARGET_YEAR", "LEVEL"},
        {"ZJ16", 1.55, 1.53, "", "ANTICIPATORY", 2025, "ABOUT", "TARGET_YEAR", "LEVEL"},
        {"ZJ17", 7.9, 8.0, "ESTIMATE", "ANTICIPATORY", 2025, "AT_LEAST", "TARGET_YEAR", "LEVEL"},
        {"ZJ18", 1.64, 7.0, "CUMULATIVE", "ANTICIPATORY", 2025, "AT_LEAST", "PERIOD", "CUMULATIVE"},
        {"ZJ19", 59.6, 80.0, "", "ANTICIPATORY", 2025, "AT_LEAST", "TARGET_YEAR", "LEVEL"},
        {"ZJ20", null, null, "", "BINDING", 2025, "AT_MOST", "TARGET_YEAR", "ASSIGNED"},
        {"ZJ21", null, null, "", "BINDING", 2025, "AT_MOST", "TARGET_YEAR", "ASSIGNED"},
        {"ZJ22", 100.0, 100.0, "", "BINDING", 2025, "AT_LEAST", "TARGET_YEAR", "FLOOR"},
        {"ZJ23", 55.96, 56.0, "STAR", "BINDING", 2024, "AT_LEAST", "TARGET_YEAR", "FLOOR"},
        {"ZJ24", 38.3, 14.0, "CUMULATIVE", "BINDING", 2025, "AT_LEAST", "PERIOD", "DECLINE"},
        {"ZJ25", 140.67, 300.0, "", "ANTICIPATORY", 2025, "AT_LEAST", "TARGET_YEAR", "LEVEL"},
        {"ZJ26", 42700.0, 42700.0, "", "BINDING", 2025, "AT_LEAST", "TARGET_YEAR", "FLOOR"},
    };

    @Test
    void twentySevenValueRowsTwentySixNumbers() {
        assertThat(x.indicators()).hasSize(27);
        assertThat(x.indicators().stream().map(ExtractedIndicator::tableNumber).distinct()).hasSize(26);
        assertThat(x.indicators()).extracting(ExtractedIndicator::tableRow)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 27).boxed().toList());
    }

    @Test
    void everyRowAsExpected() {
        for (Object[] e : EXPECTED) {
            ExtractedIndicator i = byCode.get((String) e[0]);
            assertThat(i).as((String) e[0]).isNotNull();
            assertThat(i.baseValue()).as(e[0] + " base").isEqualTo(e[1]);
            assertThat(i.targetValue()).as(e[0] + " target").isEqualTo(e[2]);
            assertThat(String.join(",", i.markers())).as(e[0] + " markers").isEqualTo(e[3]);
            assertThat(i.attribute()).as(e[0] + " attribute").isEqualTo(e[4]);
            assertThat(i.baseYear()).as(e[0] + " base year").isEqualTo(e[5]);
            assertThat(i.comparator()).as(e[0] + " comparator").isEqualTo(e[6]);
            assertThat(i.targetHorizon()).as(e[0] + " horizon").isEqualTo(e[7]);
            assertThat(i.kind()).as(e[0] + " kind").isEqualTo(e[8]);
            assertThat(i.targetYear()).isEqualTo(2030);
            assertThat(x.text().substring(i.start(), i.end()).strip()).isEqualTo(i.sourceText());
        }
        assertThat(byCode.get("ZJ12A").name()).isEqualTo("每千人拥有执业医师（助理）数");
        assertThat(byCode.get("ZJ12B").subItem()).isEqualTo("注册护士数");
        assertThat(byCode.get("ZJ21").name()).isEqualTo("细颗粒物（PM2.5）平均浓度");
        assertThat(byCode.get("ZJ21").unit()).isEqualTo("微克/立方米");
        assertThat(byCode.get("ZJ11").relatedIndicator()).isEqualTo("ZJ01");
        assertThat(byCode.get("ZJ26").category()).isEqualTo("SECURITY");
        assertThat(byCode.get("ZJ17").category()).isEqualTo("WELLBEING");
        assertThat(byCode.get("ZJ15").baseVerbatim()).isEqualTo("预计 82.13");
        assertThat(byCode.get("ZJ05").rateVerbatim()).isEqualTo("[16.4]");
    }

    @Test
    void sameAsTheShippedPackage() throws Exception {
        JsonNode shipped = YAMLMapper.builder().build().readTree(Files.readString(
                IngestTestSupport.projectRoot().resolve("src/main/resources/plans/zhuji-15th/indicators.yaml")));
        List<String> diffs = new ArrayList<>();
        int rows = 0;
        for (JsonNode s : shipped) {
            if (s.get("tableNumber").isNull()) {
                continue;
            }
            rows++;
            String code = s.get("code").asString();
            ExtractedIndicator i = byCode.get(code);
            if (i == null) {
                diffs.add(code + " missing");
                continue;
            }
            check(diffs, code, "tableNumber", s, i.tableNumber());
            check(diffs, code, "tableRow", s, i.tableRow());
            check(diffs, code, "subItem", s, i.subItem());
            check(diffs, code, "name", s, i.name());
            check(diffs, code, "unit", s, i.unit());
            check(diffs, code, "category", s, i.category());
            check(diffs, code, "attribute", s, i.attribute());
            check(diffs, code, "kind", s, i.kind());
            check(diffs, code, "path", s, i.path());
            check(diffs, code, "direction", s, i.direction());
            check(diffs, code, "comparator", s, i.comparator());
            check(diffs, code, "band", s, i.band());
            check(diffs, code, "baseYear", s, i.baseYear());
            check(diffs, code, "baseValue", s, i.baseValue());
            check(diffs, code, "baseStatus", s, i.baseStatus());
            check(diffs, code, "baseRole", s, i.baseRole());
            check(diffs, code, "markers", s, i.markers());
            check(diffs, code, "targetYear", s, i.targetYear());
            check(diffs, code, "targetValue", s, i.targetValue());
            check(diffs, code, "targetHorizon", s, i.targetHorizon());
            check(diffs, code, "baseVerbatim", s, i.baseVerbatim());
            check(diffs, code, "targetVerbatim", s, i.targetVerbatim());
            check(diffs, code, "rateVerbatim", s, i.rateVerbatim());
            check(diffs, code, "attributeVerbatim", s, i.attributeVerbatim());
            check(diffs, code, "relatedIndicator", s, i.relatedIndicator());
            check(diffs, code, "sourceText", s, i.sourceText());
        }
        assertThat(rows).isEqualTo(27);
        assertThat(diffs).isEmpty();
    }

    private static void check(List<String> diffs, String code, String field, JsonNode s, Object actual) {
        JsonNode v = s.get(field);
        Object expected;
        if (v == null || v.isNull()) {
            expected = null;
        } else if (v.isNumber()) {
            expected = v.asDouble();
            actual = actual == null ? null : ((Number) actual).doubleValue();
        } else if (v.isArray()) {
            List<String> l = new ArrayList<>();
            v.forEach(e -> l.add(e.asString()));
            expected = l;
        } else {
            expected = v.asString();
            if (actual instanceof Number n) {
                actual = n.toString();
            }
        }
        if (expected == null ? actual != null : !expected.equals(actual)) {
            diffs.add(code + "." + field + ": expected " + expected + " but was " + actual);
        }
    }
}
