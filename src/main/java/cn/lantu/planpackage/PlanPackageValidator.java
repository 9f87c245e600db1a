package cn.lantu.planpackage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.lantu.assessment.Attribute;
import cn.lantu.assessment.Comparator;
import cn.lantu.assessment.Direction;
import cn.lantu.assessment.Kind;
import cn.lantu.assessment.Path;
import cn.lantu.indicator.Category;
import cn.lantu.indicator.Indicator;
import cn.lantu.plan.Plan;
import cn.lantu.project.Project;

/**
 * Checks a whole package before anything is written: required fields, enum values, duplicate codes,
 * references between files, and that every quote is found verbatim in the outline.
 * {@link #consistency} reports non-fatal findings (sums and counts).
 */
public final class PlanPackageValidator {

    static final Set<String> CORRECTION_KINDS =
            Set.of("JOIN_PARAGRAPH", "REPLACE", "LOST_TEXT", "MISSING_FIGURE", "TABLE_PAGE_BREAK", "REMOVE");
    static final Set<String> FREQUENCIES = Set.of("ANNUAL", "QUARTERLY", "MONTHLY");
    static final Set<String> BREAKDOWNS = Set.of("NONE", "SUM", "AVERAGE", "CITY_SEPARATE");
    static final Set<String> HORIZONS = Set.of("TARGET_YEAR", "ANNUAL", "PERIOD");
    static final Set<String> BASE_ROLES = Set.of("LEVEL", "RATE", "PREVIOUS_PLAN_TOTAL", "NONE");
    static final Set<String> MARKERS = Set.of("STAR", "ESTIMATE", "CUMULATIVE");

    private PlanPackageValidator() {}

