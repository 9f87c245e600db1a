package cn.lantu.report;

import java.util.Locale;

import cn.lantu.plan.Plan;

/** The three evaluation reports of the outline: 年度监测分析—中期评估—总结评估. */
public enum ReportType {
    ANNUAL("annual", "年度监测分析报告"),
    MIDTERM("midterm", "中期评估报告"),
    FINAL("final", "总结评估报告");

    private final String slug;
    private final String label;

    ReportType(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    /** annual | midterm | final (case-insensitive), or IllegalArgumentException. */
    public static ReportType of(String slug) {
        for (ReportType t : values()) {
            if (t.slug.equalsIgnoreCase(slug) || t.name().equalsIgnoreCase(slug)) {
                return t;
            }
        }
        throw new IllegalArgumentException("报告类型应为 annual、midterm 或 final: " + slug);
    }

    /**
     * The data year of the report: the mid-term report is written in the third year (final figures of the first
     * two years, estimates for the third), the final report as of the last year; an annual report for any year of
     * the period (default: the given default year).
     */
    public int year(Plan plan, Integer requested, int defaultYear) {
        return switch (this) {
            case MIDTERM -> {
                int y = plan.periodStart() + 2;
                if (requested != null && requested != y) {
                    throw new IllegalArgumentException("中期评估报告的年份为规划第三年 " + y + " 年");
                }
                yield y;
            }
            case FINAL -> {
                if (requested != null && requested != plan.periodEnd()) {
                    throw new IllegalArgumentException("总结评估报告的年份为规划末年 " + plan.periodEnd() + " 年");
                }
                yield plan.periodEnd();
            }
            case ANNUAL -> {
                int y = requested == null ? defaultYear : requested;
                if (y < plan.periodStart() || y > plan.periodEnd()) {
                    throw new IllegalArgumentException("年度报告的年份应在 " + plan.period() + " 之间: " + y);
                }
                yield y;
            }
        };
    }

    /** The full title for a plan, e.g. "诸暨市…纲要实施中期评估报告". */
    public String title(Plan plan, int year) {
        String base = plan.name() == null ? "" : plan.name();
        return switch (this) {
            case ANNUAL -> base + "实施" + year + "年度监测分析报告";
            case MIDTERM -> base + "实施中期评估报告";
            case FINAL -> base + "实施总结评估报告";
        };
    }

    public String fileName(Plan plan, int year, String ext) {
        return plan.code() + "-" + slug + "-" + year + "." + ext.toLowerCase(Locale.ROOT);
    }
}
