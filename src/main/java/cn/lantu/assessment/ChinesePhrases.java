package cn.lantu.assessment;

import java.util.List;

/** The Chinese wording, as in evaluation reports (the text the engine has always written). */
final class ChinesePhrases implements Phrasebook {

    static final ChinesePhrases INSTANCE = new ChinesePhrases();

    private static final String TO_REACH_TARGET = "方可实现目标";

    private ChinesePhrases() {
    }

    @Override
    public String comma() {
        return "，";
    }

    @Override
    public String semicolon() {
        return "；";
    }

    @Override
    public String bracket(String inner) {
        return "（" + inner + "）";
    }

    @Override
    public String list(List<String> items) {
        return String.join("、", items);
    }

    @Override
    public String sentence(String text) {
        return text;
    }

    @Override
    public String amount(String value, String unit) {
        return value + (unit == null ? "" : unit);
    }

    @Override
    public String years(int first, int last) {
        return first == last ? first + "年" : first + "—" + last + "年";
    }

    @Override
    public String bound(boolean atLeast, String amount) {
        return (atLeast ? "不低于" : "不高于") + amount;
    }

    @Override
    public String done(boolean met) {
        return met ? "完成" : "未完成";
    }

    @Override
    public String status(Status status) {
        return status.label();
    }

    @Override
    public String verdict(Verdict verdict) {
        return verdict.label();
    }

    @Override
    public String noBase() {
        return "基期值待录入";
    }

    @Override
    public String noTarget() {
        return "目标值待录入";
    }

    @Override
    public String zeroTarget() {
        return "目标值为零，无法计算完成进度";
    }

    @Override
    public String noVerdict() {
        return "定性指标，暂无评价结论";
    }

    @Override
    public String noAssignedResult() {
        return "待录入上级下达指标完成情况";
    }

    @Override
    public String noIssuedTarget() {
        return "待录入上级下达的目标值";
    }

    @Override
    public String linearFallback() {
        return "含非正值，按线性路径计算";
    }

    @Override
    public String noDataSince(int firstYear) {
        return "暂无" + firstYear + "年以来数据";
    }

    @Override
    public String noRelatedData(String related) {
        return "关联指标" + (related == null ? "" : related) + "暂无同期数据";
    }

    @Override
    public String schedule(String elapsedPct, String progressPct) {
        return "序时进度" + elapsedPct + "%，完成进度" + progressPct + "%";
    }

    @Override
    public String targetAchieved() {
        return "已实现目标";
    }

    @Override
    public String targetAchievedEarly() {
        return "已提前实现目标";
    }

    @Override
    public String reversed() {
        return "逆向变化";
    }

    @Override
    public String levelWithSchedule() {
        return "与序时进度持平";
    }

    @Override
    public String behindBy(String points) {
        return "滞后" + points + "个百分点";
    }

    @Override
    public String aheadBy(String points) {
        return "超前" + points + "个百分点";
    }

    @Override
    public String requirement(boolean met) {
        return met ? "符合要求" : "未达到要求";
    }

    @Override
    public String levelWithinBand(String expected, String band) {
        return "与序时目标值" + expected + "之差在±" + band + "范围内";
    }

    @Override
    public String needCompound(boolean growth, String rate) {
        return "需今后年均" + (growth ? "增长" : "下降") + rate + "%" + TO_REACH_TARGET;
    }

    @Override
    public String needStep(boolean up, boolean pctUnit, String amount) {
        String verb = up ? (pctUnit ? "提高" : "新增") : (pctUnit ? "降低" : "减少");
        return "需年均" + verb + amount + TO_REACH_TARGET;
    }

    @Override
    public String growthPeriod(String years, String average, String target, Comparator comparator) {
        return years + "年均增长" + average + "%，目标" + target + "%" + comparator.label();
    }

    @Override
    public String growthWithinBand(String years, String average, String target, String band) {
        return years + "年均增长" + average + "%，在目标" + target + "%左右±" + band + "个百分点范围内，视为基本符合预期";
    }

    @Override
    public String needGrowth(String rate) {
        return "需今后年均增长" + rate + "%" + TO_REACH_TARGET;
    }

    @Override
    public String cumulativePeriod(String years, String sum, String total) {
        return years + "累计" + sum + "，目标" + total;
    }