    /** Returns every error found; an empty list means the package can be loaded. */
    public static List<String> validate(PlanPackage p) {
        List<String> e = new ArrayList<>();
        String outline = p.outline() == null ? "" : p.outline();
        validatePlan(p.plan(), e);

        for (PlanPackage.CorrectionDef c : nn(p.corrections())) {
            String at = "corrections.yaml: " + (c.id() == null ? "item without id" : c.id());
            require(e, at, "id", c.id());
            oneOf(e, at, "kind", c.kind(), CORRECTION_KINDS);
            require(e, at, "note", c.note());
            if (c.find() != null && !outline.contains(c.find())) {
                e.add(at + ": 'find' text not found in the outline: " + c.find());
            }
        }
        duplicates(e, "corrections.yaml", nn(p.corrections()), PlanPackage.CorrectionDef::id);

        Set<String> codes = new HashSet<>();
        for (PlanPackage.IndicatorDef i : nn(p.indicators())) {
            String at = "indicators.yaml: " + (i.code() == null ? "item without code (" + i.name() + ")" : i.code());
            require(e, at, "code", i.code());
            require(e, at, "name", i.name());
            if (i.unit() == null) {
                e.add(at + ": missing field 'unit' (use \"\" for a pure number)");
            }
            enumValue(e, at, "category", i.category(), Category.class, true);
            enumValue(e, at, "attribute", i.attribute(), Attribute.class, true);
            boolean kindOk = enumValue(e, at, "kind", i.kind(), Kind.class, true);
            enumValue(e, at, "path", i.path(), Path.class, false);
            enumValue(e, at, "direction", i.direction(), Direction.class, true);
            enumValue(e, at, "comparator", i.comparator(), Comparator.class, true);
            enumValue(e, at, "baseStatus", i.baseStatus(), Indicator.BaseStatus.class, true);
            if (i.baseRole() != null) {
                oneOf(e, at, "baseRole", i.baseRole(), BASE_ROLES);
            }
            oneOf(e, at, "targetHorizon", i.targetHorizon(), HORIZONS);
            for (String m : nn(i.markers())) {
                oneOf(e, at, "markers", m, MARKERS);
            }
            require(e, at, "baseYear", i.baseYear());
            require(e, at, "targetYear", i.targetYear());
            if (kindOk) {
                Kind kind = Kind.valueOf(i.kind());
                boolean needsTarget = kind != Kind.ASSIGNED && kind != Kind.QUALITATIVE && kind != Kind.STABLE
                        && kind != Kind.RELATIONAL;
                if (needsTarget && i.targetValue() == null) {
                    e.add(at + ": missing field 'targetValue' (required for kind " + kind + ")");
                }
                if ("GIVEN".equals(i.baseStatus()) && i.baseValue() == null
                        && (kind == Kind.LEVEL || kind == Kind.FLOOR)) {
                    e.add(at + ": baseStatus GIVEN but no 'baseValue'");
                }
                if (kind == Kind.RELATIONAL && i.relatedIndicator() == null) {
                    e.add(at + ": kind RELATIONAL needs 'relatedIndicator'");
                }
            }
            if ("ABOUT".equals(i.comparator()) && i.band() == null) {
                e.add(at + ": comparator ABOUT needs a 'band'");
            }
            if (i.band() != null && i.band() < 0) {
                e.add(at + ": 'band' must not be negative");
            }
            if (i.tableNumber() != null && i.tableNumber() <= 0) {
                e.add(at + ": 'tableNumber' must be positive");
            }
            if (i.sourceQuote() != null && !outline.contains(i.sourceQuote())) {
                e.add(at + ": 'sourceQuote' not found verbatim in the outline: " + i.sourceQuote());
            }
            if (i.code() != null) {
                codes.add(i.code());
            }
        }
        duplicates(e, "indicators.yaml", nn(p.indicators()), PlanPackage.IndicatorDef::code);
        for (PlanPackage.IndicatorDef i : nn(p.indicators())) {
            if (i.relatedIndicator() != null && !codes.contains(i.relatedIndicator())) {
                e.add("indicators.yaml: " + i.code() + ": 'relatedIndicator' " + i.relatedIndicator() + " is not an indicator code");
            }
        }

        Set<String> departments = new HashSet<>();
        Set<String> towns = new HashSet<>();
        List<PlanPackage.UnitDef> allUnits = new ArrayList<>();
        if (p.org() == null) {
            e.add("org.yaml: missing");
        } else {
            require(e, "org.yaml: city", "city", p.org().city());
            if (p.org().city() != null) {
                allUnits.add(p.org().city());
            }
            units(e, "departments", p.org().departments(), outline, allUnits, departments);
            units(e, "towns", p.org().towns(), outline, allUnits, towns);
            units(e, "areas", p.org().areas(), outline, allUnits, new HashSet<>());
            for (PlanPackage.UnitDef a : nn(p.org().areas())) {
                for (String t : nn(a.towns())) {
                    if (!towns.contains(t)) {
                        e.add("org.yaml: areas: " + a.code() + ": unknown town '" + t + "'");
                    }
                }
            }
            duplicates(e, "org.yaml", allUnits, PlanPackage.UnitDef::code);
        }
        Set<String> orgCodes = new HashSet<>(departments);
        orgCodes.addAll(towns);
        if (p.org() != null && p.org().city() != null) {
            orgCodes.add(p.org().city().code());
        }

        for (PlanPackage.ResponsibilityDef r : nn(p.responsibilities())) {
            String at = "responsibilities.yaml: " + r.indicator();
            if (!codes.contains(r.indicator())) {
                e.add(at + ": unknown indicator '" + r.indicator() + "'");
            }
            if (r.lead() == null || !orgCodes.contains(r.lead())) {
                e.add(at + ": unknown lead department '" + r.lead() + "'");
            }
            for (String c : nn(r.cooperating())) {
                if (!orgCodes.contains(c)) {
                    e.add(at + ": unknown cooperating department '" + c + "'");
                }
            }
            if (r.frequency() != null) {
                oneOf(e, at, "frequency", r.frequency(), FREQUENCIES);
            }
            if (r.townBreakdown() != null) {
                oneOf(e, at, "townBreakdown", r.townBreakdown(), BREAKDOWNS);
            }
        }
        duplicates(e, "responsibilities.yaml", nn(p.responsibilities()), PlanPackage.ResponsibilityDef::indicator);

        Set<String> domains = new HashSet<>();
        if (p.projects() != null) {
            for (PlanPackage.DomainDef d : nn(p.projects().domains())) {
                String at = "projects.yaml: domains: " + d.code();
                require(e, at, "code", d.code());
                require(e, at, "name", d.name());
                require(e, at, "plannedCount", d.plannedCount());
                require(e, at, "totalInvestment", d.totalInvestment());
                require(e, at, "periodInvestment", d.periodInvestment());
                nonNegative(e, at, "plannedCount", d.plannedCount() == null ? null : d.plannedCount().doubleValue());
                nonNegative(e, at, "totalInvestment", d.totalInvestment());
                nonNegative(e, at, "periodInvestment", d.periodInvestment());
                quote(e, at, d.sourceQuote(), outline);
                domains.add(d.code());
            }
            duplicates(e, "projects.yaml: domains", nn(p.projects().domains()), PlanPackage.DomainDef::code);
            for (PlanPackage.ProjectDef pr : nn(p.projects().projects())) {
                String at = "projects.yaml: projects: " + pr.code();
                require(e, at, "code", pr.code());
                require(e, at, "name", pr.name());
                if (!domains.contains(pr.domain())) {
                    e.add(at + ": unknown domain '" + pr.domain() + "'");
                }
                enumValue(e, at, "stage", pr.stage(), Project.Stage.class, true);
                quote(e, at, pr.sourceQuote(), outline);
            }
            duplicates(e, "projects.yaml: projects", nn(p.projects().projects()), PlanPackage.ProjectDef::code);
        }
        if (p.reforms() != null) {
            Set<String> reformDomains = new HashSet<>();
            for (PlanPackage.ReformDomainDef d : nn(p.reforms().domains())) {
                require(e, "reforms.yaml: domains: " + d.code(), "name", d.name());
                reformDomains.add(d.code());
            }
            for (PlanPackage.ReformDef r : nn(p.reforms().items())) {
                String at = "reforms.yaml: items: " + r.code();
                require(e, at, "code", r.code());
                require(e, at, "name", r.name());
                if (!reformDomains.contains(r.domain())) {
                    e.add(at + ": unknown domain '" + r.domain() + "'");
                }
                quote(e, at, r.sourceQuote(), outline);
            }
            duplicates(e, "reforms.yaml: items", nn(p.reforms().items()), PlanPackage.ReformDef::code);
        }
        return e;
    }

