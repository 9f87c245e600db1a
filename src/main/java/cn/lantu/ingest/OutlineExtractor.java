package cn.lantu.ingest;

import cn.lantu.outline.Cjk;
import cn.lantu.outline.OutlineParser;
import cn.lantu.outline.ParsedOutline;
import cn.lantu.outline.TextCorrection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plan ingestion: turns an outline (Markdown / text / .docx / text PDF) into indicator-table rows, prose targets,
 * baseline facts, project lists and town/area lists, each with source offsets, confidence and reason.
 *
 * <pre>
 * Extraction x = new OutlineExtractor().extract(Path.of("outline.md"));
 * Extraction y = new OutlineExtractor().codePrefix("ZJ").extract(markdownText);
 * </pre>
 *
 * <p>Plain Java, no Spring; instances are immutable-ish configuration holders and can be shared.
 */
public final class OutlineExtractor {

    private static final Pattern PLAN_NUMBER = Pattern.compile("第([一二三四五六七八九十]{1,3})个五年");
    private static final Pattern PLAN_NAME = Pattern.compile("“十([一二三四五六七八九])五”");
    private static final Pattern YEAR_RANGE = Pattern.compile("((?:19|20)\\d{2})\\s*[—–\\-－~～至到]\\s*((?:19|20)\\d{2})\\s*年");

    private static final Pattern TABLE_NOTE = Pattern.compile("注[：:][^\n]{0,30}(?:数据|累计|年均|带|标)");

    private String codePrefix = "";
    private List<TextCorrection> corrections = List.of();

    /** Prefix of generated codes: table rows {@code <prefix>01}, {@code <prefix>12A}; targets {@code <prefix>T001}. */
    public OutlineExtractor codePrefix(String prefix) {
        this.codePrefix = prefix == null ? "" : prefix;
        return this;
    }

    /** Known corrections of conversion artefacts (see {@link TextCorrection}). */
    public OutlineExtractor corrections(List<TextCorrection> corrections) {
        this.corrections = corrections == null ? List.of() : List.copyOf(corrections);
        return this;
    }

    public Extraction extract(Path file) throws IOException {
        return extract(DocumentReader.read(file), file.getFileName().toString());
    }

    public Extraction extract(String text) {
        return extract(text, null);
    }

    public Extraction extract(String input, String sourceName) {
        String text = OutlineText.prepare(input);
        OutlineParser.Detail detail = new OutlineParser().parseDetailed(text, corrections);
        ParsedOutline outline = detail.outline();
        List<String> warnings = new ArrayList<>(outline.warnings());
        int[] period = planPeriod(outline.title(), text);
        int planStart = period[0];
        int planEnd = period[1];
        String previousPlan = "十" + cnDigit(period[2] - 1) + "五";

        IndicatorTableExtractor.Result table = new IndicatorTableExtractor(codePrefix).extract(text, detail);
        warnings.addAll(table.warnings());
        if (table.rows().isEmpty()) {
            warnings.add("no main indicator table (主要指标) found");
            if (TABLE_NOTE.matcher(text).find()) {
                warnings.add("a note on table values (注：…) is there but the table is not: it may have been an image; "
                        + "upload the indicator table (.xlsx) or paste it");
            }
        }
        ListExtractor.Result lists = new ListExtractor().extract(detail);
        ProseExtractor.Result prose = new ProseExtractor(planStart, planEnd, previousPlan, codePrefix)
                .extract(detail, lists.consumedKeys());
        return new Extraction(sourceName, text, outline.title(), planStart, planEnd, outline, table.rows(),
                prose.targets(), prose.facts(), lists.domains(), lists.projects(), lists.areas(), warnings);
    }

    /** [start, end, planNumber] from "第十五个五年", “十五五” or "2026—2030年"; defaults to the 15th plan. */
    static int[] planPeriod(String title, String text) {
        int n = -1;
        if (title != null) {
            Matcher m = PLAN_NUMBER.matcher(title);
            if (m.find()) {
                n = (int) Cjk.parseNumeral(m.group(1));
            }
        }
        if (n < 0) {
            Map<Integer, Integer> counts = new TreeMap<>();
            Matcher m = PLAN_NAME.matcher(text);
            while (m.find()) {
                counts.merge(10 + Cjk.digit(m.group(1).charAt(0)), 1, Integer::sum);
            }
            n = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
            // the plan being written is the latest one mentioned often
            if (counts.size() > 1) {
                int latest = ((TreeMap<Integer, Integer>) counts).lastKey();
                if (counts.get(latest) >= 2) {
                    n = latest;
                }
            }
        }
        if (n < 0) {
            Matcher y = YEAR_RANGE.matcher(title == null ? text : title + "\n" + text);
            if (y.find()) {
                int a = Integer.parseInt(y.group(1));
                int b = Integer.parseInt(y.group(2));
                return new int[] {a, b, (b - 1955) / 5};
            }
            n = 15;
        }
        int end = 1955 + 5 * n;
        return new int[] {end - 4, end, n};
    }

    private static String cnDigit(int n) {
        return String.valueOf("〇一二三四五六七八九十".charAt(Math.max(0, Math.min(10, n - 10))));
    }
}
