package cn.lantu.cockpit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.lantu.assessment.Status;
import cn.lantu.assessment.Warning;
import cn.lantu.monitoring.IndicatorAssessment;
import cn.lantu.monitoring.PlanAssessment;
import cn.lantu.monitoring.PlanAssessmentService;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.project.ProjectService;
import cn.lantu.project.ProjectStatus;
import cn.lantu.project.Signal;
import cn.lantu.task.Task;
import cn.lantu.task.TaskService;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.json.JsonMapper;

/**
 * 领导驾驶舱: for a chosen year, from approved figures only — the status distribution of the headline items, the
 * binding indicators, the red and yellow lists, the project portfolio, the feasibility findings and a scoreboard
 * per department. {@code ?display=screen} is the full-screen mode for a leader's display: one 1920×1080 screen
 * without scrolling (status chart, binding indicators, red list, investment against the time schedule), the rest
 * a link to the normal page. The red and yellow lists hold only work that is actually behind: a task that has not
 * reached its start or has nothing due yet (未开始) is on neither.
 */
@Controller
public class CockpitController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlanLookup lookup;
    private final PlanAssessmentService assessments;
    private final JdbcClient jdbc;
    private final ProjectService projectService;
    private final TaskService tasks;
    private final CockpitSnapshots snapshots;
    private final org.springframework.context.MessageSource messages;
    private final WarningBoard warnings;

    public CockpitController(PlanLookup lookup, PlanAssessmentService assessments,
                             JdbcClient jdbc, ProjectService projectService, TaskService tasks,
                             CockpitSnapshots snapshots, org.springframework.context.MessageSource messages,
                             WarningBoard warnings) {
        this.warnings = warnings;
        this.snapshots = snapshots;
        this.messages = messages;
        this.projectService = projectService;
        this.tasks = tasks;
        this.lookup = lookup;
        this.assessments = assessments;
        this.jdbc = jdbc;
    }

    /** One row of the department scoreboard. */
    public record DepartmentScore(String department, int indicators, int reported, double onTimeRate, int lagging,
                                  int overdueMilestones) {}

    /**
     * A task or project on the red or yellow list: {@code subject} TASK or PROJECT, its state, progress and time
     * schedule in percent (progress null when none is approved), overdue milestones and the lead unit.
     */
    public record WorkItem(String kind, String code, String name, String signal, String detail, String url,
                           String subject, long id, String state, Double progress, double schedulePct,
                           List<String> overdue, String lead) {}

    /** What the cockpit shows, also served as JSON. */
    public record Cockpit(String plan, int year, boolean demo, int items, Map<Status, Integer> counts,
                          String sentence, String bindingSentence, List<IndicatorAssessment> binding,
                          List<IndicatorAssessment> red, List<IndicatorAssessment> yellow,
                          List<DepartmentScore> departments, List<WorkItem> redWork, List<WorkItem> yellowWork,
                          ProjectService.Portfolio portfolio, List<cn.lantu.assessment.Finding> findings,
                          cn.lantu.assessment.PlanSummary summary) {}

    private static java.time.LocalDate asOf(int year) {
        java.time.LocalDate today = java.time.LocalDate.now();
        java.time.LocalDate end = java.time.LocalDate.of(year, 12, 31);
        return today.isBefore(end) ? today : end;
    }

    Cockpit cockpit(Plan plan, int year) {
        PlanAssessment pa = assessments.assess(plan, year);
        List<IndicatorAssessment> binding = pa.tableRows().stream()
                .filter(a -> a.indicator().attribute() == cn.lantu.assessment.Attribute.BINDING).toList();
        List<IndicatorAssessment> red = pa.indicators().stream()
                .filter(a -> a.assessment().warning() == Warning.RED).toList();
        List<IndicatorAssessment> yellow = pa.indicators().stream()
                .filter(a -> a.assessment().warning() == Warning.YELLOW).toList();
        java.time.LocalDate asOf = asOf(year);
        List<TaskService.Row> taskRows = tasks.rows(plan, asOf);
        ProjectService.Portfolio portfolio = projectService.portfolio(plan.id(), year, asOf);
        List<WorkItem> redWork = new ArrayList<>();
        List<WorkItem> yellowWork = new ArrayList<>();
        for (TaskService.Row t : taskRows) {
            if (!behind(t.status())) {
                continue;
            }
            Task.Party lead = t.task().lead();
            WorkItem w = new WorkItem("任务", t.task().code(), t.task().title(), t.status().signal().name(),
                    t.status().state().label(), "/plans/" + plan.code() + "/tasks/" + t.task().code(), "TASK",
                    t.task().id(), t.status().state().name(), t.status().progress(), t.status().schedulePct(),
                    t.status().overdue(), lead == null ? null : lead.orgName());
            if (t.status().signal() == Signal.RED) {
                redWork.add(w);
            } else if (t.status().signal() == Signal.YELLOW) {
                yellowWork.add(w);
            }
        }
        for (ProjectService.Row r : portfolio.lagging()) {
            if (!behind(r, asOf)) {
                continue;
            }
            ProjectStatus ps = r.status();
            WorkItem w = new WorkItem("项目", r.project().code(), r.project().name(), ps.signal().name(),
                    ps.signal().label(), "/plans/" + plan.code() + "/projects/" + r.project().code(), "PROJECT",
                    r.project().id(), ps.signal().name(), ps.ratePct(), ps.schedulePct(), ps.overdueMilestones(),
                    r.project().deptName() != null ? r.project().deptName() : r.project().ownerUnit());
            (r.status().signal() == Signal.RED ? redWork : yellowWork).add(w);
        }
        return new Cockpit(plan.code(), year, pa.demo(), pa.summary().itemCount(), pa.summary().counts(),
                pa.summary().sentence(), pa.summary().bindingSentence(), binding, red, yellow,
                departments(plan, year, pa, taskRows), redWork, yellowWork, portfolio, pa.findings(), pa.summary());
    }

    /**
     * Whether a task is actually behind: behind the time schedule or with an overdue milestone. A task that has not
     * reached its start or has nothing due yet (未开始) is not late and is on neither warning list.
     */
    static boolean behind(TaskService.TaskStatus s) {
        return (s.state() == TaskService.State.BEHIND || s.state() == TaskService.State.OVERDUE_MILESTONE)
                && (s.signal() == Signal.RED || s.signal() == Signal.YELLOW);
    }

    /**
     * Whether a lagging project is actually behind: one whose planned start (开工) is still ahead, with no overdue
     * milestone, is not late even when the year's plan counts from 1 January.
     */
    static boolean behind(ProjectService.Row r, java.time.LocalDate asOf) {
        java.time.LocalDate start = r.project().startOn();
        return !r.status().overdueMilestones().isEmpty() || start == null || !asOf.isBefore(start);
    }

    /**
     * On-time reporting: of the indicators a department leads, how many have an approved figure for the year that
     * was approved by the due date (31 March of the following year, the default annual deadline).
     */
    private List<DepartmentScore> departments(Plan plan, int year, PlanAssessment pa, List<TaskService.Row> taskRows) {
        Map<String, int[]> byDept = new LinkedHashMap<>();
        Map<String, Integer> overdue = new LinkedHashMap<>();
        for (TaskService.Row t : taskRows) {
            for (Task.Party party : t.task().parties()) {
                if ("LEAD".equals(party.role()) && !t.status().overdue().isEmpty()) {
                    overdue.merge(party.orgName(), t.status().overdue().size(), Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Boolean>> rows = jdbc.sql("""
                SELECT o.name,
                  (SELECT COUNT(*) FROM figure f WHERE f.indicator_id = r.indicator_id AND f.report_year = :year
                     AND f.state = 'APPROVED' AND f.demo = :demo AND f.updated_at < :due) AS on_time
                FROM responsibility r JOIN org_unit o ON o.id = r.org_unit_id
                WHERE o.plan_id = :plan AND r.role = 'LEAD'
                """).param("year", year).param("demo", pa.demo()).param("plan", plan.id())
                .param("due", java.sql.Timestamp.valueOf((year + 1) + "-04-01 00:00:00"))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2) > 0)).list();
        for (Map.Entry<String, Boolean> r : rows) {
            int[] c = byDept.computeIfAbsent(r.getKey(), k -> new int[3]);
            c[0]++;
            if (r.getValue()) {
                c[1]++;
            }
        }
        for (IndicatorAssessment a : pa.indicators()) {
            if (a.assessment().status().isLagging() && byDept.containsKey(a.leadDepartment())) {
                byDept.get(a.leadDepartment())[2]++;
            }
        }
        List<DepartmentScore> out = new ArrayList<>();
        byDept.forEach((d, c) -> out.add(new DepartmentScore(d, c[0], c[1], c[0] == 0 ? 0 : c[1] / (double) c[0], c[2],
                overdue.getOrDefault(d, 0))));
        out.sort(Comparator.comparingInt(DepartmentScore::lagging).reversed()
                .thenComparing(DepartmentScore::department));
        return out;
    }

    @GetMapping("/plans/{plan}/cockpit")
    String page(@PathVariable String plan, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String display, Model model, java.util.Locale locale) {
        Plan p = lookup.require(plan);
        Cockpit c = current(p, year);
        int y = c.year();
        List<Map<String, Object>> counts = new ArrayList<>();
        c.counts().forEach((s, n) -> counts.add(Map.of("label", s.label(locale), "count", n)));
        boolean en = cn.lantu.web.Labels.english(locale);
        Map<String, Object> investment = new LinkedHashMap<>();
        var views = c.portfolio().domains();
        investment.put("unit", "%");
        investment.put("categories", views.stream().map(d -> d.domain().name()).toList());
        investment.put("series", List.of(Map.of("name", messages.getMessage("cockpit.domain.rate", null, locale),
                "data", views.stream().map(d -> d.ratePct() == null ? 0 : oneDecimal(d.ratePct())).toList())));
        // one time schedule for every domain: drawn as a line across the bars, not as a bar per domain
        investment.put("schedule", Map.of("name", messages.getMessage("cockpit.chart.schedule", null, locale),
                "value", oneDecimal(c.portfolio().schedulePct())));
        model.addAttribute("plan", p);
        model.addAttribute("cockpit", c);
        model.addAttribute("years", IntStream.rangeClosed(p.periodStart(), p.periodEnd()).boxed().toList());
        model.addAttribute("countsJson", JSON.writeValueAsString(counts));
        model.addAttribute("investmentJson", JSON.writeValueAsString(investment));
        model.addAttribute("findings", c.findings());
        model.addAttribute("screen", "screen".equals(display));
        model.addAttribute("board", warnings.of(p, c, locale));
        model.addAttribute("warningBack", "/plans/" + p.code() + "/cockpit?year=" + y);
        return "cockpit/cockpit";
    }

    /** The stored cockpit of the plan's current data version for the year (default: the plan's default year). */
    Cockpit current(Plan p, Integer year) {
        long version = snapshots.version(p.id());
        int y = year == null ? snapshots.defaultYear(p.id(), version, () -> assessments.defaultYear(p))
                : Math.min(Math.max(year, p.periodStart()), p.periodEnd());
        return snapshots.cockpit(p.id(), y, version, () -> cockpit(p, y), CockpitController::json);
    }

    private static double oneDecimal(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @GetMapping(value = "/api/v1/plans/{plan}/cockpit", produces = "application/json")
    @ResponseBody
    @Operation(summary = "The cockpit's figures for a year (status counts over the 26 items, red and yellow lists)",
            description = "Read from the stored cockpit of the plan's current data version; computed and stored when "
                    + "the plan's data changed since.")
    public org.springframework.http.ResponseEntity<byte[]> api(@PathVariable String plan,
                                                               @RequestParam(required = false) Integer year,
                                                               org.springframework.web.context.request.WebRequest request) {
        long[] ref = snapshots.ref(plan).orElseThrow(() -> new cn.lantu.web.NotFoundException("规划不存在: " + plan));
        long id = ref[0];
        long version = ref[1];
        int y = year == null ? snapshots.defaultYear(id, version, () -> assessments.defaultYear(lookup.require(plan)))
                : year;
        // the cockpit changes only with the plan's data version (and the day, for overdue milestones)
        String etag = "\"c" + id + "-" + y + "-" + version + "-" + java.time.LocalDate.now() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        byte[] body = snapshots.json(id, y, version, () -> cockpit(lookup.require(plan), y), CockpitController::json);
        return org.springframework.http.ResponseEntity.ok().eTag(etag)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body);
    }

    /** The cockpit's JSON form (the API's body). */
    static byte[] json(Cockpit c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("plan", c.plan());
        out.put("year", c.year());
        out.put("demo", c.demo());
        out.put("items", c.items());
        out.put("counts", c.counts());
        out.put("sentence", c.sentence());
        out.put("red", c.red().stream().map(a -> a.indicator().code()).toList());
        out.put("yellow", c.yellow().stream().map(a -> a.indicator().code()).toList());
        out.put("departments", c.departments());
        out.put("redWork", c.redWork());
        out.put("yellowWork", c.yellowWork());
        return JSON.writeValueAsBytes(out);
    }
}
