package cn.lantu.outline;

import static cn.lantu.outline.OutlinePatterns.BACK_MATTER;
import static cn.lantu.outline.OutlinePatterns.CHAPTER_ZH;
import static cn.lantu.outline.OutlinePatterns.CN_ENUM;
import static cn.lantu.outline.OutlinePatterns.COLUMN;
import static cn.lantu.outline.OutlinePatterns.FIGURE_CAPTION;
import static cn.lantu.outline.OutlinePatterns.NOTE;
import static cn.lantu.outline.OutlinePatterns.PAREN_CN;
import static cn.lantu.outline.OutlinePatterns.PART_ZH;
import static cn.lantu.outline.OutlinePatterns.SECTION_ZH;
import static cn.lantu.outline.OutlinePatterns.STAGE;
import static cn.lantu.outline.OutlinePatterns.TABLE_CAPTION;
import static cn.lantu.outline.OutlinePatterns.TABLE_CONT;

import cn.lantu.outline.OutlineParagraph.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Step 3 of parsing: builds the structure tree from the repaired paragraphs. Chapters (第一章 or 一、), sections
 * (第一节, 一、 or （一）), measures, columns (专栏) with their groups and items, tables with captions and notes,
 * figure captions, preamble and back matter. Where chapters are numbered 一、 rather than 第一章, a number opens a
 * chapter or section only if it follows the previous one or the line was a Markdown heading, so that numbered
 * paragraphs inside the text do not. Containers finally span their descendants' offsets.
 */
final class OutlineTreeBuilder {

    private OutlineTreeBuilder() {
    }

