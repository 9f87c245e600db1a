package cn.lantu.ingest.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.lantu.ingest.BaselineFact;
import cn.lantu.ingest.ExtractedArea;
import cn.lantu.ingest.ExtractedIndicator;
import cn.lantu.ingest.ExtractedProject;
import cn.lantu.ingest.Extraction;
import cn.lantu.ingest.ExtractedProjectDomain;
import cn.lantu.ingest.ProseTarget;

/**
 * Turns an {@link Extraction} and the decisions taken so far into review items, and into the reviewed extraction
 * (accepted and edited items only, edits applied) that {@link ReviewPackage} writes.
 */
final class ReviewItems {

    static final String IND = "IND";
    static final String TGT = "TGT";
    static final String FACT = "FACT";
    static final String DOM = "DOM";
    static final String PRJ = "PRJ";
    static final String AREA = "AREA";
    static final List<String> TYPES = List.of(IND, TGT, FACT, DOM, PRJ, AREA);

    static final List<String> CATEGORIES = List.of("ECONOMY", "INNOVATION", "WELLBEING", "GREEN", "SECURITY");
    static final List<String> COMPARATORS = List.of("AT_LEAST", "ABOUT", "AT_MOST", "EXACT");
    static final List<String> HORIZONS = List.of("TARGET_YEAR", "ANNUAL", "PERIOD");
    static final List<String> STAGES = List.of("PLANNING", "PRELIMINARY", "APPROVAL", "UNDER_CONSTRUCTION",
            "COMPLETED", "IN_OPERATION");

    /** Editable fields per type; {@code category} of a prose target is not a record component (see below). */
    static final Map<String, List<String>> EDITABLE = Map.of(
            IND, List.of("name", "unit", "category", "baseValue", "targetValue", "targetYear", "comparator"),
            TGT, List.of("name", "value", "unit", "comparator", "horizon", "targetYear", "category"),
            FACT, List.of("name", "value", "unit", "year"),
            DOM, List.of("name", "plannedCount", "totalInvestment", "periodInvestment"),
            PRJ, List.of("name", "stage"),
            AREA, List.of("name", "text"));

    private static final Map<String, List<String>> OPTIONS = Map.of("category", CATEGORIES,
            "comparator", COMPARATORS, "horizon", HORIZONS, "stage", STAGES);

    private ReviewItems() {}

    static String key(String type, String code) {
        return type + ":" + code;
    }

    static Class<? extends Record> recordType(String type) {
        return switch (type) {
            case IND -> ExtractedIndicator.class;
            case TGT -> ProseTarget.class;
            case FACT -> BaselineFact.class;
            case DOM -> ExtractedProjectDomain.class;
            case PRJ -> ExtractedProject.class;
            case AREA -> ExtractedArea.class;
            default -> throw new IllegalArgumentException("unknown item type " + type);
        };
    }

    /** The raw extracted record of each item, by key, in document order per type. */
    static Map<String, Record> raw(Extraction x) {
        Map<String, Record> m = new LinkedHashMap<>();
        x.indicators().forEach(i -> m.put(key(IND, i.code()), i));
        x.targets().forEach(t -> m.put(key(TGT, t.code()), t));
        for (int i = 0; i < x.baselineFacts().size(); i++) {
            m.put(key(FACT, String.format("F%03d", i + 1)), x.baselineFacts().get(i));
        }
        x.projectDomains().forEach(d -> m.put(key(DOM, d.code()), d));
        x.projects().forEach(p -> m.put(key(PRJ, p.code()), p));
        x.areas().forEach(a -> m.put(key(AREA, a.code()), a));
        return m;
    }

    static List<ReviewItem.Section> sections(Extraction x, Map<String, Decision> decisions) {
        Map<String, List<ReviewItem>> byType = new LinkedHashMap<>();
        TYPES.forEach(t -> byType.put(t, new ArrayList<>()));
        raw(x).forEach((key, rec) -> {
            ReviewItem item = item(x, key, rec, decisions.get(key));
            byType.get(item.type()).add(item);
        });
        List<ReviewItem.Section> out = new ArrayList<>();
        byType.forEach((t, items) -> out.add(new ReviewItem.Section(t, items)));
        return out;
    }

