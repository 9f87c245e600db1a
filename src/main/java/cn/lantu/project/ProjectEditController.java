package cn.lantu.project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.security.Actor;
import cn.lantu.security.UserRepository;
import cn.lantu.web.DateInput;
import cn.lantu.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;

/** The plan office registers and edits projects in a form; the department clears an overdue milestone. */
@Controller
class ProjectEditController {

    private final ProjectEditor editor;
    private final ProjectRepository projects;
    private final ProjectService service;
    private final OrgRepository org;
    private final PlanLookup lookup;
    private final UserRepository users;
    private final MessageSource messages;

    ProjectEditController(ProjectEditor editor, ProjectRepository projects, ProjectService service, OrgRepository org,
                          PlanLookup lookup, UserRepository users, MessageSource messages) {
        this.editor = editor;
        this.projects = projects;
        this.service = service;
        this.org = org;
        this.lookup = lookup;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/plans/{plan}/projects/new")
    String create(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        requireAdmin();
        return page(p, null, ProjectForm.blank(p), Map.of(), null, model);
    }

    @GetMapping("/plans/{plan}/projects/{code}/edit")
    String edit(@PathVariable String plan, @PathVariable String code, Model model) {
        Plan p = lookup.require(plan);
        requireAdmin();
        ProjectDetail d = projects.detail(p.id(), code).orElseThrow(() -> new NotFoundException("项目不存在: " + code));
        return page(p, d, ProjectForm.of(d, p), Map.of(), null, model);
    }

    @PostMapping("/plans/{plan}/projects/new")
    String saveNew(@PathVariable String plan, HttpServletRequest request, Model model, Locale locale,
                   RedirectAttributes flash) {
        return save(lookup.require(plan), null, request, model, locale, flash);
    }

    @PostMapping("/plans/{plan}/projects/{code}/edit")
    String saveEdit(@PathVariable String plan, @PathVariable String code, HttpServletRequest request, Model model,
                    Locale locale, RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        ProjectDetail d = projects.detail(p.id(), code).orElseThrow(() -> new NotFoundException("项目不存在: " + code));
        return save(p, d, request, model, locale, flash);
    }

    private String save(Plan p, ProjectDetail existing, HttpServletRequest request, Model model, Locale locale,
                        RedirectAttributes flash) {
        requireAdmin();
        ProjectForm form = read(p, request);
        Map<String, String> errors = form.check(service.today(), codes(projects.domains(p.id()).stream()
                        .map(ProjectDomain::code).toList()), unitCodes(p, OrgUnit.Type.DEPARTMENT),
                unitCodes(p, OrgUnit.Type.TOWN), actingUnits(p).stream().map(OrgUnit::code).collect(Collectors.toSet()),
                messages, locale);
        if (!errors.isEmpty()) {
            return page(p, existing, form.again(), reindex(form, errors), text("projectedit.fix", locale), model);
        }
        try {
            ProjectDetail saved = existing == null ? editor.create(p, form.registration())
                    : editor.update(p, existing.code(), form.registration());
            flash.addFlashAttribute("message", messages.getMessage(existing == null ? "projectedit.flash.created"
                    : "projectedit.flash.saved", new Object[] {saved.name()}, locale));
            return "redirect:/plans/" + p.code() + "/projects/" + saved.code();
        } catch (ResponseStatusException e) {
            if (e.getStatusCode().value() == 401 || e.getStatusCode().value() == 403) {
                throw e;
            }
            return page(p, existing, form.again(), Map.of(), e.getReason(), model);
        }
    }

    /** Blocking-factor field ids as they stand once the empty rows are dropped for the form coming back. */
    private static Map<String, String> reindex(ProjectForm form, Map<String, String> errors) {
        Map<Integer, Integer> index = new LinkedHashMap<>();
        int kept = 0;
        for (int i = 0; i < form.blockers().size(); i++) {
            if (!form.blockers().get(i).empty()) {
                index.put(i, kept++);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((k, v) -> {
            int dash = k.lastIndexOf('-');
            out.put(k.startsWith("b") && dash > 0 ? k.substring(0, dash) + "-"
                    + index.get(Integer.parseInt(k.substring(dash + 1))) : k, v);
        });
        return out;
    }

    private String page(Plan p, ProjectDetail existing, ProjectForm form, Map<String, String> errors, String error,
                        Model model) {
        model.addAttribute("plan", p);
        model.addAttribute("project", existing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("error", error);
        model.addAttribute("domains", projects.domains(p.id()));
        model.addAttribute("departments", org.findByType(p.id(), OrgUnit.Type.DEPARTMENT));
        model.addAttribute("towns", org.findByType(p.id(), OrgUnit.Type.TOWN));
        model.addAttribute("actingUnits", actingUnits(p));
        model.addAttribute("stages", Project.Stage.values());
        model.addAttribute("types", List.of("GOVERNMENT", "ENTERPRISE", "PPP", "OTHER"));
        model.addAttribute("factors", ProjectDetail.Factor.values());
        return "project/edit";
    }

    private List<OrgUnit> actingUnits(Plan p) {
        List<OrgUnit> out = new ArrayList<>(org.findByType(p.id(), OrgUnit.Type.DEPARTMENT));
        out.addAll(org.findByType(p.id(), OrgUnit.Type.TOWN));
        return out;
    }

    private Set<String> unitCodes(Plan p, OrgUnit.Type type) {
        return org.findByType(p.id(), type).stream().map(OrgUnit::code).collect(Collectors.toSet());
    }

    private static Set<String> codes(List<String> list) {
        return Set.copyOf(list);
    }

    private static ProjectForm read(Plan p, HttpServletRequest request) {
        TreeMap<Integer, String> years = new TreeMap<>();
        for (int y = p.periodStart(); y <= p.periodEnd(); y++) {
            years.put(y, nz(request.getParameter("year-" + y)));
        }
        ArrayList<ProjectForm.MilestoneRow> ms = new ArrayList<>();
        for (ProjectDetail.MilestoneKind k : ProjectDetail.MilestoneKind.values()) {
            ms.add(new ProjectForm.MilestoneRow(k.name(), nz(request.getParameter("planned-" + k.name())),
                    nz(request.getParameter("actual-" + k.name()))));
        }
        String[] ids = values(request, "bId");
        String[] factors = values(request, "bFactor");
        String[] notes = values(request, "bNote");
        String[] units = values(request, "bUnit");
        String[] dues = values(request, "bDue");
        String[] resolved = values(request, "bResolved");
        ArrayList<ProjectForm.BlockerRow> bs = new ArrayList<>();
        for (int i = 0; i < Math.min(factors.length, 100); i++) {
            bs.add(new ProjectForm.BlockerRow(at(ids, i), at(factors, i), at(notes, i), at(units, i), at(dues, i),
                    at(resolved, i)));
        }
        ArrayList<String> towns = new ArrayList<>(List.of(values(request, "towns")));
        return new ProjectForm(request.getParameter("version"), nz(request.getParameter("code")),
                nz(request.getParameter("name")), nz(request.getParameter("domain")), towns,
                nz(request.getParameter("ownerUnit")), nz(request.getParameter("dept")),
                nz(request.getParameter("stage")), nz(request.getParameter("type")),
                nz(request.getParameter("total")), years, ms, bs);
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] v = request.getParameterValues(name);
        return v == null ? new String[0] : v;
    }

    private static String at(String[] a, int i) {
        return i < a.length ? a[i] : "";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void requireAdmin() {
        if (!Actor.current(users).admin()) {
            throw Actor.forbidden("只有规划办可以登记和修改重大项目");
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    @PostMapping("/plans/{plan}/projects/{code}/milestones/{kind}")
    String complete(@PathVariable String plan, @PathVariable String code, @PathVariable String kind,
                    @RequestParam(required = false) String actualOn, @RequestParam(required = false) String version,
                    Locale locale, RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        ProjectDetail.MilestoneKind k = kind(kind);
        String back = "redirect:/plans/" + p.code() + "/projects/" + code;
        LocalDate day = DateInput.parse(actualOn);
        String problem = DateInput.blank(actualOn) ? text("projectedit.error.actualMissing", locale)
                : day == null ? messages.getMessage("projectedit.error.date", new Object[] {actualOn.strip()}, locale)
                : day.isAfter(service.today()) ? text("projectedit.error.future", locale) : null;
        if (problem == null) {
            try {
                editor.complete(p, code, k, cn.lantu.web.Versions.parse(version), day);
                flash.addFlashAttribute("message", messages.getMessage("projectedit.flash.milestone",
                        new Object[] {messages.getMessage("enum.ProjectDetail.MilestoneKind." + k.name(), null,
                                locale)}, locale));
                return back;
            } catch (ResponseStatusException e) {
                if (e.getStatusCode().value() == 401 || e.getStatusCode().value() == 403) {
                    throw e;
                }
                problem = e.getReason();
            }
        }
        flash.addFlashAttribute("milestoneErrors", new LinkedHashMap<>(Map.of(k.name(), problem)));
        flash.addFlashAttribute("milestoneInput", new LinkedHashMap<>(Map.of(k.name(), actualOn == null ? ""
                : actualOn)));
        return back + "#milestones";
    }

    private static ProjectDetail.MilestoneKind kind(String kind) {
        try {
            return ProjectDetail.MilestoneKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("没有该节点: " + kind);
        }
    }

    // ------------------------------------------------------------------ JSON API

    @PostMapping("/api/v1/plans/{plan}/projects")
    @ResponseBody
    @Operation(summary = "Register a project (plan office): name, domain, towns, owner, department, stage, type, "
            + "investment plan by year, milestones, blocking factors")
    public ProjectDetail createApi(@PathVariable String plan, @RequestBody ProjectEditor.Registration body) {
        return editor.create(lookup.require(plan), body);
    }

    @PutMapping("/api/v1/plans/{plan}/projects/{code}")
    @ResponseBody
    @Operation(summary = "Edit a project in full (plan office); version required (400 without, 409 when stale)")
    public ProjectDetail updateApi(@PathVariable String plan, @PathVariable String code,
                                   @RequestBody ProjectEditor.Registration body) {
        return editor.update(lookup.require(plan), code, body);
    }

    /** Body of a milestone's actual date. */
    public record MilestoneDone(Integer version, LocalDate actualOn) {}

    @PutMapping("/api/v1/plans/{plan}/projects/{code}/milestones/{kind}")
    @ResponseBody
    @Operation(summary = "Enter a milestone's actual date (department or plan office); version required")
    public ProjectDetail completeApi(@PathVariable String plan, @PathVariable String code, @PathVariable String kind,
                                     @RequestBody MilestoneDone body) {
        return editor.complete(lookup.require(plan), code, kind(kind), body.version(), body.actualOn());
    }
}
