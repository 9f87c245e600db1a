package cn.lantu.task;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.project.ProjectService;
import cn.lantu.security.Actor;
import cn.lantu.web.NotFoundException;
import cn.lantu.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.core.JacksonException;

/** Key tasks: list and task pages, progress updates, plan-office edits and the JSON API. */
@Controller
public class TaskController {

    private final TaskService service;
    private final TaskRepository tasks;
    private final ProjectService projects;
    private final PlanLookup lookup;
    private final MessageSource messages;
    private final TaskPlanEditor planEditor;

    public TaskController(TaskService service, TaskRepository tasks, ProjectService projects, PlanLookup lookup,
                          MessageSource messages, TaskPlanEditor planEditor) {
        this.planEditor = planEditor;
        this.service = service;
        this.tasks = tasks;
        this.projects = projects;
        this.lookup = lookup;
        this.messages = messages;
    }

    @GetMapping("/plans/{plan}/tasks")
    String page(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("rows", service.rows(p, projects.today()));
        return "task/tasks";
    }

    @GetMapping("/plans/{plan}/tasks/{code}")
    String task(@PathVariable String plan, @PathVariable String code, @RequestParam(required = false) Long edit,
                Model model) {
        Plan p = lookup.require(plan);
        Task t = find(p, code);
        String frequency = planEditor.frequency(t);
        List<TaskRepository.Update> visible = service.visibleUpdates(t);
        Map<Long, List<TaskRepository.Revision>> history = new LinkedHashMap<>();
        visible.forEach(u -> history.put(u.id(), tasks.revisions(u.id())));
        model.addAttribute("history", history);
        model.addAttribute("frequency", frequency);
        model.addAttribute("frequencies", TaskPlanEditor.FREQUENCIES);
        model.addAttribute("today", projects.today());
        model.addAttribute("periods", ProgressForm.periods(frequency));
        model.addAttribute("mayEditPlan", planEditor.mayEdit(p, t));
        if (!model.containsAttribute("planForm")) {
            model.addAttribute("planForm", TaskPlanForm.of(t, frequency, p));
        }
        if (!model.containsAttribute("planErrors")) {
            model.addAttribute("planErrors", Map.of());
        }
        Double latest = tasks.latestApproved(p.id()).get(t.id());
        model.addAttribute("plan", p);
        model.addAttribute("task", t);
        model.addAttribute("status", service.status(t, latest, p, projects.today()));
        model.addAttribute("updates", visible);
        model.addAttribute("rights", service.rights(p, t));
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(p.periodStart(), p.periodEnd()).boxed()
                .toList());
        // a refused form comes back as flash attributes: what was typed and what is wrong, field by field
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", visible.stream().filter(u -> edit != null && u.id() == edit
                    && u.state().editable()).findFirst().map(ProgressForm::of)
                    .orElseGet(() -> ProgressForm.blank(projects.defaultYear(p), frequency)));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("updateErrors")) {
            model.addAttribute("updateErrors", Map.of());
        }
        return "task/task";
    }

    private Task find(Plan p, String code) {
        service.ensureGenerated(p.id());
        return tasks.find(p.id(), code).orElseThrow(() -> new NotFoundException("任务不存在: " + code));
    }

    private static String taskPage(Plan p, String code) {
        return "redirect:/plans/" + p.code() + "/tasks/" + code;
    }

    @PostMapping("/plans/{plan}/tasks/{code}/updates")
    String saveUpdate(@PathVariable String plan, @PathVariable String code,
                      @RequestParam(required = false) String year, @RequestParam(required = false) String period,
                      @RequestParam(required = false) String percent,
                      @RequestParam(required = false) String narrative, @RequestParam(required = false) String problems,
                      @RequestParam(required = false) String nextSteps,
                      @RequestParam(required = false) String version,
                      @RequestParam(defaultValue = "false") boolean submit,
                      @RequestParam(name = "files", required = false) List<MultipartFile> files, Locale locale,
                      RedirectAttributes flash) throws IOException {
        Plan p = lookup.require(plan);
        Task t = find(p, code);
        ProgressForm form = new ProgressForm(year, period, percent, narrative, problems, nextSteps, version);
        List<MultipartFile> attached = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        Map<String, String> errors = form.check(p.periodStart(), p.periodEnd(), planEditor.frequency(t), messages,
                locale);
        if (!errors.isEmpty()) {
            return refused(p, code, form, new LinkedHashMap<>(errors), text("task.form.fix", locale), attached,
                    locale, flash);
        }
        TaskRepository.Update u;
        try {
            u = service.saveUpdate(p, t.code(), form.yearValue(), form.periodValue(), form.percentValue(), narrative,
                    problems, nextSteps, form.versionValue(), submit);
        } catch (ResponseStatusException e) {
            if (e.getStatusCode().value() == 401 || e.getStatusCode().value() == 403) {
                throw e;
            }
            return refused(p, code, form, new LinkedHashMap<>(), e.getReason(), attached, locale, flash);
        }
        for (MultipartFile f : attached) {
            tasks.addEvidence(u.id(), f.getOriginalFilename(), f.getContentType(), f.getBytes(), u.updatedBy());
        }
        String done = messages.getMessage(submit ? "taskplan.flash.submitted" : "task.flash.saved",
                new Object[] {String.valueOf(u.year()), cn.lantu.web.Formats.period(u.period(), locale)}, locale);
        flash.addFlashAttribute("message", attached.isEmpty() ? done
                : done + messages.getMessage("task.flash.evidence", new Object[] {String.valueOf(attached.size())},
                locale));
        return taskPage(p, code);
    }

    private String refused(Plan p, String code, ProgressForm form, LinkedHashMap<String, String> errors,
                           String why, List<MultipartFile> attached, Locale locale, RedirectAttributes flash) {
        flash.addFlashAttribute("form", form);
        flash.addFlashAttribute("errors", errors);
        flash.addFlashAttribute("error", attached.isEmpty() ? why : why + text("task.form.filesAgain", locale));
        return taskPage(p, code) + "#progress";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    @PostMapping("/plans/{plan}/task-updates/{id}/{action}")
    String transition(@PathVariable String plan, @PathVariable long id, @PathVariable String action,
                      @RequestParam int version, @RequestParam(required = false) String reason, Locale locale,
                      RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        TaskRepository.Update u = tasks.update(id).orElseThrow(() -> new NotFoundException("进展不存在: " + id));
        Task t = tasks.findById(u.taskId()).filter(x -> x.planId() == p.id())
                .orElseThrow(() -> new NotFoundException("进展不存在: " + id));
        String act = action.toUpperCase(Locale.ROOT).replace('-', '_');
        if (act.equals("RETURN") && (reason == null || reason.isBlank())) {
            flash.addFlashAttribute("updateErrors", new LinkedHashMap<>(Map.of(id, text("task.form.reason", locale))));
            flash.addFlashAttribute("error", text("task.form.reason", locale));
            return taskPage(p, t.code()) + "#updates";
        }
        try {
            service.transition(p, id, act, version, reason);
        } catch (ResponseStatusException e) {
            if (e.getStatusCode().value() == 401 || e.getStatusCode().value() == 403) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getReason());
            return taskPage(p, t.code()) + "#updates";
        }
        flash.addFlashAttribute("message", messages.getMessage("task.flash." + act,
                new Object[] {reason == null ? "" : reason.strip()}, locale));
        return taskPage(p, t.code());
    }

    // ------------------------------------------------------------------ JSON API

    @GetMapping("/api/v1/plans/{plan}/tasks")
    @ResponseBody
    @Operation(summary = "The key tasks with departments, towns, work points, milestones, links and status")
    public List<TaskService.Row> api(@PathVariable String plan) {
        return service.rows(lookup.require(plan), projects.today());
    }

    @GetMapping("/api/v1/plans/{plan}/tasks/{code}")
    @ResponseBody
    @Operation(summary = "One task with its progress updates")
    public Map<String, Object> one(@PathVariable String plan, @PathVariable String code) {
        Plan p = lookup.require(plan);
        service.ensureGenerated(p.id());
        Task t = tasks.find(p.id(), code).orElseThrow(() -> new NotFoundException("任务不存在: " + code));
        return Map.of("task", t, "status", service.status(t, tasks.latestApproved(p.id()).get(t.id()), p,
                projects.today()), "updates", service.visibleUpdates(t));
    }

    @GetMapping("/api/v1/plans/{plan}/tasks/by-indicator/{code}")
    @ResponseBody
    @Operation(summary = "Tasks driving an indicator and the projects delivering them")
    public TaskService.Related byIndicator(@PathVariable String plan, @PathVariable String code) {
        return service.byIndicator(lookup.require(plan).id(), code);
    }

    @GetMapping("/api/v1/plans/{plan}/tasks/by-town/{code}")
    @ResponseBody
    @Operation(summary = "Tasks and projects concerning a town")
    public TaskService.Related byTown(@PathVariable String plan, @PathVariable String code) {
        return service.byTown(lookup.require(plan).id(), code);
    }

    @PutMapping("/api/v1/plans/{plan}/tasks/{code}")
    @ResponseBody
    @Operation(summary = "Edit a task (plan office): title, text, departments, towns, work points, milestones, links")
    public Task edit(@PathVariable String plan, @PathVariable String code, @RequestBody TaskService.Edit e) {
        return service.edit(lookup.require(plan), code, e);
    }

    /** Body of an added task. */
    public record NewTask(String title, String body, String outlineKey, TaskService.Edit links) {}

    @PostMapping("/api/v1/plans/{plan}/tasks")
    @ResponseBody
    @Operation(summary = "Add a task (plan office)")
    public Task add(@PathVariable String plan, @RequestBody NewTask n) {
        return service.add(lookup.require(plan), n.title(), n.body(), n.outlineKey(), n.links());
    }

    /** Body of a split. */
    public record Split(Integer version, List<String> titles) {}

    @PostMapping("/api/v1/plans/{plan}/tasks/{code}/split")
    @ResponseBody
    @Operation(summary = "Split a task into parts (plan office)")
    public List<Task> split(@PathVariable String plan, @PathVariable String code, @RequestBody Split s) {
        return service.split(lookup.require(plan), code, Versions.require(s.version()), s.titles());
    }

    /** Body of a merge. */
    public record Merge(List<String> codes, String title) {}

    @PostMapping("/api/v1/plans/{plan}/tasks/merge")
    @ResponseBody
    @Operation(summary = "Merge tasks into one (plan office)")
    public Task merge(@PathVariable String plan, @RequestBody Merge m) {
        return service.merge(lookup.require(plan), m.codes(), m.title());
    }

    /** Body of a progress update; {@code percent} is a number from 0 to 100 (no NaN, no Infinity). */
    public record UpdateBody(int year, String period, Double percent, String narrative, String problems,
                             String nextSteps, Integer version, boolean submit) {}

    @PostMapping("/api/v1/plans/{plan}/tasks/{code}/updates")
    @ResponseBody
    @Operation(summary = "Save (or submit) a progress update of a task (lead department); percent 0–100")
    public TaskRepository.Update update(@PathVariable String plan, @PathVariable String code,
                                        @RequestBody UpdateBody b) {
        if (b.percent() == null) {
            throw Actor.bad("请填写进度（0–100 之间的数字）");
        }
        return service.saveUpdate(lookup.require(plan), code, b.year(), b.period(), b.percent(), b.narrative(),
                b.problems(), b.nextSteps(), b.version(), b.submit());
    }

    /** A JSON body that cannot be read (a percent of "12d", a year of "abc") answers 400 in Chinese. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String field = e.getMostSpecificCause() instanceof JacksonException j && !j.getPath().isEmpty()
                ? j.getPath().get(j.getPath().size() - 1).getPropertyName() : null;
        String message = "percent".equals(field) ? "进度须为 0–100 之间的数字"
                : field != null ? "字段 " + field + " 缺少或类型有误" : "请求内容不是有效的 JSON";
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", HttpStatus.BAD_REQUEST
                .getReasonPhrase(), "message", "请求内容无法解析：" + message));
    }

    /** Body of a workflow move. */
    public record Transition(String action, Integer version, String reason) {}

    @PostMapping("/api/v1/plans/{plan}/task-updates/{id}/transition")
    @ResponseBody
    @Operation(summary = "Move a progress update: SUBMIT, SIGN_OFF, APPROVE, RETURN (reason required)")
    public TaskRepository.Update move(@PathVariable String plan, @PathVariable long id, @RequestBody Transition t) {
        return service.transition(lookup.require(plan), id, t.action(), Versions.require(t.version()), t.reason());
    }

    @GetMapping("/api/v1/plans/{plan}/task-updates/{id}/history")
    @ResponseBody
    @Operation(summary = "History of a progress update (who, when, why)")
    public List<TaskRepository.Revision> history(@PathVariable String plan, @PathVariable long id) {
        return service.visibleHistory(lookup.require(plan), id);
    }
}
