package cn.lantu.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The region table (V6__scale.sql) and the region scope of users (app_user.region_code). */
@Repository
public class RegionRepository {

    private final JdbcClient jdbc;

    public RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Region> all() {
        Map<String, Region> out = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name, region_level, parent_code, synthetic FROM region ORDER BY code")
                .query((rs, n) -> new Region(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5))).list().forEach(r -> out.put(r.code(), r));
        return out;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(all().get(code));
    }

    /** True when {@code code} is {@code ancestor} or lies under it. */
    public static boolean within(Map<String, Region> regions, String code, String ancestor) {
        String c = code;
        for (int guard = 0; c != null && guard < 10; guard++) {
            if (c.equals(ancestor)) {
                return true;
            }
            Region r = regions.get(c);
            c = r == null ? null : r.parentCode();
        }
        return false;
    }

    /** The counties at or under {@code code}. */
    public static List<Region> counties(Map<String, Region> regions, String code) {
        List<Region> out = new ArrayList<>();
        for (Region r : regions.values()) {
            if ("COUNTY".equals(r.level()) && within(regions, r.code(), code)) {
                out.add(r);
            }
        }
        return out;
    }

    /** A user's region scope (null: none set). */
    public String userRegion(String username) {
        return jdbc.sql("SELECT region_code FROM app_user WHERE username = ?").param(username).query(String.class)
                .optional().orElse(null);
    }

    public void setUserRegion(String username, String regionCode) {
        jdbc.sql("UPDATE app_user SET region_code = ? WHERE username = ?").params(regionCode, username).update();
    }

    /** The region code of the plan the user's org unit belongs to (a county user's own plan), if any. */
    public String userPlanRegion(String username) {
        return jdbc.sql("""
                SELECT p.region_code FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id JOIN plan p ON p.id = o.plan_id
                 WHERE u.username = ?""").param(username).query(String.class).optional().orElse(null);
    }
}
