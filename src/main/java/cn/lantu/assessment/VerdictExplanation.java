package cn.lantu.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentences that explain a verdict (methodology §9), in the wording of evaluation reports. Kept apart from the
 * rules so the wording can be reviewed in one place and the rules read as formulas. Each method decides which pieces
 * a sentence has and formats the numbers ({@link Fmt}); the result is a {@link Phrase}, put into words by a
 * {@link Phrasebook} (Chinese or English), so the rules run once and both texts say the same.
 */
final class VerdictExplanation {

    private static final double EPS = AssessmentEngine.EPS;

    static final Phrase NO_BASE = Phrasebook::noBase;
    static final Phrase NO_TARGET = Phrasebook::noTarget;
    static final Phrase ZERO_TARGET = Phrasebook::zeroTarget;
    static final Phrase NO_VERDICT = Phrasebook::noVerdict;
    static final Phrase NO_ASSIGNED_RESULT = Phrasebook::noAssignedResult;
    static final Phrase NO_ISSUED_TARGET = Phrasebook::noIssuedTarget;
    static final Phrase LINEAR_FALLBACK = Phrasebook::linearFallback;

    private VerdictExplanation() {
    }

    /** "暂无2026年以来数据". */
    static Phrase noDataSince(int baseYear) {
        return b -> b.noDataSince(baseYear + 1);
    }

    static Phrase noRelatedData(String related) {
        return b -> b.noRelatedData(related);
    }

    // ---------------------------------------------------------------- progress kinds

    /** "序时进度60%，完成进度54.8%，滞后5.2个百分点" (plus the period detail in brackets when given). */
    static Phrase schedule(double tau, double p, Status status, int t, int targetYear, Phrase detail) {
        String elapsed = Fmt.pct(tau), progress = Fmt.pct(p);
        double diff = tau - p;
        String pts = Fmt.pts(diff);
        return b -> {
            StringBuilder sb = new StringBuilder(b.schedule(elapsed, progress));
            if (detail != null) {
                sb.append(b.bracket(detail.in(b)));
            }
            sb.append(b.comma());
            if (status == Status.ACHIEVED_EARLY) {
                sb.append(t >= targetYear ? b.targetAchieved() : b.targetAchievedEarly());
            } else if (p < -EPS) {
                sb.append(b.reversed());
            } else if ("0".equals(pts)) {
                // compare the printed figure, so the text never says "滞后0个百分点"
                sb.append(b.levelWithSchedule());
            } else if (diff > 0) {
                sb.append(b.behindBy(pts));
            } else {
                sb.append(b.aheadBy(pts));
            }
            return sb.toString();
        };
    }

    /** The sentence followed by what the remaining years need, when anything is needed. */
    static Phrase withNeed(Phrase sentence, Phrase need) {
        return b -> sentence.in(b) + (need != null ? b.semicolon() + need.in(b) : "");
    }

    /** A zero-rate target, judged pass/fail: "…，符合要求" / "…，未达到要求". */
    static Phrase requirement(Phrase period, boolean met) {
        return b -> period.in(b) + b.comma() + b.requirement(met);
    }

    static Phrase levelWithinBand(double expected, IndicatorSpec s) {
        String value = Fmt.value(expected, s.precision()), band = Fmt.trim(s.band(), 4);
        return b -> b.levelWithinBand(value, b.amount(band, s.unit()));
    }

    /** "需今后年均增长3.2%…" on a geometric path, "需年均新增36.0万千瓦…" / "需年均提高0.5个百分点…" on a linear one. */
    static Phrase levelNeed(CatchUp c, boolean geometric, boolean pctUnit) {
        double v = c.value();
        if (geometric) {
            String rate = Fmt.rate(Math.abs(v));
            return b -> b.needCompound(v >= 0, rate);
        }
        String qty = Fmt.qty(Math.abs(v));
        return b -> b.needStep(v >= 0, pctUnit, b.amount(qty, c.unit()));
    }

    static Phrase growthPeriod(List<Observation> pts, double avg, double target, Comparator comparator) {
        String a = Fmt.rate(avg), t = Fmt.rate(target);
        return b -> b.growthPeriod(range(pts, b), a, t, comparator);
    }

    static Phrase growthWithinBand(List<Observation> pts, double avg, double target, double band) {
        String a = Fmt.rate(avg), t = Fmt.rate(target), w = Fmt.trim(band, 2);
        return b -> b.growthWithinBand(range(pts, b), a, t, w);
    }

    static Phrase growthNeed(CatchUp c) {
        String rate = Fmt.rate(c.value());
        return b -> b.needGrowth(rate);
    }

    static Phrase cumulativePeriod(List<Observation> pts, double sum, double total, IndicatorSpec s) {
        String sumText = Fmt.value(sum, s.precision()), totalText = Fmt.value(total, s.precision());
        return b -> b.cumulativePeriod(range(pts, b), b.amount(sumText, s.unit()), b.amount(totalText, s.unit()));
    }

    static Phrase cumulativeNeed(CatchUp c) {
        String qty = Fmt.qty(c.value());
        return b -> b.needAddition(b.amount(qty, c.unit()));
    }

    static Phrase declinePeriod(List<Observation> pts, double cumulativePct, double target) {
        String cum = Fmt.trim(cumulativePct, 1), t = Fmt.rate(target);
        return b -> b.declinePeriod(range(pts, b), cum, t);
    }

    static Phrase declineNeed(CatchUp c) {
        String rate = Fmt.rate(c.value());
        return b -> b.needDecline(rate);
    }

    // ---------------------------------------------------------------- bound, band and verdict kinds