    /** Non-fatal consistency findings, reported on load and on the plan's page. */
    public static List<String> consistency(PlanPackage p) {
        List<String> w = new ArrayList<>();
        if (p.projects() != null && p.plan() != null && p.plan().portfolioTotals() != null) {
            Map<String, Object> t = p.plan().portfolioTotals();
            double count = 0, total = 0, period = 0;
            for (PlanPackage.DomainDef d : nn(p.projects().domains())) {
                count += d.plannedCount() == null ? 0 : d.plannedCount();
                total += d.totalInvestment() == null ? 0 : d.totalInvestment();
                period += d.periodInvestment() == null ? 0 : d.periodInvestment();
            }
            compare(w, "专栏8 项目个数", count, t.get("count"));
            compare(w, "专栏8 总投资（亿元）", total, t.get("totalInvestment"));
            compare(w, "专栏8 “十五五”投资（亿元）", period, t.get("periodInvestment"));
        }
        Set<String> withLead = new HashSet<>();
        nn(p.responsibilities()).forEach(r -> withLead.add(r.indicator()));
        for (PlanPackage.IndicatorDef i : nn(p.indicators())) {
            if (!withLead.contains(i.code())) {
                w.add("indicators.yaml: " + i.code() + " has no lead department (牵头部门) yet");
            }
        }
        return w;
    }

