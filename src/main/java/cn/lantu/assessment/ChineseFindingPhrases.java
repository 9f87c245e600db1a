package cn.lantu.assessment;

import java.util.List;

/** The Chinese wording of the findings. */
final class ChineseFindingPhrases implements FindingPhrasebook {

    static final ChineseFindingPhrases INSTANCE = new ChineseFindingPhrases();

    private ChineseFindingPhrases() {
    }

    @Override
    public String amount(String value, String unit) {
        return value + unit;
    }

    @Override
    public String list(List<String> items) {
        return String.join("、", items);
    }

    @Override
    public String bracket(String inner) {
        return "（" + inner + "）";
    }

    @Override
    public String compoundGoalTitle(String subject) {
        return subject + "目标与增速目标的衔接";
    }

    @Override
    public String compoundBase(int baseYear, String subject, String base) {
        return "以" + baseYear + "年" + subject + base + "为基数";
    }

    @Override
    public String compoundLowerBound(String base) {
        return "（规划仅表述为“突破" + base + "”，此处按下限测算；实际基数越高，所需增速越低）";
    }

    @Override
    public String compoundNeed(int goalYear, String goal, String neededRate, String plannedRate, String reached) {
        return "，" + goalYear + "年达到" + goal + "需年均增长" + neededRate + "%；按规划年均增长" + plannedRate + "%测算，"
                + goalYear + "年约为" + reached;
    }

    @Override
    public String compoundReaches(String goal) {
        return "，可达到" + goal;
    }

    @Override
    public String compoundShort(String goal, String levelGap, String rateGap, String priceRise) {
        return "，比" + goal + "少" + levelGap + "；所需增速比规划增速高" + rateGap + "个百分点；若规划增速按不变价计算，年均价格涨幅约"
                + priceRise + "%时按现价计算的增速可达到所需增速";
    }

    @Override
    public String part(String name, String amount) {
        return name + amount;
    }

    @Override
    public String partsTotal(String sum) {
        return "合计" + sum;
    }

    @Override
    public String totalTarget(String totalName, String total) {
        return "，" + totalName + "目标" + total;
    }

    @Override
    public String differentScope(String note, String difference) {
        return "；二者口径不同" + (note != null ? bracket(note) : "")
                + (difference != null ? "，相差" + difference + "属口径差异，不属于目标间不一致" : "");
    }

    @Override
    public String agree() {
        return "，二者一致";
    }

    @Override
    public String componentGap(boolean componentsLess, String difference) {
        return "；分项合计比总量目标" + (componentsLess ? "少" : "多") + difference;
    }

    @Override
    public String measureSum(String measure, String sum) {
        return measure + "合计" + sum;
    }

    @Override
    public String measureGap(String measure, boolean itemsLess, String difference) {
        return measure + "分项合计比所列合计" + (itemsLess ? "少" : "多") + difference;
    }

    @Override
    public String portfolio(int rows, String sums, String totals) {
        return rows + "个分项" + sums + "，所列合计为" + totals;
    }

    @Override
    public String gaps(List<String> gaps) {
        return "；" + String.join("，", gaps);
    }

    @Override
    public String metAtBaseTitle(String name) {
        return name + "基期值与目标";
    }

    @Override
    public String metAtBasePending(String name) {
        return name + "基期值或目标值待录入，暂不比较";
    }

    @Override
    public String metAtBase(String name, int baseYear, String base, boolean atLeast, String target, boolean met,
                            Integer precision) {
        return name + baseYear + "年基期值" + base + "，目标" + (atLeast ? "不低于" : "不高于") + target
                + (met ? "，基期已达到目标" + (precision != null ? "（按目标表述精度" + precision + "位小数比较）" : "")
                : "，基期尚未达到目标");
    }
}
