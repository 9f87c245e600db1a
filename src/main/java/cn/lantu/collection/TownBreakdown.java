package cn.lantu.collection;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An indicator broken down by town for one year and period: each town's approved value (the latest approved
 * revision, as the assessment reads it; null while a town has none), the roll-up rule from the lead
 * responsibility and the city value that follows from it.
 *
 * <ul>
 *   <li>{@code SUM} / {@code AVERAGE}: {@link #cityValue()} is the towns' sum / average, computed only when
 *       every town of the plan has an approved value ({@link #complete()}); until then it is null and
 *       {@link #progress()} says e.g. "12/23 镇街已报".</li>
 *   <li>{@code CITY_SEPARATE}: the city figure is entered separately; {@link #cityValue()} is its approved value
 *       and {@link #townSum()} the towns' sum to compare it with.</li>
 *   <li>{@code NONE}: not broken down; no towns.</li>
 * </ul>
 */
public record TownBreakdown(long indicatorId, String indicatorCode, String indicatorName, String unit, int year,
                            String period, String rule, List<Town> towns, int reportedCount, int townCount,
                            Double townSum, Double computedValue, Double enteredCityValue) {

    /** One town and its approved value (null when it has not reported an approved figure). */
    public record Town(long orgUnitId, String code, String name, Double value, Instant approvedAt) {
        @JsonProperty
        public boolean reported() {
            return value != null;
        }
    }

    /** Every town of the plan has an approved value. */
    @JsonProperty
    public boolean complete() {
        return townCount > 0 && reportedCount == townCount;
    }

    /** The city value under the rule: computed for SUM/AVERAGE (when complete), the entered one for CITY_SEPARATE. */
    @JsonProperty
    public Double cityValue() {
        return switch (rule) {
            case "SUM", "AVERAGE" -> computedValue;
            case "CITY_SEPARATE" -> enteredCityValue;
            default -> null;
        };
    }

    /** "n/23 镇街已报". */
    @JsonProperty
    public String progress() {
        return reportedCount + "/" + townCount + " 镇街已报";
    }

    @JsonProperty
    public String ruleLabel() {
        return ruleLabel(rule);
    }

    /** A town breakdown rule (NONE, SUM, AVERAGE, CITY_SEPARATE) as a person reads it. */
    public static String ruleLabel(String rule) {
        return rule == null ? "不分解" : switch (rule) {
            case "SUM" -> "镇街之和";
            case "AVERAGE" -> "镇街平均";
            case "CITY_SEPARATE" -> "全市单独核算";
            default -> "不分解";
        };
    }
}
