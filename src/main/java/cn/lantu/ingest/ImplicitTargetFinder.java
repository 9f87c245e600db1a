package cn.lantu.ingest;

import cn.lantu.outline.Cjk;
import cn.lantu.outline.MappedText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Targets stated without a number: 全覆盖 means 100% coverage and 清零 means a count of zero. "实现两个“全覆盖”"
 * over two subjects yields one target each; in a review section the same wording is a baseline fact.
 */
final class ImplicitTargetFinder {

    private static final Pattern COVERAGE = Pattern.compile("(全覆盖|全域覆盖|全面覆盖|全部覆盖|覆盖率达到?100%)");
    private static final Pattern CLEAR = Pattern.compile("(动态清零|全部清零|基本清零|清零)");

    private final int planEnd;

    ImplicitTargetFinder(int planEnd) {
        this.planEnd = planEnd;
    }

    /** Adds the implicit targets (or, when {@code retro}, facts) of the clause starting at {@code clauseStart}. */
    void find(MappedText text, String s, int clauseStart, String clause, ProseSentence sentence, boolean retro,
              List<ProseTarget> targets, List<BaselineFact> facts) {
        Matcher cov = COVERAGE.matcher(clause);
        Matcher clr = CLEAR.matcher(clause);
        boolean coverage = cov.find();
        boolean clear = !coverage && clr.find();
        if (!coverage && !clear) {
            return;
        }
        int at = coverage ? cov.start() : clr.start();
        int endAt = coverage ? cov.end() : clr.end();
        boolean quotedWord = at > 0 && clause.charAt(at - 1) == '“' && endAt < clause.length()
                && clause.charAt(endAt) == '”';
        if (quotedWord) {
            endAt++;
        } else if (ProseSegmenter.insideQuotes(clause, at, 0)) {
            return;
        }
        String tail = clause.substring(endAt).replaceAll("[。；！\\s]+$", "");
        if (!tail.isEmpty() && !tail.startsWith("、") && !tail.matches("(目标|要求|工作)?")) {
            return; // "全域覆盖的…体系": an attribute, not a target
        }
        String subject = clause.substring(0, at);
        String verbs = "(基本实现|全面实现|实现|推进|推动|力争|确保|达到)";
        String trimmed = subject.replaceAll(verbs + "$", "");
        int verbAt = -1;
        Matcher v = Pattern.compile(verbs).matcher(trimmed);
        while (v.find()) {
            verbAt = v.end();
        }
        String subj = verbAt >= 0 ? trimmed.substring(verbAt) : trimmed;
        subj = subj.replaceAll("“$", "").replaceAll("[两二三四五]个$", "").replaceAll("动态$", "");
        subj = MetricNamer.LEADING_NOISE.matcher(subj).replaceFirst("").strip();
        if (clear && subj.contains("、")) {
            String[] parts = subj.split("、");
            int keep = parts.length;
            for (int i = parts.length - 1; i >= 0; i--) {
                if (parts[i].length() > 8 || parts[i].matches(".*(有效|预防|加强|提升|推进|化解).*")) {
                    break;
                }
                keep = i;
            }
            subj = String.join("、", java.util.Arrays.copyOfRange(parts, keep, parts.length));
        }
        subj = MetricNamer.clean(subj);
        if (subj.isEmpty() || subj.length() > 30) {
            return;
        }
        List<String> subjects = new ArrayList<>();
        Matcher count = Pattern.compile("([两二三四五])个“?$").matcher(subject.replaceAll("“$", ""));
        if (count.find()) {
            int n = (int) Cjk.parseNumeral(count.group(1));
            String[] parts = subj.split("和|、|及|与");
            if (parts.length == n) {
                for (String part : parts) {
                    subjects.add(MetricNamer.clean(part));
                }
            }
        }
        if (subjects.isEmpty()) {
            subjects.add(subj);
        }
        for (String sub : subjects) {
            addImplicit(text, s, clauseStart, sub, subject, endAt, coverage, retro, sentence, targets, facts);
        }
    }

    private void addImplicit(MappedText text, String s, int clauseStart, String subj, String subject, int endAt,
                             boolean coverage, boolean retro, ProseSentence sentence, List<ProseTarget> targets,
                             List<BaselineFact> facts) {
        String name = coverage ? subj + "覆盖率" : subj + "数量";
        double value = coverage ? 100 : 0;
        String unit = coverage ? "%" : "个";
        int qs = clauseStart + Math.max(0, subject.indexOf(subj.isEmpty() ? " " : subj.substring(0, 1)));
        int qe = clauseStart + endAt;
        String quote = s.substring(Math.min(qs, qe), qe);
        int qStart = text.sourceStart(Math.min(qs, qe));
        int qEnd = text.sourceEnd(qe);
        if (retro) {
            facts.add(new BaselineFact(name, value, unit, null, null, null, quote, qStart, qEnd, sentence.text(),
                    sentence.sourceStart(), sentence.sourceEnd(), sentence.outlineKey(), 0.7,
                    "implicit value: " + (coverage ? "全覆盖 = 100%" : "清零 = 0")));
            return;
        }
        Integer year = sentence.year() != null ? sentence.year() : planEnd;
        targets.add(new ProseTarget(null, name, value, null, unit, coverage ? "AT_LEAST" : "AT_MOST", "TARGET_YEAR",
                year, "LEVEL", coverage ? "UP" : "DOWN", quote, qStart, qEnd, sentence.text(), sentence.sourceStart(),
                sentence.sourceEnd(), sentence.outlineKey(), 0.75,
                "implicit value: " + (coverage ? "全覆盖 = 100%" : "清零 = 0")));
    }
}
