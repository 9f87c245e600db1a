package cn.lantu.task;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;

import cn.lantu.plan.Plan;
import cn.lantu.web.DateInput;
import cn.lantu.web.Versions;

/**
 * The work points and milestones form of a task page, as typed (so that a refused form comes back unchanged, as a
 * flash attribute). Work points are per plan year, one point a line; a milestone row left empty is dropped.
 */
public record TaskPlanForm(String version, String frequency, TreeMap<Integer, String> workPoints,
                           ArrayList<Row> milestones) implements Serializable {

    /** Blank milestone rows offered after the existing ones, for new milestones. */
    static final int BLANK_ROWS = 2;

    /** One milestone row: name, planned date and actual date as typed. */
    public record Row(String title, String plannedOn, String actualOn) implements Serializable {
        boolean empty() {
            return DateInput.blank(title) && DateInput.blank(plannedOn) && DateInput.blank(actualOn);
        }
    }

    /** The form of a task as it stands, with blank rows for new milestones. */
    static TaskPlanForm of(Task t, String frequency, Plan plan) {
        TreeMap<Integer, String> points = new TreeMap<>();
        for (int y = plan.periodStart(); y <= plan.periodEnd(); y++) {
            points.put(y, t.workPoints().getOrDefault(y, ""));
        }
        ArrayList<Row> rows = new ArrayList<>();
        t.milestones().forEach(m -> rows.add(new Row(m.title(), DateInput.text(m.dueOn()),
                DateInput.text(m.doneOn()))));
        return new TaskPlanForm(String.valueOf(t.version()), frequency, points, withBlankRows(rows));
    }

    static ArrayList<Row> withBlankRows(List<Row> rows) {
        ArrayList<Row> out = new ArrayList<>(rows.stream().filter(r -> !r.empty()).toList());
        for (int i = 0; i < BLANK_ROWS; i++) {
            out.add(new Row("", "", ""));
        }
        return out;
    }

    /** The problems of the form, field id → message, in form order; empty when it can be saved. */
    Map<String, String> check(LocalDate today, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!TaskPlanEditor.FREQUENCIES.contains(frequency)) {
            errors.put("frequency", messages.getMessage("taskplan.error.frequency", null, locale));
        }
        workPoints.forEach((y, text) -> {
            if (text != null && text.length() > ProgressForm.TEXT_MAX) {
                errors.put("workPoint-" + y, messages.getMessage("task.form.tooLong",
                        new Object[] {String.valueOf(ProgressForm.TEXT_MAX)}, locale));
            }
        });
        for (int i = 0; i < milestones.size(); i++) {
            Row r = milestones.get(i);
            if (r.empty()) {
                continue;
            }
            if (DateInput.blank(r.title())) {
                errors.put("msTitle-" + i, messages.getMessage("taskplan.error.title", null, locale));
            } else if (r.title().strip().length() > TaskPlanEditor.TITLE_MAX) {
                errors.put("msTitle-" + i, messages.getMessage("task.form.tooLong",
                        new Object[] {String.valueOf(TaskPlanEditor.TITLE_MAX)}, locale));
            }
            if (DateInput.blank(r.plannedOn())) {
                errors.put("msPlanned-" + i, messages.getMessage("taskplan.error.planned", null, locale));
            } else if (DateInput.parse(r.plannedOn()) == null) {
                errors.put("msPlanned-" + i, messages.getMessage("taskplan.error.date", null, locale));
            }
            LocalDate actual = DateInput.parse(r.actualOn());
            if (!DateInput.blank(r.actualOn()) && actual == null) {
                errors.put("msActual-" + i, messages.getMessage("taskplan.error.date", null, locale));
            } else if (actual != null && actual.isAfter(today)) {
                errors.put("msActual-" + i, messages.getMessage("taskplan.error.future", null, locale));
            }
        }
        return errors;
    }

    /** The edit the form asks for; only called once {@link #check} found nothing wrong. */
    TaskPlanEditor.Edit edit() {
        List<TaskPlanEditor.MilestoneEdit> ms = milestones.stream().filter(r -> !r.empty())
                .map(r -> new TaskPlanEditor.MilestoneEdit(r.title().strip(), DateInput.parse(r.plannedOn()),
                        DateInput.parse(r.actualOn()))).toList();
        return new TaskPlanEditor.Edit(Versions.parse(version), frequency, new TreeMap<>(workPoints), ms);
    }
}
