package cn.lantu.ingest;

import java.util.List;

/** Hand-written gold lists for the test outlines (used by the tests and the benchmark). */
final class Gold {
    private Gold() {
    }

    /** name fragment, value, unit. */
    record T(String name, double value, String unit) {
    }

    static final List<T> QINGXI_TARGETS = List.of(
            new T("地区生产总值", 700, "亿元"), new T("规上工业增加值", 8, "%"), new T("一般公共预算收入", 50, "亿元"),
            new T("城乡居民收入比", 1.75, ""), new T("新材料产业产值", 300, "亿元"), new T("超10亿元企业", 5, "家"),
            new T("小巨人", 3, "家"), new T("智能化技术改造项目", 50, "个"), new T("智能工厂", 30, "个"),
            new T("数字化改造", 100, "%"), new T("社会物流总费用", 13, "%"), new T("限上商贸企业", 30, "家"),
            new T("社会消费品零售总额", 6, "%"), new T("农村公路", 200, "公里"), new T("中小学校", 3, "所"),
            new T("幼儿园学位", 2000, "个"), new T("普惠性幼儿园", 92, "%"), new T("公办幼儿园在园幼儿占比", 70, "%"),
            new T("义务教育巩固率", 100, "%"), new T("三级医院", 2, "个"), new T("托位数", 4.5, "个"),
            new T("人均预期寿命", 82, "岁"), new T("PM2.5", 25, "微克/立方米"), new T("水质优良率", 95, "%"),
            new T("污水处理率", 98, "%"));
    static final List<T> QINGXI_FACTS = List.of(
            new T("地区生产总值", 500, "亿元"), new T("增长", 6.8, "%"), new T("人均地区生产总值", 9.2, "万元"),
            new T("固定资产投资", 1200, "亿元"), new T("高新技术企业", 120, "家"), new T("排", 15, "位"),
            new T("城镇居民人均可支配收入", 6.5, "万元"));

    static final List<String> DOCX_BEFORE_TABLE = List.of(
            "江川市国民经济和社会发展第十五个五年规划纲要",
            "一、发展基础",
            "（一）发展成就",
            "“十四五”期间，全市地区生产总值年均增长6.1%，累计新增城镇就业2.8万人，综合实力排名跃升至全省第8位。",
            "二、发展目标",
            "（一）主要目标",
            "到2030年，全市地区生产总值达到900亿元左右，研发经费投入强度达到3%，每年新增高新技术企业20家以上。",
            "表1 江川市“十五五”时期主要指标");
    static final List<String> DOCX_AFTER_TABLE = List.of(
            "注：带*为2024年数据，[ ]为五年累计数。",
            "三、重点任务",
            "（一）建设现代产业体系",
            "培育壮大新兴产业。到2030年，新能源汽车产业产值突破200亿元，新建5G基站1000个，建成三所职业院校实训基地，打造“1+3+N”产业平台体系。");
    static final List<T> DOCX_TARGETS = List.of(
            new T("地区生产总值", 900, "亿元"), new T("研发经费投入强度", 3, "%"), new T("高新技术企业", 20, "家"),
            new T("新能源汽车产业产值", 200, "亿元"), new T("5G基站", 1000, "个"), new T("职业院校实训基地", 3, "所"));
    static final List<T> DOCX_FACTS = List.of(
            new T("增长", 6.1, "%"), new T("城镇就业", 2.8, "万人"), new T("排", 8, "位"));

    /** A text PDF: hard-wrapped lines, a running header, page numbers, a sentence split across pages. */
    static final String[][] PDF_PAGES = {
        {"河阳县国民经济和社会发展第十五个五年规划纲要", "一、发展基础", "（一）发展成就",
            "“十四五”期间，全县地区生产总值突破380亿元，产业结构持续", "优化，城乡面貌显著改善。", "二、主要任务", "（一）发展数字经济",
            "培育数字经济新动能。到2030年，数字经济核心产业增加值突破", "120亿元，规上工业企业数字化改造实现全覆盖，新建城市", "- 1 -"},
        {"河阳县国民经济和社会发展第十五个五年规划纲要", "公园15个。", "- 2 -"},
        {"河阳县国民经济和社会发展第十五个五年规划纲要", "（二）改善人居环境", "完善公共服务设施。加快补齐短板。", "- 3 -"},
    };
}
