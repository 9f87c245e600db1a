package cn.lantu.org;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Org units by name instead of code, for pages, exports and messages ({@code ${@orgNames.name(plan.id, code)}},
 * {@code ${@orgNames.names(plan.id, task.townCodes)}}): a person reads 店口镇, never DIANKOU. The names of a plan
 * are kept for a few seconds, so a page with many rows costs one query and a renamed unit shows at once after.
 */
@Component("orgNames")
public class OrgNames {

    private static final long TTL_MILLIS = 5_000;

    private record Cached(long at, Map<String, String> names) {}

    private final JdbcClient jdbc;
    private final OrgRepository org;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    public OrgNames(JdbcClient jdbc, OrgRepository org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    /** The departments, then the towns, of a plan, for choosing a unit by name. */
    public java.util.List<OrgUnit> units(Long planId) {
        if (planId == null) {
            return java.util.List.of();
        }
        java.util.List<OrgUnit> out = new java.util.ArrayList<>(org.findByType(planId, OrgUnit.Type.DEPARTMENT));
        out.addAll(org.findByType(planId, OrgUnit.Type.TOWN));
        return out;
    }

    /** The unit's name, or the code itself when no unit of the plan has it. */
    public String name(Long planId, String code) {
        if (code == null) {
            return null;
        }
        if (planId == null) {
            return code;
        }
        return names(planId).getOrDefault(code, code);
    }

    /** The names of the units, joined with 、 (empty when there are none). */
    public String names(Long planId, Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return "";
        }
        // the list separator of the reader's language (、 in Chinese, a comma in English)
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return codes.stream().map(c -> name(planId, c)).collect(Collectors.joining(english ? ", " : "、"));
    }

    private Map<String, String> names(long planId) {
        long now = System.currentTimeMillis();
        Cached c = cache.get(planId);
        if (c == null || now - c.at() > TTL_MILLIS) {
            Map<String, String> m = new ConcurrentHashMap<>();
            jdbc.sql("SELECT code, name FROM org_unit WHERE plan_id = ?").param(planId)
                    .query((rs, n) -> m.put(rs.getString(1), rs.getString(2))).list();
            c = new Cached(now, m);
            cache.put(planId, c);
        }
        return c.names();
    }
}
