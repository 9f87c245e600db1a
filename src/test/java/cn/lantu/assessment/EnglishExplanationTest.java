package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The English sentences of the worked examples (the Chinese ones are asserted in the kind's own test): the same rule
 * run, worded by {@link EnglishPhrases}. Units and names are the plan's own and stay Chinese.
 */
class EnglishExplanationTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    private static List<Observation> series(int from, double... v) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            out.add(Observation.of(from + i, v[i]));
        }
        return out;
    }

    /** LevelTest: clean-energy capacity 140.67 → 300 万千瓦, 228 in 2028 → lagging, 36.0 万千瓦 a year needed. */
    @Test
    void linearLevel() {
        IndicatorSpec s = IndicatorSpec.level("clean-energy", Path.LINEAR, 140.67, 300.0).name("清洁能源装机容量")
                .unit("万千瓦").build();
        Assessment a = engine.assess(s, series(2026, 175, 205, 228), 2028);
        assertThat(a.explanation()).isEqualTo("序时进度60%，完成进度54.8%，滞后5.2个百分点；需年均新增36.0万千瓦方可实现目标");
        assertThat(a.explanationEn()).isEqualTo("Time elapsed 60%, progress 54.8%, 5.2 percentage points behind "
                + "schedule; an average addition of 36.0 万千瓦 a year needed to reach the target");
        assertThat(a.explanation(Locale.ENGLISH)).isEqualTo(a.explanationEn());
        assertThat(a.explanation(Locale.SIMPLIFIED_CHINESE)).isEqualTo(a.explanation());
        assertThat(a.explanation((Locale) null)).isEqualTo(a.explanation());
        assertThat(a.statusLabel(Locale.ENGLISH)).isEqualTo("Behind schedule");
    }

    /** A step in a % indicator is in percentage points, in the sentence and in the catch-up unit. */
    @Test
    void percentagePointsAreTranslated() {
        IndicatorSpec s = IndicatorSpec.level("urban", Path.LINEAR, 60, 65).unit("%").build();
        Assessment a = engine.assess(s, series(2026, 60.5, 61), 2027);
        assertThat(a.catchUpUnit()).isEqualTo("个百分点");
        assertThat(a.catchUpUnit(Locale.ENGLISH)).isEqualTo("percentage points");
        assertThat(a.catchUpUnit(Locale.CHINESE)).isEqualTo("个百分点");
        assertThat(a.explanation()).contains("需年均提高1.3个百分点方可实现目标");
        assertThat(a.explanationEn()).contains("an average rise of 1.3 percentage points a year needed to reach the target");
        assertThat(a.explanationEn()).doesNotContain("个百分点");
    }

    /** LevelTest: geometric GDP level needs 9.74% a year. */
    @Test
    void geometricLevel() {
        IndicatorSpec s = IndicatorSpec.level("gdp", Path.GEOMETRIC, 2000, 3000).unit("亿元").build();
        Assessment a = engine.assess(s, series(2026, 2130, 2270), 2027);
        assertThat(a.explanationEn()).contains("average annual growth of 9.74% from now on needed to reach the target");
    }

    /** GrowthTest: 6.0% a year against 6.5%左右 ±0.5 is within the band. */
    @Test
    void growthWithinTheBand() {
        IndicatorSpec s = IndicatorSpec.growth("gdp-growth", 6.5).name("地区生产总值年均增长").unit("%")
                .comparator(Comparator.ABOUT).band(0.5).build();
        Assessment a = engine.assess(s, series(2026, 6.0, 6.0, 6.0), 2028);
        assertThat(a.explanationEn()).isEqualTo("Time elapsed 60%, progress 55.5% (average annual growth of 6% in "
                + "2026–2028, within ±0.5 percentage points of the target of about 6.5%, taken as broadly on track), "
                + "4.5 percentage points behind schedule; average annual growth of 7.25% from now on needed to reach "
                + "the target");
        IndicatorSpec atLeast = s.toBuilder().comparator(Comparator.AT_LEAST).build();
        assertThat(engine.assess(atLeast, series(2026, 6.0, 6.0, 6.0), 2028).explanationEn())
                .contains("(average annual growth of 6% in 2026–2028, target 6.5% or above)");
    }

    /** CumulativeTest: 4.2 of 7 万人 new jobs by 2028, on schedule. */
    @Test
    void cumulative() {
        IndicatorSpec s = IndicatorSpec.cumulative("new-jobs", 7).name("城镇新增就业").unit("万人").build();
        Assessment a = engine.assess(s, series(2026, 1.5, 1.4, 1.3), 2028);
        assertThat(a.explanationEn()).isEqualTo("Time elapsed 60%, progress 60% (total of 4.2 万人 in 2026–2028, "
                + "target 7 万人), in step with the time elapsed; an average addition of 1.4 万人 a year from now on "
                + "needed to reach the target");
    }

    /** DeclineTest: water use per GDP down 7.1% of 14%. */
    @Test
    void decline() {
        IndicatorSpec s = IndicatorSpec.decline("water-per-gdp", 14).unit("%").binding().build();
        Assessment a = engine.assess(s, series(2026, 3.5, 2.0, 1.8), 2028);
        assertThat(a.explanationEn()).startsWith("Time elapsed 60%, progress 50.9% (cumulative decline of 7.1% in "
                + "2026–2028, target decline 14%), 9.1 percentage points behind schedule")
                .contains("average annual decline of 3.77% from now on needed to reach the target");
    }

    /** FloorTest: forest cover ≥ 56.0, held at 55.96 and broken at 55.94; an earlier breach is named. */
    @Test
    void floor() {
        IndicatorSpec s = IndicatorSpec.floor("forest", 56.0, 1).name("森林覆盖率").unit("%").binding()
                .baseValue(55.96).build();
        assertThat(engine.assess(s, series(2026, 55.96), 2026).explanationEn())
                .startsWith("55.96% in 2026, meeting the requirement of at least 56.0%");
        assertThat(engine.assess(s, series(2026, 55.94), 2026).explanationEn())
                .startsWith("55.94% in 2026, short of the requirement of at least 56.0% by 0.06%; needs to return to "
                        + "at least 56.0%");
        IndicatorSpec grain = IndicatorSpec.floor("grain", 42700, 0).unit("万斤").build();
        assertThat(engine.assess(grain, series(2026, 42500, 43000), 2027).explanationEn())
                .isEqualTo("43000 万斤 in 2027, meeting the requirement of at least 42700 万斤 (not met in 2026)");
    }

    /** StableTest: 30.8 against a base of 30 is within ±3%. */
    @Test
    void stable() {
        IndicatorSpec s = IndicatorSpec.stable("mfg-share", 30.0).unit("%").build();
        assertThat(engine.assess(s, series(2027, 30.8), 2027).explanationEn())
                .isEqualTo("30.8% in 2027, a change of 2.7% from the base 30%, within the stable band of ±3%");
        assertThat(engine.assess(s, series(2027, 31.0), 2027).explanationEn())
                .contains("outside the stable band of ±3%");
    }

    /** RelationalTest: income growth against GDP growth. */
    @Test
    void relational() {
        IndicatorSpec s = IndicatorSpec.builder("income-growth", Kind.RELATIONAL).name("居民人均可支配收入增长")
                .unit("%").comparator(Comparator.ABOUT).related("地区生产总值").build();
        List<Observation> gdp = series(2026, 6.2, 6.4, 6.3);
        Assessment a = engine.assess(s, series(2026, 5.8, 6.0, 5.9), gdp, 2028);
        assertThat(a.explanationEn()).isEqualTo("Average annual growth of 5.9% in 2026–2028 against 6.3% for 地区生产总值 "
                + "over the same years, a gap of -0.4 percentage points, within ±1 percentage point");
        assertThat(engine.assess(s, series(2026, 5.8), 2026).explanationEn())
                .isEqualTo("No data for the same years yet for the related indicator 地区生产总值");
    }

    /** AssignedTest: verdicts and an issued number. */
    @Test
    void assigned() {
        IndicatorSpec s = IndicatorSpec.builder("pollutant", Kind.ASSIGNED).binding().build();
        assertThat(engine.assess(s, List.of(Observation.verdict(2027, Verdict.ACHIEVED)), 2027).explanationEn())
                .isEqualTo("2027 target assigned by the higher level: achieved");
        IndicatorSpec issued = IndicatorSpec.builder("reduction", Kind.ASSIGNED).annualTarget(2026, 3.0).precision(1)
                .binding().build();
        assertThat(engine.assess(issued, series(2026, 2.9), 2026).explanationEn())
                .startsWith("2.9 in 2026, against the target of at least 3.0 assigned by the higher level: not achieved");
        IndicatorSpec q = IndicatorSpec.builder("q", Kind.QUALITATIVE).build();
        assertThat(engine.assess(q, List.of(), 2027).explanationEn()).isEqualTo("Qualitative indicator, no verdict yet");
    }

    /** No data, a revised target with its reason and an annual-plan target. */
    @Test
    void notes() {
        IndicatorSpec s = IndicatorSpec.level("clean-energy", Path.LINEAR, 140.67, 300.0).unit("万千瓦")
                .revisedTarget(280.0, "中期评估调整").annualTarget(2028, 230).build();
        Assessment a = engine.assess(s, List.of(Observation.of(2026, 175), Observation.estimate(2028, 228)), 2028);
        assertThat(a.explanationEn()).contains("(2028 annual plan target 230: not achieved; the 2028 figure is an "
                + "estimate; assessed against the revised target 280, original target 300, reason for the revision: "
                + "中期评估调整)");
        IndicatorSpec none = IndicatorSpec.builder("x", Kind.LEVEL).targetValue(300.0).build();
        assertThat(engine.assess(none, List.of(), 2028).explanationEn()).isEqualTo("Base value not yet entered");
        IndicatorSpec noData = IndicatorSpec.level("y", Path.LINEAR, 1, 2).build();
        assertThat(engine.assess(noData, List.of(), 2028).explanationEn()).isEqualTo("No data for 2026 onwards yet");
        IndicatorSpec first = IndicatorSpec.level("z", Path.LINEAR, 1, 2).build();
        assertThat(engine.assess(first, series(2026, 1.1), 2026).explanationEn())
                .endsWith("(first year of the plan period, the verdict is provisional)");
    }

    /** StatusOverrideTest: the override note in both languages. */
    @Test
    void override() {
        IndicatorSpec s = IndicatorSpec.level("clean-energy", Path.LINEAR, 140.67, 300.0).unit("万千瓦").build();
        Assessment a = engine.assess(s, series(2026, 175, 205, 228), 2028);
        Assessment eff = a.withOverride(StatusOverride.of(a, Status.ON_TRACK, "2029年两个项目并网", "规划科"),
                Attribute.ANTICIPATORY);
        assertThat(eff.explanation()).endsWith("（评估结论经人工调整为基本符合预期，原计算结论为滞后于预期；理由：2029年两个项目并网）");
        assertThat(eff.explanationEn()).startsWith(a.explanationEn())
                .endsWith(" (status set by the plan office to broadly on track, computed status behind schedule; "
                        + "reason: 2029年两个项目并网)");
    }

    /** PlanSummaryTest's rows: the plan and binding sentences in English. */
    @Test
    void planSentences() {
        List<RolledItem> rows = List.of(
                row("r11", 11, Attribute.ANTICIPATORY, Status.AHEAD),
                row("r12a", 12, Attribute.BINDING, Status.ON_TRACK),
                row("r12b", 12, Attribute.BINDING, Status.LAGGING),
                row("r13", 13, Attribute.ANTICIPATORY, Status.NO_DATA),
                row("r14", 14, Attribute.ANTICIPATORY, Status.ACHIEVED_EARLY));
        PlanSummary p = PlanSummary.of(rows);
        assertThat(p.sentence(Locale.ENGLISH)).isEqualTo(
                "Of the 4 main indicators, 1 achieved early, 1 ahead of schedule, 1 behind schedule, 1 without data");
        assertThat(p.sentence(true, Locale.ENGLISH)).contains("0 broadly on track").contains("0 seriously behind");
        assertThat(p.sentence(Locale.SIMPLIFIED_CHINESE)).isEqualTo(p.sentence());
        assertThat(p.bindingSentence(Locale.ENGLISH)).isEqualTo("2 binding indicators: 1 broadly on track, "
                + "1 behind schedule; binding indicators behind schedule: r12b名 (behind schedule)");
        assertThat(p.bindingSentence(Locale.CHINA)).isEqualTo(p.bindingSentence());
        assertThat(PlanSummary.of(List.of()).bindingSentence(Locale.ENGLISH)).isEqualTo("No binding indicators");
        assertThat(p.overall().terms(false, Locale.ENGLISH)).startsWith("1 achieved early, ");
    }

    @Test
    void labels() {
        for (Status s : Status.values()) {
            assertThat(s.label(Locale.ENGLISH)).isEqualTo(s.labelEn()).matches("[A-Z][a-z ]+");
            assertThat(s.label(Locale.SIMPLIFIED_CHINESE)).isEqualTo(s.label());
        }
        assertThat(Warning.RED.label(Locale.ENGLISH)).isEqualTo("Red");
        assertThat(Attribute.BINDING.label(Locale.ENGLISH)).isEqualTo("Binding");
        assertThat(Attribute.ANTICIPATORY.label(Locale.forLanguageTag("en-GB"))).isEqualTo("Anticipatory");
        assertThat(Comparator.ABOUT.label(Locale.ENGLISH)).isEqualTo("or so");
        assertThat(Verdict.NOT_ACHIEVED.label(Locale.ENGLISH)).isEqualTo("Not achieved");
        assertThat(FindingSeverity.GAP.label(Locale.ENGLISH)).isEqualTo("Gap");
        for (Enum<?>[] values : List.<Enum<?>[]>of(Status.values(), Warning.values(), Attribute.values(),
                Comparator.values(), Verdict.values(), FindingSeverity.values())) {
            for (Enum<?> e : values) {
                assertThat(EnglishProperties.cjk(label(e))).as("%s", e).isFalse();
            }
        }
    }

    private static String label(Enum<?> e) {
        if (e instanceof Status s) {
            return s.labelEn();
        } else if (e instanceof Warning w) {
            return w.labelEn();
        } else if (e instanceof Attribute a) {
            return a.labelEn();
        } else if (e instanceof Comparator c) {
            return c.labelEn();
        } else if (e instanceof Verdict v) {
            return v.labelEn();
        } else if (e instanceof FindingSeverity f) {
            return f.labelEn();
        }
        throw new IllegalArgumentException(String.valueOf(e));
    }

    private static RolledItem row(String code, int n, Attribute a, Status s) {
        Assessment as = new Assessment(code, 2028, s, Warning.of(s, a), false, null, null, null, null, null, null,
                false, null, null, null, null, null, null, "", null, Assessment.ORIGINAL);
        return new RolledItem(code, n, "绿色低碳", a, "发改局", as, code + "名");
    }
}
