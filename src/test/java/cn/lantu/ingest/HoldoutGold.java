package cn.lantu.ingest;

import java.util.List;

/** Gold list of heyuan-holdout.md, written together with the outline and before running the extractor on it. */
final class HoldoutGold {
    private HoldoutGold() {
    }

    static final List<Gold.T> TARGETS = List.of(
            new Gold.T("地区生产总值", 1150, "亿元"),
            new Gold.T("战略性新兴产业增加值", 45, "%"),
            new Gold.T("研发投入强度", 3.2, "%"),
            new Gold.T("居民人均可支配收入", 6, "%"),
            new Gold.T("城镇调查失业率", 5.5, "%"),
            new Gold.T("医师数", 3.8, "人"),
            new Gold.T("养老床位", 1500, "张"),
            new Gold.T("产业项目", 150, "个"),
            new Gold.T("10亿元以上项目", 20, "个"),
            new Gold.T("高新技术企业", 1200, "家"),
            new Gold.T("企业技术中心", 40, "家"),
            new Gold.T("老旧小区改造", 260, "个"),
            new Gold.T("绿化覆盖率", 43, "%"),
            new Gold.T("停车泊位", 1.2, "万个"),
            new Gold.T("能耗", 14, "%"),
            new Gold.T("水质优良比例", 90, "%"),
            new Gold.T("回收利用率", 60, "%"),
            new Gold.T("光伏装机容量", 30, "万千瓦"));
    static final List<Gold.T> FACTS = List.of(
            new Gold.T("地区生产总值", 865, "亿元"),
            new Gold.T("增长", 5.9, "%"),
            new Gold.T("一般公共预算收入", 312, "亿元"),
            new Gold.T("外贸进出口总额", 200, "亿元"),
            new Gold.T("城镇化率", 71.2, "%"),
            new Gold.T("城镇就业", 8.6, "万人"));
}
