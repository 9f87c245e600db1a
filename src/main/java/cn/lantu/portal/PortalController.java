package cn.lantu.portal;

import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.lantu.assessment.Observation;
import cn.lantu.indicator.Indicator;
import cn.lantu.monitoring.IndicatorAssessment;
import cn.lantu.monitoring.ObservationRepository;
import cn.lantu.monitoring.PlanAssessment;
import cn.lantu.monitoring.PlanAssessmentService;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.report.ReportService;
import cn.lantu.web.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public portal (no login): published indicators with their series, targets and status, and open data with
 * stable URLs. Nothing unpublished leaks: an unpublished indicator answers 404 on every public URL.
 *
 * <p>Path variables are named {@code planCode} here: a variable named {@code plan} would reach the page model as a
 * string and be taken for the internal plan (whose navigation the public must not see).
 *
 * <ul>
 *   <li>{@code /public/plans/{planCode}} — the published indicators;</li>
 *   <li>{@code /public/plans/{planCode}/indicators/{code}} — one indicator;</li>
 *   <li>{@code /public/plans/{planCode}/indicators/{code}.csv|.xlsx|.json} — its data;</li>
 *   <li>{@code /public/plans/{planCode}/open-data.zip} — all published indicators at once.</li>
 * </ul>
 */
@Controller
public class PortalController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlanLookup lookup;
    private final PlanAssessmentService assessments;
    private final ObservationRepository observations;
    private final ReportService reports;

    public PortalController(PlanLookup lookup, PlanAssessmentService assessments, ObservationRepository observations,
                            ReportService reports) {
        this.reports = reports;
        this.lookup = lookup;
        this.assessments = assessments;
        this.observations = observations;
    }

    private List<IndicatorAssessment> published(PlanAssessment pa) {
        return pa.indicators().stream().filter(a -> a.indicator().published()).toList();
    }

    private OpenData data(Plan p, String code) {
        return published(p).stream().filter(d -> d.indicator().code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("未公开或不存在的指标: " + code));
    }

    /** The open data of every published indicator, from one assessment and one read of the approved figures. */
    private List<OpenData> published(Plan p) {
        PlanAssessment pa = assessments.assess(p, assessments.defaultYear(p));
        Map<String, List<Observation>> obs = observations.approved(p.id(), assessments.demo(), null);
        return published(pa).stream().map(a -> new OpenData(p.name(), a.indicator(),
                obs.getOrDefault(a.indicator().code(), List.of()), a.assessment(), assessments.demo(), a.targetChange()))
                .toList();
    }

    @GetMapping("/public/plans/{planCode}")
    String plan(@PathVariable String planCode, Model model) {
        Plan p = lookup.require(planCode);
        // the portal's sentence and counts are over what is published, never over withdrawn indicators
        PlanAssessment pa = assessments.assess(p, assessments.defaultYear(p)).publishedOnly();
        model.addAttribute("portalPlan", p);
        model.addAttribute("assessment", pa);
        model.addAttribute("rows", published(pa));
        model.addAttribute("reports", reports.published().stream().filter(r -> r.planCode().equals(p.code())).toList());
        return "portal/plan";
    }

    @GetMapping("/public/plans/{planCode}/indicators/{code:[A-Za-z0-9_-]+}")
    String indicator(@PathVariable String planCode, @PathVariable String code, Model model) {
        Plan p = lookup.require(planCode);
        OpenData d = data(p, code);
        Indicator i = d.indicator();
        model.addAttribute("portalPlan", p);
        model.addAttribute("indicator", i);
        model.addAttribute("a", d.assessment());
        model.addAttribute("targetChange", d.targetChange());
        model.addAttribute("timelineJson", JSON.writeValueAsString(assessments.timeline(p, i)));
        return "portal/indicator";
    }

    @GetMapping("/public/plans/{planCode}/indicators/{code:[A-Za-z0-9_-]+}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String planCode, @PathVariable String code) {
        return file(data(lookup.require(planCode), code).csv(), code + ".csv", new MediaType("text", "csv",
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping("/public/plans/{planCode}/indicators/{code:[A-Za-z0-9_-]+}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String planCode, @PathVariable String code) {
        return file(data(lookup.require(planCode), code).xlsx(), code + ".xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/public/plans/{planCode}/indicators/{code:[A-Za-z0-9_-]+}.json")
    ResponseEntity<byte[]> json(@PathVariable String planCode, @PathVariable String code) {
        return file(data(lookup.require(planCode), code).json(), code + ".json", MediaType.APPLICATION_JSON);
    }

    @GetMapping("/public/plans/{planCode}/open-data.zip")
    ResponseEntity<byte[]> zip(@PathVariable String planCode) {
        Plan p = lookup.require(planCode);
        return file(OpenData.zip(published(p)), p.code() + "-open-data.zip", MediaType.parseMediaType("application/zip"));
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