    /** Adds the nodes of {@code paras} to {@code b} and returns the outline; {@code b} keeps their mapped texts. */
    static ParsedOutline build(List<OutlineParagraph> paras, List<String> applied, List<String> warnings,
                               OutlineNodes b) {
        // which heading systems are in use?
        boolean zhChapters = paras.stream().anyMatch(p -> p.kind == Kind.TEXT && ParagraphShape.headingLike(p.str())
                && CHAPTER_ZH.matcher(p.str()).matches());
        boolean zhSections = paras.stream().anyMatch(p -> p.kind == Kind.TEXT && ParagraphShape.headingLike(p.str())
                && SECTION_ZH.matcher(p.str()).matches());

        String title = null;
        String chapterKey = null;
        String sectionKey = null;
        long lastChapter = 0;
        long lastSection = 0;
        int chapterCount = 0;
        int sectionCount = 0;
        boolean backMatter = false;

        // column state
        String columnKey = null;
        String groupKey = null;
        int groupCount = 0;
        int itemCount = 0;             // items directly in column (no group)
        int groupItemCount = 0;
        int columnParaCount = 0;
        List<ParagraphShape> colShapes = new ArrayList<>();
        boolean columnHasContent = false;
        Set<Long> columnNumbers = new HashSet<>();
        long lastColumn = 0;

        String tableKey = null;
        String pendingCaptionNumber = null;
        String pendingCaptionTitle = null;
        OutlineParagraph pendingCaption = null;
        int tableCount = 0;
        int figureCount = 0;
        int tableNoteCount = 0;
        int preambleCount = 0;
        int backCount = 0;

        for (int idx = 0; idx < paras.size(); idx++) {
            OutlineParagraph p = paras.get(idx);
            String s = p.str();
            MappedText t = p.text;
            int start = t.length() > 0 ? t.sourceStart() : p.srcStart;
            int end = t.length() > 0 ? t.sourceEnd() : p.srcEnd;

            if (p.kind == Kind.TABLE) {
                tableCount++;
                String number = pendingCaptionNumber;
                String key = number != null ? "tab" + arabic(number) : "tabx" + tableCount;
                int tStart = pendingCaption != null ? pendingCaption.text.sourceStart() : p.srcStart;
                MappedText full = new MappedText();
                if (pendingCaption != null) {
                    full.append(pendingCaption.text).appendSynthetic("\n", p.srcStart);
                }
                full.append(t);
                String parent = columnKey != null ? columnKey : sectionKey != null ? sectionKey : chapterKey;
                tableKey = b.add(key, NodeType.TABLE, number, pendingCaptionTitle, full, tStart, p.srcEnd, parent,
                        b.nextOrdinal(parent, NodeType.TABLE));
                b.tableRows.put(tableKey, p.rows);
                pendingCaption = null;
                pendingCaptionNumber = null;
                pendingCaptionTitle = null;
                tableNoteCount = 0;
                continue;
            }
            if (pendingCaption != null) {
                // caption without a table following: keep it as a figure-like caption
                b.add("tabx" + (++tableCount), NodeType.TABLE, pendingCaptionNumber, pendingCaptionTitle,
                        pendingCaption.text, pendingCaption.text.sourceStart(), pendingCaption.text.sourceEnd(),
                        sectionKey != null ? sectionKey : chapterKey, 0);
                warnings.add("table caption without table: " + pendingCaption.str());
                pendingCaption = null;
            }
            if (backMatter || (chapterKey != null && BACK_MATTER.matcher(s).matches())) {
                backMatter = true;
                columnKey = null;
                b.add("b" + (++backCount), NodeType.PARAGRAPH, null, null, t, start, end, null, backCount);
                continue;
            }
            boolean hl = ParagraphShape.headingLike(s);
            // table notes
            if (tableKey != null && NOTE.matcher(s).matches()) {
                b.add(tableKey + ".p" + (++tableNoteCount), NodeType.PARAGRAPH, null, null, t, start, end, tableKey,
                        tableNoteCount);
                continue;
            }
            tableKey = null;
            Matcher m;
            // table caption
            if (hl && (m = TABLE_CAPTION.matcher(s)).matches() && idx + 1 < paras.size()) {
                pendingCaption = p;
                pendingCaptionNumber = m.group(1);
                pendingCaptionTitle = m.group(2).strip();
                if (paras.get(idx + 1).kind != Kind.TABLE) {
                    // flush as a caption-only table node
                    continue;
                }
                continue;
            }
            if (hl && TABLE_CONT.matcher(s).matches()) {
                continue;
            }
            if (hl && (m = FIGURE_CAPTION.matcher(s)).matches()) {
                figureCount++;
                String parent = sectionKey != null ? sectionKey : chapterKey;
                b.add("fig" + arabic(m.group(1)), NodeType.FIGURE_CAPTION, m.group(1), m.group(2).strip(), t, start, end,
                        parent, b.nextOrdinal(parent, NodeType.FIGURE_CAPTION));
                continue;
            }
            // chapter?
            String chapterNumber = null;
            String chapterTitle = null;
            if (hl) {
                if (zhChapters && (m = CHAPTER_ZH.matcher(s)).matches()) {
                    chapterNumber = m.group(1);
                    chapterTitle = m.group(2);
                } else if (!zhChapters && (m = CN_ENUM.matcher(s)).matches()) {
                    long v = Cjk.parseNumeral(m.group(1));
                    if (v == lastChapter + 1 || (p.hash && v > lastChapter)) {
                        chapterNumber = m.group(1);
                        chapterTitle = m.group(2);
                        if (v != lastChapter + 1) {
                            warnings.add("chapter numbering jumps from " + lastChapter + " to " + v + " at " + start);
                        }
                    }
                }
            }
            if (chapterNumber != null) {
                lastChapter = Cjk.parseNumeral(chapterNumber);
                chapterCount++;
                columnKey = null;
                sectionKey = null;
                lastSection = 0;
                sectionCount = 0;
                chapterKey = b.add("c" + chapterCount, NodeType.CHAPTER, chapterNumber, chapterTitle.strip(), t, start,
                        end, null, chapterCount);
                continue;
            }
            if (chapterKey == null) {
                if (title == null && hl && s.contains("规划") && !s.contains("通知") && !s.startsWith("关于")
                        && s.length() >= 6) {
                    title = s;
                }
                if (hl && PART_ZH.matcher(s).matches()) {
                    b.add("part" + (++preambleCount), NodeType.PARAGRAPH, null, s, t, start, end, null, preambleCount);
                    continue;
                }
                b.add("p" + (++preambleCount), NodeType.PARAGRAPH, null, hl ? s : null, t, start, end, null,
                        preambleCount);
                continue;
            }
            if (hl && PART_ZH.matcher(s).matches()) {
                // a 篇 heading between chapters: keep as a top-level paragraph
                columnKey = null;
                b.add("part" + (++preambleCount), NodeType.PARAGRAPH, null, s, t, start, end, null, preambleCount);
                continue;
            }
            // section?
            String sectionNumber = null;
            String sectionTitle = null;
            if (zhSections && hl && (m = SECTION_ZH.matcher(s)).matches()) {
                sectionNumber = m.group(1);
                sectionTitle = m.group(2);
            } else if (!zhSections && zhChapters && hl && (m = CN_ENUM.matcher(s)).matches()) {
                sectionNumber = m.group(1);
                sectionTitle = m.group(2);
            } else if (!zhChapters && (m = PAREN_CN.matcher(s)).matches()) {
                long v = Cjk.parseNumeral(m.group(1));
                boolean sequential = v == lastSection + 1 || v == 1 && lastSection == 0;
                if (hl && (sequential || p.hash)) {
                    sectionNumber = m.group(1);
                    sectionTitle = m.group(2);
                    if (!sequential) {
                        warnings.add("section numbering jumps from " + lastSection + " to " + v + " at " + start);
                    }
                }
            }
            if (sectionNumber != null) {
                long v = Cjk.parseNumeral(sectionNumber);
                lastSection = v;
                sectionCount++;
                columnKey = null;
                sectionKey = b.add(chapterKey + ".s" + sectionCount, NodeType.SECTION, sectionNumber,
                        sectionTitle.strip(), t, start, end, chapterKey, sectionCount);
                continue;
            }
            // column?
            if (hl && (m = COLUMN.matcher(s)).matches()) {
                long v = Cjk.parseNumeral(m.group(1));
                String number = v >= 0 ? String.valueOf(v) : m.group(1);
                if (v >= 0 && v != lastColumn + 1) {
                    warnings.add("column numbering jumps from " + lastColumn + " to " + v + " at " + start);
                }
                lastColumn = Math.max(lastColumn, v);
                String key = v >= 0 && columnNumbers.add(v) ? "col" + v : "colx" + (columnNumbers.size() + 1);
                String parent = sectionKey != null ? sectionKey : chapterKey;
                columnKey = b.add(key, NodeType.COLUMN, number, m.group(2).strip(), t, start, end, parent,
                        b.nextOrdinal(parent, NodeType.COLUMN));
                groupKey = null;
                groupCount = 0;
                itemCount = 0;
                groupItemCount = 0;
                columnParaCount = 0;
                colShapes.clear();
                columnHasContent = false;
                continue;
            }
            ParagraphShape sh = ParagraphShape.of(s, p.bullet);
            if (columnKey != null) {
                boolean groupHeading = !p.bullet && sh.numbered() && hl && s.length() <= 30
                        && sh.lead() != null && !s.endsWith("。");
                boolean cont = groupHeading || ParagraphShape.columnContinues(colShapes, sh, columnHasContent);
                if (cont) {
                    if (groupHeading) {
                        groupCount++;
                        groupItemCount = 0;
                        groupKey = b.add(columnKey + ".g" + groupCount, NodeType.COLUMN_GROUP, sh.number(), sh.lead(),
                                t, start, end, columnKey, groupCount);
                        colShapes.clear();
                        columnHasContent = true;
                        continue;
                    }
                    boolean intro = !columnHasContent && !sh.numbered() && !sh.hasLead() && idx + 1 < paras.size()
                            && paras.get(idx + 1).kind == Kind.TEXT;
                    columnHasContent = true;
                    if (intro) {
                        columnParaCount++;
                        b.add(columnKey + ".p" + columnParaCount, NodeType.PARAGRAPH, null, null, t, start, end,
                                columnKey, columnParaCount);
                        continue;
                    }
                    colShapes.add(sh);
                    if (sh.projects() && (groupKey == null || isProjectGroup(b, groupKey))) {
                        // a domain paragraph listing projects: group + one item per project
                        groupCount++;
                        String gk = b.add(columnKey + ".g" + groupCount, NodeType.COLUMN_GROUP, sh.number(),
                                sh.lead(), t, start, end, columnKey, groupCount);
                        addProjects(b, gk, t, s);
                        groupKey = gk;
                        continue;
                    }
                    if (groupKey != null && !isProjectGroup(b, groupKey)) {
                        groupItemCount++;
                        b.add(groupKey + ".i" + groupItemCount, NodeType.COLUMN_ITEM, sh.number(), sh.lead(), t,
                                start, end, groupKey, groupItemCount);
                    } else {
                        itemCount++;
                        b.add(columnKey + ".i" + itemCount, NodeType.COLUMN_ITEM, sh.number(), sh.lead(), t, start,
                                end, columnKey, itemCount);
                    }
                    continue;
                }
                columnKey = null;
                groupKey = null;
            }
            if (sectionKey == null) {
                String key = chapterKey + ".p";
                int ord = b.nextOrdinal(chapterKey, NodeType.PARAGRAPH);
                b.add(key + ord, NodeType.PARAGRAPH, sh.number(), sh.lead(), t, start, end, chapterKey, ord);
            } else {
                int ord = b.nextOrdinal(sectionKey, NodeType.MEASURE);
                b.add(sectionKey + ".m" + ord, NodeType.MEASURE, sh.number(), sh.lead(), t, start, end, sectionKey, ord);
            }
            if (ParagraphShape.hasUnbalancedClosingQuote(s)) {
                warnings.add("possible lost text before offset " + start + ": paragraph starts mid-sentence: "
                        + s.substring(0, Math.min(20, s.length())) + "…");
            }
        }
        if (pendingCaption != null) {
            warnings.add("table caption without table: " + pendingCaption.str());
        }
        return new ParsedOutline(title, extendContainers(b.nodes), applied, warnings);
    }

