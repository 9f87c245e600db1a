package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Every English sentence the engine writes is English: once the plan's own words (indicator name, unit, related
 * indicator, revision and override reasons) are taken out, no Chinese character is left — for every kind, with and
 * without data, notes, revisions and overrides.
 */
class EnglishProperties {

    static final String NAME = "清洁能源装机容量";
    static final String RELATED = "地区生产总值";
    static final String REASON = "中期评估调整";
    static final String OVERRIDE_REASON = "两个项目并网";

    private final AssessmentEngine engine = new AssessmentEngine();

    /** True when the text has a CJK ideograph or CJK punctuation (fullwidth forms included). */
    static boolean cjk(String text) {
        return text.codePoints().anyMatch(EnglishProperties::isCjk);
    }

    static boolean isCjk(int cp) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    @Provide
    Arbitrary<String> units() {
        return Arbitraries.of("%", "万千瓦", "亿元", "万人", "‰", "", "元");
    }

    @Provide
    Arbitrary<Kind> kinds() {
        return Arbitraries.of(Kind.values());
    }

    @Property(tries = 2000)
    void englishSentencesHaveNoChineseOfTheirOwn(@ForAll("kinds") Kind kind, @ForAll("units") String unit,
                                                 @ForAll Comparator comparator, @ForAll Direction direction,
                                                 @ForAll boolean binding, @ForAll boolean revised,
                                                 @ForAll boolean annual, @ForAll boolean estimate,
                                                 @ForAll boolean geometric, @ForAll boolean withRelated,
                                                 @ForAll @DoubleRange(min = -5, max = 200) double base,
                                                 @ForAll @DoubleRange(min = -5, max = 300) double target,
                                                 @ForAll @Size(max = 5) List<@DoubleRange(min = -10, max = 250) Double> values,
                                                 @ForAll @IntRange(min = 2026, max = 2030) int asOf,
                                                 @ForAll boolean override) {
        IndicatorSpec.Builder b = IndicatorSpec.builder("x", kind).name(NAME).unit(unit).comparator(comparator)
                .direction(direction).attribute(binding ? Attribute.BINDING : Attribute.ANTICIPATORY)
                .path(geometric ? Path.GEOMETRIC : Path.LINEAR).baseValue(base)
                .targetValue(kind == Kind.DECLINE ? Math.min(target, 90) : target)
                .band(comparator == Comparator.ABOUT ? 0.5 : null);
        if (withRelated) {
            b.related(RELATED);
        }
        if (revised) {
            b.revisedTarget(kind == Kind.DECLINE ? Math.min(target + 1, 90) : target + 1, REASON);
        }
        if (annual) {
            b.annualTarget(asOf, target / 5);
        }
        IndicatorSpec spec = b.build();
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            // skip a year now and then, so that missing years are noted
            int year = 2026 + i + (i >= 2 && values.size() > 3 ? 1 : 0);
            double v = values.get(i);
            if (kind == Kind.GROWTH || kind == Kind.DECLINE || kind == Kind.RELATIONAL) {
                v = v / 10; // yearly rates in %: −1 … 25
            }
            if (kind == Kind.ASSIGNED || kind == Kind.QUALITATIVE) {
                obs.add(v > 100 ? Observation.verdict(year, v > 150 ? Verdict.ACHIEVED : Verdict.NOT_ACHIEVED)
                        : Observation.of(year, v));
            } else {
                obs.add(estimate && i == values.size() - 1 ? Observation.estimate(year, v) : Observation.of(year, v));
            }
        }
        Assessment a = engine.assess(spec, obs, List.of(Observation.of(2026, 6.2), Observation.of(2027, 6.4)), asOf);
        if (override) {
            Status to = a.status() == Status.AHEAD ? Status.ON_TRACK : Status.AHEAD;
            a = a.withOverride(StatusOverride.of(a, to, OVERRIDE_REASON, "规划科"), spec.attribute());
        }
        assertThat(a.explanationEn()).isNotBlank();
        String stripped = a.explanationEn().replace(NAME, "").replace(RELATED, "").replace(REASON, "")
                .replace(OVERRIDE_REASON, "");
        if (!unit.isEmpty()) {
            stripped = stripped.replace(unit, "");
        }
        assertThat(cjk(stripped)).as("English: %s (Chinese: %s)", a.explanationEn(), a.explanation()).isFalse();
        assertThat(a.explanation(Locale.ENGLISH)).isEqualTo(a.explanationEn());
        assertThat(a.statusLabel(Locale.ENGLISH)).doesNotMatch(".*\\p{IsHan}.*");
        assertThat(cjk(a.explanation())).as("Chinese: %s", a.explanation()).isTrue();
    }
}
