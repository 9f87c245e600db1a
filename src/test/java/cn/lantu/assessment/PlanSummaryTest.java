package cn.lantu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanSummaryTest {

    private static Assessment with(String code, Status s) {
        return new Assessment(code, 2028, s, Warning.of(s, Attribute.ANTICIPATORY), false, null, null, null, null,
                null, null, false, null, null, null, null, null, null, "", null, Assessment.ORIGINAL);
    }

    private static RolledItem row(String code, int n, String cat, Attribute a, String dept, Status s) {
        return new RolledItem(code, n, cat, a, dept, with(code, s), code + "名");
    }

    /** Row 12 has two indicators (基本符合预期 and 滞后于预期): the item counts once, as 滞后于预期. */
    @Test
    void itemWithTwoIndicatorsTakesTheWorse() {
        List<RolledItem> rows = new ArrayList<>();
        rows.add(row("r11", 11, "绿色低碳", Attribute.ANTICIPATORY, "发改局", Status.AHEAD));
        rows.add(row("r12a", 12, "绿色低碳", Attribute.BINDING, "发改局", Status.ON_TRACK));
        rows.add(row("r12b", 12, "绿色低碳", Attribute.BINDING, "水利局", Status.LAGGING));
        rows.add(row("r13", 13, "民生福祉", Attribute.ANTICIPATORY, "人社局", Status.NO_DATA));
        rows.add(row("r14", 14, "民生福祉", Attribute.ANTICIPATORY, "人社局", Status.ACHIEVED_EARLY));
        PlanSummary p = PlanSummary.of(rows);
        assertThat(p.itemCount()).isEqualTo(4);
        assertThat(p.rows()).hasSize(5);
        assertThat(p.items().get(1).status()).isEqualTo(Status.LAGGING);
        assertThat(p.items().get(1).codes()).containsExactly("r12a", "r12b");
        assertThat(p.counts().get(Status.LAGGING)).isEqualTo(1);
        assertThat(p.counts().get(Status.ON_TRACK)).isEqualTo(0);
        assertThat(p.sentence()).isEqualTo("4项主要指标中，1项提前实现，1项快于预期，1项滞后于预期，1项暂无数据");
        assertThat(p.sentence(true)).isEqualTo(
                "4项主要指标中，1项提前实现，1项快于预期，0项基本符合预期，1项滞后于预期，0项严重滞后，1项暂无数据");
        // category over items, department and attribute over rows
        assertThat(p.byCategory().get("绿色低碳").total()).isEqualTo(2);
        assertThat(p.byCategory().get("绿色低碳").count(Status.LAGGING)).isEqualTo(1);
        assertThat(p.byDepartment().get("发改局").total()).isEqualTo(2);
        assertThat(p.byDepartment().get("水利局").count(Status.LAGGING)).isEqualTo(1);
        assertThat(p.byAttribute().get(Attribute.BINDING).total()).isEqualTo(2);
        // binding listed separately; a lagging binding row is RED
        assertThat(p.binding()).extracting(RolledItem::code).containsExactly("r12a", "r12b");
        assertThat(p.byAttribute().get(Attribute.BINDING).warnings().get(Warning.RED)).isEqualTo(1);
        assertThat(p.overall().warnings().get(Warning.RED)).isEqualTo(1);
        assertThat(p.bindingSentence()).isEqualTo("约束性指标2项，其中1项基本符合预期，1项滞后于预期；滞后的约束性指标：r12b名（滞后于预期）");
    }

    /** A severely lagging and a no-data indicator under one number: the item is severely lagging. */
    @Test
    void noDataNeverWinsWorstOf() {
        PlanSummary p = PlanSummary.of(List.of(
                row("a", 1, "c", Attribute.ANTICIPATORY, "d", Status.NO_DATA),
                row("b", 1, "c", Attribute.ANTICIPATORY, "d", Status.SEVERELY_LAGGING)));
        assertThat(p.items().get(0).status()).isEqualTo(Status.SEVERELY_LAGGING);
        assertThat(p.sentence()).isEqualTo("1项主要指标中，1项严重滞后");
    }
}
