package cn.lantu.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lantu.plan.Plan;
import cn.lantu.plan.PlanLookup;
import cn.lantu.project.ProjectService;
import cn.lantu.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;

/** The work points and milestones of a task, edited on the task page by the plan office or the lead unit. */
@Controller
class TaskPlanController {

    private final TaskPlanEditor editor;
    private final TaskRepository tasks;
    private final ProjectService projects;
    private final PlanLookup lookup;
    private final MessageSource messages;

    TaskPlanController(TaskPlanEditor editor, TaskRepository tasks, ProjectService projects, PlanLookup lookup,
                       MessageSource messages) {
        this.editor = editor;
        this.tasks = tasks;
        this.projects = projects;
        this.lookup = lookup;
        this.messages = messages;
    }

    @PostMapping("/plans/{plan}/tasks/{code}/plan")
    String save(@PathVariable String plan, @PathVariable String code, HttpServletRequest request, Locale locale,
                RedirectAttributes flash) {
        Plan p = lookup.require(plan);
        tasks.find(p.id(), code).orElseThrow(() -> new NotFoundException("任务不存在: " + code));
        TaskPlanForm form = read(p, request);
        String page = "redirect:/plans/" + p.code() + "/tasks/" + code;
        Map<String, String> errors = form.check(projects.today(), messages, locale);
        if (errors.isEmpty()) {
            try {
                editor.edit(p, code, form.edit());
                flash.addFlashAttribute("message", messages.getMessage("taskplan.flash.saved", null, locale));
                return page + "#plan";
            } catch (ResponseStatusException e) {
                if (e.getStatusCode().value() == 401 || e.getStatusCode().value() == 403) {
                    throw e;
                }
                flash.addFlashAttribute("planError", e.getReason());
            }
        } else {
            flash.addFlashAttribute("planError", messages.getMessage("taskplan.fix", null, locale));
        }
        flash.addFlashAttribute("planForm", new TaskPlanForm(form.version(), form.frequency(), form.workPoints(),
                TaskPlanForm.withBlankRows(form.milestones())));
        flash.addFlashAttribute("planErrors", new LinkedHashMap<>(reindex(form, errors)));
        return page + "#plan";
    }

    /** Field ids of the milestone rows as they stand once the empty rows are dropped for the form coming back. */
    private static Map<String, String> reindex(TaskPlanForm form, Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        int kept = 0;
        Map<Integer, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < form.milestones().size(); i++) {
            if (!form.milestones().get(i).empty()) {
                index.put(i, kept++);
            }
        }
        errors.forEach((k, v) -> {
            int dash = k.lastIndexOf('-');
            if (k.startsWith("ms") && dash > 0) {
                out.put(k.substring(0, dash) + "-" + index.get(Integer.parseInt(k.substring(dash + 1))), v);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    private static TaskPlanForm read(Plan p, HttpServletRequest request) {
        TreeMap<Integer, String> points = new TreeMap<>();
        for (int y = p.periodStart(); y <= p.periodEnd(); y++) {
            String text = request.getParameter("workPoint-" + y);
            points.put(y, text == null ? "" : text);
        }
        String[] titles = values(request, "msTitle");
        String[] planned = values(request, "msPlanned");
        String[] actual = values(request, "msActual");
        ArrayList<TaskPlanForm.Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(titles.length, 200); i++) {
            rows.add(new TaskPlanForm.Row(titles[i], i < planned.length ? planned[i] : "",
                    i < actual.length ? actual[i] : ""));
        }
        return new TaskPlanForm(request.getParameter("version"), request.getParameter("frequency"), points, rows);
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] v = request.getParameterValues(name);
        return v == null ? new String[0] : v;
    }

    @PutMapping("/api/v1/plans/{plan}/tasks/{code}/plan")
    @ResponseBody
    @Operation(summary = "Edit a task's yearly work points and milestones (plan office or the lead unit); "
            + "version required, frequency (MONTHLY, QUARTERLY, ANNUAL) by the plan office only")
    public Task edit(@PathVariable String plan, @PathVariable String code, @RequestBody TaskPlanEditor.Edit body) {
        return editor.edit(lookup.require(plan), code, body);
    }
}
