package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** More progress never gives a worse status; the same holds across kinds. */
class StatusProperties {

    private final AssessmentEngine engine = new AssessmentEngine();

    private static int sev(Assessment a) {
        return a.status().severity();
    }

    @Property
    void levelMoreProgressNeverWorse(@ForAll @DoubleRange(min = -1000, max = 1000) double base,
                                     @ForAll @DoubleRange(min = 1, max = 500) double distance,
                                     @ForAll boolean up, @ForAll boolean binding, @ForAll boolean about,
                                     @ForAll @IntRange(min = 2026, max = 2030) int year,
                                     @ForAll @DoubleRange(min = -0.5, max = 1.5) double p1,
                                     @ForAll @DoubleRange(min = 0, max = 1) double more) {
        double target = base + (up ? distance : -distance);
        IndicatorSpec s = IndicatorSpec.level("x", Path.LINEAR, base, target)
                .direction(up ? Direction.UP : Direction.DOWN)
                .comparator(about ? Comparator.ABOUT : up ? Comparator.AT_LEAST : Comparator.AT_MOST)
                .band(about ? distance * 0.1 : null)
                .attribute(binding ? Attribute.BINDING : Attribute.ANTICIPATORY).build();
        double x1 = base + p1 * (target - base);
        double x2 = base + (p1 + more) * (target - base);
        Assessment a1 = engine.assess(s, List.of(Observation.of(year, x1)), year);
        Assessment a2 = engine.assess(s, List.of(Observation.of(year, x2)), year);
        assertThat(sev(a2)).isLessThanOrEqualTo(sev(a1));
    }

    @Property
    void geometricMoreProgressNeverWorse(@ForAll @DoubleRange(min = 1, max = 1000) double base,
                                         @ForAll @DoubleRange(min = 1.05, max = 3) double factor,
                                         @ForAll @IntRange(min = 2026, max = 2030) int year,
                                         @ForAll @DoubleRange(min = 0.5, max = 3.5) double f1,
                                         @ForAll @DoubleRange(min = 0, max = 1) double more) {
        IndicatorSpec s = IndicatorSpec.level("x", Path.GEOMETRIC, base, base * factor).build();
        Assessment a1 = engine.assess(s, List.of(Observation.of(year, base * f1)), year);
        Assessment a2 = engine.assess(s, List.of(Observation.of(year, base * (f1 + more))), year);
        assertThat(sev(a2)).isLessThanOrEqualTo(sev(a1));
    }

    @Provide
    Arbitrary<List<double[]>> ratePairs() {
        Arbitrary<double[]> pair = Combinators.combine(
                Arbitraries.doubles().between(-5, 15), Arbitraries.doubles().between(0, 3))
                .as((r, extra) -> new double[]{r, r + extra});
        return pair.list().ofMinSize(1).ofMaxSize(5);
    }

    @Property
    void growthHigherRatesNeverWorse(@ForAll("ratePairs") List<double[]> pairs,
                                     @ForAll @DoubleRange(min = 0.5, max = 10) double gStar,
                                     @ForAll boolean about, @ForAll boolean binding) {
        IndicatorSpec s = IndicatorSpec.growth("g", gStar).comparator(about ? Comparator.ABOUT : Comparator.AT_LEAST)
                .band(about ? 0.5 : null).attribute(binding ? Attribute.BINDING : Attribute.ANTICIPATORY).build();
        List<Observation> low = new ArrayList<>(), high = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            low.add(Observation.of(2026 + i, pairs.get(i)[0]));
            high.add(Observation.of(2026 + i, pairs.get(i)[1]));
        }
        assertThat(sev(engine.assess(s, high, 2030))).isLessThanOrEqualTo(sev(engine.assess(s, low, 2030)));
    }

    @Property
    void declineLargerReductionsNeverWorse(@ForAll("ratePairs") List<double[]> pairs,
                                           @ForAll @DoubleRange(min = 1, max = 40) double dStar,
                                           @ForAll boolean binding) {
        IndicatorSpec s = IndicatorSpec.decline("d", dStar)
                .attribute(binding ? Attribute.BINDING : Attribute.ANTICIPATORY).build();
        List<Observation> low = new ArrayList<>(), high = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            low.add(Observation.of(2026 + i, pairs.get(i)[0]));
            high.add(Observation.of(2026 + i, pairs.get(i)[1]));
        }
        assertThat(sev(engine.assess(s, high, 2030))).isLessThanOrEqualTo(sev(engine.assess(s, low, 2030)));
    }

    @Property
    void cumulativeLargerAdditionsNeverWorse(@ForAll("ratePairs") List<double[]> pairs,
                                             @ForAll @DoubleRange(min = 1, max = 50) double total) {
        IndicatorSpec s = IndicatorSpec.cumulative("c", total).build();
        List<Observation> low = new ArrayList<>(), high = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            low.add(Observation.of(2026 + i, pairs.get(i)[0]));
            high.add(Observation.of(2026 + i, pairs.get(i)[1]));
        }
        assertThat(sev(engine.assess(s, high, 2030))).isLessThanOrEqualTo(sev(engine.assess(s, low, 2030)));
    }

    @Property
    void floorHigherValueNeverWorse(@ForAll @DoubleRange(min = 0, max = 100) double floor,
                                    @ForAll @DoubleRange(min = -5, max = 5) double offset,
                                    @ForAll @DoubleRange(min = 0, max = 5) double more, @ForAll boolean binding,
                                    @ForAll @IntRange(min = 2026, max = 2030) int year) {
        IndicatorSpec s = IndicatorSpec.floor("f", floor, 1)
                .attribute(binding ? Attribute.BINDING : Attribute.ANTICIPATORY).build();
        Assessment a1 = engine.assess(s, List.of(Observation.of(year, floor + offset)), year);
        Assessment a2 = engine.assess(s, List.of(Observation.of(year, floor + offset + more)), year);
        assertThat(sev(a2)).isLessThanOrEqualTo(sev(a1));
    }

    @Property
    void classifyIsMonotoneInProgress(@ForAll @DoubleRange(min = -1, max = 2) double p,
                                      @ForAll @DoubleRange(min = 0, max = 1) double more,
                                      @ForAll @IntRange(min = 1, max = 5) int elapsedYears, @ForAll boolean binding) {
        double tau = elapsedYears / 5.0;
        Attribute a = binding ? Attribute.BINDING : Attribute.ANTICIPATORY;
        Status s1 = engine.classify(p, p / tau, a);
        Status s2 = engine.classify(p + more, (p + more) / tau, a);
        assertThat(s2.severity()).isLessThanOrEqualTo(s1.severity());
    }
}
