package cn.lantu.project;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.MessageSource;

import cn.lantu.plan.Plan;
import cn.lantu.web.DateInput;
import cn.lantu.web.Versions;

/**
 * The project form as typed: registry fields, the investment plan (a row per plan year), the key milestones with
 * planned and actual dates and the blocking factors. Kept as text so that a refused form comes back unchanged;
 * {@link #check} names each wrong field with a message of the pages-taskproject bundle.
 */
public record ProjectForm(String version, String code, String name, String domain, ArrayList<String> towns,
                          String ownerUnit, String dept, String stage, String type, String total,
                          TreeMap<Integer, String> years, ArrayList<MilestoneRow> milestones,
                          ArrayList<BlockerRow> blockers) implements Serializable {

    /** Blank blocking-factor rows offered for new ones. */
    static final int BLANK_BLOCKERS = 1;

    public record MilestoneRow(String kind, String plannedOn, String actualOn) implements Serializable {}

    public record BlockerRow(String id, String factor, String note, String unit, String dueOn, String resolved)
            implements Serializable {
        boolean empty() {
            return DateInput.blank(factor) && DateInput.blank(note) && DateInput.blank(unit) && DateInput.blank(dueOn);
        }
    }

    static ProjectForm blank(Plan plan) {
        TreeMap<Integer, String> years = new TreeMap<>();
        for (int y = plan.periodStart(); y <= plan.periodEnd(); y++) {
            years.put(y, "");
        }
        ArrayList<MilestoneRow> ms = new ArrayList<>();
        for (ProjectDetail.MilestoneKind k : ProjectDetail.MilestoneKind.values()) {
            ms.add(new MilestoneRow(k.name(), "", ""));
        }
        return new ProjectForm(null, "", "", "", new ArrayList<>(), "", "", Project.Stage.PLANNING.name(), "", "",
                years, ms, withBlankRows(List.of()));
    }

    static ProjectForm of(ProjectDetail p, Plan plan) {
        ProjectForm f = blank(plan);
        p.yearPlans().forEach((y, v) -> f.years().put(y, amount(v)));
        ArrayList<MilestoneRow> ms = new ArrayList<>();
        for (ProjectDetail.MilestoneKind k : ProjectDetail.MilestoneKind.values()) {
            var m = p.milestones().stream().filter(x -> x.kind() == k).findFirst();
            ms.add(new MilestoneRow(k.name(), m.map(x -> DateInput.text(x.plannedOn())).orElse(""),
                    m.map(x -> DateInput.text(x.actualOn())).orElse("")));
        }
        ArrayList<BlockerRow> bs = new ArrayList<>();
        p.blockers().forEach(b -> bs.add(new BlockerRow(String.valueOf(b.id()), b.factor().name(),
                b.note() == null ? (b.owner() == null ? "" : b.owner()) : b.note(),
                b.actUnitCode() == null ? "" : b.actUnitCode(), DateInput.text(b.dueOn()),
                String.valueOf(b.resolved()))));
        return new ProjectForm(String.valueOf(p.version()), p.code(), p.name(), p.domainCode(),
                new ArrayList<>(p.townCodes()), nz(p.ownerUnit()), nz(p.deptCode()), p.stage().name(),
                nz(p.projectType()), p.totalAmount() == null ? "" : amount(p.totalAmount()), f.years(), ms,
                withBlankRows(bs));
    }

    /** The same form with its filled-in blocking factors and fresh blank rows (as it comes back refused). */
    ProjectForm again() {
        return new ProjectForm(version, code, name, domain, towns, ownerUnit, dept, stage, type, total, years,
                milestones, withBlankRows(blockers));
    }

    static ArrayList<BlockerRow> withBlankRows(List<BlockerRow> rows) {
        ArrayList<BlockerRow> out = new ArrayList<>(rows.stream().filter(r -> !r.empty()).toList());
        for (int i = 0; i < BLANK_BLOCKERS; i++) {
            out.add(new BlockerRow("", "", "", "", "", "false"));
        }
        return out;
    }

    /** The problems of the form, field id → message, in form order; empty when it can be saved. */
    Map<String, String> check(LocalDate today, Set<String> domains, Set<String> depts, Set<String> townCodes,
                              Set<String> units, MessageSource messages, Locale locale) {
        Map<String, String> e = new LinkedHashMap<>();
        if (trim(name).isEmpty()) {
            e.put("name", msg(messages, locale, "projectedit.error.name"));
        } else if (trim(name).length() > ProjectEditor.NAME_MAX) {
            e.put("name", msg(messages, locale, "projectedit.error.tooLong", ProjectEditor.NAME_MAX));
        }
        if (!trim(code).isEmpty() && !trim(code).matches("[A-Za-z0-9._-]{1,40}")) {
            e.put("code", msg(messages, locale, "projectedit.error.code"));
        }
        if (!domains.contains(trim(domain))) {
            e.put("domain", msg(messages, locale, "projectedit.error.domain"));
        }
        if (!trim(dept).isEmpty() && !depts.contains(trim(dept))) {
            e.put("dept", msg(messages, locale, "projectedit.error.unit"));
        }
        if (!townCodes.containsAll(towns)) {
            e.put("towns", msg(messages, locale, "projectedit.error.unit"));
        }
        if (ProjectVocabulary.stage(stage) == null || trim(stage).isEmpty()) {
            e.put("stage", msg(messages, locale, "projectedit.error.stage"));
        }
        if (!trim(type).isEmpty() && ProjectVocabulary.type(type) == null) {
            e.put("type", msg(messages, locale, "projectedit.error.type"));
        }
        Double totalValue = number(total);
        if (!trim(total).isEmpty() && totalValue == null) {
            e.put("total", msg(messages, locale, "projectedit.error.amount"));
        }
        double sum = 0;
        for (var y : years.entrySet()) {
            Double v = number(y.getValue());
            if (!trim(y.getValue()).isEmpty() && v == null) {
                e.put("year-" + y.getKey(), msg(messages, locale, "projectedit.error.amount"));
            } else if (v != null) {
                sum += v;
            }
        }
        if (totalValue != null && sum > totalValue + 1e-9 && !e.containsKey("total")) {
            e.put("total", msg(messages, locale, "projectedit.error.sum", amount(sum)));
        }
        for (MilestoneRow m : milestones) {
            date(e, "planned-" + m.kind(), m.plannedOn(), null, messages, locale);
            date(e, "actual-" + m.kind(), m.actualOn(), today, messages, locale);
        }
        LocalDate start = plannedOf("START");
        LocalDate finish = plannedOf("COMPLETION");
        if (start != null && finish != null && finish.isBefore(start) && !e.containsKey("planned-COMPLETION")) {
            e.put("planned-COMPLETION", msg(messages, locale, "projectedit.error.finishBeforeStart"));
        }
        for (int i = 0; i < blockers.size(); i++) {
            BlockerRow b = blockers.get(i);
            if (b.empty()) {
                continue;
            }
            if (ProjectVocabulary.factor(b.factor()) == null) {
                e.put("bFactor-" + i, msg(messages, locale, "projectedit.error.factor"));
            }
            if (trim(b.note()).isEmpty()) {
                e.put("bNote-" + i, msg(messages, locale, "projectedit.error.note"));
            } else if (trim(b.note()).length() > ProjectEditor.NOTE_MAX) {
                e.put("bNote-" + i, msg(messages, locale, "projectedit.error.tooLong", ProjectEditor.NOTE_MAX));
            }
            if (!trim(b.unit()).isEmpty() && !units.contains(trim(b.unit()))) {
                e.put("bUnit-" + i, msg(messages, locale, "projectedit.error.unit"));
            }
            date(e, "bDue-" + i, b.dueOn(), null, messages, locale);
        }
        return e;
    }

    private LocalDate plannedOf(String kind) {
        return milestones.stream().filter(m -> m.kind().equals(kind)).findFirst()
                .map(m -> DateInput.parse(m.plannedOn())).orElse(null);
    }

    private static void date(Map<String, String> e, String field, String text, LocalDate notAfter,
                             MessageSource messages, Locale locale) {
        if (DateInput.blank(text)) {
            return;
        }
        LocalDate d = DateInput.parse(text);
        if (d == null) {
            e.put(field, msg(messages, locale, "projectedit.error.date", text.strip()));
        } else if (notAfter != null && d.isAfter(notAfter)) {
            e.put(field, msg(messages, locale, "projectedit.error.future"));
        }
    }

    /** The registration the form asks for; only called once {@link #check} found nothing wrong. */
    ProjectEditor.Registration registration() {
        Map<Integer, Double> plan = new TreeMap<>();
        years.forEach((y, v) -> {
            if (number(v) != null) {
                plan.put(y, number(v));
            }
        });
        Map<ProjectDetail.MilestoneKind, ProjectEditor.Dates> ms = new EnumMap<>(ProjectDetail.MilestoneKind.class);
        milestones.forEach(m -> ms.put(ProjectDetail.MilestoneKind.valueOf(m.kind()), new ProjectEditor.Dates(
                DateInput.parse(m.plannedOn()), DateInput.parse(m.actualOn()))));
        List<ProjectEditor.BlockerEdit> bs = blockers.stream().filter(b -> !b.empty())
                .map(b -> new ProjectEditor.BlockerEdit(idOf(b.id()), ProjectVocabulary.factor(b.factor()),
                        trim(b.note()), trim(b.unit()), DateInput.parse(b.dueOn()), "true".equals(b.resolved())))
                .toList();
        return new ProjectEditor.Registration(Versions.parse(version), trim(code), trim(name), trim(domain),
                towns, trim(ownerUnit), trim(dept), trim(stage), trim(type), number(total), plan, ms, bs);
    }

    /** The id of a blocking factor already stored, null for a new row. */
    private static Long idOf(String id) {
        return trim(id).matches("\\d{1,18}") ? Long.valueOf(trim(id)) : null;
    }

    /** A plain non-negative number (亿元), commas allowed; null otherwise. */
    static Double number(String s) {
        String t = trim(s).replace(",", "").replace("，", "");
        return t.matches("\\d{1,9}(\\.\\d{1,4})?") ? Double.valueOf(t) : null;
    }

    private static String amount(double v) {
        return new BigDecimal(String.valueOf(v)).stripTrailingZeros().toPlainString();
    }

    private static String msg(MessageSource m, Locale locale, String key, Object... args) {
        Object[] texts = java.util.Arrays.stream(args).map(String::valueOf).toArray();
        return m.getMessage(key, texts, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
