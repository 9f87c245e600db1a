package cn.lantu.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides what a forward-looking value means: comparator (以上 = at least, 控制在 = at most), horizon (a year-end
 * level, a five-year total or a yearly rate), kind and direction, and how far the wording can be trusted.
 */
final class ProseTargetClassifier {

    private static final Pattern ACHIEVE = Pattern.compile(
            "新增|新建|新改建|改扩建|建成|培育|打造|创建|创成|引进|招引|达到|突破|超过|超|提升|提高|增加|增至|实现|力争|争创|累计|建有|跻身|达|确保|培养");
    private static final Pattern FORWARD_CUE = Pattern.compile(
            "到|至|力争|争取|确保|每年|年均|新增|累计|预计|目标|达到|突破|实现|建成|培育|打造|不低于|以上|左右|以内|控制在");

    private final int planStart;
    private final int planEnd;

    ProseTargetClassifier(int planStart, int planEnd) {
        this.planStart = planStart;
        this.planEnd = planEnd;
    }

    /** Classifies the value and adds it as a target, unless the sentence already gave the same one. */
    void addTarget(List<ProseTarget> targets, ProseQuantity q, String name, MetricNamer.Name nm, String segment,
                   String clause, Integer clauseYear, String quote, int qStart, int qEnd, ProseSentence sentence) {
        List<String> reasons = new ArrayList<>();
        double confidence = 0.9;
        // comparator
        String comparator;
        String suf = q.suffix();
        String verb = nm.verb() == null ? "" : nm.verb();
        String segTail = segment.strip();
        boolean atLeastWord = verb.matches(".*(不低于|不少于).*");
        boolean down = !atLeastWord && (verb.matches(".*(降|减|控制|不高于|不超过|低于|缩短).*") || "以内".equals(suf)
                || "以下".equals(suf));
        if ("以上".equals(suf) || "及以上".equals(suf) || "多".equals(suf)) {
            comparator = "AT_LEAST";
        } else if ("左右".equals(suf)) {
            comparator = "ABOUT";
        } else if ("以内".equals(suf) || "以下".equals(suf)) {
            comparator = "AT_MOST";
        } else if (segTail.endsWith("约") || segTail.endsWith("近")) {
            comparator = "ABOUT";
        } else if (q.rank()) {
            comparator = "AT_MOST";
        } else if (atLeastWord || (q.value() == 100 && q.unit().equals("%"))) {
            comparator = "AT_LEAST";
        } else if (verb.matches(".*(控制在|不高于|不超过|降至|降低到|降低至|下降到|下降至|减少到|减少至|低于|缩短至|缩短到).*")) {
            comparator = "AT_MOST";
        } else if (ACHIEVE.matcher(clause).find()) {
            comparator = "AT_LEAST";
        } else {
            comparator = "EXACT";
        }
        if (q.valueMax() != null) {
            reasons.add("range " + ProseExtractor.fmt(q.value()) + "–" + ProseExtractor.fmt(q.valueMax())
                    + ": value is the lower bound");
        }
        // horizon
        String horizon;
        Integer targetYear;
        boolean annual = clause.matches(".*(每年|年均|年度|逐年|平均每年).*");
        boolean periodVerb = nm.verb() != null && MetricNamer.PERIOD_VERB.matcher(nm.verb()).find()
                || clause.matches(".*(新增|新建成|新建|“十[一二三四五六七八九]五”期间|五年累计|期间累计|五年完成|五年内).*");
        if (annual) {
            horizon = "ANNUAL";
            targetYear = null;
        } else if (periodVerb && !clause.contains("累计建")) {
            horizon = "PERIOD";
            targetYear = clauseYear != null && clauseYear >= planStart ? clauseYear
                    : sentence.year() != null ? sentence.year() : planEnd;
        } else {
            horizon = "TARGET_YEAR";
            targetYear = clauseYear != null && clauseYear >= planStart ? clauseYear
                    : sentence.year() != null ? sentence.year() : planEnd;
        }
        // kind & direction
        String kind;
        String direction = down ? "DOWN" : "UP";
        if (name.matches(".*(增长|增速)$") || verb.equals("增长")) {
            kind = "GROWTH";
        } else if (verb.matches("下降|降低|减少") || name.matches(".*(下降|降低)率?$")) {
            kind = "DECLINE";
            direction = "DOWN";
        } else if (horizon.equals("PERIOD") || (horizon.equals("ANNUAL") && !q.unit().contains("%"))) {
            kind = "CUMULATIVE";
        } else {
            kind = "LEVEL";
        }
        if (q.rank()) {
            direction = "DOWN";
        }
        if (q.chinese()) {
            confidence -= 0.05;
            reasons.add("value written in Chinese numerals");
        }
        if (name.length() < 3) {
            confidence -= 0.25;
            reasons.add("metric name unclear");
        } else if (name.length() > 30) {
            confidence -= 0.15;
            reasons.add("long metric name, may include qualifiers");
        }
        if (!FORWARD_CUE.matcher(sentence.text()).find() && sentence.year() == null) {
            confidence -= 0.15;
            reasons.add("no explicit forward-looking cue");
        }
        if ("EXACT".equals(comparator)) {
            reasons.add("no comparator word; taken as EXACT");
            confidence -= 0.05;
        }
        for (ProseTarget t : targets) {
            if (t.start() == sentence.sourceStart() && t.value() == q.value() && t.unit().equals(q.unit())
                    && t.name().equals(name)) {
                return;
            }
        }
        targets.add(new ProseTarget(null, name, q.value(), q.valueMax(), q.unit(), comparator, horizon, targetYear, kind,
                direction, quote, qStart, qEnd, sentence.text(), sentence.sourceStart(), sentence.sourceEnd(),
                sentence.outlineKey(), round(confidence), reasons.isEmpty() ? null : String.join("; ", reasons)));
    }

    private static double round(double d) {
        return Math.round(Math.max(0.1, Math.min(1.0, d)) * 100) / 100.0;
    }
}
