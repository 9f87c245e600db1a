package cn.lantu.plan;

import java.time.Instant;
import java.time.LocalDate;

/** A five-year plan (规划纲要) of one region. One Lantu instance can hold several. */
public record Plan(
        long id,
        String code,
        String name,
        String shortName,
        String regionName,
        String regionCode,
        String regionLevel,
        String parentRegionCode,
        String parentRegionName,
        int periodStart,
        int periodEnd,
        int baseYear,
        Status status,
        int version,
        String issuer,
        String documentNumber,
        LocalDate issuedOn,
        String outlineTitle,
        String checksJson,
        String packageChecksum,
        Instant loadedAt) {

    /** DRAFT 草案, IN_FORCE 实施中, REVISED 已调整. */
    public enum Status {
        DRAFT("草案"), IN_FORCE("实施中"), REVISED("已调整");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String period() {
        return periodStart + "–" + periodEnd;
    }
}
