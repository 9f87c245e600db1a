package cn.lantu.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * The Chinese sentences that explain a verdict (methodology §9), in the wording of evaluation reports. Kept apart from
 * the rules so the wording can be reviewed in one place and the rules read as formulas; numbers go through
 * {@link Fmt}.
 */
final class VerdictExplanation {

    private static final double EPS = AssessmentEngine.EPS;

    static final String NO_BASE = "基期值待录入";
    static final String NO_TARGET = "目标值待录入";
    static final String ZERO_TARGET = "目标值为零，无法计算完成进度";
    static final String NO_VERDICT = "定性指标，暂无评价结论";
    static final String NO_ASSIGNED_RESULT = "待录入上级下达指标完成情况";
    static final String NO_ISSUED_TARGET = "待录入上级下达的目标值";
    static final String LINEAR_FALLBACK = "含非正值，按线性路径计算";
    private static final String TO_REACH_TARGET = "方可实现目标";

    private VerdictExplanation() {
    }

    /** "暂无2026年以来数据". */
    static String noDataSince(int baseYear) {
        return "暂无" + (baseYear + 1) + "年以来数据";
    }

    static String noRelatedData(String related) {
        return "关联指标" + (related == null ? "" : related) + "暂无同期数据";
    }

    // ---------------------------------------------------------------- progress kinds

    /** "序时进度60%，完成进度54.8%，滞后5.2个百分点" (plus the period detail in brackets when given). */
    static String schedule(double tau, double p, Status status, int t, int targetYear, String detail) {
        StringBuilder sb = new StringBuilder();
        sb.append("序时进度").append(Fmt.pct(tau)).append("%，完成进度").append(Fmt.pct(p)).append("%");
        if (detail != null) {
            sb.append("（").append(detail).append("）");
        }
        if (status == Status.ACHIEVED_EARLY) {
            sb.append(t >= targetYear ? "，已实现目标" : "，已提前实现目标");
        } else if (p < -EPS) {
            sb.append("，逆向变化");
        } else {
            double diff = tau - p;
            String pts = Fmt.pts(diff);
            // compare the printed figure, so the text never says "滞后0个百分点"
            if ("0".equals(pts)) {
                sb.append("，与序时进度持平");
            } else if (diff > 0) {
                sb.append("，滞后").append(pts).append("个百分点");
            } else {
                sb.append("，超前").append(pts).append("个百分点");
            }
        }
        return sb.toString();
    }

    /** The sentence followed by what the remaining years need, when anything is needed. */
    static String withNeed(String sentence, String need) {
        return sentence + (need != null ? "；" + need : "");
    }

    /** A zero-rate target, judged pass/fail: "…，符合要求" / "…，未达到要求". */
    static String requirement(String period, boolean met) {
        return period + "，" + (met ? "符合要求" : "未达到要求");
    }

    static String levelWithinBand(double expected, IndicatorSpec s) {
        return "与序时目标值" + Fmt.value(expected, s.precision()) + "之差在±" + Fmt.trim(s.band(), 4) + s.unit()
                + "范围内";
    }

    /** "需今后年均增长3.2%…" on a geometric path, "需年均新增36.0万千瓦…" / "需年均提高0.5个百分点…" on a linear one. */
    static String levelNeed(CatchUp c, boolean geometric, boolean pctUnit) {
        double v = c.value();
        if (geometric) {
            return "需今后年均" + (v >= 0 ? "增长" : "下降") + Fmt.rate(Math.abs(v)) + "%" + TO_REACH_TARGET;
        }
        String verb = v >= 0 ? (pctUnit ? "提高" : "新增") : (pctUnit ? "降低" : "减少");
        return "需年均" + verb + Fmt.qty(Math.abs(v)) + c.unit() + TO_REACH_TARGET;
    }

    static String growthPeriod(List<Observation> pts, double avg, double target, Comparator comparator) {
        return range(pts) + "年均增长" + Fmt.rate(avg) + "%，目标" + Fmt.rate(target) + "%" + comparator.label();
    }

    static String growthWithinBand(List<Observation> pts, double avg, double target, double band) {
        return range(pts) + "年均增长" + Fmt.rate(avg) + "%，在目标" + Fmt.rate(target) + "%左右±"
                + Fmt.trim(band, 2) + "个百分点范围内，视为基本符合预期";
    }

    static String growthNeed(CatchUp c) {
        return "需今后年均增长" + Fmt.rate(c.value()) + "%" + TO_REACH_TARGET;
    }

    static String cumulativePeriod(List<Observation> pts, double sum, double total, IndicatorSpec s) {
        return range(pts) + "累计" + Fmt.value(sum, s.precision()) + s.unit() + "，目标"
                + Fmt.value(total, s.precision()) + s.unit();
    }

    static String cumulativeNeed(CatchUp c) {
        return "需今后年均新增" + Fmt.qty(c.value()) + c.unit() + TO_REACH_TARGET;
    }

    static String declinePeriod(List<Observation> pts, double cumulativePct, double target) {
        return range(pts) + "累计下降" + Fmt.trim(cumulativePct, 1) + "%，目标下降" + Fmt.rate(target) + "%";
    }

    static String declineNeed(CatchUp c) {
        return "需今后年均下降" + Fmt.rate(c.value()) + "%" + TO_REACH_TARGET;
    }

    // ---------------------------------------------------------------- bound, band and verdict kinds

