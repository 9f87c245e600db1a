package cn.lantu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.LantuTest;
import cn.lantu.support.Http;

/**
 * Every row of Table 1 as served by the API is compared with the outline text itself. The expected values are
 * read here from the tab-separated table in outline.md, never from the plan package, so a mistake in the
 * package cannot hide.
 */
@LantuTest
class Table1AgainstOutlineTest {

    /** One value row of the printed table: its number (inherited by sub-rows) and its last five cells. */
    record OutlineRow(int number, String name, String base, String target, String rate, String attribute) {}

    static List<OutlineRow> outlineRows;

    @LocalServerPort int port;

    @BeforeAll
    static void readTableFromOutline() throws IOException {
        String text;
        try (InputStream in = Table1AgainstOutlineTest.class.getResourceAsStream("/plans/zhuji-15th/outline.md")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String table = text.substring(text.indexOf("表 1 诸暨市"), text.indexOf("注：1. [ ]为 5 年累计数"));
        outlineRows = new ArrayList<>();
        int number = 0;
        for (String line : table.split("\n")) {
            List<String> cells = new ArrayList<>();
            for (String c : line.split("\t")) {
                if (!c.isBlank()) {
                    cells.add(c.trim());
                }
            }
            if (cells.size() < 5 || cells.contains("序号")) {
                continue; // title, blank or (repeated) header line
            }
            String attribute = cells.get(cells.size() - 1);
            if (!attribute.equals("预期性") && !attribute.equals("约束性")) {
                continue;
            }
            int n = cells.size();
            for (String c : cells.subList(0, n - 4)) {
                if (c.matches("\\d+")) {
                    number = Integer.parseInt(c);
                }
            }
            outlineRows.add(new OutlineRow(number, cells.get(n - 5), cells.get(n - 4), cells.get(n - 3),
                    cells.get(n - 2), attribute));
        }
    }

    List<Map<String, Object>> apiRows() {
        return Http.admin(port).getList("/api/v1/plans/zhuji-15th/indicators?tableOnly=true");
    }

    @Test
    void theOutlineHas26NumberedItemsIn27ValueRows() {
        assertThat(outlineRows).hasSize(27);
        assertThat(outlineRows.stream().map(OutlineRow::number).distinct()).hasSize(26);
    }

    @Test
    void everyRowMatchesTheOutline() {
        List<Map<String, Object>> api = apiRows();
        assertThat(api).hasSize(27);
        for (int k = 0; k < 27; k++) {
            OutlineRow expected = outlineRows.get(k);
            Map<String, Object> row = api.get(k);
            String where = "row " + (k + 1) + " (" + expected.name() + ")";
            assertThat(row.get("tableNumber")).as(where).isEqualTo(expected.number());
            assertThat(norm(row.get("baseVerbatim"))).as(where + " base").isEqualTo(norm(expected.base()));
            assertThat(norm(row.get("targetVerbatim"))).as(where + " target").isEqualTo(norm(expected.target()));
            assertThat(norm(row.get("rateVerbatim"))).as(where + " rate").isEqualTo(norm(expected.rate()));
            assertThat(row.get("attribute")).as(where + " attribute")
                    .isEqualTo(expected.attribute().equals("约束性") ? "BINDING" : "ANTICIPATORY");
            checkMarkersAndNumbers(where, expected, row);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    @SuppressWarnings("unchecked")
    private void checkMarkersAndNumbers(String where, OutlineRow expected, Map<String, Object> row) {
        List<String> markers = (List<String>) row.get("markers");
        String base = expected.base();
        if (base.endsWith("*")) {
            assertThat(markers).as(where + " star").contains("STAR");
            assertThat(row.get("baseYear")).as(where + " starred base is a 2024 actual").isEqualTo(2024);
        } else {
            assertThat(markers).as(where + " no star").doesNotContain("STAR");
        }
        if (base.startsWith("预计")) {
            assertThat(markers).as(where + " estimate").contains("ESTIMATE");
            assertThat(row.get("baseStatus")).isEqualTo("ESTIMATE");
        }
        if (expected.rate().startsWith("[")) {
            assertThat(markers).as(where + " five-year cumulative").contains("CUMULATIVE");
            assertThat(row.get("targetHorizon")).isEqualTo("PERIOD");
            assertThat(number(row.get("targetValue"))).as(where + " cumulative target")
                    .isEqualTo(firstNumber(expected.rate()));
        }
        Matcher m = NUMBER.matcher(base);
        if (m.find() && !base.startsWith("[")) {
            assertThat(number(row.get("baseValue"))).as(where + " base value").isEqualTo(Double.parseDouble(m.group()));
        }
        if (!expected.target().equals("—") && NUMBER.matcher(expected.target()).find()) {
            assertThat(number(row.get("targetValue"))).as(where + " target value").isEqualTo(firstNumber(expected.target()));
            assertThat(row.get("targetYear")).isEqualTo(2030);
            assertComparator(where, expected.target(), row);
        } else if (!expected.rate().equals("—") && !expected.rate().startsWith("[")
                && NUMBER.matcher(expected.rate()).find()) {
            assertThat(number(row.get("targetValue"))).as(where + " annual target").isEqualTo(firstNumber(expected.rate()));
            assertThat(row.get("targetHorizon")).isEqualTo("ANNUAL");
            assertComparator(where, expected.rate(), row);
        }
        if (expected.target().contains("上级") || expected.target().contains("省下达")) {
            assertThat(row.get("kind")).as(where).isEqualTo("ASSIGNED");
        }
        if (expected.rate().contains("份额稳定")) {
            assertThat(row.get("kind")).as(where).isEqualTo("STABLE");
        }
        if (expected.rate().contains("同步")) {
            assertThat(row.get("kind")).as(where).isEqualTo("RELATIONAL");
        }
    }

    private static void assertComparator(String where, String cell, Map<String, Object> row) {
        if (cell.contains("以上")) {
            assertThat(row.get("comparator")).as(where + " 以上").isEqualTo("AT_LEAST");
        } else if (cell.contains("左右")) {
            assertThat(row.get("comparator")).as(where + " 左右").isEqualTo("ABOUT");
            assertThat(row.get("band")).as(where + " band").isNotNull();
        }
    }

    private static double firstNumber(String s) {
        Matcher m = NUMBER.matcher(s);
        if (!m.find()) {
            throw new AssertionError("no number in " + s);
        }
        return Double.parseDouble(m.group());
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    private static String norm(Object s) {
        return s == null ? null : s.toString().replaceAll("\\s+", "");
    }
}
