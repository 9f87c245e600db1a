package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Mirroring the direction (higher ↔ lower is better, base and target mirrored accordingly) gives the same status:
 * linear levels by X ↦ K − X, geometric levels and growth rates by X ↦ 1/X, floors become ceilings, and a compound
 * decline D* (judged on the share of the reduction reached) equals a linear level falling from 100 to 100 − D*.
 */
class MirrorProperties {

    private final AssessmentEngine engine = new AssessmentEngine();

    @Property
    void linearLevel(@ForAll @IntRange(min = -500, max = 500) int base, @ForAll @IntRange(min = 1, max = 300) int dist,
                     @ForAll @IntRange(min = -400, max = 700) int value, @ForAll @IntRange(min = 2026, max = 2030) int year,
                     @ForAll @IntRange(min = -1000, max = 1000) int k, @ForAll boolean binding) {
        Attribute attr = binding ? Attribute.BINDING : Attribute.ANTICIPATORY;
        IndicatorSpec up = IndicatorSpec.level("u", Path.LINEAR, base, base + dist).direction(Direction.UP)
                .comparator(Comparator.AT_LEAST).attribute(attr).build();
        IndicatorSpec down = IndicatorSpec.level("d", Path.LINEAR, k - base, k - base - dist).direction(Direction.DOWN)
                .comparator(Comparator.AT_MOST).attribute(attr).build();
        Assessment a = engine.assess(up, List.of(Observation.of(year, value)), year);
        Assessment b = engine.assess(down, List.of(Observation.of(year, k - value)), year);
        assertThat(b.status()).isEqualTo(a.status());
        assertThat(b.progress()).isCloseTo(a.progress(), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Property
    void geometricLevel(@ForAll @DoubleRange(min = 1, max = 1000) double base,
                        @ForAll @DoubleRange(min = 1.05, max = 3) double factor,
                        @ForAll @DoubleRange(min = 0.3, max = 4) double f, @ForAll @IntRange(min = 2026, max = 2030) int year) {
        IndicatorSpec up = IndicatorSpec.level("u", Path.GEOMETRIC, base, base * factor).direction(Direction.UP).build();
        IndicatorSpec down = IndicatorSpec.level("d", Path.GEOMETRIC, 1 / base, 1 / (base * factor))
                .direction(Direction.DOWN).build();
        Assessment a = engine.assess(up, List.of(Observation.of(year, base * f)), year);
        Assessment b = engine.assess(down, List.of(Observation.of(year, 1 / (base * f))), year);
        assertThat(b.status()).isEqualTo(a.status());
    }

    @Property
    void floorBecomesCeiling(@ForAll @IntRange(min = 0, max = 1000) int floorTenths,
                             @ForAll @IntRange(min = -100, max = 100) int offsetHundredths,
                             @ForAll @IntRange(min = 0, max = 2000) int k, @ForAll boolean binding) {
        double floor = floorTenths / 10.0, value = floor + offsetHundredths / 100.0;
        Attribute attr = binding ? Attribute.BINDING : Attribute.ANTICIPATORY;
        IndicatorSpec up = IndicatorSpec.floor("u", floor, 1).attribute(attr).build();
        IndicatorSpec down = IndicatorSpec.floor("d", k - floor, 1).direction(Direction.DOWN).attribute(attr).build();
        Assessment a = engine.assess(up, List.of(Observation.of(2027, value)), 2027);
        Assessment b = engine.assess(down, List.of(Observation.of(2027, k - value)), 2027);
        assertThat(b.status()).isEqualTo(a.status());
    }

    @Provide
    Arbitrary<List<Double>> rates() {
        return Arbitraries.doubles().between(-8, 20).list().ofMinSize(1).ofMaxSize(5);
    }

    /** Growth of X at g_i with target g* ↔ growth of 1/X at 1/(1+g_i) − 1 with target 1/(1+g*) − 1, lower better. */
    @Property
    void growthRates(@ForAll("rates") List<Double> rates, @ForAll @DoubleRange(min = 0.5, max = 12) double gStar,
                     @ForAll boolean binding) {
        Attribute attr = binding ? Attribute.BINDING : Attribute.ANTICIPATORY;
        IndicatorSpec up = IndicatorSpec.growth("u", gStar).direction(Direction.UP).attribute(attr).build();
        IndicatorSpec down = IndicatorSpec.growth("d", (1 / (1 + gStar / 100) - 1) * 100).direction(Direction.DOWN)
                .attribute(attr).build();
        List<Observation> a = new ArrayList<>(), b = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            a.add(Observation.of(2026 + i, rates.get(i)));
            b.add(Observation.of(2026 + i, (1 / (1 + rates.get(i) / 100) - 1) * 100));
        }
        assertThat(engine.assess(down, b, 2030).status()).isEqualTo(engine.assess(up, a, 2030).status());
    }

    /**
     * A compound decline D* with yearly reductions d_i, judged on the plain share D_t/D*, equals a linear
     * lower-is-better level from 100 to 100 − D* whose value is 100·Π(1 − d_i): the same share, the same schedule.
     */
    @Property
    void declineIsLinearLowerIsBetterLevel(@ForAll("rates") List<Double> reductions,
                                           @ForAll @DoubleRange(min = 1, max = 40) double dStar,
                                           @ForAll boolean binding) {
        Attribute attr = binding ? Attribute.BINDING : Attribute.ANTICIPATORY;
        IndicatorSpec dec = IndicatorSpec.decline("d", dStar).attribute(attr).build();
        IndicatorSpec lvl = IndicatorSpec.level("l", Path.LINEAR, 100, 100 - dStar).direction(Direction.DOWN)
                .comparator(Comparator.AT_MOST).attribute(attr).build();
        List<Observation> a = new ArrayList<>();
        double remaining = 100;
        for (int i = 0; i < reductions.size(); i++) {
            a.add(Observation.of(2026 + i, reductions.get(i)));
            remaining *= 1 - reductions.get(i) / 100;
        }
        int last = 2025 + reductions.size();
        Assessment x = engine.assess(dec, a, 2030);
        Assessment y = engine.assess(lvl, List.of(Observation.of(last, remaining)), 2030);
        assertThat(y.status()).isEqualTo(x.status());
        assertThat(y.progress()).isCloseTo(x.progress(), org.assertj.core.api.Assertions.within(1e-9));
    }

    /** A ceiling held in the target year is completed (提前实现) exactly when the mirrored floor is. */
    @Property
    void floorBecomesCeilingInEveryYear(@ForAll @IntRange(min = 0, max = 1000) int floorTenths,
                                        @ForAll @IntRange(min = -100, max = 100) int offsetHundredths,
                                        @ForAll @IntRange(min = 2026, max = 2030) int year) {
        double floor = floorTenths / 10.0, value = floor + offsetHundredths / 100.0;
        IndicatorSpec up = IndicatorSpec.floor("u", floor, 1).build();
        IndicatorSpec down = IndicatorSpec.floor("d", 500 - floor, 1).direction(Direction.DOWN).build();
        Assessment a = engine.assess(up, List.of(Observation.of(year, value)), year);
        Assessment b = engine.assess(down, List.of(Observation.of(year, 500 - value)), year);
        assertThat(b.status()).isEqualTo(a.status());
    }
}
