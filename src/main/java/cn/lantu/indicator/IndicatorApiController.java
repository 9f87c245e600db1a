package cn.lantu.indicator;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.lantu.plan.PlanLookup;
import cn.lantu.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * JSON API for indicators. This is the indicator contract later work depends on: field names, enum spellings
 * (kind, path, direction, comparator, attribute) and units are documented in docs/plan-package.md.
 */
@RestController
@RequestMapping("/api/v1/plans/{plan}/indicators")
@Tag(name = "indicators", description = "主要指标与文本目标")
public class IndicatorApiController {

    private final IndicatorRepository indicators;
    private final PlanLookup lookup;

    private final IndicatorPublishing publishing;

    public IndicatorApiController(IndicatorRepository indicators, PlanLookup lookup, IndicatorPublishing publishing) {
        this.publishing = publishing;
        this.indicators = indicators;
        this.lookup = lookup;
    }

    @GetMapping
    @Operation(summary = "Every indicator of the plan: the Table 1 rows first (tableNumber set), then text targets")
    public List<Indicator> list(@PathVariable String plan,
                                @RequestParam(required = false, defaultValue = "false") boolean tableOnly) {
        long id = lookup.require(plan).id();
        return tableOnly ? indicators.findTableRows(id) : indicators.findByPlan(id);
    }

    /** Whether an indicator appears on the public portal. */
    public record Publication(boolean published) {}

    @org.springframework.web.bind.annotation.PutMapping("/{code}/published")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Publish an indicator on the public portal, or withdraw it (plan office only)")
    public Indicator publish(@PathVariable String plan, @PathVariable String code,
                             @org.springframework.web.bind.annotation.RequestBody Publication publication,
                             org.springframework.security.core.Authentication who) {
        Indicator i = get(plan, code);
        publishing.set(i.planId(), List.of(code), publication.published(), who.getName());
        return get(plan, code);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One indicator by code")
    public Indicator get(@PathVariable String plan, @PathVariable String code) {
        return indicators.findByCode(lookup.require(plan).id(), code)
                .orElseThrow(() -> new NotFoundException("指标不存在: " + code));
    }
}
