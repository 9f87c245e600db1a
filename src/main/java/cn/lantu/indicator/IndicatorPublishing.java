package cn.lantu.indicator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.audit.AuditLog;

/**
 * Publishing indicators on the public portal (公开) and withdrawing them, one or many at once. Only a real change
 * is written and audited, with the state before and after; the portal, its open data and public reports follow.
 */
@Service
public class IndicatorPublishing {

    /** The outcome of one request: the names changed, and the codes that are not indicators of the plan. */
    public record Outcome(List<String> changed, List<String> unknown) {
        public boolean ok() {
            return unknown.isEmpty();
        }
    }

    private final IndicatorRepository indicators;
    private final AuditLog audit;

    IndicatorPublishing(IndicatorRepository indicators, AuditLog audit) {
        this.indicators = indicators;
        this.audit = audit;
    }

    public List<IndicatorRepository.Publication> list(long planId) {
        return indicators.publications(planId);
    }

    /** Sets the indicators with these codes public or not; nothing is written when a code is unknown. */
    @Transactional
    public Outcome set(long planId, Collection<String> codes, boolean published, String by) {
        Map<String, IndicatorRepository.Publication> byCode = list(planId).stream()
                .collect(Collectors.toMap(IndicatorRepository.Publication::code, Function.identity()));
        List<String> unknown = new LinkedHashSet<>(codes).stream().filter(c -> !byCode.containsKey(c)).toList();
        if (!unknown.isEmpty()) {
            return new Outcome(List.of(), unknown);
        }
        List<String> changed = new ArrayList<>();
        for (String code : new LinkedHashSet<>(codes)) {
            IndicatorRepository.Publication p = byCode.get(code);
            if (p.published() == published) {
                continue;
            }
            indicators.setPublished(p.id(), published, by);
            audit.record(by, published ? "INDICATOR_PUBLISH" : "INDICATOR_WITHDRAW", "indicator:" + p.id(),
                    p.name() + "：" + state(p.published()) + " → " + state(published));
            changed.add(p.name());
        }
        return new Outcome(changed, List.of());
    }

    private static String state(boolean published) {
        return published ? "公开" : "未公开";
    }
}
