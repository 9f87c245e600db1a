package cn.lantu.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.lantu.plan.Plan;
import cn.lantu.project.ProjectDetail;
import cn.lantu.project.ProjectService;
import cn.lantu.project.ProjectStatus;
import cn.lantu.project.Schedule;
import cn.lantu.project.Signal;
import cn.lantu.task.Task;
import cn.lantu.task.TaskService;

/**
 * Which tasks the cockpit lists as warnings: only those actually behind (behind the time schedule, or with an
 * overdue milestone) — never one that has not reached its start or has nothing due yet (未开始).
 */
class CockpitWarningsTest {

    private static final Plan PLAN = new Plan(1, "p", "规划", null, null, null, null, null, null, 2026, 2030, 2025,
            Plan.Status.IN_FORCE, 1, null, null, null, null, null, null, null);
    private static final TaskService TASKS = new TaskService(null, null, null, null, null, null,
            new Schedule(10, 30), null, null);

    private static Task task(Map<Integer, String> workPoints, List<Task.Milestone> milestones) {
        return new Task(1, 1, "T-1", "任务", "", "MEASURE", null, null, null, true, false, null, 1, 1, List.of(),
                List.of(), workPoints, milestones, List.of(), List.of());
    }

    private static TaskService.TaskStatus status(Task t, Double pct, LocalDate asOf) {
        return TASKS.status(t, pct, PLAN, asOf);
    }

    @Test
    void aTaskWithNothingDueYetIsNotLate() {
        // as the generated tasks are: no work point, a target-year milestone in 2030, no progress reported
        Task t = task(Map.of(), List.of(new Task.Milestone(1, "2030年目标（纲要原文）", LocalDate.of(2030, 12, 31), null)));
        TaskService.TaskStatus s = status(t, null, LocalDate.of(2026, 12, 4));
        assertThat(s.state()).isEqualTo(TaskService.State.NOT_STARTED);
        assertThat(s.signal()).isEqualTo(Signal.NONE);
        assertThat(CockpitController.behind(s)).isFalse();
    }

    @Test
    void aTaskBeforeItsPlannedStartIsNotLate() {
        Task t = task(Map.of(2028, "启动建设"), List.of());
        TaskService.TaskStatus s = status(t, null, LocalDate.of(2027, 11, 1));
        assertThat(s.state()).isEqualTo(TaskService.State.NOT_STARTED);
        assertThat(CockpitController.behind(s)).isFalse();
        // from its start the schedule counts from 1 January 2028, not from the start of the plan period
        TaskService.TaskStatus started = status(t, 10.0, LocalDate.of(2028, 6, 30));
        assertThat(started.schedulePct()).isBetween(16.0, 17.0);
        assertThat(started.state()).isEqualTo(TaskService.State.ON_SCHEDULE);
        assertThat(CockpitController.behind(started)).isFalse();
    }

    @Test
    void aTaskDueWithoutProgressIsBehindAndListed() {
        // a 2026 work point and nothing reported by December 2026 (~18 % of the schedule): behind, yellow
        Task t = task(Map.of(2026, "建成调解中心"), List.of());
        TaskService.TaskStatus s = status(t, null, LocalDate.of(2026, 12, 4));
        assertThat(s.state()).isEqualTo(TaskService.State.BEHIND);
        assertThat(s.signal()).isEqualTo(Signal.YELLOW);
        assertThat(CockpitController.behind(s)).isTrue();
        // early in its first year nothing is late yet
        TaskService.TaskStatus early = status(t, null, LocalDate.of(2026, 2, 1));
        assertThat(early.state()).isEqualTo(TaskService.State.NOT_STARTED);
        assertThat(CockpitController.behind(early)).isFalse();
    }

    @Test
    void anOverdueMilestoneIsRedEvenWithoutProgress() {
        Task t = task(Map.of(), List.of(new Task.Milestone(1, "选址", LocalDate.of(2026, 6, 30), null)));
        TaskService.TaskStatus s = status(t, null, LocalDate.of(2026, 12, 4));
        assertThat(s.state()).isEqualTo(TaskService.State.OVERDUE_MILESTONE);
        assertThat(s.signal()).isEqualTo(Signal.RED);
        assertThat(CockpitController.behind(s)).isTrue();
    }

    @Test
    void progressBehindTheScheduleIsListed() {
        Task t = task(Map.of(), List.of());
        // June 2028 is ~48 % of the plan period: 10 % done is red, 30 % yellow, 45 % on schedule
        assertThat(status(t, 10.0, LocalDate.of(2028, 6, 1)).signal()).isEqualTo(Signal.RED);
        assertThat(CockpitController.behind(status(t, 30.0, LocalDate.of(2028, 6, 1)))).isTrue();
        assertThat(CockpitController.behind(status(t, 45.0, LocalDate.of(2028, 6, 1)))).isFalse();
    }

    private static ProjectService.Row project(LocalDate startOn, List<String> overdue) {
        ProjectDetail p = new ProjectDetail(1, 1, "P-1", "项目", "D1", "领域", null, null, true, null, null, null, null,
                null, 10.0, 10.0, startOn, null, List.of(), Map.of(2026, 5.0), List.of(), List.of(), null, null, 1);
        return new ProjectService.Row(p, new ProjectStatus(2026, 5, 0, 0.0, 50, 50.0, overdue, Signal.RED));
    }

    @Test
    void aProjectBeforeItsStartIsNotListedUnlessAMilestoneIsOverdue() {
        LocalDate asOf = LocalDate.of(2026, 7, 1);
        assertThat(CockpitController.behind(project(LocalDate.of(2026, 10, 1), List.of()), asOf)).isFalse();
        assertThat(CockpitController.behind(project(LocalDate.of(2026, 10, 1), List.of("立项")), asOf)).isTrue();
        assertThat(CockpitController.behind(project(LocalDate.of(2026, 3, 1), List.of()), asOf)).isTrue();
        assertThat(CockpitController.behind(project(null, List.of()), asOf)).isTrue();
    }
}
