package cn.lantu.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.lantu.assessment.Assessment;
import cn.lantu.assessment.AssessmentEngine;
import cn.lantu.assessment.Finding;
import cn.lantu.assessment.IndicatorSpec;
import cn.lantu.assessment.Observation;
import cn.lantu.assessment.PlanSummary;
import cn.lantu.assessment.RolledItem;
import cn.lantu.assessment.StatusOverride;
import cn.lantu.assessment.Thresholds;
import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.Responsibility;
import cn.lantu.plan.Plan;
import cn.lantu.project.ProjectRepository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assesses every indicator of a plan for a year from approved figures, applies the plan office's overrides,
 * rolls the result up over the numbered items, and runs the plan's feasibility checks.
 */
@Service
public class PlanAssessmentService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final StatusOverrideRepository overrides;
    private final OrgRepository org;
    private final ProjectRepository projects;
    private final TargetRepository targets;
    private final boolean demo;

    public PlanAssessmentService(IndicatorRepository indicators, ObservationRepository observations,
                                 StatusOverrideRepository overrides, OrgRepository org, ProjectRepository projects,
                                 TargetRepository targets, @Value("${lantu.demo:false}") boolean demo) {
        this.targets = targets;
        this.indicators = indicators;
        this.observations = observations;
        this.overrides = overrides;
        this.org = org;
        this.projects = projects;
        this.demo = demo;
    }

    public boolean demo() {
        return demo;
    }

    /** The year to show by default: the latest year with approved data, else the plan's first year. */
    public int defaultYear(Plan plan) {
        Integer latest = observations.latestYear(plan.id(), demo);
        if (latest != null) {
            return Math.min(Math.max(latest, plan.periodStart()), plan.periodEnd());
        }
        int lastFull = LocalDate.now().getYear() - 1;
        return Math.min(Math.max(lastFull, plan.periodStart()), plan.periodEnd());
    }

    public PlanAssessment assess(Plan plan, int year) {
        return assess(plan, year, null);
    }

    /** The assessment as the approved data stood at {@code asOf} (null: now). */
    public PlanAssessment assess(Plan plan, int year, Instant asOf) {
        Map<String, Object> config = config(plan);
        List<Indicator> all = indicators.findByPlan(plan.id());
        Inputs in = new Inputs(plan, all, observations.approved(plan.id(), demo, asOf), overrides.forYear(plan.id(), year),
                org.responsibilitiesOfPlan(plan.id()), targets.annualTargets(plan.id()), targets.approved(plan.id()));
        return compute(in, year, findings(plan, all, config));
    }

    /**
     * Assesses the plans with ids in {@code [fromPlan, toPlan]} (given in {@code plans}) from approved figures as
     * they stand now, reading each kind of input for the whole range in one query (seven queries for the range
     * instead of seven per plan). {@code year} null: each plan's latest year with approved yearly figures. The
     * feasibility findings are not computed here (the bulk reassessment stores indicator results only).
     */
    public List<PlanAssessment> assessRange(List<Plan> plans, long fromPlan, long toPlan, Integer year) {
        Map<Long, List<Indicator>> ind = indicators.findByPlans(fromPlan, toPlan);
        Map<Long, Map<String, List<Observation>>> obs = observations.approved(fromPlan, toPlan, demo);
        long minIndicator = Long.MAX_VALUE;
        long maxIndicator = Long.MIN_VALUE;
        for (List<Indicator> list : ind.values()) {
            for (Indicator i : list) {
                minIndicator = Math.min(minIndicator, i.id());
                maxIndicator = Math.max(maxIndicator, i.id());
            }
        }
        Map<Long, List<Responsibility>> resp = ind.isEmpty() ? Map.of()
                : org.responsibilitiesOfPlans(fromPlan, toPlan, minIndicator, maxIndicator);
        Map<Long, Map<String, Map<Integer, Double>>> annual = targets.annualTargets(fromPlan, toPlan);
        Map<Long, Map<String, List<TargetRepository.Revision>>> revised = targets.approved(fromPlan, toPlan);
        Map<Integer, Map<Long, Map<String, StatusOverrideRepository.Stored>>> overridesByYear = new HashMap<>();
        List<PlanAssessment> out = new ArrayList<>(plans.size());
        for (Plan plan : plans) {
            Map<String, List<Observation>> own = obs.getOrDefault(plan.id(), Map.of());
            int y = year != null ? year : defaultYear(plan, own);
            Map<String, StatusOverrideRepository.Stored> ov = overridesByYear
                    .computeIfAbsent(y, k -> overrides.forYear(fromPlan, toPlan, k)).getOrDefault(plan.id(), Map.of());
            Inputs in = new Inputs(plan, ind.getOrDefault(plan.id(), List.of()), own, ov, resp,
                    annual.getOrDefault(plan.id(), Map.of()), revised.getOrDefault(plan.id(), Map.of()));
            out.add(compute(in, y, List.of()));
        }
        return out;
    }

    /** The latest year with an approved yearly figure within the plan period, else the plan's default. */
    private int defaultYear(Plan plan, Map<String, List<Observation>> obs) {
        int latest = Integer.MIN_VALUE;
        for (List<Observation> list : obs.values()) {
            for (Observation o : list) {
                latest = Math.max(latest, o.year());
            }
        }
        if (latest == Integer.MIN_VALUE) {
            int lastFull = LocalDate.now().getYear() - 1;
            return Math.min(Math.max(lastFull, plan.periodStart()), plan.periodEnd());
        }
        return Math.min(Math.max(latest, plan.periodStart()), plan.periodEnd());
    }

    /** Everything one plan's assessment is computed from. */
    private record Inputs(Plan plan, List<Indicator> indicators, Map<String, List<Observation>> observations,
                          Map<String, StatusOverrideRepository.Stored> overrides,
                          Map<Long, List<Responsibility>> responsibilities, Map<String, Map<Integer, Double>> annual,
                          Map<String, List<TargetRepository.Revision>> revised) {}

    private PlanAssessment compute(Inputs in, int year, List<Finding> findings) {
        Plan plan = in.plan();
        AssessmentEngine engine = new AssessmentEngine(thresholds(config(plan)));
        List<IndicatorAssessment> rows = new ArrayList<>();
        List<RolledItem> rolled = new ArrayList<>();
        for (Indicator i : in.indicators()) {
            List<Observation> own = in.observations().getOrDefault(i.code(), List.of());
            List<Observation> related = i.relatedCode() == null ? List.of()
                    : in.observations().getOrDefault(i.relatedCode(), List.of());
            TargetRepository.Revision revision = TargetRepository.inForce(in.revised().get(i.code()), year);
            IndicatorSpec spec = IndicatorSpecs.of(i, plan.periodStart(), in.annual().get(i.code()), revision,
                    IndicatorSpecs.relatedLabel(i.relatedCode(), in.indicators()));
            Assessment a = engine.assess(spec, own, related, year);
            StatusOverride override = null;
            if (in.overrides().containsKey(i.code())) {
                override = StatusOverrideRepository.combine(a.status(), in.overrides().get(i.code()));
                a = a.withOverride(override, i.attribute());
            }
            String lead = in.responsibilities().getOrDefault(i.id(), List.of()).stream()
                    .filter(r -> r.role() == Responsibility.Role.LEAD).map(Responsibility::orgName).findFirst()
                    .orElse("未分工");
            rows.add(new IndicatorAssessment(i, a, lead, override, TargetChange.of(spec.targetValue(), revision, year)));
            rolled.add(new RolledItem(i.code(), i.tableNumber(), i.category().label(), i.attribute(), lead, a,
                    i.name()));
        }
        return new PlanAssessment(plan, year, demo, rows, PlanSummary.of(rolled), findings);
    }

    /** The indicator's yearly path for its chart, from approved figures. */
    public IndicatorTimeline timeline(Plan plan, Indicator indicator) {
        Map<String, List<Observation>> obs = observations.approved(plan.id(), demo, null);
        List<Observation> related = indicator.relatedCode() == null ? List.of()
                : obs.getOrDefault(indicator.relatedCode(), List.of());
        return IndicatorTimeline.of(IndicatorSpecs.of(indicator, plan.periodStart(),
                        targets.annualTargets(plan.id()).get(indicator.code()),
                        TargetRepository.inForce(targets.approved(plan.id()).get(indicator.code()), plan.periodEnd()),
                        IndicatorSpecs.relatedLabel(indicator.relatedCode(), indicator.relatedCode() == null
                                ? List.of() : indicators.findByPlan(plan.id()))),
                obs.getOrDefault(indicator.code(), List.of()), related, plan.periodStart(), plan.periodEnd(),
                new AssessmentEngine(thresholds(config(plan))));
    }

    public List<Finding> findings(Plan plan) {
        return findings(plan, indicators.findByPlan(plan.id()), config(plan));
    }

    @SuppressWarnings("unchecked")
    private List<Finding> findings(Plan plan, List<Indicator> all, Map<String, Object> config) {
        Map<String, Indicator> byCode = new LinkedHashMap<>();
        all.forEach(i -> byCode.put(i.code(), i));
        List<Map<String, Object>> checks = (List<Map<String, Object>>) config.getOrDefault("feasibilityChecks", List.of());
        Map<String, Object> totals = (Map<String, Object>) config.getOrDefault("portfolioTotals", Map.of());
        return FeasibilityChecks.run(plan, checks, totals, byCode, projects.domains(plan.id()));
    }

    private static Map<String, Object> config(Plan plan) {
        if (plan.checksJson() == null) {
            return Map.of();
        }
        return JSON.readValue(plan.checksJson(), new TypeReference<Map<String, Object>>() {});
    }

    /** Per-plan thresholds from plan.yaml {@code thresholds}, each falling back to the default. */
    @SuppressWarnings("unchecked")
    static Thresholds thresholds(Map<String, Object> config) {
        Thresholds d = Thresholds.defaults();
        Object raw = config.get("thresholds");
        if (!(raw instanceof Map<?, ?> t)) {
            return d;
        }
        Map<String, Object> m = (Map<String, Object>) t;
        return new Thresholds(get(m, "ahead", d.ahead()), get(m, "onTrack", d.onTrack()), get(m, "lagging", d.lagging()),
                get(m, "bindingOnTrack", d.bindingOnTrack()), get(m, "bindingLagging", d.bindingLagging()),
                get(m, "provisionalElapsed", d.provisionalElapsed()), get(m, "stableBand", d.stableBand()),
                get(m, "relationalBand", d.relationalBand()));
    }

    private static double get(Map<String, Object> m, String key, double fallback) {
        return m.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }
}
