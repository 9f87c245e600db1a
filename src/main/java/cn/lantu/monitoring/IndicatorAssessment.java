package cn.lantu.monitoring;

import cn.lantu.assessment.Assessment;
import cn.lantu.assessment.StatusOverride;
import cn.lantu.indicator.Indicator;

/**
 * One indicator's assessment for a year, with the department that leads it. {@code override} is the plan
 * office's verdict where it replaced the computed one (the computed status stays in it).
 */
public record IndicatorAssessment(Indicator indicator, Assessment assessment, String leadDepartment,
                                  StatusOverride override) {}
