package cn.lantu.collection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.audit.AuditLog;
import cn.lantu.plan.PlanChanges;

/**
 * Target responsibilities (目标责任分工): the one lead (牵头) and any co-operating (配合) departments of every
 * indicator, key task and major project. Assignments shipped or generated as defaults stay marked 待确认 until the
 * plan office confirms or changes them; every change is audited with the unit names before and after.
 */
@Service
public class Responsibilities {

    /** What carries responsibilities; the slug is used in URLs and the API, never shown. */
    public enum Kind {
        INDICATOR("indicator"), TASK("task"), PROJECT("project");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }

        public static Kind of(String slug) {
            for (Kind k : values()) {
                if (k.slug.equalsIgnoreCase(slug) || k.name().equalsIgnoreCase(slug)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("kind 应为 indicator、task 或 project: " + slug);
        }
    }

    public record Party(long unitId, String unitCode, String unitName) {}

    /**
     * One item's assignment. {@code frequency} and {@code townBreakdown} apply to indicators only; {@code pending}
     * marks a default not yet confirmed; {@code version} changes whenever the assignment does (optimistic locking).
     */
    public record Item(Kind kind, long id, String code, String name, Party lead, List<Party> cooperating,
                       String frequency, String townBreakdown, boolean pending) {
        @com.fasterxml.jackson.annotation.JsonProperty("version")
        public String version() {
            return Integer.toHexString(Objects.hash(lead == null ? null : lead.unitId(),
                    cooperating.stream().map(Party::unitId).sorted().toList(), frequency, townBreakdown, pending));
        }

        /** LEAD, COOPERATE or null: the part a unit plays in this item. */
        public String roleOf(long unitId) {
            if (lead != null && lead.unitId() == unitId) {
                return "LEAD";
            }
            return cooperating.stream().anyMatch(p -> p.unitId() == unitId) ? "COOPERATE" : null;
        }

        public String frequencyLabel() {
            return ResponsibilityAdminController.frequencyLabel(frequency);
        }

        public String townBreakdownLabel() {
            return TownBreakdown.ruleLabel(townBreakdown);
        }
    }

    /** A requested assignment; {@code frequency} and {@code townBreakdown} are ignored for tasks and projects. */
    public record Change(Long leadUnitId, List<Long> cooperatingUnitIds, String frequency, String townBreakdown,
                         String version) {}

    /** Field → message; empty when saved. */
    public record Outcome(Map<String, String> errors, Item saved) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    static final Set<String> FREQUENCIES = Set.of("ANNUAL", "QUARTERLY", "MONTHLY");
    static final List<String> TOWN_RULES = List.of("NONE", "SUM", "AVERAGE", "CITY_SEPARATE");
    static final int MAX_COOPERATING = 40;

    private final ResponsibilityStore store;
    private final AuditLog audit;
    private final PlanChanges changes;

    Responsibilities(ResponsibilityStore store, AuditLog audit, PlanChanges changes) {
        this.store = store;
        this.audit = audit;
        this.changes = changes;
    }

    /** Every item of a kind, in plan order; with {@code unitId}, only those the unit leads or co-operates on. */
    public List<Item> list(long planId, Kind kind, Long unitId, boolean pendingOnly) {
        return store.items(planId, kind, null).stream()
                .filter(i -> unitId == null || i.roleOf(unitId) != null)
                .filter(i -> !pendingOnly || i.pending()).toList();
    }

    public Item item(long planId, Kind kind, long id) {
        List<Item> found = store.items(planId, kind, id);
        if (found.isEmpty()) {
            throw new cn.lantu.web.NotFoundException("事项不存在: " + id);
        }
        return found.get(0);
    }

    /** Sets an item's lead and co-operating units (and, for an indicator, frequency and town breakdown rule). */
    @Transactional
    public Outcome save(long planId, Kind kind, long id, Change c, String by) {
        Item before = item(planId, kind, id);
        Map<Long, String> units = store.departmentNames(planId);
        List<Long> coop = c.cooperatingUnitIds() == null ? List.of()
                : c.cooperatingUnitIds().stream().filter(Objects::nonNull).distinct().toList();
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.version() != null && !c.version().isBlank() && !c.version().equals(before.version())) {
            errors.put("version", "该事项的分工已被他人修改，请刷新页面后重试");
        }
        if (c.leadUnitId() == null) {
            errors.put("lead", "请选择牵头单位：每项有且只有一个牵头单位");
        } else if (!units.containsKey(c.leadUnitId())) {
            errors.put("lead", "牵头单位不是本规划的部门");
        }
        if (c.leadUnitId() != null && coop.contains(c.leadUnitId())) {
            errors.put("cooperating", "牵头单位“" + units.get(c.leadUnitId()) + "”不能同时是配合单位");
        } else if (coop.stream().anyMatch(u -> !units.containsKey(u))) {
            errors.put("cooperating", "配合单位须是本规划的部门");
        } else if (coop.size() > MAX_COOPERATING) {
            errors.put("cooperating", "配合单位最多" + MAX_COOPERATING + "个");
        }
        String frequency = kind == Kind.INDICATOR ? c.frequency() : null;
        String rule = kind == Kind.INDICATOR ? c.townBreakdown() : null;
        if (kind == Kind.INDICATOR && !FREQUENCIES.contains(frequency)) {
            errors.put("frequency", "请选择填报频次（年报、季报或月报）");
        }
        if (kind == Kind.INDICATOR && !TOWN_RULES.contains(rule)) {
            errors.put("townBreakdown", "请选择镇街分解方式");
        }
        if (!errors.isEmpty()) {
            return new Outcome(errors, before);
        }
        store.write(kind, id, c.leadUnitId(), coop, frequency, rule, by);
        touch(kind, id);
        Item after = item(planId, kind, id);
        audit.record(by, "RESPONSIBILITY_UPDATE", kind.slug() + ":" + id + " " + before.name(), describe(before, after));
        return new Outcome(Map.of(), after);
    }

