package cn.lantu.planpackage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.assessment.Attribute;
import cn.lantu.assessment.Comparator;
import cn.lantu.assessment.Direction;
import cn.lantu.assessment.Kind;
import cn.lantu.assessment.Path;
import cn.lantu.indicator.Category;
import cn.lantu.indicator.Indicator;
import cn.lantu.indicator.IndicatorRepository;
import cn.lantu.outline.OutlineParser;
import cn.lantu.outline.ParsedOutline;
import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.org.Responsibility;
import cn.lantu.plan.OutlineNode;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanRepository;
import cn.lantu.outline.TextCorrection;
import cn.lantu.project.Project;
import cn.lantu.project.ProjectDomain;
import cn.lantu.project.ProjectRepository;
import cn.lantu.task.ReformRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a plan package into the database: validates everything first, then writes the whole plan in one
 * transaction. Loading a package whose plan code already exists writes nothing (a restart duplicates nothing).
 */
@Service
public class PlanPackageLoader {

    private static final Logger log = LoggerFactory.getLogger(PlanPackageLoader.class);

    private final PlanPackageReader reader;
    private final PlanRepository plans;
    private final IndicatorRepository indicators;
    private final OrgRepository org;
    private final ProjectRepository projects;
    private final ReformRepository reforms;

    public PlanPackageLoader(PlanPackageReader reader, PlanRepository plans, IndicatorRepository indicators,
                             OrgRepository org, ProjectRepository projects, ReformRepository reforms) {
        this.reader = reader;
        this.plans = plans;
        this.indicators = indicators;
        this.org = org;
        this.projects = projects;
        this.reforms = reforms;
    }

    /** The result of a load: the plan, whether it was newly written, and the non-fatal consistency findings. */
    public record LoadResult(Plan plan, boolean created, List<String> findings) {}

    /** Reads, validates and loads the package at {@code location}; throws {@link PackageException} if invalid. */
    @Transactional
    public LoadResult load(String location) {
        PlanPackage pkg = reader.read(location);
        List<String> errors = PlanPackageValidator.validate(pkg);
        if (!errors.isEmpty()) {
            throw new PackageException(errors);
        }
        List<String> findings = PlanPackageValidator.consistency(pkg);
        Optional<Plan> existing = plans.findByCode(pkg.plan().code());
        if (existing.isPresent()) {
            if (!existing.get().packageChecksum().equals(pkg.checksum())) {
                log.warn("Plan {} is already loaded from an earlier version of its package; nothing was changed. "
                        + "Changes to a loaded plan go through the application so that their history is kept.",
                        pkg.plan().code());
            }
            return new LoadResult(existing.get(), false, findings);
        }
        Plan plan = write(pkg);
        findings.forEach(f -> log.info("plan {}: {}", plan.code(), f));
        return new LoadResult(plan, true, findings);
    }