    private static boolean isProjectGroup(OutlineNodes b, String groupKey) {
        // a project group has items created by addProjects (titles without stage); mark via nodeText identity
        return b.projectGroups.contains(groupKey);
    }

    private static void addProjects(OutlineNodes b, String groupKey, MappedText t, String s) {
        b.projectGroups.add(groupKey);
        String body = s;
        int offset = 0;
        Matcher m = ParagraphShape.NUMBER_PREFIX.matcher(s);
        if (m.find()) {
            offset = m.end();
        }
        int dot = s.indexOf('。', offset);
        int colon = s.indexOf('：', offset);
        int cut = dot < 0 ? colon : colon < 0 ? dot : Math.min(dot, colon);
        int restStart = cut + 1;
        List<int[]> ranges = ParagraphShape.splitProjects(body.substring(restStart));
        if (ranges == null) {
            return;
        }
        int k = 0;
        for (int[] r : ranges) {
            k++;
            int a = restStart + r[0];
            int e = restStart + r[1];
            MappedText item = t.subSequence(a, e).trim();
            String itemText = item.toString();
            Matcher st = STAGE.matcher(itemText);
            String name = itemText;
            int last = -1;
            while (st.find()) {
                last = st.start();
            }
            if (last > 0 && last + 1 < itemText.length()) {
                name = itemText.substring(0, last).strip();
            }
            b.add(groupKey + ".i" + k, NodeType.COLUMN_ITEM, null, name, item, item.sourceStart(), item.sourceEnd(),
                    groupKey, k);
        }
    }

    static String arabic(String number) {
        long v = Cjk.parseNumeral(number);
        return v >= 0 ? String.valueOf(v) : number;
    }

    /** Containers span their descendants. */
    private static List<ParsedOutlineNode> extendContainers(List<ParsedOutlineNode> nodes) {
        Map<String, Integer> index = new HashMap<>();
        List<ParsedOutlineNode> out = new ArrayList<>(nodes);
        for (int i = 0; i < out.size(); i++) {
            index.put(out.get(i).key(), i);
        }
        for (int i = out.size() - 1; i >= 0; i--) {
            ParsedOutlineNode n = out.get(i);
            if (n.parentKey() == null) {
                continue;
            }
            Integer pi = index.get(n.parentKey());
            if (pi == null) {
                continue;
            }
            ParsedOutlineNode parent = out.get(pi);
            if (n.end() > parent.end()) {
                out.set(pi, parent.withEnd(n.end()));
            }
        }
        return out;
    }
}
