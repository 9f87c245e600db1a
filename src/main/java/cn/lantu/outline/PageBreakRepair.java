package cn.lantu.outline;

import static cn.lantu.outline.OutlineParser.norm;
import static cn.lantu.outline.OutlinePatterns.BACK_MATTER;
import static cn.lantu.outline.OutlinePatterns.CIRCLED;
import static cn.lantu.outline.OutlinePatterns.NOTE;
import static cn.lantu.outline.OutlinePatterns.PART_ZH;
import static cn.lantu.outline.OutlinePatterns.TABLE_CONT;
import static cn.lantu.outline.OutlinePatterns.isStructural;

import cn.lantu.outline.OutlineParagraph.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Step 2 of parsing: undoes what page breaks did to the text. A paragraph that stops mid-sentence is joined with
 * the next one (automatically, or where a JOIN_PARAGRAPH correction names its ending), and a table continued on
 * the next page is merged into one, dropping the repeated header. The REPLACE corrections are applied last, to
 * the joined paragraphs, so a find text may span a former page break.
 */
final class PageBreakRepair {

    /** Characters that end a sentence (a paragraph ending otherwise continues on the next page). */
    private static final String TERMINAL = "。；：！？!?;:…";

    private PageBreakRepair() {
    }

    /** A paragraph that must not be continued onto the next one (headings, captions). */
    private static boolean isHeadingPara(OutlineParagraph p) {
        String s = p.str();
        if (p.hash && s.length() <= 80) {
            return true;
        }
        if (!ParagraphShape.headingLike(s)) {
            return false;
        }
        return isStructural(s) || PART_ZH.matcher(s).matches() || TABLE_CONT.matcher(s).matches();
    }

    private static boolean startsStructure(OutlineParagraph p) {
        String s = p.str();
        return p.hash || p.bullet || isStructural(s) || PART_ZH.matcher(s).matches() || s.startsWith("——")
                || CIRCLED.matcher(s).matches() || NOTE.matcher(s).matches() || BACK_MATTER.matcher(s).matches()
                || TABLE_CONT.matcher(s).matches();
    }

    static boolean endsSentence(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char last = s.charAt(s.length() - 1);
        if (TERMINAL.indexOf(last) >= 0 || last == '）' || last == ')' || last == '》' || last == '】') {
            return true;
        }
        if ((last == '”' || last == '’' || last == '」' || last == '』' || last == '"') && s.length() >= 2) {
            char prev = s.charAt(s.length() - 2);
            return TERMINAL.indexOf(prev) >= 0;
        }
        return false;
    }

    private static boolean looksLikeProse(String s) {
        return s.indexOf('。') >= 0 || s.indexOf('，') >= 0 || s.indexOf('；') >= 0 || s.indexOf('、') >= 0
                || s.length() >= 40;
    }

    /** The units to build from (dropped and rule lines removed), joined, merged and corrected. */
    static List<OutlineParagraph> joinAndCorrect(List<OutlineParagraph> units, List<TextCorrection> corrections,
                                                 List<String> applied, List<String> warnings) {
        List<OutlineParagraph> paras = new ArrayList<>();
        for (OutlineParagraph p : units) {
            if (p.kind != Kind.DROPPED && p.kind != Kind.HR) {
                paras.add(p);
            }
        }
        List<TextCorrection> joins = new ArrayList<>();
        List<TextCorrection> replaces = new ArrayList<>();
        for (TextCorrection c : corrections == null ? List.<TextCorrection>of() : corrections) {
            if (TextCorrection.JOIN_PARAGRAPH.equalsIgnoreCase(c.kind())) {
                joins.add(c);
            } else if (TextCorrection.REPLACE.equalsIgnoreCase(c.kind())) {
                replaces.add(c);
            } else {
                applied.add(c.id() + " " + c.kind() + " (recorded only)" + (c.note() == null ? "" : ": " + c.note()));
            }
        }
        Set<TextCorrection> usedJoins = new HashSet<>();
        List<OutlineParagraph> out = new ArrayList<>();
        for (int i = 0; i < paras.size(); i++) {
            OutlineParagraph p = paras.get(i);
            while (p.kind == Kind.TEXT && i + 1 < paras.size() && paras.get(i + 1).kind == Kind.TEXT) {
                OutlineParagraph next = paras.get(i + 1);
                String s = p.str();
                TextCorrection byCorrection = null;
                for (TextCorrection c : joins) {
                    if (c.find() != null && !c.find().isEmpty() && s.endsWith(c.find())) {
                        byCorrection = c;
                        break;
                    }
                }
                boolean auto = byCorrection == null && !isHeadingPara(p) && !endsSentence(s) && looksLikeProse(s)
                        && !startsStructure(next) && !next.hash;
                if (byCorrection == null && !auto) {
                    break;
                }
                String tail = s.length() > 12 ? s.substring(s.length() - 12) : s;
                String head = next.str().length() > 12 ? next.str().substring(0, 12) : next.str();
                if (byCorrection != null) {
                    usedJoins.add(byCorrection);
                    applied.add(byCorrection.id() + " JOIN_PARAGRAPH @" + p.srcStart + ": …" + tail + " + " + head + "…");
                } else {
                    applied.add("auto JOIN_PARAGRAPH @" + next.srcStart + ": …" + tail + " + " + head + "…");
                }
                OutlineParagraph merged = new OutlineParagraph();
                merged.kind = Kind.TEXT;
                merged.hash = p.hash;
                merged.bullet = p.bullet;
                merged.srcStart = p.srcStart;
                merged.srcEnd = next.srcEnd;
                merged.text = new MappedText().append(p.text);
                if (ParagraphSegmenter.isAsciiWord(s.charAt(s.length() - 1)) && next.text.length() > 0 && ParagraphSegmenter.isAsciiWord(next.text.charAt(0))) {
                    merged.text.appendSynthetic(" ", next.srcStart);
                }
                merged.text.append(next.text);
                p = merged;
                i++;
            }
            out.add(p);
        }
        for (TextCorrection c : joins) {
            if (!usedJoins.contains(c)) {
                boolean alreadyJoined = out.stream().anyMatch(p -> p.kind == Kind.TEXT && p.str().contains(c.find()));
                if (alreadyJoined) {
                    applied.add(c.id() + " JOIN_PARAGRAPH: already joined (\"" + c.find() + "\")");
                } else {
                    warnings.add("correction " + c.id() + " JOIN_PARAGRAPH: no paragraph ends with \"" + c.find() + "\"");
                }
            }
        }
        // merge tables split across pages
        List<OutlineParagraph> merged = new ArrayList<>();
        for (OutlineParagraph p : out) {
            OutlineParagraph prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (p.kind == Kind.TABLE && prev != null && prev.kind == Kind.TABLE) {
                String h1 = norm(prev.rows.get(0).toString());
                String h2 = norm(p.rows.get(0).toString());
                List<MappedText> rows = new ArrayList<>(p.rows);
                if (h1.equals(h2)) {
                    rows.remove(0);
                }
                for (MappedText r : rows) {
                    prev.rows.add(r);
                    prev.text.appendSynthetic("\n", r.sourceStart());
                    prev.text.append(r);
                }
                prev.srcEnd = p.srcEnd;
                applied.add("auto TABLE_PAGE_BREAK @" + p.srcStart + ": table continued on next page"
                        + (h1.equals(h2) ? " (repeated header dropped)" : ""));
                continue;
            }
            merged.add(p);
        }
        // REPLACE corrections last, on the joined text: a find text may span a former page break
        applyReplacements(merged, replaces, applied, warnings);
        return merged;
    }