    /** Confirms the default assignment of the given items (those not on a default are left as they are). */
    @Transactional
    public List<Item> confirm(long planId, Kind kind, List<Long> ids, String by) {
        List<Item> done = new ArrayList<>();
        Set<Long> wanted = Set.copyOf(ids);
        for (Item i : store.items(planId, kind, null)) {
            if (!wanted.contains(i.id()) || !i.pending()) {
                continue;
            }
            store.confirm(kind, i.id(), by);
            touch(kind, i.id());
            audit.record(by, "RESPONSIBILITY_CONFIRM", kind.slug() + ":" + i.id() + " " + i.name(),
                    "确认默认分工：牵头 " + leadName(i) + "；配合 " + names(i.cooperating()));
            done.add(i);
        }
        return done;
    }

    private void touch(Kind kind, long id) {
        switch (kind) {
            case INDICATOR -> changes.touchByIndicator(id);
            case TASK -> changes.touchByTask(id);
            case PROJECT -> changes.touchByProject(id);
        }
    }

    static String describe(Item before, Item after) {
        StringBuilder sb = new StringBuilder("牵头：" + leadName(before) + " → " + leadName(after) + "；配合："
                + names(before.cooperating()) + " → " + names(after.cooperating()));
        if (after.kind() == Kind.INDICATOR) {
            sb.append("；频次：").append(before.frequencyLabel()).append(" → ").append(after.frequencyLabel())
                    .append("；镇街分解：").append(before.townBreakdownLabel()).append(" → ")
                    .append(after.townBreakdownLabel());
        }
        if (before.pending()) {
            sb.append("（默认分工已确认）");
        }
        return sb.toString();
    }

    private static String leadName(Item i) {
        return i.lead() == null ? "（无）" : i.lead().unitName();
    }

    private static String names(List<Party> parties) {
        return parties.isEmpty() ? "（无）" : String.join("、", parties.stream().map(Party::unitName).toList());
    }
}
