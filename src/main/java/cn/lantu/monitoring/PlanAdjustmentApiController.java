package cn.lantu.monitoring;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The API twin of the plan office's adjustments: target revisions (规划调整: propose, approve, reject, list) and
 * status overrides (人工校核: override, withdraw, history). Field errors answer 422 with {@code errors} by field;
 * deciding one's own proposal 403; a stale version 409.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "plan adjustment", description = "规划调整与人工校核")
public class PlanAdjustmentApiController {

    private final PlanLookup lookup;
    private final IndicatorRepository indicators;
    private final TargetRepository targets;
    private final TargetRevisions revisions;
    private final StatusOverrideRepository overrideHistory;
    private final StatusOverrides overrides;
    private final AssessmentApiController assessment;

    PlanAdjustmentApiController(PlanLookup lookup, IndicatorRepository indicators, TargetRepository targets,
                                TargetRevisions revisions, StatusOverrideRepository overrideHistory,
                                StatusOverrides overrides, AssessmentApiController assessment) {
        this.lookup = lookup;
        this.indicators = indicators;
        this.targets = targets;
        this.revisions = revisions;
        this.overrideHistory = overrideHistory;
        this.overrides = overrides;
        this.assessment = assessment;
    }

    /**
     * A proposed revision of the target: the value, the reason, the approving document's number ({@code approval},
     * 文号) and date (ISO, not in the future), and the first year it applies to (within the plan period).
     */
    public record ProposalRequest(String value, String reason, String approval, String documentDate,
                                  String effectiveYear) {}

    /** A decision on a pending revision: the revision's {@code version} as read, and the comment (required to reject). */
    public record DecisionRequest(Integer version, String comment) {}

    @PostMapping("/api/v1/plans/{plan}/indicators/{code}/target-revisions")
    @Operation(summary = "Propose a revised target (规划调整); it applies only after a second plan officer approves it. "
            + "Answers the indicator's revisions, newest first")
    public ResponseEntity<Object> propose(@PathVariable String plan, @PathVariable String code,
                                          @RequestBody ProposalRequest body, Authentication who) {
        Plan p = lookup.require(plan);
        Indicator i = indicator(p, code);
        TargetRevisions.Outcome o = revisions.propose(p, i, new TargetRevisions.Proposal(body.value(), body.reason(),
                body.approval(), body.documentDate(), body.effectiveYear()), who.getName());
        return o.ok() ? ResponseEntity.ok(targets.revisions(i.id())) : errors(HttpStatus.UNPROCESSABLE_ENTITY, o.errors());
    }

    @GetMapping("/api/v1/plans/{plan}/indicators/{code}/target-revisions")
    @Operation(summary = "An indicator's target revisions, newest first, with their state and decision")
    public List<TargetRepository.Revision> ofIndicator(@PathVariable String plan, @PathVariable String code) {
        Plan p = lookup.require(plan);
        return targets.revisions(indicator(p, code).id());
    }

    @GetMapping("/api/v1/plans/{plan}/target-revisions")
    @Operation(summary = "The plan's target revisions, newest first; state PENDING, APPROVED or REJECTED filters them")
    public List<TargetRepository.Revision> ofPlan(@PathVariable String plan,
                                                  @RequestParam(required = false) RevisionState state) {
        return targets.ofPlan(lookup.require(plan).id(), state);
    }

    @PostMapping("/api/v1/plans/{plan}/target-revisions/{id}/approve")
    @Operation(summary = "Approve a pending revision (not one's own); the revised target applies from its effective year")
    public ResponseEntity<Object> approve(@PathVariable String plan, @PathVariable long id,
                                          @RequestBody DecisionRequest body, Authentication who) {
        return decide(plan, id, body, true, who);
    }

    @PostMapping("/api/v1/plans/{plan}/target-revisions/{id}/reject")
    @Operation(summary = "Reject a pending revision (not one's own) with a comment; the target stays as it was")
    public ResponseEntity<Object> reject(@PathVariable String plan, @PathVariable long id,
                                         @RequestBody DecisionRequest body, Authentication who) {
        return decide(plan, id, body, false, who);
    }

    private ResponseEntity<Object> decide(String plan, long id, DecisionRequest body, boolean approve,
                                          Authentication who) {
        TargetRevisions.Outcome o = revisions.decide(lookup.require(plan), id, body.version(), approve, body.comment(),
                who.getName());
        if (o.ok()) {
            return ResponseEntity.ok(o.revision());
        }
        return errors(switch (o.refusal()) {
            case OWN_PROPOSAL -> HttpStatus.FORBIDDEN;
            case NOT_PENDING -> HttpStatus.CONFLICT;
            case NONE -> HttpStatus.UNPROCESSABLE_ENTITY;
        }, o.errors());
    }

    /** A status decided by the plan office in place of the computed one; {@code version}: the override in force (0: none). */
    public record OverrideRequest(Integer year, String status, String reason, Long version) {}

    /** The withdrawal of the override in force: its {@code version} (id) and the reason. */
    public record WithdrawRequest(Integer year, Long version, String reason) {}

    @PostMapping("/api/v1/plans/{plan}/indicators/{code}/status-override")
    @Operation(summary = "Replace an indicator's computed status for a year (人工校核); a reason is required, "
            + "the computed status is kept beside it")
    public ResponseEntity<Object> override(@PathVariable String plan, @PathVariable String code,
                                           @RequestBody OverrideRequest body, Authentication who) {
        Plan p = lookup.require(plan);
        Indicator i = indicator(p, code);
        StatusOverrides.Outcome o = overrides.override(p, i, body.year(), body.status(), body.reason(), body.version(),
                who.getName());
        return overrideResult(p, code, body.year(), o);
    }

    @PostMapping("/api/v1/plans/{plan}/indicators/{code}/status-override/withdraw")
    @Operation(summary = "Withdraw the override in force for a year, with a reason; the computed status applies again")
    public ResponseEntity<Object> withdraw(@PathVariable String plan, @PathVariable String code,
                                           @RequestBody WithdrawRequest body, Authentication who) {
        Plan p = lookup.require(plan);
        Indicator i = indicator(p, code);
        StatusOverrides.Outcome o = overrides.withdraw(p, i, body.year(), body.version(), body.reason(), who.getName());
        return overrideResult(p, code, body.year(), o);
    }

    @GetMapping("/api/v1/plans/{plan}/indicators/{code}/status-overrides")
    @Operation(summary = "Every override and withdrawal of an indicator, newest first (none is ever replaced or deleted)")
    public List<StatusOverrideRepository.Entry> history(@PathVariable String plan, @PathVariable String code) {
        return overrideHistory.history(indicator(lookup.require(plan), code).id());
    }

    private ResponseEntity<Object> overrideResult(Plan p, String code, Integer year, StatusOverrides.Outcome o) {
        if (!o.ok()) {
            return errors(o.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, o.errors());
        }
        return ResponseEntity.ok(assessment.result(p, code, year));
    }

    private Indicator indicator(Plan p, String code) {
        return indicators.findByCode(p.id(), code).orElseThrow(() -> new NotFoundException("指标不存在: " + code));
    }

    private static ResponseEntity<Object> errors(HttpStatus status, Map<String, String> errors) {
        return ResponseEntity.status(status).body(Map.of("errors", errors, "message", String.join("；", errors.values())));
    }
}
