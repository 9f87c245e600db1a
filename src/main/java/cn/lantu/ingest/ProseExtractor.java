package cn.lantu.ingest;

import cn.lantu.outline.Cjk;
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
 */
final class ProseExtractor {

    static final String CN_DIGITS = "零〇一二两三四五六七八九十百千";
    private static final String BASE_UNITS = "元|美元|人次|人|名|家|个|所|项|条|座|处|套|间|户|亩|公里|千米|平方米|平方公里|米"
            + "|公顷|吨|千瓦时|千瓦|兆瓦|瓦|件|台|辆|张|场|届|床|篇|部|支|艘|架|标箱|立方米|公斤|斤|岁|倍|所|批次|栋|幢|盏|根|只|头|株|棵|册|种";
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<num>\\d+(?:\\.\\d+)?(?:\\s*[—–\\-~～至到]\\s*\\d+(?:\\.\\d+)?)?|[" + CN_DIGITS + "]{1,4})\\s*"
            + "(?<unit>个百分点|百分点|%|‰|微克/立方米|毫克/立方米|毫克/升|吨标准煤/万元|吨标准煤|立方米/万元|吨/万元|千克/万元"
            + "|分贝|(?:万亿|亿|万|千|百)?(?:" + BASE_UNITS + "))"
            + "(?<suf>及以上|以上|以下|以内|左右|多)?");
    private static final Pattern UNITLESS = Pattern.compile(
            "(?:缩小到|缩小至|缩小为|降至|降到|降低到|控制在|达到|提高到|提升到|保持在|稳定在|为)"
            + "(?<num>\\d+(?:\\.\\d+)?)(?<suf>以内|以下|左右|以上)?(?![\\d.%‰\\p{IsHan}])");
    private static final Pattern RANK = Pattern.compile(
            "(?<pre>第|前)\\s*(?<num>\\d{1,3}|[一二三四五六七八九十]{1,3})(?<unit>位|名|强)?");
    private static final Pattern YEAR_AHEAD = Pattern.compile(
            "(?:到|至|截至|截止到?)\\s*((?:19|20)\\d{2})\\s*年(?:底|末)?|((?:19|20)\\d{2})\\s*年(?=\\s*(?:力争|前|底|末|，|,|全市|全县|全区|实现|达到|建成))");
    private static final Pattern ANY_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern PLAN_END = Pattern.compile("(?:到|至)?“?十[一二三四五六七八九]五”?(?:期)?末");
    private static final Pattern RETRO_TITLE = Pattern.compile(
            ".*(现实基础|发展基础|发展成就|主要成就|取得的成就|成就回顾|回顾|发展现状|基础条件|工作总结|规划实施情况).*");
    private static final Pattern VALUE_VERB = Pattern.compile(
            "(突破|超过|超出|超|逾|近|约|缩小到|缩小至|缩小为|达到|达|提升到|提升至|提高到|提高至|增长到|增至|增加到|增加至|上升到|上升至|降至|降低到|降低至"
            + "|下降到|下降至|减少到|减少至|控制在|保持在|稳定在|不低于|不少于|不高于|不超过|高于|低于|大于|小于|增长|提高|提升"
            + "|下降|降低|减少|缩短至|缩短到|扩大到|扩大至|拓展到|翻番到|为|在)"
            + "(全国|全省|全市|全县|全区|全球|世界)?$");
    private static final Pattern LEADING_NOISE = Pattern.compile(
            "^(?:[、，,；：]|到|至|力争|争取|确保|努力|全力|积极稳妥|积极|稳妥|支持|推动|推进|基本|进一步|持续|逐步|每年|年均|全市|全县|全区|全镇|"
            + "同时|其中|并|且|使|让|将|要|以上|左右|“十[一二三四五六七八九]五”(?:期间|时期|末)?|期间|实现|(?:19|20)\\d{2}\\s*年(?:底|末)?|前|年)+");
    private static final Pattern ACHIEVE = Pattern.compile(
            "新增|新建|新改建|改扩建|建成|培育|打造|创建|创成|引进|招引|达到|突破|超过|超|提升|提高|增加|增至|实现|力争|争创|累计|建有|跻身|达|确保|培养");
    private static final Pattern PERIOD_VERB = Pattern.compile("新增|新建|培育|打造|创建|引进|招引|创成|培养|招聘|新开工|开工|完成投资");
    private static final Pattern CN_VERB_BEFORE = Pattern.compile(
            "(新增|新建|新建成|建成|建设|培育|打造|创建|创成|引进|招引|达到|突破|超过|超|力争|跻身|建有|累计|争创|扶持|认定|办好|举办)$");
    private static final Pattern GENERIC_NAME = Pattern.compile("^(产值|规模|营收|营业收入|产量|总产出|收入|增加值|总量|投资|产出|销售额|总额)$");
    private static final Pattern COVERAGE = Pattern.compile("(全覆盖|全域覆盖|全面覆盖|全部覆盖|覆盖率达到?100%)");
    private static final Pattern CLEAR = Pattern.compile("(动态清零|全部清零|基本清零|清零)");
    private static final Pattern FORWARD_CUE = Pattern.compile(
            "到|至|力争|争取|确保|每年|年均|新增|累计|预计|目标|达到|突破|实现|建成|培育|打造|不低于|以上|左右|以内|控制在");

    private final int planStart;
    private final int planEnd;
    private final String previousPlan;
    private final String codePrefix;

    ProseExtractor(int planStart, int planEnd, String previousPlan, String codePrefix) {
        this.planStart = planStart;
        this.planEnd = planEnd;
        this.previousPlan = previousPlan;
        this.codePrefix = codePrefix;
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
            boolean retroNode = isRetro(n, byKey);
            MappedText text = detail.nodeText().get(n.key());
            if (text == null) {
                continue;
            }
            String itemTitle = n.type() == NodeType.COLUMN_ITEM || n.type() == NodeType.MEASURE ? n.title() : null;
            for (int[] s : sentences(text.toString())) {
                processSentence(text, s[0], s[1], n, itemTitle, retroNode, targets, facts);
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

    private boolean isRetro(ParsedOutlineNode n, java.util.Map<String, ParsedOutlineNode> byKey) {
        ParsedOutlineNode p = n;
        while (p != null) {
            if ((p.type() == NodeType.SECTION || p.type() == NodeType.CHAPTER) && p.title() != null
                    && RETRO_TITLE.matcher(p.title()).matches()) {
                return true;
            }
            p = p.parentKey() == null ? null : byKey.get(p.parentKey());
        }
        return false;
    }

    /** Sentence spans [start, end) split at 。！？； and line breaks. */
    static List<int[]> sentences(String s) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '；' || c == '\n' || c == '!' || c == '?' || c == ';') {
                if (i + 1 < s.length() && (s.charAt(i + 1) == '”' || s.charAt(i + 1) == '’')) {
                    i++;
                }
                if (i + 1 > start) {
                    out.add(new int[] {start, i + 1});
                }
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(new int[] {start, s.length()});
        }
        return out;
    }

    /** Clause spans [start, end) inside a sentence, split at ，：, and (outside quotes). */
    private static List<int[]> clauses(String s, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '“' || c == '《' || c == '（' || c == '(') {
                depth++;
            } else if ((c == '”' || c == '》' || c == '）' || c == ')') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == '，' || c == '：' || c == ',' || c == ':')) {
                if (i > start) {
                    out.add(new int[] {start, i});
                }
                start = i + 1;
            }
        }
        if (start < to) {
            out.add(new int[] {start, to});
        }
        return out;
    }

    private record Q(int start, int end, int numStart, double value, Double valueMax, String unit, String suffix,
                     boolean chinese, boolean rank, String rankPre) {
    }

    private static boolean insideQuotes(String s, int pos, int from) {
        int depth = 0;
        for (int i = from; i < pos; i++) {
            char c = s.charAt(i);
            if (c == '“' || c == '「' || c == '《') {
                depth++;
            } else if ((c == '”' || c == '」' || c == '》') && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    private List<Q> quantities(String s, int from, int to) {
        List<Q> out = new ArrayList<>();
        Matcher m = QUANTITY.matcher(s).region(from, to);
        while (m.find()) {
            int ns = m.start("num");
            String num = m.group("num");
            String unit = m.group("unit");
            boolean chinese = !Character.isDigit(num.charAt(0));
            char before = ns > 0 ? s.charAt(ns - 1) : ' ';
            char after = m.end() < s.length() ? s.charAt(m.end()) : ' ';
            if (Character.isDigit(before) || before == '.' || (before < 128 && Character.isLetter(before))) {
                continue; // part of a code: G60, S309, 5G-A
            }
            if (unit.length() == 1 && unit.charAt(0) < 128 && Character.isLetter(unit.charAt(0))) {
                continue;
            }
            if (after < 128 && Character.isLetter(after) && !unit.equals("%")) {
                continue;
            }
            if (!chinese && num.matches("(19|20)\\d{2}") && unit.startsWith("年")) {
                continue;
            }
            if (insideQuotes(s, ns, from)) {
                continue; // slogans and names: “15分钟生活圈”, “1001种美好”
            }
            if (after == '“' || after == '”' || (after == '大' && chinese)) {
                continue; // 两个“全覆盖”, 三大差距
            }
            String rest = s.substring(m.end(), Math.min(to, m.end() + 2));
            if (rest.startsWith("级") || rest.startsWith("化") || rest.startsWith("体") || rest.startsWith("位一体")) {
                continue;
            }
            if (chinese) {
                String before6 = s.substring(Math.max(from, ns - 4), ns);
                String clauseHead = s.substring(from, ns).replaceAll("^[、，\\s]+", "");
                boolean endsClause = m.end() >= to || "，。；、".indexOf(s.charAt(m.end())) >= 0;
                boolean verbLed = clauseHead.matches("^(?:力争|积极|加快)?(?:新建|新增|建成|改扩建|培育|打造|创建|引进|建设).*")
                        && endsClause;
                if (!verbLed && !CN_VERB_BEFORE.matcher(before6).find() && !before6.endsWith("超")
                        && !before6.endsWith("近")) {
                    continue;
                }
                if (num.length() == 1 && (num.equals("一") || num.equals("十")) && unit.equals("个")) {
                    continue;
                }
                if (before == '第' || before == '每' || before == '前') {
                    continue;
                }
            }
            if ("种".equals(unit) || "种".equals(unit.substring(unit.length() - 1)) && !chinese) {
                // 种 only counts with a verb such as 新增 before; otherwise a label
                String before6 = s.substring(Math.max(from, ns - 4), ns);
                if (!CN_VERB_BEFORE.matcher(before6).find()) {
                    continue;
                }
            }
            double value;
            Double valueMax = null;
            if (chinese) {
                long v = Cjk.parseNumeral(num);
                if (v < 0) {
                    continue;
                }
                value = v;
            } else {
                String[] parts = num.split("\\s*[—–\\-~～至到]\\s*");
                value = Double.parseDouble(parts[0]);
                if (parts.length > 1) {
                    valueMax = Double.parseDouble(parts[1]);
                }
            }
            out.add(new Q(m.start(), m.end(), ns, value, valueMax, unit, m.group("suf"), chinese, false, null));
        }
        Matcher u = UNITLESS.matcher(s).region(from, to);
        while (u.find()) {
            String subject = s.substring(from, u.start());
            if (!subject.matches(".*(比|倍差|差距|系数|指数|比率|比例)$") || insideQuotes(s, u.start(), from)) {
                continue;
            }
            int ns = u.start("num");
            boolean overlaps = out.stream().anyMatch(q -> q.numStart() <= ns && ns < q.end());
            if (!overlaps) {
                out.add(new Q(ns, u.end(), ns, Double.parseDouble(u.group("num")), null, "", u.group("suf"), false,
                        false, null));
            }
        }
        Matcher r = RANK.matcher(s).region(from, to);
        while (r.find()) {
            String pre = r.group("pre");
            String num = r.group("num");
            String unit = r.group("unit");
            int ns = r.start("num");
            if (insideQuotes(s, r.start(), from)) {
                continue;
            }
            char after = r.end() < s.length() ? s.charAt(r.end()) : ' ';
            boolean chinese = !Character.isDigit(num.charAt(0));
            if (pre.equals("第")) {
                // 第12位 / 县域第3 (end of clause); not 第一方阵, 第二轮
                if (chinese || (unit == null && after != '，' && after != '。' && after != '、' && r.end() != to)) {
                    continue;
                }
            } else {
                // 前十 / 前10名 after 进位/进入/跻身/位居/保持/稳居
                String before = s.substring(Math.max(from, r.start() - 12), r.start());
                if (!before.matches(".*(进位|进入|跻身|位居|保持|稳居|位列|居).*")) {
                    continue;
                }
                if (after == '列' || after == '茅') {
                    continue;
                }
            }
            long v = Cjk.parseNumeral(num);
            if (v <= 0) {
                continue;
            }
            boolean overlaps = out.stream().anyMatch(q -> q.numStart() <= ns && ns < q.end());
            if (!overlaps) {
                out.add(new Q(r.start(), r.end(), ns, v, null, "位", null, chinese, true, pre));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private void processSentence(MappedText text, int ss, int se, ParsedOutlineNode node, String itemTitle, boolean retroNode,
                                 List<ProseTarget> targets, List<BaselineFact> facts) {
        String s = text.toString();
        String sentence = s.substring(ss, se).strip();
        if (sentence.isEmpty()) {
            return;
        }
        boolean retroSentence = retroNode || isRetroSentence(sentence);
        Integer sentenceYear = null;
        Matcher ya = YEAR_AHEAD.matcher(sentence);
        if (ya.find()) {
            sentenceYear = Integer.parseInt(ya.group(1) != null ? ya.group(1) : ya.group(2));
        } else if (PLAN_END.matcher(sentence).find()) {
            sentenceYear = planEnd;
        }
        if (!retroSentence && sentenceYear != null && sentenceYear < planStart && !sentence.contains("力争")) {
            retroSentence = true; // "2023 年 9 月…", "2025年超750亿元"
        }
        int sStart = text.sourceStart(ss);
        int sEnd = text.sourceEnd(se);
        String prevClause = null;
        int prevClauseStart = -1;
        int prevClauseEnd = -1;
        for (int[] c : clauses(s, ss, se)) {
            if (prevClauseEnd >= 0) {
                prevClause = s.substring(prevClauseStart, prevClauseEnd);
            }
            prevClauseStart = c[0];
            prevClauseEnd = c[1];
            String clause = s.substring(c[0], c[1]);
            List<Q> qs = quantities(s, c[0], c[1]);
            String prevVerb = null;
            int segStart = c[0];
            int before = targets.size();
            for (int qi = 0; qi < qs.size(); qi++) {
                Q q = qs.get(qi);
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
                if (enumeration(segment, q)) {
                    continue;
                }
                // clause-level year (2025年超750亿元)
                Integer year = sentenceYear;
                Matcher cy = ANY_YEAR.matcher(clause);
                Integer clauseYear = null;
                while (cy.find()) {
                    String pre = clause.substring(Math.max(0, cy.start() - 2), cy.start());
                    if (pre.endsWith("比") || pre.endsWith("较") || pre.endsWith("相比") || pre.endsWith("对比")) {
                        continue; // 比2025年下降14%: the base of a comparison
                    }
                    clauseYear = Integer.parseInt(cy.group(1));
                    break;
                }
                boolean retro = retroSentence || (clauseYear != null && clauseYear < planStart
                        && !clause.contains("到") && !clause.contains("力争"));
                String after = s.substring(q.end(), c[1]);
                Name nm = name(segment, after, q, prevVerb);
                Matcher vp = VERB_PREFIX.matcher(LEADING_NOISE.matcher(segment).replaceFirst(""));
                if (vp.lookingAt() && vp.end() > 0) {
                    prevVerb = vp.group();
                }
                String name = nm.name();
                boolean verbOnlyName = name.replaceAll(VERB_RUN, "").replaceAll("^(达|为|在|约|超)$", "").isEmpty();
                if (verbOnlyName && prevClause != null && qi == 0) {
                    String subject = LEADING_NOISE.matcher(prevClause).replaceFirst("");
                    Matcher pv = Pattern.compile("迈上|迈入|达到|突破|实现|提高|提升|增长|保持|超过|控制|稳定|进入").matcher(subject);
                    if (pv.find() && pv.start() >= 2) {
                        name = clean(subject.substring(0, pv.start()));
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
                        .strip().isEmpty() ? "\u0000" : lastChars(name))) {
                    int stop = q.end();
                    while (stop < c[1] && "，。；、".indexOf(s.charAt(stop)) < 0) {
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
                addTarget(targets, q, name, nm, segment, after, clause, prevClause, sentence, sentenceYear, clauseYear, quote,
                        qStart, qEnd, sStart, sEnd, node, qs, qi);
            }
            int added = targets.size() - before;
            if (added >= 2 && clause.contains("分别")) {
                List<String> names = respectivelyNames(clause, added);
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
            implicit(text, s, c, clause, sentence, retroSentence, sentenceYear, sStart, sEnd, node, targets, facts);
        }
    }

    private boolean isRetroSentence(String sentence) {
        return sentence.contains("“" + previousPlan + "”期间") || sentence.contains("“" + previousPlan + "”时期")
                || sentence.contains("“" + previousPlan + "”以来") || sentence.contains(previousPlan + "期间")
                || sentence.matches(".*(过去五年|五年来|近五年来|截至目前|截至20\\d\\d年底?).*");
    }

    private static boolean enumeration(String segment, Q q) {
        // "A、B、C 3个…" restates the count of a just-listed enumeration
        int items = 1;
        int depth = 0;
        for (char c : segment.toCharArray()) {
            if (c == '“' || c == '（') {
                depth++;
            } else if ((c == '”' || c == '）') && depth > 0) {
                depth--;
            } else if (c == '、' && depth == 0) {
                items++;
            }
        }
        return items >= 2 && q.value() == items;
    }

    private record Name(String name, String verb, boolean verbObject) {
    }

    /** A run of verbs that lead a "verb + value + object" or "verb + object + value" phrase. */
    static final String VERB_RUN = "^(?:成功|新增|新建成|新建|建成|建设|建有|拥有|培育|打造|创建|创成|引进|招引|推进|推动|实施|完成|"
            + "累计|招聘|扶持|认定|改造|提升|保障|支持|办好|举办|组织|开展|新开工|开工|谋划|储备|培养|引育|设立|新设|布局|争创|评选|达到|实现)+";
    private static final Pattern VERB_PREFIX = Pattern.compile("^(?:累计|新增)(?:培育|新建|建成|引进|创建|打造)?");

    private static int leadingSkip(String segment) {
        Matcher m = LEADING_NOISE.matcher(segment);
        return m.lookingAt() ? m.end() : 0;
    }

    private static String qualifier(String segment, Q q) {
        String t = segment.strip();
        for (String w : new String[] {"超过", "超", "逾", "近", "约", "累计", "达到", "达", "突破"}) {
            if (t.endsWith(w)) {
                return w;
            }
        }
        return q.suffix();
    }

    /** Metric name from the text before the value (subject + verb) or after it (verb + value + object). */
    private static Name name(String segment, String after, Q q, String prevVerb) {
        String seg = segment;
        // drop a leading year / intent / filler
        seg = LEADING_NOISE.matcher(seg).replaceFirst("");
        seg = seg.replaceAll("^(?:(?:19|20)\\d{2}\\s*年(?:底|末)?)", "");
        seg = LEADING_NOISE.matcher(seg).replaceFirst("");
        seg = seg.strip();
        if (q.rank()) {
            Matcher v = Pattern.compile("(进位|进入|跻身|位居|保持|稳居|位列|攀升至|上升至|提升至|居|排名)").matcher(seg);
            int vs = -1;
            int ve = -1;
            String vg = null;
            while (v.find()) {
                vs = v.start();
                ve = v.end();
                vg = v.group();
            }
            if (vs >= 0) {
                String joined = clean(seg.substring(0, vs) + seg.substring(ve));
                return new Name(joined.endsWith("排位") || joined.endsWith("排名") ? joined : joined + "排位", vg, false);
            }
            return new Name(clean(seg + "排位"), null, false);
        }
        Matcher vv = VALUE_VERB.matcher(seg);
        // find a value verb at the end of the segment
        String verb = null;
        String subject = seg;
        for (int cut = Math.max(0, seg.length() - 8); cut < seg.length(); cut++) {
            Matcher m = VALUE_VERB.matcher(seg.substring(cut));
            if (m.matches()) {
                verb = m.group(1);
                subject = seg.substring(0, cut);
                break;
            }
        }
        String subjectNoVerb = subject.replaceAll(VERB_RUN, "");
        if (verb != null && !subject.isEmpty() && !subjectNoVerb.isEmpty()) {
            String name = clean(subject).replaceAll("(?:力争|争取|确保|力求|要|将|年均|每年|平均每年)+$", "");
            if (("增长".equals(verb) || "下降".equals(verb) || "降低".equals(verb)) && !name.endsWith(verb)) {
                name = name + verb;
            }
            if (q.unit().contains("%") && after.length() > 0 && after.length() <= 4 && !after.matches(".*[，。；].*")) {
                name = name + after.strip();
            }
            return new Name(name, verb, false);
        }
        // verb + object + value (新增上市企业8家) or verb + value + object (培育3个学前教育“优共体”群)
        String verbOnly = seg.replaceAll(VERB_RUN, "");
        String objectAfter = after.replaceAll("^(?:及以上|以上|左右|以内|多)", "");
        int cut = objectAfter.length();
        for (int i = 0; i < objectAfter.length(); i++) {
            char c = objectAfter.charAt(i);
            if (c == '，' || c == '；' || c == '。' || c == '、') {
                cut = i;
                break;
            }
        }
        objectAfter = objectAfter.substring(0, cut).strip();
        if ((verbOnly.isEmpty() || seg.matches(".*[和及与]$")) && !objectAfter.isEmpty()) {
            if (!verbOnly.isEmpty()) {
                return new Name(clean(objectAfter), null, true);
            }
            String name = clean(seg + objectAfter);
            if (q.unit().contains("%") && !name.endsWith("率") && !name.endsWith("比") && !name.endsWith("比重")) {
                name = name + "率";
            }
            return new Name(name, seg, true);
        }
        if (seg.isEmpty() && prevVerb == null) {
            return new Name(clean(objectAfter), null, true);
        }
        String name = clean(seg);
        if (prevVerb != null && segment.startsWith("、") && !name.startsWith(prevVerb)
                && !VALUE_VERB.matcher(name).find() && name.equals(name.replaceAll(VERB_RUN, ""))) {
            name = prevVerb + name;
        }
        if (q.unit().contains("%") && !objectAfter.isEmpty() && objectAfter.length() <= 4) {
            name = name + objectAfter + (name.endsWith("率") ? "" : "率");
        }
        String lead = seg.length() >= 2 ? seg.substring(0, 2) : seg;
        return new Name(name, PERIOD_VERB.matcher(lead).lookingAt() || lead.startsWith("累计") ? lead : null, true);
    }

    private static String lastChars(String name) {
        return name.length() <= 2 ? name : name.substring(name.length() - 2);
    }

    private static String clean(String s) {
        String t = s.strip();
        t = t.replaceAll("^[、，,；：]+", "").replaceAll("[、，,；：等]+$", "").strip();
        t = t.replaceAll("^(?:全市|全县|全区)", "");
        t = t.replaceAll("^\\d{1,2}[.．、](?!\\d)", "");
        t = t.replaceAll("(?:比|较|相比)?(?:19|20)\\d{2}\\s*年(?:底|末)?", "");
        return t.strip();
    }

    private void addTarget(List<ProseTarget> targets, Q q, String name, Name nm, String segment, String after,
                           String clause, String prevClause, String sentence, Integer sentenceYear, Integer clauseYear, String quote,
                           int qStart, int qEnd, int sStart, int sEnd, ParsedOutlineNode node, List<Q> qs, int qi) {
        List<String> reasons = new ArrayList<>();
        double confidence = 0.9;
        String context = sentence;
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
            reasons.add("range " + fmt(q.value()) + "–" + fmt(q.valueMax()) + ": value is the lower bound");
        }
        // horizon
        String horizon;
        Integer targetYear;
        String lead = (segment + clause).replaceAll("\\s", "");
        boolean annual = clause.matches(".*(每年|年均|年度|逐年|平均每年).*");
        boolean periodVerb = nm.verb() != null && PERIOD_VERB.matcher(nm.verb()).find()
                || clause.matches(".*(新增|新建成|新建|“十[一二三四五六七八九]五”期间|五年累计|期间累计|五年完成|五年内).*");
        if (annual) {
            horizon = "ANNUAL";
            targetYear = null;
        } else if (periodVerb && !clause.contains("累计建")) {
            horizon = "PERIOD";
            targetYear = clauseYear != null && clauseYear >= planStart ? clauseYear : sentenceYear != null ? sentenceYear : planEnd;
        } else {
            horizon = "TARGET_YEAR";
            targetYear = clauseYear != null && clauseYear >= planStart ? clauseYear : sentenceYear != null ? sentenceYear : planEnd;
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
        if (!FORWARD_CUE.matcher(sentence).find() && sentenceYear == null) {
            confidence -= 0.15;
            reasons.add("no explicit forward-looking cue");
        }
        if ("EXACT".equals(comparator)) {
            reasons.add("no comparator word; taken as EXACT");
            confidence -= 0.05;
        }
        for (ProseTarget t : targets) {
            if (t.start() == sStart && t.value() == q.value() && t.unit().equals(q.unit()) && t.name().equals(name)) {
                return;
            }
        }
        targets.add(new ProseTarget(null, name, q.value(), q.valueMax(), q.unit(), comparator, horizon, targetYear, kind,
                direction, quote, qStart, qEnd, sentence, sStart, sEnd, node.key(), round(confidence),
                reasons.isEmpty() ? null : String.join("; ", reasons)));
    }

    private static boolean firstClauseMentions(String sentence, String clause) {
        int i = sentence.indexOf(clause);
        String before = i > 0 ? sentence.substring(0, i) : "";
        return before.matches(".*(每年|年均).*") && !before.matches(".*(到|至)\\s*20\\d\\d.*");
    }

    /** Names for "A、B…X分别达x、y": the subject list with its common suffix distributed over the values. */
    static List<String> respectivelyNames(String clause, int n) {
        int idx = clause.indexOf("分别");
        if (idx < 0) {
            return null;
        }
        String subject = clause.substring(0, idx);
        subject = LEADING_NOISE.matcher(subject).replaceFirst("");
        subject = subject.replaceAll("^(?:实现|达到|推动|确保|使)+", "");
        String[] parts = subject.split("、");
        if (parts.length != n || n < 2) {
            return null;
        }
        String last = parts[parts.length - 1];
        String first = parts[0];
        if (first.isEmpty()) {
            return null;
        }
        char tail = first.charAt(first.length() - 1);
        int split = last.indexOf(tail, 1);
        String suffix = split >= 0 ? last.substring(split + 1) : "";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && split >= 0) {
                p = last.substring(0, split + 1);
            }
            names.add(clean(p + suffix));
        }
        return names;
    }

    private void implicit(MappedText text, String s, int[] c, String clause, String sentence, boolean retro,
                          Integer sentenceYear, int sStart, int sEnd, ParsedOutlineNode node, List<ProseTarget> targets,
                          List<BaselineFact> facts) {
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
        } else if (insideQuotes(clause, at, 0)) {
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
        subj = LEADING_NOISE.matcher(subj).replaceFirst("").strip();
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
        subj = clean(subj);
        if (subj.isEmpty() || subj.length() > 30) {
            return;
        }
        List<String> subjects = new ArrayList<>();
        Matcher count = Pattern.compile("([两二三四五])个“?$").matcher(subject.replaceAll("“$", ""));
        if (count.find()) {
            int n = (int) Cjk.parseNumeral(count.group(1));
            String[] parts = subj.split("和|、|及|与");
            if (parts.length == n) {
                String common = "";
                for (String part : parts) {
                    subjects.add(clean(part));
                }
            }
        }
        if (subjects.isEmpty()) {
            subjects.add(subj);
        }
        for (String sub : subjects) {
            addImplicit(text, s, c, sub, subject, endAt, coverage, retro, sentence, sentenceYear, sStart, sEnd, node,
                    targets, facts);
        }
    }

    private void addImplicit(MappedText text, String s, int[] c, String subj, String subject, int endAt,
                             boolean coverage, boolean retro, String sentence, Integer sentenceYear, int sStart,
                             int sEnd, ParsedOutlineNode node, List<ProseTarget> targets, List<BaselineFact> facts) {
        String name = coverage ? subj + "覆盖率" : subj + "数量";
        double value = coverage ? 100 : 0;
        String unit = coverage ? "%" : "个";
        int qs = c[0] + Math.max(0, subject.indexOf(subj.isEmpty() ? " " : subj.substring(0, 1)));
        int qe = c[0] + endAt;
        String quote = s.substring(Math.min(qs, qe), qe);
        int qStart = text.sourceStart(Math.min(qs, qe));
        int qEnd = text.sourceEnd(qe);
        if (retro) {
            facts.add(new BaselineFact(name, value, unit, null, null, null, quote, qStart, qEnd, sentence, sStart, sEnd,
                    node.key(), 0.7, "implicit value: " + (coverage ? "全覆盖 = 100%" : "清零 = 0")));
            return;
        }
        Integer year = sentenceYear != null ? sentenceYear : planEnd;
        targets.add(new ProseTarget(null, name, value, null, unit, coverage ? "AT_LEAST" : "AT_MOST", "TARGET_YEAR",
                year, "LEVEL", coverage ? "UP" : "DOWN", quote, qStart, qEnd, sentence, sStart, sEnd, node.key(), 0.75,
                "implicit value: " + (coverage ? "全覆盖 = 100%" : "清零 = 0")));
    }

    private static double round(double d) {
        return Math.round(Math.max(0.1, Math.min(1.0, d)) * 100) / 100.0;
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
