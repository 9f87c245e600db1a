package cn.lantu.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import cn.lantu.monitoring.PlanAssessment;
import cn.lantu.monitoring.PlanAssessmentService;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.web.NotFoundException;

/**
 * Generates the annual, mid-term and final reports as Word, PDF or HTML; keeps the office's narrative per section;
 * saves versions (who, when, data as of when) and publishes them to the public portal.
 */
@Service
public class ReportService {

    /** Output formats of {@code GET /api/v1/plans/{id}/reports/{type}}. */
    public enum Format {
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        PDF("application/pdf", "pdf"),
        HTML("text/html;charset=UTF-8", "html");

        private final String contentType;
        private final String ext;

        Format(String contentType, String ext) {
            this.contentType = contentType;
            this.ext = ext;
        }

        public String contentType() {
            return contentType;
        }

        public String ext() {
            return ext;
        }

        public static Format of(String s) {
            if (s == null || s.isBlank()) {
                return DOCX;
            }
            for (Format f : values()) {
                if (f.ext.equalsIgnoreCase(s)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format 应为 docx、pdf 或 html: " + s);
        }
    }

    /** A generated document with its bytes. */
    public record Rendered(ReportDocument document, Format format, byte[] bytes, String fileName) {}

    private final PlanAssessmentService assessments;
    private final ReportRepository repository;
    private final ReportBuilder builder;
    private final CjkFonts fonts;
    private final PlanLookup plans;
    private final ITemplateEngine templates;
    private final cn.lantu.audit.AuditLog audit;

    public ReportService(PlanAssessmentService assessments, ReportRepository repository, ReportBuilder builder,
                         CjkFonts fonts, PlanLookup plans, ITemplateEngine templates, cn.lantu.audit.AuditLog audit) {
        this.audit = audit;
        this.assessments = assessments;
        this.repository = repository;
        this.builder = builder;
        this.fonts = fonts;
        this.plans = plans;
        this.templates = templates;
    }

    public boolean demo() {
        return assessments.demo();
    }

    /** The data year of a report (validated), e.g. 2028 for the mid-term report of a 2026–2030 plan. */
    public int year(Plan plan, ReportType type, Integer requested) {
        return type.year(plan, requested, assessments.defaultYear(plan));
    }

    /** The report from the data as of now with the office's current narrative. */
    public ReportDocument document(Plan plan, ReportType type, Integer year) {
        int y = year(plan, type, year);
        return document(plan, type, y, Instant.now(), repository.narratives(plan.id(), type, y));
    }

    ReportDocument document(Plan plan, ReportType type, int year, Instant asOf, Map<String, String> narratives) {
        return document(plan, type, year, asOf, narratives, false);
    }

    /** The report; for the public ({@code publicOnly}), only what is published is shown and counted. */
    ReportDocument document(Plan plan, ReportType type, int year, Instant asOf, Map<String, String> narratives,
                            boolean publicOnly) {
        PlanAssessment all = assessments.assess(plan, year, asOf);
        PlanAssessment pa = publicOnly ? all.publishedOnly() : all;
        ReportCharts charts = new ReportCharts(fonts.awt());
        java.util.Set<String> shown = pa.indicators().stream().map(a -> a.indicator().code())
                .collect(java.util.stream.Collectors.toSet());
        return builder.build(pa, type, asOf, narratives, repository.traces(plan.id(), pa.demo(), year, asOf).stream()
                .filter(t -> shown.contains(t.code())).toList(), charts);
    }

    public Rendered render(ReportDocument d, Format format) {
        byte[] bytes = switch (format) {
            case DOCX -> DocxWriter.write(d);
            case PDF -> PdfWriter.write(d, fonts.file());
            case HTML -> html(d).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
        return new Rendered(d, format, bytes, d.planCode() + "-" + d.type().slug() + "-" + d.year() + "." + format.ext());
    }

    public Rendered generate(Plan plan, ReportType type, Integer year, Format format) {
        return render(document(plan, type, year), format);
    }

    /** The standalone HTML document (inline styles, charts as data URIs). */
    public String html(ReportDocument d) {
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("d", d);
        return templates.process("report/document", ctx);
    }

    public Map<String, String> narratives(Plan plan, ReportType type, int year) {
        return repository.narratives(plan.id(), type, year);
    }

    /** Saves the office's text for a section; a blank text restores the pre-filled default. */
    public void saveNarrative(Plan plan, ReportType type, Integer year, String section, String text, String by) {
        if (!ReportBuilder.SECTIONS.containsKey(section)) {
            throw new IllegalArgumentException("未知的报告章节: " + section + "，可用: " + ReportBuilder.SECTIONS.keySet());
        }
        if (text != null && text.length() > 20000) {
            throw new IllegalArgumentException("文字过长（最多20000字）");
        }
        repository.saveNarrative(plan.id(), type, year(plan, type, year), section, text, by);
    }

    /** The sections the office can write, key → title. */
    public Map<String, String> sections() {
        return ReportBuilder.SECTIONS;
    }

    /** Saves a version: the data as of now and a snapshot of the current narrative. */
    public ReportRepository.Version saveVersion(Plan plan, ReportType type, Integer year, String by) {
        int y = year(plan, type, year);
        Instant asOf = Instant.now();
        Map<String, String> narratives = repository.narratives(plan.id(), type, y);
        ReportDocument d = document(plan, type, y, asOf, narratives);
        String verdict = d.blocks().stream().filter(b -> b instanceof ReportDocument.Para p && p.emphasis()
                        && p.text().contains("项主要指标中")).map(b -> ((ReportDocument.Para) b).text()).findFirst()
                .orElse(null);
        return repository.saveVersion(plan.id(), type, y, d.title(), verdict, asOf, d.demo(), by, narratives);
    }

    public List<ReportRepository.Version> versions(Plan plan, ReportType type, Integer year) {
        return repository.versions(plan.id(), type, year(plan, type, year));
    }

    public ReportRepository.Version version(long id) {
        return repository.version(id).orElseThrow(() -> new NotFoundException("报告版本不存在: " + id));
    }

    /** A saved version, regenerated from the data as of its as-of time and its narrative snapshot. */
    public Rendered renderVersion(long id, Format format) {
        return renderVersion(id, format, false);
    }

    private ReportDocument versionDocument(ReportRepository.Version v, boolean publicOnly) {
        Plan plan = plans.require(String.valueOf(v.planId()));
        return document(plan, v.type(), v.year(), v.asOf(), repository.versionNarratives(v.id()), publicOnly);
    }

    /** What the public would see of a version once published, and the indicators it leaves out (not public). */
    public record PublicPreview(ReportRepository.Version version, ReportDocument document, List<String> leftOut) {}

    public PublicPreview publicPreview(long id) {
        ReportRepository.Version v = version(id);
        List<String> leftOut = assessments.assess(plans.require(String.valueOf(v.planId())), v.year(), v.asOf())
                .indicators().stream().filter(a -> !a.indicator().published()).map(a -> a.indicator().name())
                .toList();
        return new PublicPreview(v, versionDocument(v, true), leftOut);
    }

    private Rendered renderVersion(long id, Format format, boolean publicOnly) {
        ReportRepository.Version v = version(id);
        ReportDocument d = versionDocument(v, publicOnly);
        Rendered r = render(d, format);
        return new Rendered(d, format, r.bytes(), v.planCode() + "-" + v.type().slug() + "-" + v.year() + "-v"
                + v.versionNo() + "." + format.ext());
    }

    /** Publishes a saved version on the portal; publishing it again changes nothing. */
    public void publish(long id, String by) {
        ReportRepository.Version v = version(id);
        if (v.published()) {
            return;
        }
        repository.publish(id, by);
        audit.record(by, "REPORT_PUBLISH", "report:" + id + " " + v.title(), "第" + v.versionNo() + "版：未发布 → "
                + "已发布到公众门户");
    }

    /** Published report versions, newest first, for the public portal. */
    public List<ReportRepository.Version> published() {
        return repository.published();
    }

    /** A published version (404 for a version that was not published). */
    public Rendered renderPublished(long id, Format format) {
        ReportRepository.Version v = version(id);
        if (!v.published()) {
            throw new NotFoundException("报告版本未发布: " + id);
        }
        return renderVersion(id, format, true);
    }
}
