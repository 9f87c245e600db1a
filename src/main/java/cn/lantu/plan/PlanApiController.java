package cn.lantu.plan;

import cn.lantu.outline.TextCorrection;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API: plans, their outline nodes and recorded text corrections. */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "plans", description = "规划与纲要")
public class PlanApiController {

    private final PlanRepository plans;
    private final PlanLookup lookup;

    public PlanApiController(PlanRepository plans, PlanLookup lookup) {
        this.plans = plans;
        this.lookup = lookup;
    }

    /** A plan as the API shows it. */
    public record PlanSummary(long id, String code, String name, String shortName, String regionName,
                              String regionCode, int periodStart, int periodEnd, int baseYear, Plan.Status status,
                              int version, String issuer, String documentNumber, String issuedOn) {
        static PlanSummary of(Plan p) {
            return new PlanSummary(p.id(), p.code(), p.name(), p.shortName(), p.regionName(), p.regionCode(),
                    p.periodStart(), p.periodEnd(), p.baseYear(), p.status(), p.version(), p.issuer(),
                    p.documentNumber(), p.issuedOn() == null ? null : p.issuedOn().toString());
        }
    }

    @GetMapping
    @Operation(summary = "List the plans held by this instance")
    public List<PlanSummary> list() {
        return plans.findAll().stream().map(PlanSummary::of).toList();
    }

    @GetMapping("/{plan}")
    @Operation(summary = "One plan, by id or code")
    public PlanSummary get(@PathVariable String plan) {
        return PlanSummary.of(lookup.require(plan));
    }

    @GetMapping("/{plan}/outline")
    @Operation(summary = "The outline nodes in document order, with offsets into the source text")
    public List<OutlineNode> outline(@PathVariable String plan) {
        return plans.nodes(lookup.require(plan).id());
    }

    @GetMapping("/{plan}/corrections")
    @Operation(summary = "Corrections of conversion artefacts in the outline text")
    public List<TextCorrection> corrections(@PathVariable String plan) {
        return plans.corrections(lookup.require(plan).id());
    }
}