    private Plan write(PlanPackage pkg) {
        PlanPackage.PlanDef d = pkg.plan();
        List<TextCorrection> corrections = new ArrayList<>();
        for (PlanPackage.CorrectionDef c : PlanPackageValidator.nn(pkg.corrections())) {
            corrections.add(new TextCorrection(c.id(), c.kind(), c.find(), c.replace(),
                    Boolean.TRUE.equals(c.all()), c.note()));
        }
        ParsedOutline outline = new OutlineParser().parse(pkg.outline(), corrections);
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("feasibilityChecks", d.feasibilityChecks() == null ? List.of() : d.feasibilityChecks());
        checks.put("portfolioTotals", d.portfolioTotals() == null ? Map.of() : d.portfolioTotals());
        if (d.thresholds() != null) {
            checks.put("thresholds", d.thresholds());
        }
        String checksJson = JsonMapper.builder().build().writeValueAsString(checks);

        Plan draft = new Plan(0, d.code(), d.name(), d.shortName(), d.region().name(), d.region().code(),
                d.region().level() == null ? "COUNTY" : d.region().level(), d.region().parentCode(),
                d.region().parentName(), d.periodStart(), d.periodEnd(), d.baseYear(), Plan.Status.valueOf(d.status()),
                d.version(), d.issuer(), d.documentNumber(), d.issuedOn(), outline.title(), checksJson,
                pkg.checksum(), Instant.now());
        long planId = plans.insert(draft, pkg.outline());

        for (TextCorrection c : corrections) {
            plans.insertCorrection(planId, c);
        }
        int seq = 0;
        List<cn.lantu.outline.ParsedOutlineNode> nodes = outline.nodes();
        for (cn.lantu.outline.ParsedOutlineNode n : nodes) {
            plans.insertNode(planId, new OutlineNode(0, n.key(), n.type().name(), n.number(), n.title(), n.text(),
                    n.start(), n.end(), n.parentKey(), n.ordinal(), seq++));
        }

        Map<String, Long> units = new HashMap<>();
        int ord = 0;
        PlanPackage.OrgDef o = pkg.org();
        units.put(o.city().code(), org.insert(unit(planId, o.city(), OrgUnit.Type.CITY, ord++)));
        for (PlanPackage.UnitDef u : PlanPackageValidator.nn(o.departments())) {
            units.put(u.code(), org.insert(unit(planId, u, OrgUnit.Type.DEPARTMENT, ord++)));
        }
        for (PlanPackage.UnitDef u : PlanPackageValidator.nn(o.towns())) {
            units.put(u.code(), org.insert(unit(planId, u, OrgUnit.Type.TOWN, ord++)));
        }
        for (PlanPackage.UnitDef u : PlanPackageValidator.nn(o.areas())) {
            long id = org.insert(unit(planId, u, OrgUnit.Type.AREA, ord++));
            units.put(u.code(), id);
            for (String t : PlanPackageValidator.nn(u.towns())) {
                org.linkAreaTown(id, units.get(t));
            }
        }

        // nothing is public until the plan office publishes it: every loaded indicator starts unpublished
        Map<String, Long> indicatorIds = new HashMap<>();
        for (PlanPackage.IndicatorDef i : PlanPackageValidator.nn(pkg.indicators())) {
            String key = i.sourceQuote() == null ? null : nodeKeyFor(pkg.outline(), i.sourceQuote(), nodes);
            Indicator row = new Indicator(0, planId, i.code(), i.tableNumber(), i.tableRow(), i.subItem(), i.name(),
                    i.unit(), Category.valueOf(i.category()), Attribute.valueOf(i.attribute()), Kind.valueOf(i.kind()),
                    i.path() == null ? null : Path.valueOf(i.path()), Direction.valueOf(i.direction()),
                    Comparator.valueOf(i.comparator()), i.band(), i.baseYear(), i.baseValue(),
                    Indicator.BaseStatus.valueOf(i.baseStatus()), i.baseRole() == null ? "LEVEL" : i.baseRole(),
                    PlanPackageValidator.nn(i.markers()), i.targetYear(), i.targetValue(), i.targetHorizon(),
                    Boolean.TRUE.equals(i.targetIsIncrement()), i.baseVerbatim(), i.targetVerbatim(),
                    i.rateVerbatim(), i.attributeVerbatim(), i.relatedIndicator(), i.sourceText(), i.sourceQuote(),
                    key, PlanPackageValidator.nn(i.notes()), false);
            indicatorIds.put(i.code(), indicators.insert(row));
        }
        for (PlanPackage.ResponsibilityDef r : PlanPackageValidator.nn(pkg.responsibilities())) {
            long indicatorId = indicatorIds.get(r.indicator());
            String freq = r.frequency() == null ? "ANNUAL" : r.frequency();
            String breakdown = r.townBreakdown() == null ? "NONE" : r.townBreakdown();
            boolean dflt = !Boolean.FALSE.equals(r.isDefault());
            org.insertResponsibility(indicatorId, units.get(r.lead()), Responsibility.Role.LEAD, freq, breakdown, dflt);
            for (String c : PlanPackageValidator.nn(r.cooperating())) {
                if (!c.equals(r.lead())) {
                    org.insertResponsibility(indicatorId, units.get(c), Responsibility.Role.COOPERATE, freq,
                            breakdown, dflt);
                }
            }
        }

        if (pkg.projects() != null) {
            Map<String, Long> domainIds = new HashMap<>();
            int i = 0;
            for (PlanPackage.DomainDef dd : PlanPackageValidator.nn(pkg.projects().domains())) {
                domainIds.put(dd.code(), projects.insertDomain(new ProjectDomain(0, planId, dd.code(), dd.name(),
                        dd.plannedCount(), BigDecimal.valueOf(dd.totalInvestment()),
                        BigDecimal.valueOf(dd.periodInvestment()), dd.sourceQuote(), i++)));
            }
            i = 0;
            for (PlanPackage.ProjectDef p : PlanPackageValidator.nn(pkg.projects().projects())) {
                projects.insertProject(new Project(0, planId, p.code(), p.name(), domainIds.get(p.domain()), null,
                        p.stageLabel(), Project.Stage.valueOf(p.stage()), Boolean.TRUE.equals(p.confirmed()),
                        p.note(), p.sourceQuote(), i++));
            }
        }
        if (pkg.reforms() != null) {
            Map<String, Long> domainIds = new HashMap<>();
            int i = 0;
            for (PlanPackage.ReformDomainDef rd : PlanPackageValidator.nn(pkg.reforms().domains())) {
                domainIds.put(rd.code(), reforms.insertDomain(planId, rd.code(), rd.name(),
                        rd.order() == null ? i : rd.order()));
                i++;
            }
            i = 0;
            for (PlanPackage.ReformDef r : PlanPackageValidator.nn(pkg.reforms().items())) {
                reforms.insert(planId, r.code(), domainIds.get(r.domain()), r.number(), r.name(), r.text(),
                        r.sourceQuote(), i++);
            }
        }
        log.info("Loaded plan {} ({}): {} outline nodes, {} indicators", d.code(), d.name(), nodes.size(),
                indicatorIds.size());
        return plans.findById(planId).orElseThrow();
    }

    private static OrgUnit unit(long planId, PlanPackage.UnitDef u, OrgUnit.Type type, int ordinal) {
        String subtype = type == OrgUnit.Type.AREA ? u.kind() : u.type();
        String description = u.positioning() != null ? u.positioning() : u.text();
        boolean dflt = u.isDefault() != null ? u.isDefault() : type == OrgUnit.Type.DEPARTMENT;
        return new OrgUnit(0, planId, u.code(), u.name(), u.shortName(), type, subtype, u.column(), description,
                u.sourceQuote(), dflt, ordinal, List.of());
    }

    /** The key of the smallest outline node whose source span contains the quote. */
    static String nodeKeyFor(String source, String quote, List<cn.lantu.outline.ParsedOutlineNode> nodes) {
        int at = source.indexOf(quote);
        if (at < 0) {
            return null;
        }
        cn.lantu.outline.ParsedOutlineNode best = null;
        for (cn.lantu.outline.ParsedOutlineNode n : nodes) {
            if (n.start() <= at && at < n.end() && (best == null || n.end() - n.start() < best.end() - best.start())) {
                best = n;
            }
        }
        return best == null ? null : best.key();
    }
}
