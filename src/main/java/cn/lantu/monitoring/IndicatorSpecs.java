package cn.lantu.monitoring;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lantu.assessment.IndicatorSpec;
import cn.lantu.assessment.Kind;
import cn.lantu.indicator.Indicator;

/** Turns a stored indicator into the assessment engine's plain specification. */
public final class IndicatorSpecs {

    private static final Pattern DECIMALS = Pattern.compile("\\d+\\.(\\d+)");

    private IndicatorSpecs() {}

    /**
     * For growth, cumulative, decline and relational kinds the target is a rate or a total over the plan period, so
     * the base year is the year before the period whatever year the reference figure comes from, and the reference
     * figure (e.g. 4.2* for row 5, 1.64 for row 18) is kept for information only. A target stated as an increment
     * ("提高5个百分点") becomes base + increment once the base is entered.
     */
    public static IndicatorSpec of(Indicator i, int planStart) {
        return of(i, planStart, null, null);
    }

    /** As {@link #of(Indicator, int)}, with the indicator's yearly plan targets and its revised target in force. */
    public static IndicatorSpec of(Indicator i, int planStart, java.util.Map<Integer, Double> annualTargets,
                                   TargetRepository.Revision revision) {
        return of(i, planStart, annualTargets, revision, i.relatedCode());
    }

    /**
     * As above, naming the related series of a RELATIONAL indicator in its text by {@code related} (a reader's name
     * such as "地区生产总值（GDP）", see {@link #relatedLabel}) rather than by its code.
     */
    public static IndicatorSpec of(Indicator i, int planStart, java.util.Map<Integer, Double> annualTargets,
                                   TargetRepository.Revision revision, String related) {
        boolean periodKind = i.kind() == Kind.GROWTH || i.kind() == Kind.CUMULATIVE || i.kind() == Kind.DECLINE
                || i.kind() == Kind.RELATIONAL;
        int baseYear = periodKind ? planStart - 1 : i.baseYear();
        Double base = periodKind ? null : i.baseValue();
        Double target = i.targetValue();
        if (i.targetIsIncrement()) {
            target = base == null || target == null ? null : base + target;
        }
        return IndicatorSpec.builder(i.code(), i.kind())
                .name(i.name()).unit(i.unit()).attribute(i.attribute()).path(i.path()).direction(i.direction())
                .comparator(i.comparator()).band(i.band()).base(baseYear, base).target(i.targetYear(), target)
                .precision(i.kind() == Kind.FLOOR ? precision(i) : null)
                .periodStartYear(planStart).related(related)
                .annualTargets(annualTargets == null ? java.util.Map.of() : annualTargets)
                .revisedTarget(revision == null ? null : revision.value(), revision == null ? null
                        : revision.reason() + "（" + revision.approval() + "）",
                        revision == null ? null : revision.effectiveYear())
                .build();
    }

    /** Decimal places the target is stated with ("56.0" → 1), so floors are compared at that precision. */
    static Integer precision(Indicator i) {
        String text = i.targetVerbatim() != null && DECIMALS.matcher(i.targetVerbatim()).find() ? i.targetVerbatim()
                : i.targetValue() == null ? null : String.valueOf(i.targetValue());
        if (text == null) {
            return null;
        }
        Matcher m = DECIMALS.matcher(text);
        return m.find() ? m.group(1).length() : 0;
    }

    /**
     * How the text names a related series: the indicator's name without a trailing 增长/增速, since the sentence says
     * "同期地区生产总值（GDP）年均增长6.9%"; the code only when the indicator is unknown.
     */
    public static String relatedLabel(String relatedCode, List<Indicator> indicators) {
        if (relatedCode == null) {
            return null;
        }
        for (Indicator r : indicators) {
            if (relatedCode.equals(r.code())) {
                return r.name().replaceAll("(增长率|增长|增速)$", "");
            }
        }
        return relatedCode;
    }
}
