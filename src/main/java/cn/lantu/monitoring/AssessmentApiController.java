package cn.lantu.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.lantu.assessment.Assessment;
import cn.lantu.assessment.AssessmentEngine;
import cn.lantu.assessment.Attribute;
import cn.lantu.assessment.Comparator;
import cn.lantu.assessment.Comparison;
import cn.lantu.assessment.Direction;
import cn.lantu.assessment.Finding;
import cn.lantu.assessment.IndicatorSpec;
import cn.lantu.assessment.Kind;
import cn.lantu.assessment.Observation;
import cn.lantu.assessment.Path;
import cn.lantu.assessment.Status;
import cn.lantu.assessment.Verdict;
import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The assessment API: a plan's assessment for a year, one-off evaluations and yearly targets. */
@RestController
@Tag(name = "assessment", description = "监测评估")
public class AssessmentApiController {

    private final PlanAssessmentService service;
    private final PlanLookup lookup;
    private final IndicatorRepository indicators;
    private final TargetRepository targets;

    private final cn.lantu.audit.AuditLog audit;

    public AssessmentApiController(PlanAssessmentService service, PlanLookup lookup, IndicatorRepository indicators,
                                   TargetRepository targets,
                                   cn.lantu.audit.AuditLog audit) {
        this.audit = audit;
        this.targets = targets;
        this.service = service;
        this.lookup = lookup;
        this.indicators = indicators;
    }

    /**
     * One indicator's result, with the indicator API's field names. Fractions are fractions, never percentages.
     * {@code statusLabel} and {@code explanation} are Chinese; {@code statusLabelEn} and {@code explanationEn} English.
     * {@code targetChange}: the approved target revision beside the original, null when never revised.
     */
    public record IndicatorResult(String code, String name, String unit, Integer tableNumber, String category,
                                  Attribute attribute, Kind kind, String leadDepartment, Status status,
                                  String statusLabel, String warning, boolean provisional, Double elapsed,
                                  Double expected, Double progress, Double scheduleRatio, Integer latestYear,
                                  Double latestValue, boolean latestEstimate, Double projection,
                                  Double projectionLow, Double projectionHigh, Double anticipatedProgress,
                                  Double catchUp, String catchUpUnit, String explanation, Boolean annualTargetMet,
                                  String targetUsed, Status computedStatus, String overrideReason,
                                  String statusLabelEn, String explanationEn, Comparison comparison,
                                  TargetChange targetChange) {

        static IndicatorResult of(IndicatorAssessment ia) {
            Indicator i = ia.indicator();
            Assessment a = ia.assessment();
            return new IndicatorResult(i.code(), i.name(), i.unit(), i.tableNumber(), i.category().name(),
                    i.attribute(), i.kind(), ia.leadDepartment(), a.status(), a.status().label(),
                    a.warning() == null ? null : a.warning().name(), a.provisional(), a.elapsed(), a.expected(),
                    a.progress(), a.scheduleRatio(), a.latestYear(), a.latestValue(), a.latestEstimate(),
                    a.projection(), a.projectionLow(), a.projectionHigh(), a.anticipatedProgress(), a.catchUp(),
                    a.catchUpUnit(), a.explanation(), a.annualTargetMet(), a.targetUsed(),
                    ia.override() == null ? a.status() : ia.override().computed(),
                    ia.override() == null ? null : ia.override().reason(), a.status().labelEn(),
                    a.explanation(java.util.Locale.ENGLISH), a.comparison(), ia.targetChange());
        }
    }

    /** The plan-wide result: counts over the numbered items (row 12 counted once), every row, and the findings. */
    public record PlanResult(String plan, int year, boolean demo, int items, Map<Status, Integer> counts,
                             String sentence, String bindingSentence, Map<String, Map<Status, Integer>> byCategory,
                             Map<Attribute, Map<Status, Integer>> byAttribute,
                             Map<String, Map<Status, Integer>> byDepartment, List<String> binding,
                             List<IndicatorResult> indicators, List<Finding> findings, String sentenceEn,
                             String bindingSentenceEn) {}

