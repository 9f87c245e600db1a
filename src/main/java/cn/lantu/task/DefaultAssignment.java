package cn.lantu.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default lead and cooperating departments of a task or reform, chosen by keywords in its title (weight 3)
 * and text (weight 1), falling back to a department per chapter. Deterministic; marked as a default and meant to
 * be corrected by the plan office.
 */
final class DefaultAssignment {

    /** Department code → keywords, in priority order (ties go to the earlier entry). */
    private static final Map<String, String[]> RULES = new LinkedHashMap<>();

    static {
        rule("JYTYJ", "教育", "学校", "教师", "育人", "办学", "学前", "职业教育", "体育", "赛事");
        rule("KJJ", "科技", "科创", "研发", "实验室", "知识产权", "孵化", "创新");
        rule("ZZB", "人才", "干部", "党的领导", "党建");
        rule("JXJ", "制造", "产业链", "工业", "智改数转", "产业大脑", "新兴产业", "未来产业", "技术改造", "企业");
        rule("SWJ", "服务业", "消费", "商贸", "外贸", "电商", "会展", "出海", "外资", "夜间经济");
        rule("TCZX", "招商");
        rule("FGJ", "投资", "重大项目", "规划", "长三角", "对口", "能源", "民营经济", "营商环境");
        rule("GGB", "改革");
        rule("WGLJ", "文化", "文旅", "旅游", "演艺", "文艺");
        rule("XCB", "文明", "宣传", "舆论", "理论", "思想");
        rule("WJJ", "医疗", "健康", "医院", "中医药", "生育", "托育");
        rule("YBJ", "医保", "医疗保障");
        rule("MZJ", "养老", "社会救助", "老年", "婚");
        rule("RSJ", "就业", "社保", "社会保障", "劳动", "薪酬", "技能");
        rule("ZJJ", "住房", "城市更新", "建筑", "城市品质", "城市精细化", "城市功能", "韧性城市");
        rule("JTYSJ", "交通", "公路", "铁路", "航道", "机场", "枢纽", "快速路");
        rule("SLJ", "水利", "河湖", "防洪", "水网", "水资源");
        rule("NYJ", "农业", "乡村", "农村", "粮食", "共富工坊", "强村");
        rule("ZGJ", "国土", "自然资源", "耕地", "空间布局", "用地");
        rule("STHJ", "生态", "环境", "污染", "碳", "绿色");
        rule("YJGLJ", "安全生产", "应急", "防灾");
        rule("GAJ", "治安", "警务", "公安", "扫黑", "犯罪");
        rule("SFJ", "法治", "普法", "调解", "司法", "合法性");
        rule("XFJ", "信访");
        rule("ZFW", "基层治理", "网格", "枫桥经验", "社会治理", "平安");
        rule("JRB", "金融", "信贷", "基金", "上市");
        rule("SJUJ", "数据", "数字化", "人工智能", "数字");
        rule("SCJGJ", "市场监管", "标准", "品牌", "质量");
        rule("CZJ", "财政", "国有企业", "国企");
        rule("TSW", "青年", "青少年");
        rule("FL", "妇女", "儿童", "家庭");
        rule("CL", "残疾");
        rule("ZGH", "工会");
        rule("SHGZB", "社会组织", "社会工作");
    }

    private static final Map<String, String> BY_CHAPTER = Map.ofEntries(Map.entry("c2", "JXJ"),
            Map.entry("c3", "KJJ"), Map.entry("c4", "FGJ"), Map.entry("c5", "GGB"), Map.entry("c6", "ZJJ"),
            Map.entry("c7", "NYJ"), Map.entry("c8", "WGLJ"), Map.entry("c9", "MZJ"), Map.entry("c10", "STHJ"),
            Map.entry("c11", "ZFW"), Map.entry("c12", "FGJ"));

    private static void rule(String dept, String... words) {
        RULES.put(dept, words);
    }

    private DefaultAssignment() {}

    /** Lead first, then up to three cooperating departments (codes); only codes in {@code known} are used. */
    static List<String> assign(String title, String body, String chapterKey, java.util.Set<String> known) {
        Map<String, Integer> score = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : RULES.entrySet()) {
            if (!known.contains(e.getKey())) {
                continue;
            }
            int s = 0;
            for (String w : e.getValue()) {
                s += 3 * count(title, w) + count(body, w);
            }
            if (s > 0) {
                score.put(e.getKey(), s);
            }
        }
        List<String> order = new ArrayList<>(score.keySet());
        order.sort(Comparator.comparing((String k) -> -score.get(k)));
        List<String> out = new ArrayList<>();
        String fallback = chapterKey == null ? null : BY_CHAPTER.get(chapterKey);
        if (order.isEmpty() || score.get(order.get(0)) < 2) {
            if (fallback != null && known.contains(fallback)) {
                out.add(fallback);
            }
        }
        for (String k : order) {
            if (out.size() >= 4) {
                break;
            }
            if (!out.contains(k) && (out.isEmpty() || score.get(k) >= 2)) {
                out.add(k);
            }
        }
        if (out.isEmpty() && known.contains("FGJ")) {
            out.add("FGJ");
        }
        return out;
    }

    private static int count(String text, String word) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int n = 0;
        int i = text.indexOf(word);
        while (i >= 0) {
            n++;
            i = text.indexOf(word, i + word.length());
        }
        return n;
    }
}