    private static void applyReplacements(List<OutlineParagraph> merged, List<TextCorrection> replaces,
                                          List<String> applied, List<String> warnings) {
        for (TextCorrection c : replaces) {
            if (c.find() == null || c.find().isEmpty()) {
                warnings.add("correction " + c.id() + " REPLACE has no find text");
                continue;
            }
            int count = 0;
            for (OutlineParagraph p : merged) {
                if (p.kind != Kind.TEXT) {
                    continue;
                }
                if (!c.all() && count > 0) {
                    break;
                }
                String s = p.str();
                int idx = s.indexOf(c.find());
                while (idx >= 0) {
                    count++;
                    if (!c.all()) {
                        break;
                    }
                    idx = s.indexOf(c.find(), idx + c.find().length());
                }
                if (idx >= 0 || (c.all() && s.contains(c.find()))) {
                    p.text = p.text.replace(c.find(), c.replace() == null ? "" : c.replace(), c.all());
                }
            }
            if (count == 0) {
                // the find text may be written as in the raw source: normalise it like the parser cleans text
                String nf = ParagraphSegmenter.normalizeLikeText(c.find());
                String nr = c.replace() == null ? "" : ParagraphSegmenter.normalizeLikeText(c.replace());
                for (OutlineParagraph p : merged) {
                    if (p.kind != Kind.TEXT || (!c.all() && count > 0)) {
                        continue;
                    }
                    String s = p.str();
                    int idx = s.indexOf(nf);
                    while (idx >= 0 && !nf.isEmpty()) {
                        count++;
                        idx = c.all() ? s.indexOf(nf, idx + nf.length()) : -1;
                    }
                    if (!nf.isEmpty() && s.contains(nf) && !nf.equals(nr)) {
                        p.text = p.text.replace(nf, nr, c.all());
                    }
                }
                if (count == 0 && !nf.equals(c.find()) && merged.stream().anyMatch(p -> p.kind == Kind.TEXT
                        && p.str().contains(nr) && !nr.isEmpty())) {
                    applied.add(c.id() + " REPLACE \"" + c.find() + "\": already normalised by the parser");
                    continue;
                }
                boolean inTable = merged.stream().anyMatch(p -> p.kind == Kind.TABLE
                        && p.rows.stream().anyMatch(r -> norm(r.toString()).contains(norm(c.find().replaceAll("</?[a-zA-Z]+>", "")))));
                if (count == 0 && inTable) {
                    applied.add(c.id() + " REPLACE \"" + c.find() + "\": in a table; cell texts are normalised by the table reader");
                    continue;
                }
            }
            if (count == 0) {
                warnings.add("correction " + c.id() + " REPLACE: \"" + c.find() + "\" not found");
            } else {
                applied.add(c.id() + " REPLACE \"" + c.find() + "\" → \"" + c.replace() + "\" (" + count + "×)");
            }
        }
    }
}
