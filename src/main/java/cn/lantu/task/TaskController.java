package cn.lantu.task;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.project.ProjectService;
import cn.lantu.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;

/** Key tasks: list and task pages, progress updates, plan-office edits and the JSON API. */
@Controller
public class TaskController {

    private final TaskService service;
    private final TaskRepository tasks;
    private final ProjectService projects;
    private final PlanLookup lookup;

    public TaskController(TaskService service, TaskRepository tasks, ProjectService projects, PlanLookup lookup) {
        this.service = service;
        this.tasks = tasks;
        this.projects = projects;
        this.lookup = lookup;
    }

    @GetMapping("/plans/{plan}/tasks")
    String page(@PathVariable String plan, Model model) {
        Plan p = lookup.require(plan);
        model.addAttribute("plan", p);
        model.addAttribute("rows", service.rows(p, projects.today()));
        return "task/tasks";
    }

    @GetMapping("/plans/{plan}/tasks/{code}")
    String task(@PathVariable String plan, @PathVariable String code, Model model) {
        Plan p = lookup.require(plan);
        service.ensureGenerated(p.id());
        Task t = tasks.find(p.id(), code).orElseThrow(() -> new NotFoundException("任务不存在: " + code));
        Double latest = tasks.latestApproved(p.id()).get(t.id());
        model.addAttribute("plan", p);
        model.addAttribute("task", t);
        model.addAttribute("status", service.status(t, latest, p, projects.today()));
        model.addAttribute("updates", tasks.updatesOf(t.id()));
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(p.periodStart(), p.periodEnd()).boxed()
                .toList());
        return "task/task";
    }

    @PostMapping("/plans/{plan}/tasks/{code}/updates")
    String saveUpdate(@PathVariable String plan, @PathVariable String code, @RequestParam int year,
                      @RequestParam String period, @RequestParam double percent,
                      @RequestParam(required = false) String narrative, @RequestParam(required = false) String problems,
                      @RequestParam(required = false) String nextSteps,
                      @RequestParam(defaultValue = "false") boolean submit,
                      @RequestParam(name = "files", required = false) List<MultipartFile> files) throws IOException {
        Plan p = lookup.require(plan);
        TaskRepository.Update u = service.saveUpdate(p, code, year, period, percent, narrative, problems, nextSteps,
                null, submit);
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    tasks.addEvidence(u.id(), f.getOriginalFilename(), f.getContentType(), f.getBytes(),
                            u.updatedBy());
                }
            }
        }
        return "redirect:/plans/" + p.code() + "/tasks/" + code;
    }

    @PostMapping("/plans/{plan}/task-updates/{id}/{action}")
    String transition(@PathVariable String plan, @PathVariable long id, @PathVariable String action,
                      @RequestParam int version, @RequestParam(required = false) String reason) {
        Plan p = lookup.require(plan);
        TaskRepository.Update u = service.transition(p, id, action.toUpperCase().replace('-', '_'), version, reason);
        return "redirect:/plans/" + p.code() + "/tasks/" + tasks.findById(u.taskId()).orElseThrow().code();
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
                projects.today()), "updates", tasks.updatesOf(t.id()));
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
    public record Split(int version, List<String> titles) {}

    @PostMapping("/api/v1/plans/{plan}/tasks/{code}/split")
    @ResponseBody
    @Operation(summary = "Split a task into parts (plan office)")
    public List<Task> split(@PathVariable String plan, @PathVariable String code, @RequestBody Split s) {
        return service.split(lookup.require(plan), code, s.version(), s.titles());
    }

    /** Body of a merge. */
    public record Merge(List<String> codes, String title) {}

    @PostMapping("/api/v1/plans/{plan}/tasks/merge")
    @ResponseBody
    @Operation(summary = "Merge tasks into one (plan office)")
    public Task merge(@PathVariable String plan, @RequestBody Merge m) {
        return service.merge(lookup.require(plan), m.codes(), m.title());
    }

    /** Body of a progress update. */
    public record UpdateBody(int year, String period, double percent, String narrative, String problems,
                             String nextSteps, Integer version, boolean submit) {}

    @PostMapping("/api/v1/plans/{plan}/tasks/{code}/updates")
    @ResponseBody
    @Operation(summary = "Save (or submit) a progress update of a task (lead department)")
    public TaskRepository.Update update(@PathVariable String plan, @PathVariable String code,
                                        @RequestBody UpdateBody b) {
        return service.saveUpdate(lookup.require(plan), code, b.year(), b.period(), b.percent(), b.narrative(),
                b.problems(), b.nextSteps(), b.version(), b.submit());
    }

    /** Body of a workflow move. */
    public record Transition(String action, int version, String reason) {}

    @PostMapping("/api/v1/plans/{plan}/task-updates/{id}/transition")
    @ResponseBody
    @Operation(summary = "Move a progress update: SUBMIT, SIGN_OFF, APPROVE, RETURN (reason required)")
    public TaskRepository.Update move(@PathVariable String plan, @PathVariable long id, @RequestBody Transition t) {
        return service.transition(lookup.require(plan), id, t.action(), t.version(), t.reason());
    }

    @GetMapping("/api/v1/plans/{plan}/task-updates/{id}/history")
    @ResponseBody
    @Operation(summary = "History of a progress update (who, when, why)")
    public List<TaskRepository.Revision> history(@PathVariable String plan, @PathVariable long id) {
        lookup.require(plan);
        return tasks.revisions(id);
    }
}
