package cn.lantu.collection;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The town breakdown of an indicator as JSON. It shows approved figures only, the same data the assessment shows,
 * so every signed-in user may read it (the security chain requires a login for /api/v1 outside /public).
 */
@RestController
@Tag(name = "reporting", description = "数据填报")
class TownBreakdownController {

    private final TownBreakdownService service;
    private final PlanLookup lookup;
    private final IndicatorRepository indicators;

    TownBreakdownController(TownBreakdownService service, PlanLookup lookup, IndicatorRepository indicators) {
        this.service = service;
        this.lookup = lookup;
        this.indicators = indicators;
    }

    @GetMapping("/api/v1/plans/{plan}/indicators/{code}/towns")
    @Operation(summary = "Each town's approved value, the roll-up rule (SUM/AVERAGE/CITY_SEPARATE/NONE), the city "
            + "value and how many towns have reported")
    TownBreakdown towns(@PathVariable String plan, @PathVariable String code, @RequestParam int year,
                        @RequestParam(defaultValue = "Y") String period) {
        Plan p = lookup.require(plan);
        Queries.requireYearAndPeriod(p, year, period, true);
        FigureService.requireText("指标代码", code, FigureValidator.MAX_CODE);
        Indicator i = indicators.findByCode(p.id(), code)
                .orElseThrow(() -> new ReportingException(404, "未知指标：" + code));
        return service.of(i.id(), year, period);
    }
}