    static ReviewItem item(Extraction x, String key, Record raw, Decision d) {
        String type = key.substring(0, key.indexOf(':'));
        String code = key.substring(key.indexOf(':') + 1);
        Map<String, String> edits = d == null ? Map.of() : d.editsOrEmpty();
        Record r = Records.with(raw, recordEdits(type, edits));
        List<ReviewItem.Field> fields = new ArrayList<>();
        for (String f : EDITABLE.get(type)) {
            String value = TGT.equals(type) && "category".equals(f)
                    ? edits.getOrDefault("category", guessCategory(((ProseTarget) raw).name()))
                    : text(component(r, f));
            fields.add(new ReviewItem.Field(f, value, OPTIONS.getOrDefault(f, List.of()), edits.containsKey(f)));
        }
        String decision = d == null ? "PENDING" : d.decision();
        if (r instanceof ExtractedIndicator i) {
            return new ReviewItem(key, type, code, i.name() + unit(i.unit()),
                    (i.category() == null ? "?" : i.category()) + " · 基期 " + i.baseYear() + "：" + num(i.baseValue())
                            + " → " + i.targetYear() + "：" + cmp(i.comparator()) + num(i.targetValue())
                            + (i.targetHorizon() == null ? "" : " · " + i.targetHorizon()) + " · " + i.kind()
                            + " · " + i.attribute(),
                    i.sourceText(), i.start(), i.end(), i.confidence(), i.reason(), fields, decision);
        }
        if (r instanceof ProseTarget t) {
            return new ReviewItem(key, type, code, t.name(),
                    cmp(t.comparator()) + num(t.value()) + (t.valueMax() == null ? "" : "—" + num(t.valueMax()))
                            + " " + t.unit() + " · " + t.horizon()
                            + (t.targetYear() == null ? "" : " " + t.targetYear()) + " · " + t.kind(),
                    t.quote(), span(t.quoteStart(), t.quoteEnd(), t.start(), t.end())[0],
                    span(t.quoteStart(), t.quoteEnd(), t.start(), t.end())[1], t.confidence(), t.reason(), fields,
                    decision);
        }
        if (r instanceof BaselineFact f) {
            return new ReviewItem(key, type, code, f.name(),
                    (f.qualifier() == null ? "" : f.qualifier()) + num(f.value()) + " " + f.unit() + " · "
                            + (f.year() != null ? f.year() + "年" : f.period() != null ? f.period() : "年份未写明"),
                    f.quote(), span(f.quoteStart(), f.quoteEnd(), f.start(), f.end())[0],
                    span(f.quoteStart(), f.quoteEnd(), f.start(), f.end())[1], f.confidence(), f.reason(), fields,
                    decision);
        }
        if (r instanceof ExtractedProjectDomain dm) {
            return new ReviewItem(key, type, code, dm.name(),
                    dm.plannedCount() + " 个项目 · 总投资 " + num(dm.totalInvestment()) + " · 期内 "
                            + num(dm.periodInvestment()) + " " + (dm.unit() == null ? "" : dm.unit()),
                    dm.sourceText(), dm.start(), dm.end(), dm.confidence(), dm.reason(), fields, decision);
        }
        if (r instanceof ExtractedProject p) {
            return new ReviewItem(key, type, code, p.name(),
                    (p.group() == null ? "" : p.group() + " · ") + (p.stageLabel() == null ? "" : p.stageLabel() + " ")
                            + p.stage() + " · " + p.column(),
                    p.sourceText(), p.start(), p.end(), p.confidence(), p.reason(), fields, decision);
        }
        if (r instanceof ExtractedArea a) {
            return new ReviewItem(key, type, code, a.name(),
                    a.kind() + (a.type() == null ? "" : " · " + a.type())
                            + (a.column() == null ? "" : " · 专栏" + a.column()),
                    a.sourceText(), a.start(), a.end(), a.confidence(), a.reason(), fields, decision);
        }
        throw new IllegalStateException("unexpected record " + r.getClass());
    }

    /** Checks edited values before they are stored; answers the edits that differ from the extracted values. */
    static Map<String, String> validEdits(String type, Record raw, Map<String, String> submitted) {
        Map<String, String> edits = new LinkedHashMap<>();
        for (String f : EDITABLE.get(type)) {
            if (!submitted.containsKey(f)) {
                continue;
            }
            String v = submitted.get(f) == null ? "" : submitted.get(f).strip();
            List<String> options = OPTIONS.get(f);
            if (options != null && !v.isEmpty() && !options.contains(v)) {
                throw new IllegalArgumentException(f + "：“" + v + "”不是可选值 " + options);
            }
            if (TGT.equals(type) && "category".equals(f)) {
                if (!v.equals(guessCategory(((ProseTarget) raw).name()))) {
                    edits.put(f, v);
                }
                continue;
            }
            Class<?> t = recordComponentType(raw.getClass(), f);
            Object converted = Records.convert(f, v, t);
            if (!java.util.Objects.equals(converted, component(raw, f))) {
                edits.put(f, v);
            }
        }
        return edits;
    }