    private static void compare(List<String> w, String what, double sum, Object stated) {
        if (stated instanceof Number n) {
            if (Math.abs(n.doubleValue() - sum) > 1e-6) {
                w.add(what + "：各领域合计 " + fmt(sum) + "，纲要合计 " + fmt(n.doubleValue()) + "，不一致");
            } else {
                w.add(what + "：各领域合计 " + fmt(sum) + " 与纲要合计一致");
            }
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static void validatePlan(PlanPackage.PlanDef plan, List<String> e) {
        String at = "plan.yaml";
        if (plan == null) {
            e.add(at + ": missing");
            return;
        }
        require(e, at, "code", plan.code());
        require(e, at, "name", plan.name());
        require(e, at, "region", plan.region());
        if (plan.region() != null) {
            require(e, at, "region.name", plan.region().name());
            require(e, at, "region.code", plan.region().code());
        }
        require(e, at, "periodStart", plan.periodStart());
        require(e, at, "periodEnd", plan.periodEnd());
        require(e, at, "baseYear", plan.baseYear());
        require(e, at, "version", plan.version());
        enumValue(e, at, "status", plan.status(), Plan.Status.class, true);
        if (plan.periodStart() != null && plan.periodEnd() != null && plan.periodEnd() < plan.periodStart()) {
            e.add(at + ": periodEnd is before periodStart");
        }
        if (plan.code() != null && !plan.code().matches("[a-z0-9][a-z0-9-]{1,62}")) {
            e.add(at + ": 'code' must be lower-case letters, digits and dashes: " + plan.code());
        }
    }

    private static void units(List<String> e, String list, List<PlanPackage.UnitDef> units, String outline,
                              List<PlanPackage.UnitDef> all, Set<String> codes) {
        for (PlanPackage.UnitDef u : nn(units)) {
            String at = "org.yaml: " + list + ": " + (u.code() == null ? u.name() : u.code());
            require(e, at, "code", u.code());
            require(e, at, "name", u.name());
            quote(e, at, u.sourceQuote(), outline);
            all.add(u);
            if (u.code() != null) {
                codes.add(u.code());
            }
        }
    }

    private static void quote(List<String> e, String at, String quote, String outline) {
        if (quote != null && !outline.contains(quote)) {
            e.add(at + ": 'sourceQuote' not found verbatim in the outline: " + quote);
        }
    }

    private static void require(List<String> e, String at, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            e.add(at + ": missing field '" + field + "'");
        }
    }

    private static void nonNegative(List<String> e, String at, String field, Double value) {
        if (value != null && value < 0) {
            e.add(at + ": '" + field + "' must not be negative: " + value);
        }
    }

    private static void oneOf(List<String> e, String at, String field, String value, Set<String> allowed) {
        if (value == null) {
            e.add(at + ": missing field '" + field + "'");
        } else if (!allowed.contains(value)) {
            e.add(at + ": unknown " + field + " '" + value + "' (expected one of " + new java.util.TreeSet<>(allowed) + ")");
        }
    }

    private static <E extends Enum<E>> boolean enumValue(List<String> e, String at, String field, String value,
                                                         Class<E> type, boolean required) {
        if (value == null) {
            if (required) {
                e.add(at + ": missing field '" + field + "'");
            }
            return false;
        }
        try {
            Enum.valueOf(type, value);
            return true;
        } catch (IllegalArgumentException ex) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            e.add(at + ": unknown " + field + " '" + value + "' (expected one of " + names + ")");
            return false;
        }
    }

    private static <T> void duplicates(List<String> e, String file, List<T> items, Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String k = key.apply(item);
            if (k != null && !seen.add(k)) {
                e.add(file + ": duplicate code '" + k + "'");
            }
        }
    }

    static <T> List<T> nn(List<T> list) {
        return list == null ? List.of() : list;
    }
}
