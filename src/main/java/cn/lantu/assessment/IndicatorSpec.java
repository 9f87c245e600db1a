package cn.lantu.assessment;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Definition of one indicator as the engine needs it.
 *
 * <p>Years: for LEVEL, FLOOR and STABLE, {@code baseYear} is the year of the base value (2025, or 2024 for a starred
 * value). For GROWTH, CUMULATIVE and DECLINE it is the year before the plan period (2025) whatever year the reference
 * figure comes from. {@code targetYear} is the final year (2030).
 *
 * <p>Units: GROWTH and DECLINE targets and observations are in percent (6.5 means 6.5%, [14] is 14). {@code band}
 * means: for comparator ABOUT, a band in the indicator's unit (±0.5 point for growth, ±0.01 for an income ratio);
 * for STABLE a relative band (0.03 = ±3% of base); for RELATIONAL percentage points. Null band → defaults from
 * {@link Thresholds}.
 *
 * @param precision        decimals the target is stated in (56.0 → 1); floors and yearly targets are met by any value
 *                         that rounds (half up) to the target; null = exact comparison
 * @param revisedTargetValue target after a mid-term revision (规划调整); when present it is the target in force
 *                         from {@code revisedFromYear} on
 * @param revisedFromYear  first year judged against the revised target; earlier years keep the original; null =
 *                         every year (revisions recorded before the effective year was asked for)
 * @param annualTargets    yearly targets approved with the annual plan (年度计划), by year, in the observation's unit
 * @param periodStartYear  first year of the plan period (2026); null → max(baseYear+1, targetYear−4)
 * @param related          name or code of the related series of a RELATIONAL indicator (used in text only)
 */
