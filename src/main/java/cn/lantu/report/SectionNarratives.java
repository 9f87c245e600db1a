package cn.lantu.report;

import java.util.List;
import java.util.Map;

import cn.lantu.report.ReportDocument.Block;
import cn.lantu.report.ReportDocument.Narrative;

/** Adds the narrative block of a section: the office's saved text or the pre-filled default. */
record SectionNarratives(Map<String, String> narratives, List<Block> blocks) {

    void narrative(String key, String fallback) {
        String saved = narratives.get(key);
        boolean edited = saved != null && !saved.isBlank();
        blocks.add(new Narrative(key, ReportBuilder.SECTIONS.getOrDefault(key, key), edited ? saved : fallback,
                edited));
    }
}
