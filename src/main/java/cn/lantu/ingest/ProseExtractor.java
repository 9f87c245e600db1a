package cn.lantu.ingest;

import cn.lantu.outline.MappedText;
import cn.lantu.outline.NodeType;
import cn.lantu.outline.ParsedOutlineNode;
import cn.lantu.outline.OutlineParser;
import cn.lantu.outline.ParsedOutline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds quantified targets in an outline's prose and tells them apart from retrospective baseline facts.
 *
 * <p>Works from the conventions of the genre rather than from one outline's wording: a value needs a unit
 * (亿元, 家, %, 个百分点…); numbers inside quotation marks, glued to Latin letters (G60, 5G-A) or without a
 * unit (3366交通圈) are names; a count that merely restates a just-listed enumeration (A、B、C 3个) is not a
 * target; a value followed closely by another value in the same clause qualifies the name (营收超10亿元以上企业
 * 25家). Review sections (现实基础, 发展成就…) and sentences about the previous plan period yield baseline facts.
 *
 * <p>This class walks the outline clause by clause and decides between target and baseline fact; the steps live in
 * {@link ProseSegmenter}, {@link QuantityRecognizer}, {@link MetricNamer}, {@link NonTargetRules},
 * {@link ProseTargetClassifier} and {@link ImplicitTargetFinder}.
 */
final class ProseExtractor {

    private static final Pattern GENERIC_NAME = Pattern.compile("^(产值|规模|营收|营业收入|产量|总产出|收入|增加值|总量|投资|产出|销售额|总额)$");
    /** A verb carried over to the following items of an enumeration (新增A、B…). */
    private static final Pattern VERB_PREFIX = Pattern.compile("^(?:累计|新增)(?:培育|新建|建成|引进|创建|打造)?");

    private final int planStart;
    private final int planEnd;
    private final String previousPlan;
    private final String codePrefix;
    private final ProseTargetClassifier classifier;
    private final ImplicitTargetFinder implicitTargets;

    ProseExtractor(int planStart, int planEnd, String previousPlan, String codePrefix) {
        this.planStart = planStart;
        this.planEnd = planEnd;
        this.previousPlan = previousPlan;
        this.codePrefix = codePrefix;
        this.classifier = new ProseTargetClassifier(planStart, planEnd);
        this.implicitTargets = new ImplicitTargetFinder(planEnd);
    }

    record Result(List<ProseTarget> targets, List<BaselineFact> facts) {
    }

    Result extract(OutlineParser.Detail detail, Set<String> skipKeys) {
        ParsedOutline outline = detail.outline();
        List<ProseTarget> targets = new ArrayList<>();
        List<BaselineFact> facts = new ArrayList<>();
        java.util.Map<String, ParsedOutlineNode> byKey = new java.util.HashMap<>();
        for (ParsedOutlineNode n : outline.nodes()) {
            byKey.put(n.key(), n);
        }
        Set<String> hasChildren = new HashSet<>();
        for (ParsedOutlineNode n : outline.nodes()) {
            if (n.parentKey() != null) {
                hasChildren.add(n.parentKey());
            }
        }
        Set<String> reviewKeys = NonTargetRules.reviewSections(outline.nodes(), detail.nodeText(), planStart,
                previousPlan, byKey);
        for (ParsedOutlineNode n : outline.nodes()) {
            if (n.parentKey() == null || skipKeys.contains(n.key())) {
                continue;
            }
            switch (n.type()) {
                case MEASURE, PARAGRAPH, COLUMN_ITEM -> {
                }
                case COLUMN_GROUP -> {
                    if (hasChildren.contains(n.key())) {
                        continue;
                    }
                }
                default -> {
                    continue;
                }
            }
            ParsedOutlineNode parent = byKey.get(n.parentKey());
            if (parent != null && parent.type() == NodeType.TABLE) {
                continue;
            }
            boolean retroNode = NonTargetRules.inReviewSection(n, byKey, reviewKeys);
            MappedText text = detail.nodeText().get(n.key());
            if (text == null) {
                continue;
            }
            String itemTitle = n.type() == NodeType.COLUMN_ITEM || n.type() == NodeType.MEASURE ? n.title() : null;
            for (ProseSegmenter.Span s : ProseSegmenter.sentences(text.toString())) {
                processSentence(text, s.start(), s.end(), n, itemTitle, retroNode, targets, facts);
            }
        }
        List<ProseTarget> coded = new ArrayList<>();
        int k = 0;
        for (ProseTarget t : targets) {
            k++;
            coded.add(new ProseTarget(codePrefix + "T" + String.format(Locale.ROOT, "%03d", k), t.name(), t.value(),
                    t.valueMax(), t.unit(), t.comparator(), t.horizon(), t.targetYear(), t.kind(), t.direction(),
                    t.quote(), t.quoteStart(), t.quoteEnd(), t.sourceText(), t.start(), t.end(), t.outlineKey(),
                    t.confidence(), t.reason()));
        }
        return new Result(coded, facts);
    }

