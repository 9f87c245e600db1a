package cn.lantu.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.audit.AuditLog;
import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.security.Actor;
import cn.lantu.security.Role;

/**
 * The plan office's editable checks of figures (校验规则): stored in {@code figure_check}, changed with a version
 * and an audit entry, and applied by {@link FigureValidator} wherever a figure comes from (form, API, Excel
 * template, bulk import) through {@link #rulesFor}.
 */
@Service
public class FigureChecks {

    /** What the plan office enters; indicators and the unit by code, the unit empty for all units. */
    public record Draft(String indicator, String unit, FigureCheck.Type type, Double min, Double max,
                        Double maxChange, FigureCheck.Comparator comparator, String otherIndicator,
                        FigureCheck.Severity severity, String message, Integer version) {}

    /** A problem of a draft, with the form field it belongs to. */
    public record FieldError(String field, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    static final int MAX_MESSAGE = 300;

    private final JdbcClient jdbc;
    private final IndicatorRepository indicators;
    private final OrgRepository org;
    private final FigureRepository figures;
    private final AuditLog audit;

    FigureChecks(JdbcClient jdbc, IndicatorRepository indicators, OrgRepository org, FigureRepository figures,
                 AuditLog audit) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.org = org;
        this.figures = figures;
        this.audit = audit;
    }

    private static final String SELECT = """
            SELECT c.*, i.code AS icode, i.name AS iname, o.code AS ocode, o.name AS oname, x.code AS xcode, x.name AS xname
            FROM figure_check c JOIN indicator i ON i.id = c.indicator_id
            LEFT JOIN org_unit o ON o.id = c.org_unit_id LEFT JOIN indicator x ON x.id = c.other_indicator_id
            """;

    public List<FigureCheck> all(Plan plan) {
        return jdbc.sql(SELECT + " WHERE c.plan_id = ? ORDER BY i.code, c.id").param(plan.id()).query(FigureChecks::map)
                .list();
    }

