package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelationalTest {

    private final AssessmentEngine engine = new AssessmentEngine();

    private static IndicatorSpec income(Comparator c) {
        return IndicatorSpec.builder("income-growth", Kind.RELATIONAL).name("居民人均可支配收入增长").unit("%")
                .comparator(c).related("地区生产总值").build();
    }

    private static final List<Observation> GDP = List.of(
            Observation.of(2026, 6.2), Observation.of(2027, 6.4), Observation.of(2028, 6.3));

    /**
     * Worked example (RELATIONAL, band ±1.0 pt): income 5.8, 6.0, 5.9 against GDP 6.2, 6.4, 6.3.
     * Average growth (geometric) 5.9% vs 6.3%: gap −0.4 pt, within ±1.0 → 基本符合预期.
     * Income 4.5, 4.6, 4.4 (avg 4.5): gap −1.8 → broken → 滞后于预期 (anticipatory).
     */
    @Test
    void gapOfAverageGrowthRates() {
        List<Observation> inc = List.of(Observation.of(2026, 5.8), Observation.of(2027, 6.0), Observation.of(2028, 5.9));
        Assessment a = engine.assess(income(Comparator.ABOUT), inc, GDP, 2028);
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        assertThat(a.expected()).isCloseTo(6.3, within(0.01));
        assertThat(a.explanation()).contains("同期地区生产总值年均增长6.3%").contains("在±1个百分点范围内");

        List<Observation> low = List.of(Observation.of(2026, 4.5), Observation.of(2027, 4.6), Observation.of(2028, 4.4));
        Assessment b = engine.assess(income(Comparator.ABOUT), low, GDP, 2028);
        assertThat(b.status()).isEqualTo(Status.LAGGING);
        assertThat(b.explanation()).contains("超出±1个百分点范围");
    }

    /** Income well above GDP: broken for 同步 (ABOUT), fine for 不低于 (AT_LEAST). */
    @Test
    void oneSidedWithAtLeast() {
        List<Observation> high = List.of(Observation.of(2026, 8.5), Observation.of(2027, 8.5), Observation.of(2028, 8.5));
        assertThat(engine.assess(income(Comparator.ABOUT), high, GDP, 2028).status()).isEqualTo(Status.LAGGING);
        assertThat(engine.assess(income(Comparator.AT_LEAST), high, GDP, 2028).status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void noRelatedSeriesIsNoData() {
        List<Observation> inc = List.of(Observation.of(2026, 5.8));
        Assessment a = engine.assess(income(Comparator.ABOUT), inc, 2026);
        assertThat(a.status()).isEqualTo(Status.NO_DATA);
        assertThat(a.explanation()).contains("关联指标地区生产总值暂无同期数据");
    }
}
