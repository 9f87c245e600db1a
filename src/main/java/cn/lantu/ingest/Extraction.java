package cn.lantu.ingest;

import cn.lantu.outline.ParsedOutline;

import java.util.List;

/**
 * Everything extracted from one outline. All offsets refer to {@link #text()}, the input text as read
 * (for .docx and .pdf the text produced by the reader).
 */
public record Extraction(
        String source,
        String text,
        String title,
        Integer planStart,
        Integer planEnd,
        ParsedOutline outline,
        List<ExtractedIndicator> indicators,
        List<ProseTarget> targets,
        List<BaselineFact> baselineFacts,
        List<ExtractedProjectDomain> projectDomains,
        List<ExtractedProject> projects,
        List<ExtractedArea> areas,
        List<String> warnings) {
}
