package cn.lantu.outline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the text of a Chinese five-year-plan outline (Markdown or plain text with blank-line separated
 * paragraphs, typically converted from PDF) into a tree of {@link ParsedOutlineNode}s.
 *
 * <p>Structure is recognised from the Chinese numbering (一、 / （一） / 1. / （1）, 第一章 / 第一节, 专栏 N),
 * not from Markdown heading levels, which converters assign unreliably. Paragraphs split mid-sentence by
 * page breaks are joined; tables split across pages with a repeated header are merged; page numbers and
 * running headers are dropped. Every node keeps its offsets into the source string.
 *
 * <p>The work is done in three steps: {@link ParagraphSegmenter} (raw lines to cleaned paragraphs),
 * {@link PageBreakRepair} (joins and corrections) and {@link OutlineTreeBuilder} (the node tree).
 *
 * <p>No dependencies besides the JDK; thread-safe (stateless).
 */
public final class OutlineParser {

    // Public because the PDF reader and the extractors in ingest match page numbers and project stages too.
    public static final Pattern PAGE_MARK = OutlinePatterns.PAGE_MARK;
    public static final Pattern STAGE = OutlinePatterns.STAGE;

    public ParsedOutline parse(String source) {
        return parse(source, List.of());
    }

    public ParsedOutline parse(String source, List<TextCorrection> corrections) {
        return parseDetailed(source, corrections).outline();
    }

    /** Parse result with the mapped text of every node (for extractors working on offsets). */
    public record Detail(ParsedOutline outline, Map<String, MappedText> nodeText, Map<String, List<MappedText>> tableRows,
                  List<OutlineParagraph> paragraphs) {
    }

    public Detail parseDetailed(String source, List<TextCorrection> corrections) {
        List<String> warnings = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        List<OutlineParagraph> units = ParagraphSegmenter.segment(source, warnings);
        List<OutlineParagraph> paras = PageBreakRepair.joinAndCorrect(units, corrections, applied, warnings);
        OutlineNodes b = new OutlineNodes();
        ParsedOutline outline = OutlineTreeBuilder.build(paras, applied, warnings, b);
        return new Detail(outline, b.nodeText, b.tableRows, paras);
    }

    public static String norm(String s) {
        return s.replaceAll("[\\s|*]+", "");
    }
}
