package cn.lantu.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Project status against the time schedule (序时进度): yellow from 10 to 30 points behind, red beyond or overdue. */
class ProjectStatusTest {

    static ProjectDetail project(double planned2026, List<ProjectDetail.Milestone> milestones) {
        return new ProjectDetail(1, 1, "P1", "测试项目", "TRA", "交通强省", null, Project.Stage.UNDER_CONSTRUCTION, true,
                null, null, null, null, null, 100.0, 50.0, null, null, List.of(), Map.of(2026, planned2026),
                milestones, List.of(), null, null, 1);
    }

    static final LocalDate MID = LocalDate.of(2026, 7, 2);   // day 183 of 365: 序时进度 50.1 %

    ProjectService service(double yellow, double red) {
        return new ProjectService(null, null, null, new Schedule(yellow, red), null);
    }

    @Test
    void trailingTheScheduleTurnsYellowThenRed() {
        ProjectService s = service(10, 30);
        ProjectDetail p = project(100, List.of());
        double sched = Schedule.yearElapsed(2026, MID);
        assertThat(sched).isBetween(50.0, 50.2);
        assertThat(s.status(p, 45, 2026, MID).signal()).isEqualTo(Signal.GREEN);      // 5 points behind
        assertThat(s.status(p, sched - 10, 2026, MID).signal()).isEqualTo(Signal.YELLOW); // exactly 10 behind
        assertThat(s.status(p, 35, 2026, MID).signal()).isEqualTo(Signal.YELLOW);     // 15 behind
        assertThat(s.status(p, sched - 30, 2026, MID).signal()).isEqualTo(Signal.YELLOW); // 30 behind: still yellow
        assertThat(s.status(p, 15, 2026, MID).signal()).isEqualTo(Signal.RED);        // 35 behind
        ProjectStatus st = s.status(p, 35, 2026, MID);
        assertThat(st.ratePct()).isEqualTo(35.0);
        assertThat(st.behind()).isBetween(15.0, 15.2);
    }

    @Test
    void anOverdueMilestoneTurnsItRed() {
        ProjectService s = service(10, 30);
        ProjectDetail onTime = project(100, List.of(new ProjectDetail.Milestone(ProjectDetail.MilestoneKind.START,
                LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 28))));
        ProjectDetail late = project(100, List.of(new ProjectDetail.Milestone(ProjectDetail.MilestoneKind.START,
                LocalDate.of(2026, 6, 30), null)));
        assertThat(s.status(onTime, 60, 2026, MID).signal()).isEqualTo(Signal.GREEN);
        ProjectStatus st = s.status(late, 60, 2026, MID);
        assertThat(st.signal()).isEqualTo(Signal.RED);
        assertThat(st.overdueMilestones()).containsExactly("开工");
        // the same milestone is not overdue before its date
        assertThat(s.status(late, 60, 2026, LocalDate.of(2026, 6, 29)).signal()).isEqualTo(Signal.GREEN);
    }

    static ProjectDetail startingOn(LocalDate start, List<ProjectDetail.Milestone> milestones) {
        ProjectDetail p = project(100, milestones);
        return new ProjectDetail(p.id(), p.planId(), p.code(), p.name(), p.domainCode(), p.domainName(), null,
                Project.Stage.PRELIMINARY, true, null, null, null, null, null, 100.0, 50.0, start, null, List.of(),
                p.yearPlans(), milestones, List.of(), null, null, 1);
    }

    /**
     * Issue 17: a project that has not reached its planned start (开工) is not late. With nothing invested by July
     * against a 1 October start it raises no warning (by 1 January it would be 50 points behind: red).
     */
    @Test
    void aProjectBeforeItsPlannedStartIsNotLate() {
        ProjectService s = service(10, 30);
        ProjectDetail p = startingOn(LocalDate.of(2026, 10, 1), List.of());
        ProjectStatus before = s.status(p, 0, 2026, MID);
        assertThat(before.signal()).isEqualTo(Signal.NONE);
        assertThat(before.schedulePct()).isZero();
        // the same project without a start date counts from 1 January: red
        assertThat(s.status(project(100, List.of()), 0, 2026, MID).signal()).isEqualTo(Signal.RED);
        // from its start the schedule counts from the planned start: on 16 November 46 of 91 days, 50.5 %
        ProjectStatus started = s.status(p, 45, 2026, LocalDate.of(2026, 11, 16));
        assertThat(started.schedulePct()).isCloseTo(100.0 * 46 / 91, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(started.signal()).isEqualTo(Signal.GREEN);
        assertThat(s.status(p, 10, 2026, LocalDate.of(2026, 11, 16)).signal()).isEqualTo(Signal.RED);
        // an overdue milestone is late whatever the start
        ProjectDetail late = startingOn(LocalDate.of(2026, 10, 1), List.of(new ProjectDetail.Milestone(
                ProjectDetail.MilestoneKind.APPROVAL, LocalDate.of(2026, 6, 30), null)));
        assertThat(s.status(late, 0, 2026, MID).signal()).isEqualTo(Signal.RED);
    }

    @Test
    void thresholdsAreConfigurable() {
        ProjectDetail p = project(100, List.of());
        assertThat(service(10, 30).status(p, 42, 2026, MID).signal()).isEqualTo(Signal.GREEN);
        assertThat(service(5, 20).status(p, 42, 2026, MID).signal()).isEqualTo(Signal.YELLOW);
        assertThat(service(5, 7).status(p, 42, 2026, MID).signal()).isEqualTo(Signal.RED);
        assertThatThrownBy(() -> new Schedule(30, 10)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAPlannedAmountThereIsNothingToMeasure() {
        ProjectService s = service(10, 30);
        assertThat(s.status(project(0, List.of()), 0, 2026, MID).signal()).isEqualTo(Signal.NONE);
    }
}
