package cn.lantu.assessment;

/**
 * Schedule status of an indicator in a year. {@link #severity()} orders the statuses with data from best (0) to
 * worst (4); {@link #NO_DATA} has severity −1 and is never "worse" than a status with data.
 */
public enum Status {
    ACHIEVED_EARLY("提前实现", "Achieved early", 0),
    AHEAD("快于预期", "Ahead of schedule", 1),
    ON_TRACK("基本符合预期", "Broadly on track", 2),
    LAGGING("滞后于预期", "Behind schedule", 3),
    SEVERELY_LAGGING("严重滞后", "Seriously behind schedule", 4),
    NO_DATA("暂无数据", "No data yet", -1);

    private final String label;
    private final String labelEn;
    private final int severity;

    Status(String label, String labelEn, int severity) {
        this.label = label;
        this.labelEn = labelEn;
        this.severity = severity;
    }

    /** Chinese label as used in evaluation reports. */
    public String label() {
        return label;
    }

    /** English label, for the English interface. */
    public String labelEn() {
        return labelEn;
    }

    /** The label in the locale's language: English for an English locale, else Chinese. */
    public String label(java.util.Locale locale) {
        return Phrasebook.english(locale) ? labelEn : label;
    }

    /** 0 = best … 4 = worst; −1 for NO_DATA. */
    public int severity() {
        return severity;
    }

    /** True for LAGGING and SEVERELY_LAGGING. */
    public boolean isLagging() {
        return this == LAGGING || this == SEVERELY_LAGGING;
    }

    /** The worse of two statuses; NO_DATA only when both are NO_DATA. Null-safe (null counts as NO_DATA). */
    public static Status worse(Status a, Status b) {
        if (a == null || a == NO_DATA) {
            return b == null ? NO_DATA : b;
        }
        if (b == null || b == NO_DATA) {
            return a;
        }
        return a.severity >= b.severity ? a : b;
    }

    /** The better of two statuses with data (NO_DATA loses to any status with data). */
    public static Status better(Status a, Status b) {
        if (a == null || a == NO_DATA) {
            return b == null ? NO_DATA : b;
        }
        if (b == null || b == NO_DATA) {
            return a;
        }
        return a.severity <= b.severity ? a : b;
    }
}
