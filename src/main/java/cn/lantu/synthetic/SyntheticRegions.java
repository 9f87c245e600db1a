package cn.lantu.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The synthetic regions of the generated plans: plan {@code i} is county {@code i % 10} of city {@code (i % 90) / 10}
 * of province {@code i / 90}, so 90 plans fill one province and 2,800 plans fill 32 provinces.
 */
final class SyntheticRegions {

    static final String COUNTRY = "000000";

    private SyntheticRegions() {
    }

    static String provinceCode(int i) {
        return String.format("SP%02d", i / 90);
    }

    static String cityCode(int i) {
        return provinceCode(i) + String.format("C%d", (i % 90) / 10);
    }

    static String countyCode(int i) {
        return cityCode(i) + String.format("K%d", i % 10);
    }

    /** Inserts the missing synthetic regions of the plans to generate, in one batch before the workers start. */
    static void ensure(JdbcClient jdbc, JdbcTemplate template, SyntheticGenerator.Options o) {
        java.util.Set<String> existing = new java.util.HashSet<>(jdbc.sql("SELECT code FROM region")
                .query(String.class).list());
        Map<String, Object[]> rows = new LinkedHashMap<>();
        for (int k = 0; k < o.plans(); k++) {
            int i = o.firstIndex() + k;
            rows.putIfAbsent(provinceCode(i), new Object[] {provinceCode(i), "合成省" + provinceCode(i).substring(2),
                "PROVINCE", COUNTRY});
            rows.putIfAbsent(cityCode(i), new Object[] {cityCode(i), "合成市" + cityCode(i).substring(2), "CITY",
                provinceCode(i)});
            rows.putIfAbsent(countyCode(i), new Object[] {countyCode(i), "合成县" + String.format("%04d", i), "COUNTY",
                cityCode(i)});
        }
        rows.keySet().removeAll(existing);
        template.batchUpdate("INSERT INTO region (code, name, region_level, parent_code, synthetic) "
                + "VALUES (?, ?, ?, ?, TRUE)", new ArrayList<>(rows.values()));
    }
}