    /** "2028年为56.1%，达到不低于56.0%的要求" or "…，未达到…的要求，相差0.3%；需恢复至…", with earlier breaches. */
    static String bound(IndicatorSpec s, Observation last, double target, int sgn, boolean met, boolean metAtBase,
                        Double base, List<Integer> breaches) {
        double xt = last.value();
        String bound = (sgn > 0 ? "不低于" : "不高于") + Fmt.value(target, s.precision()) + s.unit();
        StringBuilder sb = new StringBuilder();
        sb.append(last.year()).append("年为").append(Fmt.value(xt, null)).append(s.unit());
        if (met) {
            sb.append("，达到").append(bound).append("的要求");
            if (metAtBase && base != null) {
                sb.append("（基期值").append(Fmt.value(base, s.precision())).append(s.unit()).append("已达到目标）");
            }
        } else {
            sb.append("，未达到").append(bound).append("的要求，相差")
                    .append(Fmt.qty(Math.abs(target - xt))).append(s.unit());
            sb.append("；需恢复至").append(bound);
        }
        if (!breaches.isEmpty()) {
            sb.append("（").append(joinYears(breaches)).append("年曾未达到）");
        }
        return sb.toString();
    }

    /** "2028年为100，较基期98变动2%，在±3%的稳定区间内". */
    static String stable(IndicatorSpec s, int year, double value, double base, double change, double band,
                         boolean met) {
        String changeText = Double.isInfinite(change) ? "变动" : "变动" + Fmt.trim(change * 100, 1) + "%";
        return year + "年为" + Fmt.value(value, null) + s.unit() + "，较基期"
                + Fmt.value(base, s.precision()) + s.unit() + changeText + "，" + (met ? "在" : "超出")
                + "±" + Fmt.trim(band * 100, 2) + "%的稳定区间" + (met ? "内" : "");
    }

    /** Both average growth rates, their gap and whether it keeps to the comparator's band. */
    static String relational(IndicatorSpec s, List<Observation> common, double avgOwn, double avgRelated, double gap,
                             double band, boolean met) {
        String relName = s.related() == null ? "关联指标" : s.related();
        String bandText = switch (s.comparator()) {
            case AT_LEAST -> (met ? "不低于" : "低于") + relName + "增速" + Fmt.trim(band, 2) + "个百分点的要求"
                    + (met ? "得到满足" : "");
            case AT_MOST -> (met ? "不高于" : "高于") + relName + "增速" + Fmt.trim(band, 2) + "个百分点的要求"
                    + (met ? "得到满足" : "");
            default -> (met ? "在" : "超出") + "±" + Fmt.trim(band, 2) + "个百分点范围" + (met ? "内" : "");
        };
        return range(common) + "年均增长" + Fmt.rate(avgOwn) + "%，同期" + relName + "年均增长" + Fmt.rate(avgRelated)
                + "%，相差" + Fmt.trim(gap, 2) + "个百分点，" + bandText;
    }

    /** "2027年上级下达指标完成" / "2027年评价结论：完成", with the number in brackets when one came with it. */
    static String verdict(IndicatorSpec s, Observation last, boolean assigned) {
        return last.year() + "年" + (assigned ? "上级下达指标" : "评价结论：") + last.verdict().label()
                + (last.value() != null ? "（" + Fmt.value(last.value(), s.precision()) + s.unit() + "）" : "");
    }

    /** An ASSIGNED number against the target issued for its year. */
    static String issuedNumber(IndicatorSpec s, Observation last, double target, int sgn, boolean met) {
        return last.year() + "年为" + Fmt.value(last.value(), null) + s.unit() + "，上级下达目标"
                + (sgn > 0 ? "不低于" : "不高于") + Fmt.value(target, s.precision()) + s.unit() + "，"
                + (met ? "完成" : "未完成");
    }

    // ---------------------------------------------------------------- notes

    /** The note on the year's annual-plan target: "2027年年度计划目标5.5，完成". */
    static String annualTarget(IndicatorSpec s, int year, double target, boolean met) {
        return year + "年年度计划目标" + Fmt.value(target, s.precision()) + "，" + (met ? "完成" : "未完成");
    }

    /**
     * The draft's sentence with its notes in one bracket: the rule's own notes, then (unless there is no data) missing
     * years, estimates and the first-year caveat, then the revised target.
     */
    static String withNotes(AssessmentDraft d) {
        IndicatorSpec spec = d.spec;
        StringBuilder sb = new StringBuilder(d.text);
        List<String> extra = new ArrayList<>(d.notes);
        if (d.status != Status.NO_DATA) {
            if (!d.missing.isEmpty()) {
                extra.add("缺" + joinYears(d.missing) + "年数据，按已有年份计算");
            }
            if (d.latestEstimate) {
                extra.add(d.latestYear + "年为预计数");
            } else if (d.anyEstimate) {
                extra.add("含预计数");
            }
            if (d.provisional) {
                extra.add("规划期首年，结论为初步判断");
            }
        }
        if (spec.revised()) {
            String reason = spec.revisionReason();
            extra.add("按调整后目标" + Fmt.value(spec.revisedTargetValue(), spec.precision())
                    + (spec.targetValue() != null ? "评估，原目标" + Fmt.value(spec.targetValue(), spec.precision()) : "评估")
                    + (reason != null && !reason.isBlank() ? "，调整理由：" + reason : ""));
        }
        if (!extra.isEmpty()) {
            sb.append("（").append(String.join("；", extra)).append("）");
        }
        return sb.toString();
    }

    /** "2026—2028年" or "2026年". */
    private static String range(List<Observation> pts) {
        int first = pts.get(0).year(), last = pts.get(pts.size() - 1).year();
        return first == last ? first + "年" : first + "—" + last + "年";
    }

    /** "2026、2027". */
    private static String joinYears(List<Integer> years) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < years.size(); i++) {
            if (i > 0) {
                sb.append("、");
            }
            sb.append(years.get(i));
        }
        return sb.toString();
    }
}
