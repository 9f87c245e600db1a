package cn.lantu.assessment;

import java.util.List;
import java.util.Objects;

/**
 * Assesses one indicator against its schedule: status, warning, progress, projection, catch-up rate and a one-sentence
 * Chinese explanation. Stateless and thread-safe. Formulas and thresholds: {@code docs/methodology.md}.
 *
 * <p>This class only routes each kind to its rule: {@link ProgressRules} for the kinds measured by progress P,
 * {@link BoundRules} for those judged held or broken. The trend and catch-up are in {@link Projection} and
 * {@link CatchUp}, the wording in {@link VerdictExplanation}.
 */
public final class AssessmentEngine {

    /** Slack on every comparison, so that a value landing on a threshold up to rounding counts as reaching it. */
    static final double EPS = 1e-9;

    private final Thresholds th;
    private final ProgressRules progressRules;
    private final BoundRules boundRules;

    public AssessmentEngine() {
        this(Thresholds.defaults());
    }

    public AssessmentEngine(Thresholds thresholds) {
        this.th = Objects.requireNonNull(thresholds, "thresholds");
        this.boundRules = new BoundRules(th);
        this.progressRules = new ProgressRules(th);
    }

    public Thresholds thresholds() {
        return th;
    }

    /** Assesses {@code spec} as of {@code asOfYear}; observations after that year are ignored. */
    public Assessment assess(IndicatorSpec spec, List<Observation> observations, int asOfYear) {
        return assess(spec, observations, List.of(), asOfYear);
    }

    /**
     * As {@link #assess(IndicatorSpec, List, int)}, with the related series of a RELATIONAL indicator (e.g. GDP growth
     * rates for income growth). Other kinds ignore {@code relatedSeries}.
     */
    public Assessment assess(IndicatorSpec spec, List<Observation> observations, List<Observation> relatedSeries,
                             int asOfYear) {
        Objects.requireNonNull(spec, "spec");
        spec = spec.asOf(asOfYear); // a year before a revision's effective year is judged against the original
        AssessmentDraft d = new AssessmentDraft(spec, asOfYear, th.provisionalElapsed());
        List<Observation> series = ObservedSeries.clean(observations, asOfYear);
        switch (spec.kind()) {
            case LEVEL -> progressRules.level(d, series);
            case GROWTH -> progressRules.growth(d, series);
            case CUMULATIVE -> progressRules.cumulative(d, series);
            case DECLINE -> progressRules.decline(d, series);
            case FLOOR -> boundRules.floor(d, series);
            case STABLE -> boundRules.stable(d, series);
            case RELATIONAL -> boundRules.relational(d, series, ObservedSeries.clean(relatedSeries, asOfYear));
            case ASSIGNED -> boundRules.verdict(d, series, true);
            case QUALITATIVE -> boundRules.verdict(d, series, false);
            default -> throw new IllegalStateException("unknown kind " + spec.kind());
        }
        return d.build();
    }

    /**
     * Status from progress P and schedule ratio R = P/τ with the thresholds for the attribute: P ≥ 1 achieved,
     * P < 0 (moving the wrong way) severely lagging, otherwise by R.
     */
    public Status classify(double p, double r, Attribute a) {
        return progressRules.classify(p, r, a);
    }
}