    private void processSentence(MappedText text, int ss, int se, ParsedOutlineNode node, String itemTitle, boolean retroNode,
                                 List<ProseTarget> targets, List<BaselineFact> facts) {
        String s = text.toString();
        String sentence = s.substring(ss, se).strip();
        if (sentence.isEmpty()) {
            return;
        }
        boolean retroSentence = retroNode || NonTargetRules.retrospectiveSentence(sentence, previousPlan);
        Integer sentenceYear = QuantityRecognizer.sentenceYear(sentence, planEnd);
        if (!retroSentence && sentenceYear != null && sentenceYear < planStart && !sentence.contains("力争")) {
            retroSentence = true; // "2023 年 9 月…", "2025年超750亿元"
        }
        int sStart = text.sourceStart(ss);
        int sEnd = text.sourceEnd(se);
        ProseSentence proseSentence = new ProseSentence(sentence, sStart, sEnd, sentenceYear, node.key());
        String prevClause = null;
        int prevClauseStart = -1;
        int prevClauseEnd = -1;
        for (ProseSegmenter.Span c : ProseSegmenter.clauses(s, ss, se)) {
            if (prevClauseEnd >= 0) {
                prevClause = s.substring(prevClauseStart, prevClauseEnd);
            }
            prevClauseStart = c.start();
            prevClauseEnd = c.end();
            String clause = s.substring(c.start(), c.end());
            List<ProseQuantity> qs = QuantityRecognizer.find(s, c.start(), c.end());
            String prevVerb = null;
            int segStart = c.start();
            int before = targets.size();
            for (int qi = 0; qi < qs.size(); qi++) {
                ProseQuantity q = qs.get(qi);
                // qualifier of a following value: 营收超10亿元以上企业25家
                if (qi + 1 < qs.size()) {
                    String between = s.substring(q.end(), qs.get(qi + 1).numStart());
                    if (between.length() <= 12 && !between.matches(".*[、，；和及与].*") && !between.isEmpty()) {
                        continue;
                    }
                }
                String segment = s.substring(segStart, q.rank() ? q.start() : q.numStart());
                int nameStart = segStart;
                segStart = q.end();
                if (NonTargetRules.restatesEnumeration(segment, q)) {
                    continue;
                }
                // clause-level year (2025年超750亿元)
                Integer clauseYear = QuantityRecognizer.clauseYear(clause);
                boolean retro = retroSentence || (clauseYear != null && clauseYear < planStart
                        && !clause.contains("到") && !clause.contains("力争"));
                String after = s.substring(q.end(), c.end());
                MetricNamer.Name nm = MetricNamer.name(segment, after, q, prevVerb);
                Matcher vp = VERB_PREFIX.matcher(MetricNamer.LEADING_NOISE.matcher(segment).replaceFirst(""));
                if (vp.lookingAt() && vp.end() > 0) {
                    prevVerb = vp.group();
                }
                String name = nm.name();
                boolean verbOnlyName = name.replaceAll(MetricNamer.VERB_RUN, "").replaceAll("^(达|为|在|约|超)$", "").isEmpty();
                if (verbOnlyName && prevClause != null && qi == 0) {
                    String subject = MetricNamer.LEADING_NOISE.matcher(prevClause).replaceFirst("");
                    Matcher pv = Pattern.compile("迈上|迈入|达到|突破|实现|提高|提升|增长|保持|超过|控制|稳定|进入").matcher(subject);
                    if (pv.find() && pv.start() >= 2) {
                        name = MetricNamer.clean(subject.substring(0, pv.start()));
                    }
                }
                if (itemTitle != null && (name.isEmpty() || GENERIC_NAME.matcher(name).matches())) {
                    name = itemTitle + name;
                }
                int qa = nameStart;
                while (qa < q.numStart() && "、，,；：".indexOf(s.charAt(qa)) >= 0) {
                    qa++;
                }
                int qb = q.end();
                if (nm.verbObject() && !after.isEmpty() && !name.isEmpty()
                        && name.endsWith(after.replaceAll("[，。；、].*$", "").replaceAll("^(?:及以上|以上|左右|以内|多)", "")
                        .strip().isEmpty() ? "\u0000" : MetricNamer.lastChars(name))) {
                    int stop = q.end();
                    while (stop < c.end() && "，。；、".indexOf(s.charAt(stop)) < 0) {
                        stop++;
                    }
                    qb = stop;
                }
                int qStart = text.sourceStart(qa);
                int qEnd = text.sourceEnd(qb);
                String quote = s.substring(qa, qb);
                if (retro) {
                    String period = sentence.contains(previousPlan) ? "“" + previousPlan + "”期间"
                            : sentence.matches(".*(五年来|过去五年).*") ? "五年来" : null;
                    String qualifier = qualifier(segment, q);
                    facts.add(new BaselineFact(name.isEmpty() ? clause : name, q.value(), q.unit(),
                            clauseYear != null ? clauseYear : (sentenceYear != null && sentenceYear < planStart ? sentenceYear : null),
                            period, qualifier, quote, qStart, qEnd, sentence, sStart, sEnd, node.key(),
                            retroNode ? 0.9 : 0.7, retroNode ? null : "retrospective wording in a forward section"));
                    continue;
                }
                if (q.unit().equals("次") && !segment.matches(".*(开展|举办|组织).*")) {
                    continue; // 先后5次被推广: counts of past events
                }
                classifier.addTarget(targets, q, name, nm, segment, clause, clauseYear, quote, qStart, qEnd,
                        proseSentence);
            }
            int added = targets.size() - before;
            if (added >= 2 && clause.contains("分别")) {
                List<String> names = MetricNamer.respectivelyNames(clause, added);
                if (names != null) {
                    for (int i = 0; i < added; i++) {
                        ProseTarget t = targets.get(before + i);
                        targets.set(before + i, new ProseTarget(t.code(), names.get(i), t.value(), t.valueMax(), t.unit(),
                                t.comparator(), t.horizon(), t.targetYear(), t.kind(), t.direction(), t.quote(),
                                t.quoteStart(), t.quoteEnd(), t.sourceText(), t.start(), t.end(), t.outlineKey(),
                                t.confidence(), t.reason()));
                    }
                }
            }
            // implicit values: 全覆盖 = 100%, 清零 = 0
            implicitTargets.find(text, s, c.start(), clause, proseSentence, retroSentence, targets, facts);
        }
    }

    /** The word before a baseline value that qualifies it (超过, 近, 累计…), else the suffix (以上, 左右…). */
    private static String qualifier(String segment, ProseQuantity q) {
        String t = segment.strip();
        for (String w : new String[] {"超过", "超", "逾", "近", "约", "累计", "达到", "达", "突破"}) {
            if (t.endsWith(w)) {
                return w;
            }
        }
        return q.suffix();
    }

    /** A value as written: 12 rather than 12.0. */
    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