    /** The reviewed extraction: accepted and edited items only, with the edits applied. */
    static Extraction reviewed(Extraction x, Map<String, Decision> decisions) {
        Map<String, Record> raw = raw(x);
        return new Extraction(x.source(), x.text(), x.title(), x.planStart(), x.planEnd(), x.outline(),
                keep(raw, IND, decisions, ExtractedIndicator.class), keep(raw, TGT, decisions, ProseTarget.class),
                keep(raw, FACT, decisions, BaselineFact.class), keep(raw, DOM, decisions, ExtractedProjectDomain.class),
                keep(raw, PRJ, decisions, ExtractedProject.class), keep(raw, AREA, decisions, ExtractedArea.class),
                x.warnings());
    }

    /** Category of each included prose target by code: the reviewer's choice or a guess from its name. */
    static Map<String, String> targetCategories(Extraction x, Map<String, Decision> decisions) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ProseTarget t : x.targets()) {
            Decision d = decisions.get(key(TGT, t.code()));
            m.put(t.code(), d == null ? guessCategory(t.name())
                    : d.editsOrEmpty().getOrDefault("category", guessCategory(t.name())));
        }
        return m;
    }

    private static <T extends Record> List<T> keep(Map<String, Record> raw, String type,
                                                   Map<String, Decision> decisions, Class<T> cls) {
        List<T> out = new ArrayList<>();
        raw.forEach((key, rec) -> {
            Decision d = decisions.get(key);
            if (key.startsWith(type + ":") && d != null && d.included()) {
                out.add(cls.cast(Records.with(rec, recordEdits(type, d.editsOrEmpty()))));
            }
        });
        return out;
    }

    private static Map<String, String> recordEdits(String type, Map<String, String> edits) {
        if (!TGT.equals(type) || !edits.containsKey("category")) {
            return edits;
        }
        Map<String, String> m = new LinkedHashMap<>(edits);
        m.remove("category");
        return m;
    }

    /**
     * The indicator category of a prose target, guessed from words of its name; the reviewer can change it.
     * Categories are those of the main indicator table (经济发展, 创新驱动, 民生福祉, 绿色低碳, 安全保障).
     */
    static String guessCategory(String name) {
        String n = name == null ? "" : name;
        if (n.matches(".*(研发|专利|科技|创新|高新|人才|孵化|实验室|研究院|数字化改造|智能).*")) {
            return "INNOVATION";
        }
        if (n.matches(".*(碳|能耗|能源消耗|绿色|森林|水质|空气|PM|排放|污染|生态|垃圾|光伏|清洁能源|节水|湿地).*")) {
            return "GREEN";
        }
        if (n.matches(".*(粮食|安全|风险|应急|债务|事故|死亡|防洪|消防).*")) {
            return "SECURITY";
        }
        if (n.matches(".*(收入|就业|教育|学校|医|养老|托育|住房|文化|体育|社保|保险|健康|寿命|幼儿|学位|床位|民生).*")) {
            return "WELLBEING";
        }
        return "ECONOMY";
    }

    private static Object component(Record r, String name) {
        for (var c : r.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    private static Class<?> recordComponentType(Class<?> type, String name) {
        for (var c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getType();
            }
        }
        throw new IllegalArgumentException(name + "：不能编辑");
    }

    private static int[] span(int qs, int qe, int s, int e) {
        return qe > qs ? new int[] {qs, qe} : new int[] {s, e};
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return num(d);
        }
        return v.toString();
    }

    static String num(Double v) {
        if (v == null) {
            return "—";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue())
                : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String unit(String u) {
        return u == null || u.isEmpty() ? "" : "（" + u + "）";
    }

    private static String cmp(String c) {
        if (c == null) {
            return "";
        }
        return switch (c) {
            case "AT_LEAST" -> "≥";
            case "AT_MOST" -> "≤";
            case "ABOUT" -> "≈";
            default -> "";
        };
    }

    static Function<String, String> typeOf() {
        return k -> k.substring(0, k.indexOf(':'));
    }
}
