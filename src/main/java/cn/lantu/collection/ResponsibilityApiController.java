package cn.lantu.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON twin of the responsibilities page: items by kind and unit, changes and bulk confirmation (by codes). */
@RestController
@RequestMapping("/api/v1/plans/{plan}/responsibilities")
@Tag(name = "responsibilities", description = "目标责任分工")
public class ResponsibilityApiController {

    private final Responsibilities responsibilities;
    private final PlanLookup lookup;
    private final OrgRepository org;

    ResponsibilityApiController(Responsibilities responsibilities, PlanLookup lookup, OrgRepository org) {
        this.responsibilities = responsibilities;
        this.lookup = lookup;
        this.org = org;
    }

    @GetMapping("/{kind}")
    @PreAuthorize("hasAnyRole('ADMIN','LEADER','SUPERVISOR')")
    @Operation(summary = "Indicators, tasks or projects (kind) with their lead and co-operating units; "
            + "unit (code) keeps those the unit leads or co-operates on, pending those still on the default")
    public List<Responsibilities.Item> list(@PathVariable String plan, @PathVariable String kind,
                                            @RequestParam(required = false) String unit,
                                            @RequestParam(defaultValue = "false") boolean pending) {
        Plan p = lookup.require(plan);
        return responsibilities.list(p.id(), Responsibilities.Kind.of(kind), unit == null ? null : unitId(p, unit),
                pending);
    }

    /** A new assignment by unit codes; {@code version} is the one read (optimistic locking). */
    public record Assignment(String lead, List<String> cooperating, String frequency, String townBreakdown,
                             String version) {}

    @PutMapping("/{kind}/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set an item's one lead and any co-operating units (and an indicator's frequency and town "
            + "breakdown rule); 422 with messages by field, nothing saved (plan office only)")
    public ResponseEntity<Object> save(@PathVariable String plan, @PathVariable String kind, @PathVariable String code,
                                       @RequestBody Assignment body, Authentication who) {
        Plan p = lookup.require(plan);
        Responsibilities.Kind k = Responsibilities.Kind.of(kind);
        Responsibilities.Item item = byCode(p, k, code);
        List<Long> coop = new ArrayList<>();
        for (String c : body.cooperating() == null ? List.<String>of() : body.cooperating()) {
            coop.add(unitId(p, c));
        }
        Responsibilities.Outcome outcome = responsibilities.save(p.id(), k, item.id(), new Responsibilities.Change(
                body.lead() == null || body.lead().isBlank() ? null : unitId(p, body.lead()), coop,
                body.frequency() == null ? item.frequency() : body.frequency(),
                body.townBreakdown() == null ? item.townBreakdown() : body.townBreakdown(), body.version()),
                who.getName());
        return outcome.ok() ? ResponseEntity.ok(outcome.saved())
                : ResponseEntity.unprocessableEntity().body(Map.of("errors", outcome.errors()));
    }

    /** The items (codes) whose default assignment is confirmed; {@code all} confirms every pending item. */
    public record Confirmation(List<String> codes, Boolean all) {}

    @PostMapping("/{kind}/confirm")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "确认默认分工: confirm the default assignment of the given items, or of all (plan office only)")
    public ResponseEntity<Object> confirm(@PathVariable String plan, @PathVariable String kind,
                                          @RequestBody Confirmation body, Authentication who) {
        Plan p = lookup.require(plan);
        Responsibilities.Kind k = Responsibilities.Kind.of(kind);
        List<Long> ids = Boolean.TRUE.equals(body.all()) ? responsibilities.list(p.id(), k, null, true).stream()
                .map(Responsibilities.Item::id).toList()
                : (body.codes() == null ? List.<String>of() : body.codes()).stream().map(c -> byCode(p, k, c).id())
                        .toList();
        if (ids.isEmpty()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("errors",
                    Map.of("codes", "请指明要确认的事项（codes），或 all: true")));
        }
        List<Responsibilities.Item> done = responsibilities.confirm(p.id(), k, ids, who.getName());
        return ResponseEntity.ok(Map.of("confirmed", done.stream().map(Responsibilities.Item::code).toList()));
    }

    private Responsibilities.Item byCode(Plan p, Responsibilities.Kind k, String code) {
        return responsibilities.list(p.id(), k, null, false).stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("事项不存在: " + code));
    }

    private long unitId(Plan p, String code) {
        return org.findByCode(p.id(), code).filter(u -> u.type() == OrgUnit.Type.DEPARTMENT).map(OrgUnit::id)
                .orElseThrow(() -> new NotFoundException("部门不存在: " + code));
    }
}
