package cn.lantu.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/** The roll-up API and page on the Zhuji plan, and its server-side region scope. */
@LantuTest
class RegionRollupAccessTest {

    static final String PW = "rollup-pass-123456";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired RegionRepository regions;
    @Autowired JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void provinceUserSeesItsCountiesCountyUserOnlyItsOwn() {
        String suffix = Long.toString(System.nanoTime(), 36);
        long zhujiUnit = jdbc.sql("SELECT o.id FROM org_unit o JOIN plan p ON p.id = o.plan_id WHERE p.code = 'zhuji-15th' "
                + "AND o.unit_type = 'DEPARTMENT' ORDER BY o.ordinal").query(Long.class).list().get(0);
        String province = "prov" + suffix;
        users.createUser(province, "省发改委", PW, Role.LEADER, null);
        regions.setUserRegion(province, "330000");
        String county = "cnty" + suffix;
        users.createUser(county, "县填报员", PW, Role.REPORTER, zhujiUnit);
        String other = "othr" + suffix;
        users.createUser(other, "外省", PW, Role.LEADER, null);
        regions.setUserRegion(other, "330600"); // the city: sees Zhuji, not the province

        Map<String, Object> body = Http.basic(port, province, PW).getMap("/api/v1/regions/330000/rollup?year=2026");
        List<Map<String, Object>> counties = (List<Map<String, Object>>) body.get("counties");
        // other tests in this context may load copies of the Zhuji package (same county): only real plans count
        assertThat(counties).extracting(c -> c.get("planCode")).contains("zhuji-15th")
                .allMatch(c -> c.equals("zhuji-15th") || String.valueOf(c).startsWith("second-plan-"));
        Map<String, Object> zhuji = counties.stream().filter(c -> "zhuji-15th".equals(c.get("planCode")))
                .findFirst().orElseThrow();
        Map<String, Object> counts = (Map<String, Object>) zhuji.get("statusCounts");
        int sum = counts.values().stream().mapToInt(v -> ((Number) v).intValue()).sum();
        assertThat(sum).isEqualTo(((Number) zhuji.get("headline")).intValue()).isPositive();
        assertThat(((Map<String, Object>) zhuji.get("investment")).get("planned")).isNotNull();

        // county user: its own county only
        assertThat(Http.basic(port, county, PW).status("/api/v1/regions/330681/rollup?year=2026")).isEqualTo(200);
        assertThat(Http.basic(port, county, PW).status("/api/v1/regions/330000/rollup?year=2026")).isEqualTo(403);
        assertThat(Http.basic(port, county, PW).status("/api/v1/regions/330600/rollup?year=2026")).isEqualTo(403);
        // city user: not the province above it
        assertThat(Http.basic(port, other, PW).status("/api/v1/regions/330600/rollup?year=2026")).isEqualTo(200);
        assertThat(Http.basic(port, other, PW).status("/api/v1/regions/330000/rollup?year=2026")).isEqualTo(403);
        // admin without scope: everything; unknown region 404; anonymous 401
        assertThat(Http.admin(port).status("/api/v1/regions/000000/rollup?year=2026")).isEqualTo(200);
        assertThat(Http.admin(port).status("/api/v1/regions/nope/rollup")).isEqualTo(404);
        assertThat(Http.anonymous(port).status("/api/v1/regions/330000/rollup")).isEqualTo(401);

        // the page
        var page = Http.session(port, province, PW).get("/regions/330000?year=2026");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("诸暨市").contains("rollup-counties");
        assertThat(Http.session(port, county, PW).get("/regions/330000").statusCode()).isEqualTo(403);
    }
}
