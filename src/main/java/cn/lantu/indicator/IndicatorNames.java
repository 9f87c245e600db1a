package cn.lantu.indicator;

import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Indicators by name instead of code, for pages ({@code ${@indicatorNames.names(plan.id, task.indicatorCodes)}}). */
@Component("indicatorNames")
public class IndicatorNames {

    private final IndicatorRepository indicators;

    public IndicatorNames(IndicatorRepository indicators) {
        this.indicators = indicators;
    }

    public String name(Long planId, String code) {
        if (code == null || planId == null) {
            return code;
        }
        return indicators.findByCode(planId, code).map(Indicator::name).orElse(code);
    }

    /** The names joined with 、. */
    public String names(Long planId, Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return "";
        }
        return codes.stream().map(c -> name(planId, c)).collect(Collectors.joining("、"));
    }
}