    public Optional<FigureCheck> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(FigureChecks::map).optional();
    }

    /** The stored checks that apply to a figure of this indicator and unit, with its previous and other values. */
    FigureCheckRules rulesFor(Indicator ind, long unitId, boolean cityWide, int year, String period) {
        List<FigureCheck> stored = jdbc.sql(SELECT + " WHERE c.indicator_id = ? OR c.other_indicator_id = ?")
                .params(ind.id(), ind.id()).query(FigureChecks::map).list();
        List<FigureCheck> applying = FigureCheckRules.applying(stored, ind.id(), unitId);
        if (applying.isEmpty()) {
            return FigureCheckRules.NONE;
        }
        Double previous = figures.approvedHistory(ind.id(), unitId, period, year).stream()
                .filter(h -> (int) h[0] == year - 1).map(h -> h[1]).findFirst()
                .orElse(cityWide && ind.baseYear() == year - 1 ? ind.baseValue() : null);
        return new FigureCheckRules(ind.id(), applying, previous, other -> latestValue(other, unitId, year, period));
    }

    /** The stored value (any state, not demo data) of an indicator for a unit, year and period. */
    Double latestValue(long indicatorId, long unitId, int year, String period) {
        return jdbc.sql("""
                SELECT num_value FROM figure WHERE indicator_id = ? AND org_unit_id = ? AND report_year = ?
                  AND period = ? AND demo = FALSE AND num_value IS NOT NULL""")
                .params(indicatorId, unitId, year, period).query(Double.class).optional().orElse(null);
    }

    /**
     * The stored checks over the rows of a bulk import: another indicator's value and the previous year's come from
     * the file first, then from the stored figures. A broken HARD check refuses the row; a broken SOFT check refuses
     * it unless the row's 说明 explains it (the figures are approved on import, so the explanation cannot come later).
     */
    void checkRows(Plan plan, List<BulkFigureImport.Row> rows, java.util.Map<Long, Indicator> byId,
                   java.util.function.BiConsumer<BulkFigureImport.Row, String> problem) {
        List<FigureCheck> all = all(plan);
        if (all.isEmpty()) {
            return;
        }
        java.util.Map<String, Double> inFile = new java.util.HashMap<>();
        rows.forEach(r -> inFile.put(key(r.indicatorId(), r.unitId(), r.year(), r.period()), r.value()));
        for (BulkFigureImport.Row r : rows) {
            List<FigureCheck> applying = FigureCheckRules.applying(all, r.indicatorId(), r.unitId());
            if (applying.isEmpty()) {
                continue;
            }
            Indicator ind = byId.get(r.indicatorId());
            Double previous = inFile.get(key(r.indicatorId(), r.unitId(), r.year() - 1, r.period()));
            if (previous == null) {
                previous = figures.approvedHistory(ind.id(), r.unitId(), r.period(), r.year()).stream()
                        .filter(h -> (int) h[0] == r.year() - 1).map(h -> h[1]).findFirst().orElse(null);
            }
            FigureCheckRules rules = new FigureCheckRules(ind.id(), applying, previous, other -> {
                Double v = inFile.get(key(other, r.unitId(), r.year(), r.period()));
                return v != null ? v : latestValue(other, r.unitId(), r.year(), r.period());
            });
            rules.broken(ind, r.value(), FigureCheck.Severity.HARD).forEach(m -> problem.accept(r, m));
            if (r.note() == null) {
                rules.broken(ind, r.value(), FigureCheck.Severity.SOFT)
                        .forEach(m -> problem.accept(r, m + "；须在“说明”列写明原因"));
            }
        }
    }

    private static String key(long indicatorId, long unitId, int year, String period) {
        return indicatorId + "|" + unitId + "|" + year + "|" + period;
    }

    @Transactional
    public FigureCheck create(Plan plan, Actor a, Draft d) {
        requireAdmin(a);
        Resolved r = resolve(plan, d);
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO figure_check (plan_id, indicator_id, org_unit_id, check_type, min_value, max_value,
                  max_change, comparator, other_indicator_id, severity, message, version, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")
                .params(plan.id(), r.indicator.id(), r.unitId, d.type().name(), r.min, r.max, r.maxChange,
                        r.comparator, r.otherId, d.severity().name(), d.message().trim(), a.username(),
                        Timestamp.from(now)).update();
        long id = jdbc.sql("SELECT MAX(id) FROM figure_check WHERE plan_id = ?").param(plan.id()).query(Long.class)
                .single();
        FigureCheck saved = find(id).orElseThrow();
        audit.record(a.username(), "FIGURE_CHECK_CREATE", "figure-check:" + id, describe(saved));
        return saved;
    }

    @Transactional
    public FigureCheck update(Plan plan, Actor a, long id, Draft d) {
        FigureCheck before = stored(plan, a, id);
        if (d.version() == null || d.version() != before.version()) {
            throw ReportingException.conflict("该校验规则已被他人修改（版本冲突），请刷新后再修改");
        }
        Resolved r = resolve(plan, d);
        int n = jdbc.sql("""
                UPDATE figure_check SET indicator_id = ?, org_unit_id = ?, check_type = ?, min_value = ?,
                  max_value = ?, max_change = ?, comparator = ?, other_indicator_id = ?, severity = ?, message = ?,
                  version = version + 1, updated_by = ?, updated_at = ? WHERE id = ? AND version = ?""")
                .params(r.indicator.id(), r.unitId, d.type().name(), r.min, r.max, r.maxChange, r.comparator,
                        r.otherId, d.severity().name(), d.message().trim(), a.username(),
                        Timestamp.from(Instant.now()), id, d.version()).update();
        if (n == 0) {
            throw ReportingException.conflict("该校验规则已被他人修改（版本冲突），请刷新后再修改");
        }
        FigureCheck after = find(id).orElseThrow();
        audit.record(a.username(), "FIGURE_CHECK_UPDATE", "figure-check:" + id,
                describe(before) + " → " + describe(after));
        return after;
    }

    @Transactional
    public void delete(Plan plan, Actor a, long id, Integer version) {
        FigureCheck before = stored(plan, a, id);
        if (version == null || jdbc.sql("DELETE FROM figure_check WHERE id = ? AND version = ?")
                .params(id, version).update() == 0) {
            throw ReportingException.conflict("该校验规则已被他人修改（版本冲突），请刷新后再删除");
        }
        audit.record(a.username(), "FIGURE_CHECK_DELETE", "figure-check:" + id, describe(before));
    }

    /** The plan's check for the plan office; 403 for anyone else, 404 when there is none. */
    private FigureCheck stored(Plan plan, Actor a, long id) {
        requireAdmin(a);
        return find(id).filter(c -> c.planId() == plan.id())
                .orElseThrow(() -> new ReportingException(404, "没有该校验规则"));
    }

    private static void requireAdmin(Actor a) {
        if (a.role() != Role.ADMIN) {
            throw ReportingException.forbidden("只有规划办可以设置校验规则");
        }
    }

    /** A check in the audit log: 规上工业增加值 ≤ 规上工业总产值（全部单位，错误（拒绝保存））：message. */
    static String describe(FigureCheck c) {
        return c.rule() + "（" + (c.orgUnitName() == null ? "全部单位" : c.orgUnitName()) + "，"
                + c.severity().label() + "）：" + c.message();
    }

    private record Resolved(Indicator indicator, Long unitId, Double min, Double max, Double maxChange,
                            String comparator, Long otherId) {}

    /** Checks a draft; throws 422 with every problem by field. */
    private Resolved resolve(Plan plan, Draft d) {
        List<FieldError> errors = new ArrayList<>();
        Indicator ind = d.indicator() == null || d.indicator().isBlank() ? null
                : indicators.findByCode(plan.id(), d.indicator().trim()).orElse(null);
        if (ind == null) {
            errors.add(new FieldError("indicator", "请选择指标"));
        }
        Long unitId = null;
        if (d.unit() != null && !d.unit().isBlank()) {
            unitId = org.findByCode(plan.id(), d.unit().trim()).map(OrgUnit::id).orElse(null);
            if (unitId == null) {
                errors.add(new FieldError("unit", "未知单位：" + FigureValidator.cut(d.unit(), 40)));
            }
        }
        if (d.type() == null) {
            errors.add(new FieldError("type", "请选择规则类型"));
        }
        if (d.severity() == null) {
            errors.add(new FieldError("severity", "请选择严重程度"));
        }
        String msg = d.message() == null ? "" : d.message().trim();
        if (msg.isEmpty()) {
            errors.add(new FieldError("message", "请填写提示信息（填报人看到的中文说明）"));
        } else {
            String p = FigureValidator.textProblem("提示信息", msg, MAX_MESSAGE);
            if (p != null) {
                errors.add(new FieldError("message", p));
            }
        }
        Double min = null, max = null, change = null;
        String comparator = null;
        Long other = null;
        if (d.type() == FigureCheck.Type.RANGE) {
            min = finite(d.min(), "min", errors);
            max = finite(d.max(), "max", errors);
            if (min == null && max == null && errors.stream().noneMatch(e -> e.field().startsWith("m"))) {
                errors.add(new FieldError("min", "请至少填写下限或上限"));
            } else if (min != null && max != null && min > max) {
                errors.add(new FieldError("max", "上限不能小于下限"));
            }
        } else if (d.type() == FigureCheck.Type.CHANGE) {
            change = finite(d.maxChange(), "maxChange", errors);
            if (change == null || change < 0) {
                errors.add(new FieldError("maxChange", "请填写允许的最大变化（不小于0）"));
            }
        } else if (d.type() == FigureCheck.Type.COMPARE) {
            if (d.comparator() == null) {
                errors.add(new FieldError("comparator", "请选择比较关系"));
            } else {
                comparator = d.comparator().name();
            }
            Indicator o = d.otherIndicator() == null || d.otherIndicator().isBlank() ? null
                    : indicators.findByCode(plan.id(), d.otherIndicator().trim()).orElse(null);
            if (o == null) {
                errors.add(new FieldError("otherIndicator", "请选择比较的另一个指标"));
            } else if (ind != null && o.id() == ind.id()) {
                errors.add(new FieldError("otherIndicator", "不能与指标自身比较"));
            } else {
                other = o.id();
            }
        }
        if (!errors.isEmpty()) {
            throw ReportingException.invalid("校验规则有误：" + errors.stream().map(FieldError::message)
                    .reduce((x, y) -> x + "；" + y).orElse(""), errors);
        }
        return new Resolved(ind, unitId, min, max, change, comparator, other);
    }

    private static Double finite(Double v, String field, List<FieldError> errors) {
        if (v != null && (v.isNaN() || v.isInfinite() || Math.abs(v) >= FigureValidator.MAX_MAGNITUDE)) {
            errors.add(new FieldError(field, "不是有效数字"));
            return null;
        }
        return v;
    }

    private static FigureCheck map(ResultSet rs, int n) throws SQLException {
        return new FigureCheck(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("indicator_id"),
                rs.getString("icode"), rs.getString("iname"), rs.getObject("org_unit_id", Long.class),
                rs.getString("ocode"), rs.getString("oname"), FigureCheck.Type.valueOf(rs.getString("check_type")),
                rs.getObject("min_value", Double.class), rs.getObject("max_value", Double.class),
                rs.getObject("max_change", Double.class),
                rs.getString("comparator") == null ? null : FigureCheck.Comparator.valueOf(rs.getString("comparator")),
                rs.getObject("other_indicator_id", Long.class), rs.getString("xcode"), rs.getString("xname"),
                FigureCheck.Severity.valueOf(rs.getString("severity")), rs.getString("message"),
                rs.getInt("version"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }
}
