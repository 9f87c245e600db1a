package cn.lantu.assessment;

import java.util.List;

/**
 * Builds the {@link Comparison} of each kind with its Chinese cell texts, worded like the explanation
 * ({@link VerdictExplanation}) and with the same rounding, so a table and the sentence beside it agree.
 */
final class ComparisonText {

    private ComparisonText() {
    }

    /** LEVEL: "2028年预计228万千瓦" against the level due on schedule. */
    static Comparison level(AssessmentDraft d, Observation last, double expected) {
        IndicatorSpec s = d.spec;
        return new Comparison(Comparison.Basis.LEVEL, last.value(), expected, levelAt(s, last),
                Fmt.value(expected, s.precision()) + unit(s), levelAtEn(s, last),
                Fmt.value(expected, s.precision()) + unitEn(s));
    }

    /** A bound to hold (FLOOR, a level target met at the base): the level against "不低于56.0%". */
    static Comparison bound(AssessmentDraft d, Observation last, double target, int sgn) {
        IndicatorSpec s = d.spec;
        return new Comparison(Comparison.Basis.LEVEL, last.value(), target, levelAt(s, last),
                (sgn > 0 ? "不低于" : "不高于") + Fmt.value(target, s.precision()) + unit(s), levelAtEn(s, last),
                (sgn > 0 ? "at least " : "at most ") + Fmt.value(target, s.precision()) + unitEn(s));
    }

    /** STABLE: the level against the base and its band, "基期98±3%". */
    static Comparison stable(AssessmentDraft d, Observation last, double base, double band) {
        IndicatorSpec s = d.spec;
        return new Comparison(Comparison.Basis.LEVEL, last.value(), base, levelAt(s, last),
                "基期" + Fmt.value(base, s.precision()) + unit(s) + "±" + Fmt.trim(band * 100, 2) + "%",
                levelAtEn(s, last),
                "base " + Fmt.value(base, s.precision()) + unitEn(s) + " ±" + Fmt.trim(band * 100, 2) + "%");
    }

    /** ASSIGNED with a number: the year's number against the issued one. */
    static Comparison issued(AssessmentDraft d, Observation last, double target, int sgn) {
        return bound(d, last, target, sgn);
    }

    /** ASSIGNED / QUALITATIVE with an entered verdict. */
    static Comparison verdict(AssessmentDraft d, Observation last, boolean assigned) {
        return new Comparison(Comparison.Basis.VERDICT, null, null,
                last.year() + "年" + (last.estimate() ? "预计" : "") + last.verdict().label(),
                assigned ? "完成上级下达指标" : "—",
                last.year() + (last.estimate() ? " (estimate) " : " ") + last.verdict().labelEn(),
                assigned ? "the target set by the higher level" : "—");
    }

    /** GROWTH: "2026—2028年年均增长6.9%" against "年均增长6.5%左右". */
    static Comparison growth(AssessmentDraft d, List<Observation> pts, double avg, double target) {
        return new Comparison(Comparison.Basis.AVERAGE_GROWTH, avg, target,
                range(pts) + "年均增长" + Fmt.rate(avg) + "%" + estimates(d),
                "年均增长" + Fmt.rate(target) + "%" + d.spec.comparator().label(),
                "average growth " + Fmt.rate(avg) + "% in " + rangeEn(pts) + estimatesEn(d),
                "average growth " + Fmt.rate(target) + "%" + spaced(d.spec.comparator().labelEn()));
    }

    /** RELATIONAL: the indicator's average growth against the related series' over the same years. */
    static Comparison relational(AssessmentDraft d, List<Observation> common, double avgOwn, double avgRelated) {
        String rel = d.spec.related() == null ? "关联指标" : d.spec.related();
        return new Comparison(Comparison.Basis.AVERAGE_GROWTH, avgOwn, avgRelated,
                range(common) + "年均增长" + Fmt.rate(avgOwn) + "%" + estimates(d),
                "同期" + rel + "年均增长" + Fmt.rate(avgRelated) + "%",
                "average growth " + Fmt.rate(avgOwn) + "% in " + rangeEn(common) + estimatesEn(d),
                (d.spec.related() == null ? "the related indicator" : d.spec.related()) + ": average growth "
                        + Fmt.rate(avgRelated) + "% in the same years");
    }

    /** CUMULATIVE: "2026—2028年累计4.2万人" against "累计4.2万人". */
    static Comparison total(AssessmentDraft d, List<Observation> pts, double sum, double expected) {
        IndicatorSpec s = d.spec;
        return new Comparison(Comparison.Basis.TOTAL, sum, expected,
                range(pts) + "累计" + Fmt.value(sum, s.precision()) + unit(s) + estimates(d),
                "累计" + Fmt.value(expected, s.precision()) + unit(s),
                "total " + Fmt.value(sum, s.precision()) + unitEn(s) + " in " + rangeEn(pts) + estimatesEn(d),
                "total " + Fmt.value(expected, s.precision()) + unitEn(s));
    }

    /** DECLINE: "2026—2028年累计下降7.2%" against "累计下降10.2%". */
    static Comparison reduction(AssessmentDraft d, List<Observation> pts, double cumulativePct, double expected) {
        return new Comparison(Comparison.Basis.REDUCTION, cumulativePct, expected,
                range(pts) + "累计下降" + Fmt.trim(cumulativePct, 1) + "%" + estimates(d),
                "累计下降" + Fmt.trim(expected, 1) + "%",
                "cumulative reduction " + Fmt.trim(cumulativePct, 1) + "% in " + rangeEn(pts) + estimatesEn(d),
                "cumulative reduction " + Fmt.trim(expected, 1) + "%");
    }

    private static String levelAt(IndicatorSpec s, Observation last) {
        return last.year() + "年" + (last.estimate() ? "预计" : "") + Fmt.value(last.value(), null) + unit(s);
    }

    private static String levelAtEn(IndicatorSpec s, Observation last) {
        return last.year() + (last.estimate() ? " (estimate) " : " ") + Fmt.value(last.value(), null) + unitEn(s);
    }

    private static String estimatesEn(AssessmentDraft d) {
        return d.anyEstimate ? " (incl. estimates)" : "";
    }

    private static String unitEn(IndicatorSpec s) {
        String u = unit(s);
        return u.isEmpty() || "%".equals(u) ? u : " " + u;
    }

    private static String spaced(String s) {
        return s == null || s.isEmpty() ? "" : " " + s;
    }

    private static String rangeEn(List<Observation> pts) {
        int first = pts.get(0).year(), last = pts.get(pts.size() - 1).year();
        return first == last ? String.valueOf(first) : first + "–" + last;
    }

    private static String estimates(AssessmentDraft d) {
        return d.anyEstimate ? "（含预计数）" : "";
    }

    private static String unit(IndicatorSpec s) {
        return s.unit() == null || "—".equals(s.unit()) ? "" : s.unit();
    }

    private static String range(List<Observation> pts) {
        int first = pts.get(0).year(), last = pts.get(pts.size() - 1).year();
        return first == last ? first + "年" : first + "—" + last + "年";
    }
}
