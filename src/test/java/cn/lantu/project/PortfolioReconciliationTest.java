package cn.lantu.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.support.LantuTest;

/** The portfolio per domain is reconciled against 专栏8 as the outline text states it. */
@LantuTest
class PortfolioReconciliationTest {

    @Autowired
    ProjectService service;
    @Autowired
    PlanRepository plans;
    @Autowired
    JdbcClient jdbc;

    @Test
    void domainsMatchColumnEightAndNamedProjectsAreCountedApart() {
        Plan plan = plans.findByCode("zhuji-15th").orElseThrow();
        String text = plans.outlineSource(plan.id());
        // 专栏8 as written: "N.名称。安排重大项目 a 个，总投资 b 亿元，五年完成投资 c 亿元"
        Matcher m = Pattern.compile("(\\d{1,2})\\.\\s*([^。\\n]+)。安排重大项目\\s*(\\d+)\\s*个，总投资\\s*(\\d+)\\s*亿元，"
                + "五年完成投资\\s*(\\d+)\\s*亿元").matcher(text);
        Map<String, int[]> expected = new LinkedHashMap<>();
        while (m.find()) {
            expected.put(m.group(2).strip(), new int[] {Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5))});
        }
        assertThat(expected).hasSize(10);
        assertThat(expected.values().stream().mapToInt(v -> v[0]).sum()).isEqualTo(139);

        ProjectService.Portfolio pf = service.portfolio(plan.id(), 2026, LocalDate.of(2026, 6, 30));
        assertThat(pf.domains()).hasSize(10);
        assertThat(pf.plannedCount()).isEqualTo(139);
        for (ProjectService.DomainView d : pf.domains()) {
            int[] e = expected.get(d.domain().name());
            assertThat(e).as(d.domain().name()).isNotNull();
            assertThat(d.domain().plannedCount()).isEqualTo(e[0]);
            assertThat(d.domain().totalInvestment().intValue()).isEqualTo(e[1]);
            long confirmed = jdbc.sql("SELECT COUNT(*) FROM project WHERE domain_id = ? AND confirmed = TRUE")
                    .param(d.domain().id()).query(Long.class).single();
            long named = jdbc.sql("SELECT COUNT(*) FROM project WHERE domain_id = ? AND confirmed = FALSE")
                    .param(d.domain().id()).query(Long.class).single();
            assertThat(d.confirmed()).isEqualTo(confirmed);
            assertThat(d.named()).isEqualTo(named);
            assertThat(d.namedExceedTarget()).isEqualTo(named > e[0]);
            assertThat(d.summary()).startsWith(d.domain().name() + ": 目标" + e[0] + "个 / 总投资" + e[1] + "亿 / 五年"
                    + d.domain().periodInvestment().stripTrailingZeros().toPlainString() + "亿; 已登记 " + confirmed
                    + " 个");
        }
        ProjectService.DomainView tra = pf.domains().stream().filter(d -> d.domain().code().equals("TRA"))
                .findFirst().orElseThrow();
        // 专栏12 alone names 26 transport projects, more than the 17 of 交通强省
        long col12 = Pattern.compile("（(前期|在建|实施|研究)）").matcher(text.substring(text.indexOf("专栏 12"),
                text.indexOf("专栏 13"))).results().count();
        assertThat(col12).isEqualTo(26);
        assertThat(tra.named()).isGreaterThanOrEqualTo(col12);
        assertThat(tra.namedExceedTarget()).isTrue();
        assertThat(pf.reconciliation()).anySatisfy(r -> assertThat(r).startsWith("交通强省").contains("17"));
    }
}