    @GetMapping("/api/v1/plans/{plan}/assessment")
    @Operation(summary = "Assessment of every indicator for a year, from approved figures, with roll-ups and findings",
            description = "asOf (ISO instant) recomputes from the approved figures as they stood at that time.")
    public PlanResult plan(@PathVariable String plan, @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) Instant asOf) {
        Plan p = lookup.require(plan);
        PlanAssessment pa = service.assess(p, year == null ? service.defaultYear(p) : year, asOf);
        return toResult(pa);
    }

    static PlanResult toResult(PlanAssessment pa) {
        Map<String, Map<Status, Integer>> byCategory = new LinkedHashMap<>();
        pa.summary().byCategory().forEach((k, v) -> byCategory.put(k, v.counts()));
        Map<Attribute, Map<Status, Integer>> byAttribute = new LinkedHashMap<>();
        pa.summary().byAttribute().forEach((k, v) -> byAttribute.put(k, v.counts()));
        Map<String, Map<Status, Integer>> byDepartment = new LinkedHashMap<>();
        pa.summary().byDepartment().forEach((k, v) -> byDepartment.put(k, v.counts()));
        return new PlanResult(pa.plan().code(), pa.year(), pa.demo(), pa.summary().itemCount(),
                pa.summary().counts(), pa.summary().sentence(), pa.summary().bindingSentence(), byCategory,
                byAttribute, byDepartment, pa.summary().binding().stream().map(r -> r.code()).toList(),
                pa.indicators().stream().map(IndicatorResult::of).toList(), pa.findings(),
                pa.summary().sentence(java.util.Locale.ENGLISH), pa.summary().bindingSentence(java.util.Locale.ENGLISH));
    }

    @GetMapping("/api/v1/plans/{plan}/feasibility")
    @Operation(summary = "The plan's feasibility and consistency findings, with their numbers")
    public List<Finding> feasibility(@PathVariable String plan) {
        return service.findings(lookup.require(plan));
    }

    /** Bounds of an ad-hoc evaluation: a plan has a handful of years, never thousands of observations. */
    static final int MAX_OBSERVATIONS = 100;
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;
    static final String YEAR_RANGE = "年份应在1900–2100之间";

    /** An indicator definition for an ad-hoc evaluation, with the indicator API's field names. */
    public record EvaluationIndicator(@NotBlank @Size(max = 60, message = "指标代码不能超过60字") String code,
                                      @Size(max = 200, message = "名称不能超过200字") String name,
                                      @Size(max = 40, message = "单位不能超过40字") String unit, Attribute attribute,
                                      @NotNull Kind kind, Path path, Direction direction, Comparator comparator,
                                      Double band,
                                      @NotNull @Min(value = MIN_YEAR, message = YEAR_RANGE)
                                      @Max(value = MAX_YEAR, message = YEAR_RANGE) Integer baseYear,
                                      Double baseValue,
                                      @NotNull @Min(value = MIN_YEAR, message = YEAR_RANGE)
                                      @Max(value = MAX_YEAR, message = YEAR_RANGE) Integer targetYear,
                                      Double targetValue,
                                      @Min(value = 0, message = "小数位数应在0–6之间")
                                      @Max(value = 6, message = "小数位数应在0–6之间") Integer precision,
                                      @Size(max = MAX_OBSERVATIONS, message = "年度目标最多100个")
                                      Map<Integer, Double> annualTargets,
                                      @Min(value = MIN_YEAR, message = YEAR_RANGE)
                                      @Max(value = MAX_YEAR, message = YEAR_RANGE) Integer periodStartYear) {}

    /** One observation: the year's value (level, rate, addition or reduction by kind), or a verdict. */
    public record EvaluationObservation(@NotNull @Min(value = MIN_YEAR, message = YEAR_RANGE)
                                        @Max(value = MAX_YEAR, message = YEAR_RANGE) Integer year,
                                        Double value, Boolean estimate, Verdict verdict) {}

    /** The request of {@code POST /api/v1/assessment/evaluate}. */
    public record EvaluationRequest(@Valid @NotNull EvaluationIndicator indicator,
                                    @Valid @Size(max = MAX_OBSERVATIONS, message = "观测值最多100个")
                                    List<EvaluationObservation> observations,
                                    @Valid @Size(max = MAX_OBSERVATIONS, message = "关联指标观测值最多100个")
                                    List<EvaluationObservation> relatedObservations,
                                    @NotNull @Min(value = MIN_YEAR, message = YEAR_RANGE)
                                    @Max(value = MAX_YEAR, message = YEAR_RANGE) Integer asOfYear) {}

    @PostMapping("/api/v1/assessment/evaluate")
    @Operation(summary = "Evaluate one indicator definition against its observations as of a year "
            + "(at most 100 observations, years 1900–2100, finite numbers)")
    public Assessment evaluate(@Valid @RequestBody EvaluationRequest request) {
        EvaluationIndicator d = request.indicator();
        requireFinite(request);
        IndicatorSpec.Builder b = IndicatorSpec.builder(d.code(), d.kind()).name(d.name()).unit(d.unit())
                .attribute(d.attribute()).path(d.path()).direction(d.direction()).comparator(d.comparator())
                .band(d.band()).base(d.baseYear(), d.baseValue()).target(d.targetYear(), d.targetValue())
                .precision(d.precision()).periodStartYear(d.periodStartYear());
        if (d.annualTargets() != null) {
            b.annualTargets(d.annualTargets());
        }
        IndicatorSpec spec;
        try {
            spec = b.build();
        } catch (IllegalArgumentException e) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return new AssessmentEngine().assess(spec, observations(request.observations()),
                observations(request.relatedObservations()), request.asOfYear());
    }

    /** Refuses Infinity and NaN (JSON's 1e309 reads as Infinity) and annual targets of years out of range. */
    private static void requireFinite(EvaluationRequest r) {
        EvaluationIndicator d = r.indicator();
        List<String> bad = new ArrayList<>();
        finite(bad, "indicator.band", d.band());
        finite(bad, "indicator.baseValue", d.baseValue());
        finite(bad, "indicator.targetValue", d.targetValue());
        if (d.annualTargets() != null) {
            d.annualTargets().forEach((year, value) -> {
                if (year == null || year < MIN_YEAR || year > MAX_YEAR) {
                    bad.add("indicator.annualTargets: " + YEAR_RANGE);
                }
                finite(bad, "indicator.annualTargets[" + year + "]", value);
            });
        }
        for (String name : List.of("observations", "relatedObservations")) {
            List<EvaluationObservation> list = name.equals("observations") ? r.observations() : r.relatedObservations();
            if (list != null) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) == null) {
                        bad.add(name + "[" + i + "]: 不能为空");
                    } else {
                        finite(bad, name + "[" + i + "].value", list.get(i).value());
                    }
                }
            }
        }
        if (!bad.isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST, "数值无效（不能为无穷大或非数字）：" + String.join("；", bad));
        }
    }

    private static void finite(List<String> bad, String field, Double v) {
        if (v != null && !Double.isFinite(v)) {
            bad.add(field);
        }
    }

    private static List<Observation> observations(List<EvaluationObservation> list) {
        List<Observation> out = new ArrayList<>();
        if (list != null) {
            list.forEach(o -> out.add(new Observation(o.year(), o.value(), Boolean.TRUE.equals(o.estimate()), o.verdict())));
        }
        return out;
    }

    /** A yearly plan target (年度计划) approved for one year. */
    public record AnnualTargetRequest(@NotNull Double value) {}

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/plans/{plan}/indicators/{code}/annual-targets/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set an indicator's yearly plan target (年度计划); each year is then also judged 完成/未完成")
    public IndicatorResult annualTarget(@PathVariable String plan, @PathVariable String code, @PathVariable int year,
                                        @Valid @RequestBody AnnualTargetRequest request, Authentication who) {
        Plan p = lookup.require(plan);
        Indicator i = indicators.findByCode(p.id(), code).orElseThrow(() -> new NotFoundException("指标不存在: " + code));
        if (year < p.periodStart() || year > p.periodEnd()) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST, "年份不在规划期内: " + year);
        }
        Double before = targets.annualTargets(p.id()).getOrDefault(code, Map.of()).get(year);
        targets.setAnnualTarget(i.id(), year, request.value(), who.getName());
        audit.record(who.getName(), "ANNUAL_TARGET_SET", "indicator:" + i.id(), i.name() + " " + year + "年年度目标："
                + (before == null ? "（未设）" : before) + " → " + request.value());
        return result(p, code, year);
    }

    IndicatorResult result(Plan p, String code, int year) {
        return service.assess(p, year).indicators().stream().filter(a -> a.indicator().code().equals(code))
                .map(IndicatorResult::of).findFirst().orElseThrow();
    }
}