public record IndicatorSpec(String code, String name, String unit, Attribute attribute, Kind kind, Path path,
                            Direction direction, Comparator comparator, Double band,
                            int baseYear, Double baseValue, int targetYear, Double targetValue,
                            Integer precision, Double revisedTargetValue, String revisionReason, Integer revisedFromYear,
                            Map<Integer, Double> annualTargets, Integer periodStartYear, String related) {

    public IndicatorSpec {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code is required");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (targetYear <= baseYear) {
            throw new IllegalArgumentException("targetYear must be after baseYear: " + code);
        }
        if (name == null) {
            name = code;
        }
        if (unit == null) {
            unit = "";
        }
        if (attribute == null) {
            attribute = Attribute.ANTICIPATORY;
        }
        if (path == null) {
            path = Path.LINEAR;
        }
        if (comparator == null) {
            comparator = kind == Kind.RELATIONAL ? Comparator.ABOUT
                    : direction == Direction.DOWN ? Comparator.AT_MOST : Comparator.AT_LEAST;
        }
        annualTargets = annualTargets == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(annualTargets));
    }

    /** The target in force: the revised target when there is one, else the original. */
    public Double targetInForce() {
        return revisedTargetValue != null ? revisedTargetValue : targetValue;
    }

    /** True when a revised target is in force. */
    public boolean revised() {
        return revisedTargetValue != null;
    }

    /** True when the revision applies to {@code year}: it exists and takes effect in or before that year. */
    public boolean revisedIn(int year) {
        return revisedTargetValue != null && (revisedFromYear == null || year >= revisedFromYear);
    }

    /** The target {@code year} is judged against: the revised one from its effective year on, else the original. */
    public Double targetFor(int year) {
        return revisedIn(year) ? revisedTargetValue : targetValue;
    }

    /**
     * This spec as it stands in {@code year}: unchanged when the revision applies to that year, else without it, so
     * a year before the effective year is judged against the original target.
     */
    public IndicatorSpec asOf(int year) {
        return revisedTargetValue == null || revisedIn(year) ? this : withoutRevision();
    }

    public boolean binding() {
        return attribute == Attribute.BINDING;
    }

    /**
     * Which way is better: the declared direction, else from the comparator (以上 → UP, 以内 → DOWN), else from the
     * sign of target − base (for GROWTH the sign of g*), UP when undecidable.
     */
    public Direction effectiveDirection() {
        if (direction != null) {
            return direction;
        }
        if (comparator == Comparator.AT_LEAST) {
            return Direction.UP;
        }
        if (comparator == Comparator.AT_MOST) {
            return Direction.DOWN;
        }
        Double target = targetInForce();
        if (kind == Kind.GROWTH && target != null) {
            return target < 0 ? Direction.DOWN : Direction.UP;
        }
        if (target != null && baseValue != null && target < baseValue) {
            return Direction.DOWN;
        }
        return Direction.UP;
    }

    /** First year of the plan period. */
    public int periodStart() {
        return periodStartYear != null ? periodStartYear : Math.max(baseYear + 1, targetYear - 4);
    }

    /** Half a unit of the stated precision (0.05 for 56.0), or 0 when the precision is not given. */
    public double tolerance() {
        return precision == null ? 0.0 : 0.5 * Math.pow(10, -precision);
    }

    /** This spec assessed against the original target (drops the revision). */
    public IndicatorSpec withoutRevision() {
        return toBuilder().revisedTarget(null, null, null).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(code, kind);
        b.name = name;
        b.unit = unit;
        b.attribute = attribute;
        b.path = path;
        b.direction = direction;
        b.comparator = comparator;
        b.band = band;
        b.baseYear = baseYear;
        b.baseValue = baseValue;
        b.targetYear = targetYear;
        b.targetValue = targetValue;
        b.precision = precision;
        b.revisedTargetValue = revisedTargetValue;
        b.revisionReason = revisionReason;
        b.revisedFromYear = revisedFromYear;
        b.annualTargets = new TreeMap<>(annualTargets);
        b.periodStartYear = periodStartYear;
        b.related = related;
        return b;
    }

    /** A builder with baseYear 2025 and targetYear 2030 (the 15th five-year plan) preset. */
    public static Builder builder(String code, Kind kind) {
        return new Builder(code, kind);
    }

    /** LEVEL indicator, anticipatory, 2025 → 2030 unless changed on the builder. */
    public static Builder level(String code, Path path, double baseValue, double targetValue) {
        return builder(code, Kind.LEVEL).path(path).baseValue(baseValue).targetValue(targetValue);
    }

    /** GROWTH indicator with annual-average target g* in %. */
    public static Builder growth(String code, double targetRatePct) {
        return builder(code, Kind.GROWTH).targetValue(targetRatePct);
    }

    /** CUMULATIVE indicator with period total C. */
    public static Builder cumulative(String code, double total) {
        return builder(code, Kind.CUMULATIVE).targetValue(total);
    }

    /** DECLINE indicator with cumulative compound reduction D* in % (e.g. 14 for [14]). */
    public static Builder decline(String code, double reductionPct) {
        return builder(code, Kind.DECLINE).targetValue(reductionPct);
    }

    /** FLOOR indicator (keep not below {@code floor}; use direction DOWN for a ceiling). */
    public static Builder floor(String code, double floor, Integer precision) {
        return builder(code, Kind.FLOOR).targetValue(floor).precision(precision);
    }

    /** STABLE indicator around {@code baseValue}. */
    public static Builder stable(String code, double baseValue) {
        return builder(code, Kind.STABLE).baseValue(baseValue);
    }

    public static final class Builder {
        private final String code;
        private final Kind kind;
        private String name;
        private String unit;
        private Attribute attribute;
        private Path path;
        private Direction direction;
        private Comparator comparator;
        private Double band;
        private int baseYear = 2025;
        private Double baseValue;
        private int targetYear = 2030;
        private Double targetValue;
        private Integer precision;
        private Double revisedTargetValue;
        private String revisionReason;
        private Integer revisedFromYear;
        private Map<Integer, Double> annualTargets = new TreeMap<>();
        private Integer periodStartYear;
        private String related;

        private Builder(String code, Kind kind) {
            this.code = code;
            this.kind = kind;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder unit(String v) { this.unit = v; return this; }
        public Builder attribute(Attribute v) { this.attribute = v; return this; }
        public Builder binding() { this.attribute = Attribute.BINDING; return this; }
        public Builder path(Path v) { this.path = v; return this; }
        public Builder direction(Direction v) { this.direction = v; return this; }
        public Builder comparator(Comparator v) { this.comparator = v; return this; }
        public Builder band(Double v) { this.band = v; return this; }
        public Builder baseYear(int v) { this.baseYear = v; return this; }
        public Builder baseValue(Double v) { this.baseValue = v; return this; }
        public Builder base(int year, Double value) { this.baseYear = year; this.baseValue = value; return this; }
        public Builder targetYear(int v) { this.targetYear = v; return this; }
        public Builder targetValue(Double v) { this.targetValue = v; return this; }
        public Builder target(int year, Double value) { this.targetYear = year; this.targetValue = value; return this; }
        public Builder precision(Integer v) { this.precision = v; return this; }
        public Builder revisedTarget(Double value, String reason) {
            return revisedTarget(value, reason, null);
        }
        /** A revised target applied from {@code fromYear} on (null: every year). */
        public Builder revisedTarget(Double value, String reason, Integer fromYear) {
            this.revisedTargetValue = value;
            this.revisionReason = reason;
            this.revisedFromYear = fromYear;
            return this;
        }
        public Builder annualTarget(int year, double value) { this.annualTargets.put(year, value); return this; }
        public Builder annualTargets(Map<Integer, Double> v) {
            this.annualTargets = v == null ? new TreeMap<>() : new TreeMap<>(v);
            return this;
        }
        public Builder periodStartYear(Integer v) { this.periodStartYear = v; return this; }
        public Builder related(String v) { this.related = v; return this; }

        public IndicatorSpec build() {
            return new IndicatorSpec(code, name, unit, attribute, kind, path, direction, comparator, band,
                    baseYear, baseValue, targetYear, targetValue, precision, revisedTargetValue, revisionReason,
                    revisedFromYear, annualTargets, periodStartYear, related);
        }
    }
}
