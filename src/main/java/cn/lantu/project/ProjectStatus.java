package cn.lantu.project;

import java.util.List;

/**
 * A project's status for a year: planned and approved completed investment (亿元), the completion rate and the
 * time schedule (序时进度) in percent, how many points it is behind, overdue milestones and the warning.
 */
public record ProjectStatus(int year, double planned, double completed, Double ratePct, double schedulePct,
                            Double behind, List<String> overdueMilestones, Signal signal) {}