    @Override
    public String needAddition(String amount) {
        return "需今后年均新增" + amount + TO_REACH_TARGET;
    }

    @Override
    public String declinePeriod(String years, String cumulative, String target) {
        return years + "累计下降" + cumulative + "%，目标下降" + target + "%";
    }

    @Override
    public String needDecline(String rate) {
        return "需今后年均下降" + rate + "%" + TO_REACH_TARGET;
    }

    @Override
    public String valueInYear(int year, String amount) {
        return year + "年为" + amount;
    }

    @Override
    public String boundMet(String bound) {
        return "达到" + bound + "的要求";
    }

    @Override
    public String metAtBase(String base) {
        return "基期值" + base + "已达到目标";
    }

    @Override
    public String boundMissed(String bound, String gap) {
        return "未达到" + bound + "的要求，相差" + gap;
    }

    @Override
    public String restoreTo(String bound) {
        return "需恢复至" + bound;
    }

    @Override
    public String earlierBreaches(String years) {
        return years + "年曾未达到";
    }

    @Override
    public String stable(int year, String value, String base, String change, String band, boolean met) {
        String changeText = change == null ? "变动" : "变动" + change + "%";
        return year + "年为" + value + "，较基期" + base + changeText + "，" + (met ? "在" : "超出") + "±" + band
                + "%的稳定区间" + (met ? "内" : "");
    }

    @Override
    public String relational(String years, String averageOwn, String related, String averageRelated, String gap,
                             String bandText) {
        return years + "年均增长" + averageOwn + "%，同期" + relatedName(related) + "年均增长" + averageRelated
                + "%，相差" + gap + "个百分点，" + bandText;
    }

    @Override
    public String relationalBand(Comparator comparator, String related, String band, boolean met) {
        String rel = relatedName(related);
        return switch (comparator) {
            case AT_LEAST -> (met ? "不低于" : "低于") + rel + "增速" + band + "个百分点的要求" + (met ? "得到满足" : "");
            case AT_MOST -> (met ? "不高于" : "高于") + rel + "增速" + band + "个百分点的要求" + (met ? "得到满足" : "");
            default -> (met ? "在" : "超出") + "±" + band + "个百分点范围" + (met ? "内" : "");
        };
    }

    private static String relatedName(String related) {
        return related == null ? "关联指标" : related;
    }

    @Override
    public String verdict(int year, boolean assigned, Verdict verdict, String amount) {
        return year + "年" + (assigned ? "上级下达指标" : "评价结论：") + verdict.label()
                + (amount != null ? bracket(amount) : "");
    }

    @Override
    public String issuedNumber(int year, String amount, String bound, boolean met) {
        return year + "年为" + amount + "，上级下达目标" + bound + "，" + done(met);
    }

    @Override
    public String annualTarget(int year, String target, boolean met) {
        return year + "年年度计划目标" + target + "，" + done(met);
    }

    @Override
    public String missingYears(String years) {
        return "缺" + years + "年数据，按已有年份计算";
    }

    @Override
    public String latestEstimate(int year) {
        return year + "年为预计数";
    }

    @Override
    public String someEstimates() {
        return "含预计数";
    }

    @Override
    public String provisional() {
        return "规划期首年，结论为初步判断";
    }

    @Override
    public String revisedTarget(String revised, String original, String reason) {
        return "按调整后目标" + revised + (original != null ? "评估，原目标" + original : "评估")
                + (reason != null ? "，调整理由：" + reason : "");
    }

    @Override
    public String override(Status effective, Status computed, String reason) {
        return "（评估结论经人工调整为" + effective.label() + "，原计算结论为" + computed.label() + "；理由：" + reason + "）";
    }

    @Override
    public String statusCount(int count, Status status) {
        return count + "项" + status.label();
    }

    @Override
    public String planSentence(int items, String terms) {
        return items + "项主要指标中，" + terms;
    }

    @Override
    public String noBinding() {
        return "无约束性指标";
    }

    @Override
    public String bindingSentence(int count, String terms) {
        return "约束性指标" + count + "项，其中" + terms;
    }

    @Override
    public String laggingBinding(String names) {
        return "；滞后的约束性指标：" + names;
    }

    @Override
    public String nameWithStatus(String name, Status status) {
        return name + "（" + status.label() + "）";
    }
}
