package cn.lantu.monitoring;

import cn.lantu.assessment.Assessment;
import cn.lantu.assessment.StatusOverride;
import cn.lantu.indicator.Indicator;

/**
 * One indicator's assessment for a year, with the department that leads it. {@code override} is the plan
 * office's verdict where it replaced the computed one (the computed status stays in it); {@code targetChange} the
 * approved target revision (规划调整), null when the target was never revised.
 */
public record IndicatorAssessment(Indicator indicator, Assessment assessment, String leadDepartment,
                                  StatusOverride override, TargetChange targetChange) {}
