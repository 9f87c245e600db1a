package cn.lantu.ingest;

import cn.lantu.outline.Cjk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises values with their units and the years they refer to. A value needs a unit; numbers glued to Latin
 * letters (G60, 5G-A), inside quotation marks or forming a word (三级, 一体化) are names, not values.
 */
final class QuantityRecognizer {

    private static final String CN_DIGITS = "零〇一二两三四五六七八九十百千";
    private static final String BASE_UNITS = "元|美元|人次|人|名|家|个|所|项|条|座|处|套|间|户|亩|公里|千米|平方米|平方公里|米"
            + "|公顷|吨|千瓦时|千瓦|兆瓦|瓦|件|台|辆|张|场|届|床|篇|部|支|艘|架|标箱|立方米|公斤|斤|岁|倍|所|批次|栋|幢|盏|根|只|头|株|棵|册|种|架次|次";
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<num>\\d+(?:\\.\\d+)?(?:\\s*[—–\\-~～〜至到]\\s*\\d+(?:\\.\\d+)?)?|[" + CN_DIGITS + "]{1,4})\\s*"
            + "(?<unit>个百分点|百分点|%|‰|微克/立方米|毫克/立方米|毫克/升|吨标准煤/万元|吨标准煤|立方米/万元|吨/万元|千克/万元"
            + "|分贝|[EPT]FLOPS|[EPT]Flops|(?:万亿|亿|万|千|百)?(?:" + BASE_UNITS + ")|(?:万亿|亿|万)(?=[，。；、]|$))"
            + "(?<alt>[（(](?:间|户|套|个|座|处|人次|张)[）)])?"
            + "(?<suf>及以上|以上|以下|以内|左右|多)?");
    private static final Pattern DOUBLING = Pattern.compile("翻(?<n>一|两|二|三)番");
    private static final Pattern RATIO = Pattern.compile(
            "(?:缩小到|缩小至|降至|降到|提高到|提高至|提升到|提升至|达到|达|保持在|调整为|为)"
            + "(?<a>\\d+(?:\\.\\d+)?)\\s*[:：]\\s*(?<b>\\d+(?:\\.\\d+)?)(?<suf>左右|以上|以内)?");
    private static final Pattern UNITLESS = Pattern.compile(
            "(?:缩小到|缩小至|缩小为|降至|降到|降低到|降低至|控制在|达到|提高到|提高至|提升到|提升至|保持在|稳定在|为)"
            + "(?<num>\\d+(?:\\.\\d+)?)(?<suf>以内|以下|左右|以上)?(?![\\d.%‰\\p{IsHan}])");
    private static final Pattern RANK = Pattern.compile(
            "(?<pre>第|前)\\s*(?<num>\\d{1,3}|[一二三四五六七八九十]{1,3})(?<unit>位|名|强)?");
    private static final Pattern YEAR_AHEAD = Pattern.compile(
            "(?:到|至|截至|截止到?)\\s*((?:19|20)\\d{2})\\s*年(?:底|末)?|((?:19|20)\\d{2})\\s*年(?=\\s*(?:力争|前|底|末|，|,|全市|全县|全区|实现|达到|建成))");
    private static final Pattern ANY_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern PLAN_END = Pattern.compile("(?:到|至)?“?十[一二三四五六七八九]五”?(?:期)?末");
    private static final Pattern CN_VERB_BEFORE = Pattern.compile(
            "(新增|新建|新建成|建成|建设|培育|打造|创建|创成|引进|招引|达到|突破|超过|超|力争|跻身|建有|累计|争创|扶持|认定|办好|举办)$");

    private QuantityRecognizer() {
    }

    private static final Pattern RANGE_DASH = Pattern.compile("\\s*[—–\\-~～〜至到]{1,2}\\s*");

    /** 4.5%—5%, 25%-30%: two values with the same unit joined by a dash are one range. */
    private static List<ProseQuantity> ranges(String s, List<ProseQuantity> qs) {
        List<ProseQuantity> out = new ArrayList<>();
        for (ProseQuantity q : qs) {
            ProseQuantity p = out.isEmpty() ? null : out.get(out.size() - 1);
            if (p != null && p.valueMax() == null && q.valueMax() == null && p.unit().equals(q.unit()) && !p.rank()
                    && p.suffix() == null && p.end() <= q.numStart()
                    && RANGE_DASH.matcher(s.substring(p.end(), q.numStart())).matches() && q.value() > p.value()) {
                out.set(out.size() - 1, new ProseQuantity(p.start(), q.end(), p.numStart(), p.value(), q.value(),
                        p.unit(), q.suffix(), p.chinese(), false, p.rankPre()));
            } else {
                out.add(q);
            }
        }
        return out;
    }

    /** The year a sentence looks ahead to (到2030年, “十五五”末); null when it names none. */
    static Integer sentenceYear(String sentence, int planEnd) {
        Integer sentenceYear = null;
        Matcher ya = YEAR_AHEAD.matcher(sentence);
        if (ya.find()) {
            sentenceYear = Integer.parseInt(ya.group(1) != null ? ya.group(1) : ya.group(2));
        } else if (PLAN_END.matcher(sentence).find()) {
            sentenceYear = planEnd;
        }
        return sentenceYear;
    }

    /** The first year in a clause (2025年超750亿元), skipping the base of a comparison; null when none. */
    static Integer clauseYear(String clause) {
        Matcher cy = ANY_YEAR.matcher(clause);
        Integer clauseYear = null;
        while (cy.find()) {
            String pre = clause.substring(Math.max(0, cy.start() - 2), cy.start());
            String post = clause.substring(cy.end(), Math.min(clause.length(), cy.end() + 4));
            if (pre.endsWith("比") || pre.endsWith("较") || pre.endsWith("相比") || pre.endsWith("对比")
                    || post.startsWith("基础上") || post.startsWith("的基础上")) {
                continue; // 比2025年下降14%: the base of a comparison
            }
            clauseYear = Integer.parseInt(cy.group(1));
            break;
        }
        return clauseYear;
    }

    /** Values with a unit, unitless ratios (城乡收入比缩小到1.8) and ranks in [from, to), in text order. */
    static List<ProseQuantity> find(String s, int from, int to) {
        List<ProseQuantity> out = new ArrayList<>();
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
            int tail = m.end();
            if (unit.equals("岁") && tail < to && Character.UnicodeScript.of(s.charAt(tail)) == Character.UnicodeScript.HAN
                    && s.charAt(tail) != '左') {
                continue; // an age inside a name: 3岁以下婴幼儿, 60岁以上老年人
            }
            if (before == '（' && after == '）' || before == '(' && after == ')') {
                continue; // a count of categories or items in brackets: 经济发展（7项）
            }
            if (ProseSegmenter.insideQuotes(s, ns, from)) {
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
                String[] parts = num.split("\\s*[—–\\-~～〜至到]\\s*");
                value = Double.parseDouble(parts[0]);
                if (parts.length > 1) {
                    valueMax = Double.parseDouble(parts[1]);
                }
            }
            String fullUnit = m.group("alt") == null ? unit : unit + m.group("alt").replace('(', '（').replace(')', '）');
            out.add(new ProseQuantity(m.start(), m.end(), ns, value, valueMax, fullUnit, m.group("suf"), chinese, false,
                    null));
        }
        Matcher d = DOUBLING.matcher(s).region(from, to);
        while (d.find()) {
            int times = "一".equals(d.group("n")) ? 1 : "三".equals(d.group("n")) ? 3 : 2;
            out.add(new ProseQuantity(d.start(), d.end(), d.start(), Math.pow(2, times), null, "倍", null, true, false,
                    null));
        }
        Matcher ra = RATIO.matcher(s).region(from, to);
        while (ra.find()) {
            int ns = ra.start("a");
            double b = Double.parseDouble(ra.group("b"));
            if (b != 0 && out.stream().noneMatch(q -> q.numStart() <= ns && ns < q.end())) {
                out.add(new ProseQuantity(ns, ra.end(), ns, Double.parseDouble(ra.group("a")) / b, null, "",
                        ra.group("suf"), false, false, null));
            }
        }
        Matcher u = UNITLESS.matcher(s).region(from, to);
        while (u.find()) {
            String subject = s.substring(from, u.start());
            if (!subject.matches(".*(比|倍差|差距|系数|指数|比率|比例)$") || ProseSegmenter.insideQuotes(s, u.start(), from)) {
                continue;
            }
            int ns = u.start("num");
            boolean overlaps = out.stream().anyMatch(q -> q.numStart() <= ns && ns < q.end());
            if (!overlaps) {
                out.add(new ProseQuantity(ns, u.end(), ns, Double.parseDouble(u.group("num")), null, "", u.group("suf"), false,
                        false, null));
            }
        }
        Matcher r = RANK.matcher(s).region(from, to);
        while (r.find()) {
            String pre = r.group("pre");
            String num = r.group("num");
            String unit = r.group("unit");
            int ns = r.start("num");
            if (ProseSegmenter.insideQuotes(s, r.start(), from)) {
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
                out.add(new ProseQuantity(r.start(), r.end(), ns, v, null, "位", null, chinese, true, pre));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return ranges(s, out);
    }
}
