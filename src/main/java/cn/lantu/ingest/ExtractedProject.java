package cn.lantu.ingest;

/** A project named in a project column, e.g. 诸永高速改扩建（在建）. */
public record ExtractedProject(
        String code,
        String name,
        String group,
        String stageLabel,
        String stage,
        String column,
        String sourceText,
        int start,
        int end,
        String outlineKey,
        double confidence,
        String reason) {
}