    /** "2028年为56.1%，达到不低于56.0%的要求" or "…，未达到…的要求，相差0.3%；需恢复至…", with earlier breaches. */
    static Phrase bound(IndicatorSpec s, Observation last, double target, int sgn, boolean met, boolean metAtBase,
                        Double base, List<Integer> breaches, boolean completed) {
        double xt = last.value();
        String value = Fmt.value(xt, null), targetText = Fmt.value(target, s.precision());
        String baseText = base == null ? null : Fmt.value(base, s.precision());
        String gap = Fmt.qty(Math.abs(target - xt));
        List<Integer> earlier = List.copyOf(breaches);
        return b -> {
            String bound = b.bound(sgn > 0, b.amount(targetText, s.unit()));
            StringBuilder sb = new StringBuilder(b.valueInYear(last.year(), b.amount(value, s.unit())));
            if (met) {
                sb.append(b.comma()).append(b.boundMet(bound));
                if (metAtBase && baseText != null) {
                    sb.append(b.bracket(b.metAtBase(b.amount(baseText, s.unit()))));
                }
                if (completed) {
                    sb.append(b.comma()).append(b.targetAchieved());
                }
            } else {
                sb.append(b.comma()).append(b.boundMissed(bound, b.amount(gap, s.unit())));
                sb.append(b.semicolon()).append(b.restoreTo(bound));
            }
            if (!earlier.isEmpty()) {
                sb.append(b.bracket(b.earlierBreaches(joinYears(earlier, b))));
            }
            return sb.toString();
        };
    }

    /** "2028年为100，较基期98变动2%，在±3%的稳定区间内". */
    static Phrase stable(IndicatorSpec s, int year, double value, double base, double change, double band,
                         boolean met) {
        String v = Fmt.value(value, null), baseText = Fmt.value(base, s.precision());
        String changeText = Double.isInfinite(change) ? null : Fmt.trim(change * 100, 1);
        String bandText = Fmt.trim(band * 100, 2);
        return b -> b.stable(year, b.amount(v, s.unit()), b.amount(baseText, s.unit()), changeText, bandText, met);
    }

    /** Both average growth rates, their gap and whether it keeps to the comparator's band. */
    static Phrase relational(IndicatorSpec s, List<Observation> common, double avgOwn, double avgRelated, double gap,
                             double band, boolean met) {
        String own = Fmt.rate(avgOwn), rel = Fmt.rate(avgRelated), gapText = Fmt.trim(gap, 2);
        String bandText = Fmt.trim(band, 2);
        return b -> b.relational(range(common, b), own, s.related(), rel, gapText,
                b.relationalBand(s.comparator(), s.related(), bandText, met));
    }

    /** "2027年上级下达指标完成" / "2027年评价结论：完成", with the number in brackets when one came with it. */
    static Phrase verdict(IndicatorSpec s, Observation last, boolean assigned) {
        String value = last.value() != null ? Fmt.value(last.value(), s.precision()) : null;
        return b -> b.verdict(last.year(), assigned, last.verdict(), value == null ? null : b.amount(value, s.unit()));
    }

    /** An ASSIGNED number against the target issued for its year. */
    static Phrase issuedNumber(IndicatorSpec s, Observation last, double target, int sgn, boolean met) {
        String value = Fmt.value(last.value(), null), targetText = Fmt.value(target, s.precision());
        return b -> b.issuedNumber(last.year(), b.amount(value, s.unit()),
                b.bound(sgn > 0, b.amount(targetText, s.unit())), met);
    }

    // ---------------------------------------------------------------- notes

    /** The note on the year's annual-plan target: "2027年年度计划目标5.5，完成". */
    static Phrase annualTarget(IndicatorSpec s, int year, double target, boolean met) {
        String t = Fmt.value(target, s.precision());
        return b -> b.annualTarget(year, t, met);
    }

    /**
     * The draft's sentence with its notes in one bracket: the rule's own notes, then (unless there is no data) missing
     * years, estimates and the first-year caveat, then the revised target.
     */
    static String withNotes(AssessmentDraft d, Phrasebook b) {
        IndicatorSpec spec = d.spec;
        StringBuilder sb = new StringBuilder(d.text.in(b));
        List<String> extra = new ArrayList<>();
        for (Phrase note : d.notes) {
            extra.add(note.in(b));
        }
        if (d.status != Status.NO_DATA) {
            if (!d.missing.isEmpty()) {
                extra.add(b.missingYears(joinYears(d.missing, b)));
            }
            if (d.latestEstimate) {
                extra.add(b.latestEstimate(d.latestYear));
            } else if (d.anyEstimate) {
                extra.add(b.someEstimates());
            }
            if (d.provisional) {
                extra.add(b.provisional());
            }
        }
        if (spec.revised()) {
            String reason = spec.revisionReason();
            extra.add(b.revisedTarget(Fmt.value(spec.revisedTargetValue(), spec.precision()),
                    spec.targetValue() != null ? Fmt.value(spec.targetValue(), spec.precision()) : null,
                    reason != null && !reason.isBlank() ? reason : null));
        }
        if (!extra.isEmpty()) {
            sb.append(b.notes(extra));
        }
        return b.sentence(sb.toString());
    }

    /** "2026—2028年" or "2026年". */
    private static String range(List<Observation> pts, Phrasebook b) {
        return b.years(pts.get(0).year(), pts.get(pts.size() - 1).year());
    }

    /** "2026、2027". */
    private static String joinYears(List<Integer> years, Phrasebook b) {
        List<String> texts = new ArrayList<>();
        for (Integer y : years) {
            texts.add(String.valueOf(y));
        }
        return b.list(texts);
    }
}
