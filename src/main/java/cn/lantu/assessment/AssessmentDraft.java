package cn.lantu.assessment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * One assessment under construction: the kind's rule fills in what it can compute, {@link #build()} turns it into an
 * {@link Assessment}. Mutable, so it never leaves the {@code assess} call that made it.
 */
final class AssessmentDraft {

    private static final double EPS = AssessmentEngine.EPS;

    final IndicatorSpec spec;
    private final int asOf;
    private final double provisionalElapsed;
    Status status = Status.NO_DATA;
    boolean provisional;
    Double elapsed, expected, progress, ratio;
    Integer latestYear;
    Double latestValue;
    boolean latestEstimate;
    boolean anyEstimate;
    /** Null when there are too few points for a trend. */
    Projection projection;
    /** Null once the target is reached, in the target year, and for kinds without one. */
    CatchUp catchUp;
    /** The kind's sentence; the notes are appended by {@link VerdictExplanation#withNotes}. */
    Phrase text = b -> "";
    Boolean annualMet;
    /** The achieved and the due value in the same terms; null when there is no data. */
    Comparison comparison;
    final List<Phrase> notes = new ArrayList<>();
    final List<Integer> missing = new ArrayList<>();

    AssessmentDraft(IndicatorSpec spec, int asOf, double provisionalElapsed) {
        this.spec = spec;
        this.asOf = asOf;
        this.provisionalElapsed = provisionalElapsed;
    }

    void noData(Phrase why) {
        status = Status.NO_DATA;
        comparison = null;
        text = why;
    }

    /** Records the latest observation and the elapsed share τ, and from them whether the verdict is provisional. */
    void latest(Observation last, double tau, List<Observation> used) {
        latestYear = last.year();
        latestValue = last.value();
        latestEstimate = last.estimate();
        elapsed = tau;
        for (Observation o : used) {
            anyEstimate |= o.estimate();
        }
        provisional = tau <= provisionalElapsed + EPS || last.year() <= spec.periodStart();
        // flow kinds count observed years only: say which years inside the period are missing
        if (spec.kind() == Kind.GROWTH || spec.kind() == Kind.CUMULATIVE || spec.kind() == Kind.DECLINE) {
            Set<Integer> have = new HashSet<>();
            for (Observation o : used) {
                have.add(o.year());
            }
            for (int y = spec.baseYear() + 1; y < last.year(); y++) {
                if (!have.contains(y)) {
                    missing.add(y);
                }
            }
        }
    }

    /** Band/bound kinds: held → ON_TRACK; broken → SEVERELY_LAGGING when binding, else LAGGING. */
    void hold(boolean met) {
        status = met ? Status.ON_TRACK : spec.binding() ? Status.SEVERELY_LAGGING : Status.LAGGING;
    }

    /** See {@link Projection#toTargetYear}. */
    void project(List<double[]> points, int targetYear, DoubleUnaryOperator toValue, DoubleUnaryOperator toProgress) {
        projection = Projection.toTargetYear(points, targetYear, toValue, toProgress);
    }

    Assessment build() {
        Projection pr = projection;
        return new Assessment(spec.code(), asOf, status, Warning.of(status, spec.attribute()), provisional,
                elapsed, expected, progress, ratio, latestYear, latestValue, latestEstimate,
                pr == null ? null : pr.value(), pr == null ? null : pr.low(), pr == null ? null : pr.high(),
                pr == null ? null : pr.anticipatedProgress(),
                catchUp == null ? null : catchUp.value(), catchUp == null ? null : catchUp.unit(),
                VerdictExplanation.withNotes(this, ChinesePhrases.INSTANCE), annualMet,
                spec.revised() ? Assessment.REVISED : Assessment.ORIGINAL,
                VerdictExplanation.withNotes(this, EnglishPhrases.INSTANCE), status == Status.NO_DATA ? null : comparison);
    }
}
