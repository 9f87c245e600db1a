package cn.lantu.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the metric a value belongs to. Outlines put it either before the value as subject + verb (城镇化率达到70%)
 * or around it as verb + object (新增上市企业8家, 培育3个“优共体”); intent words and years in front are dropped.
 */
final class MetricNamer {

    /**
     * @param verb       the value verb or leading verb found (达到, 新增…), which later sets comparator and horizon
     * @param verbObject the name came from a verb + object phrase rather than a subject
     */
    record Name(String name, String verb, boolean verbObject) {
    }

    private static final Pattern VALUE_VERB = Pattern.compile(
            "(突破|超过|超出|超|逾|近|约|缩小到|缩小至|缩小为|达到|达|提升到|提升至|提高到|提高至|增长到|增至|增加到|增加至|上升到|上升至|降至|降低到|降低至"
            + "|下降到|下降至|减少到|减少至|控制在|保持在|稳定在|不低于|不少于|不高于|不超过|高于|低于|大于|小于|增长|提高|提升"
            + "|下降|降低|减少|缩短至|缩短到|扩大到|扩大至|拓展到|翻番到|为|在)"
            + "(全国|全省|全市|全县|全区|全球|世界)?$");
    static final Pattern LEADING_NOISE = Pattern.compile(
            "^(?:[、，,；：]|到|至|力争|争取|确保|努力|全力|积极稳妥|积极|稳妥|支持|推动|推进|基本|进一步|持续|逐步|每年|年均|全市|全县|全区|全镇|"
            + "同时|其中|并|且|使|让|将|要|以上|左右|“十[一二三四五六七八九]五”(?:期间|时期|末)?|期间|实现|(?:19|20)\\d{2}\\s*年(?:底|末)?|前|年)+");
    static final Pattern PERIOD_VERB = Pattern.compile("新增|新建|培育|打造|创建|引进|招引|创成|培养|招聘|新开工|开工|完成投资");

    /** A run of verbs that lead a "verb + value + object" or "verb + object + value" phrase. */
    static final String VERB_RUN = "^(?:成功|新增|新建成|新建|建成|建设|建有|拥有|培育|打造|创建|创成|引进|招引|推进|推动|实施|完成|"
            + "累计|招聘|扶持|认定|改造|提升|保障|支持|办好|举办|组织|开展|新开工|开工|谋划|储备|培养|引育|设立|新设|布局|争创|评选|达到|实现|形成)+";
    /** A phrase ending in a verb (and a floor), the object following the value: 集中力量打造1～2个主导产业. */
    private static final Pattern TAIL_VERB = Pattern.compile(
            ".*(?:形成|打造|推进|培育|建设|新建|新增|建成|实施|完成|引进|创建)(?:不少于|不低于|超过|超)?$");

    private MetricNamer() {
    }

    /** Metric name from the text before the value (subject + verb) or after it (verb + value + object). */
    static Name name(String segment, String after, ProseQuantity q, String prevVerb) {
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
        if (!verbOnly.isEmpty() && TAIL_VERB.matcher(seg).matches() && objectAfter.length() >= 2
                && !objectAfter.matches("^[的了].*")) {
            return new Name(clean(objectAfter.replaceAll("建设$", "")), null, true);
        }
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

    /** The last two characters: enough to tell whether a name already ends with the object after the value. */
    static String lastChars(String name) {
        return name.length() <= 2 ? name : name.substring(name.length() - 2);
    }

    /** Strips punctuation, 全市/全县/全区, item numbers and years from the ends of a name. */
    static String clean(String s) {
        String t = s.strip();
        t = t.replaceAll("^[、，,；：]+", "").replaceAll("[、，,；：等]+$", "").strip();
        t = t.replaceAll("^(?:全市|全县|全区)", "");
        t = t.replaceAll("^\\d{1,2}[.．、](?!\\d)", "");
        t = t.replaceAll("(?:比|较|相比)?(?:19|20)\\d{2}\\s*年(?:底|末)?", "");
        return t.strip();
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
}
