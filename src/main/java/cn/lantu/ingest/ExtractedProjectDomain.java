package cn.lantu.ingest;

/** A domain of a major-projects column: "1.先进制造业基地。安排重大项目 47 个，总投资 763 亿元，五年完成投资 563 亿元。" */
public record ExtractedProjectDomain(
        String code,
        Integer number,
        String name,
        Integer plannedCount,
        Double totalInvestment,
        Double periodInvestment,
        String unit,
        String sourceText,
        int start,
        int end,
        String outlineKey,
        double confidence,
        String reason) {
}
