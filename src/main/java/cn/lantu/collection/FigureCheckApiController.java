package cn.lantu.collection;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.lantu.plan.PlanLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The checks of figures (校验规则) as JSON, for the plan office: the mirror of the checks page. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "checks", description = "校验规则")
class FigureCheckApiController {

    private final PlanLookup lookup;
    private final FigureChecks checks;
    private final FigureCheckViolations violations;
    private final ReportingAccess access;

    FigureCheckApiController(PlanLookup lookup, FigureChecks checks, FigureCheckViolations violations,
                             ReportingAccess access) {
        this.lookup = lookup;
        this.checks = checks;
        this.violations = violations;
        this.access = access;
    }

    @GetMapping("/api/v1/plans/{plan}/checks")
    @Operation(summary = "The plan office's checks of figures")
    List<FigureCheck> list(@PathVariable String plan) {
        return checks.all(lookup.require(plan));
    }

    @PostMapping("/api/v1/plans/{plan}/checks")
    @Operation(summary = "Add a check: RANGE (min, max), CHANGE (maxChange: per cent, or percentage points for rates "
            + "and shares) or COMPARE (comparator, otherIndicator); severity HARD refuses, SOFT asks for an "
            + "explanation; 422 with the problems by field")
    FigureCheck create(@PathVariable String plan, @RequestBody FigureChecks.Draft draft, Authentication auth) {
        return checks.create(lookup.require(plan), access.actor(auth), draft);
    }

    @PutMapping("/api/v1/plans/{plan}/checks/{id}")
    @Operation(summary = "Change a check (with the version read; 409 on a conflict)")
    FigureCheck update(@PathVariable String plan, @PathVariable long id, @RequestBody FigureChecks.Draft draft,
                       Authentication auth) {
        return checks.update(lookup.require(plan), access.actor(auth), id, draft);
    }

    @DeleteMapping("/api/v1/plans/{plan}/checks/{id}")
    @Operation(summary = "Delete a check (with the version read; 409 on a conflict)")
    void delete(@PathVariable String plan, @PathVariable long id, @RequestParam(required = false) Integer version,
                Authentication auth) {
        checks.delete(lookup.require(plan), access.actor(auth), id, version);
    }

    @GetMapping("/api/v1/plans/{plan}/checks/violations")
    @Operation(summary = "Stored figures that break a check (at most 1000 listed, with the total)")
    FigureCheckViolations.Found violations(@PathVariable String plan) {
        return violations.find(lookup.require(plan));
    }
}
