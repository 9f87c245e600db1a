package cn.lantu.monitoring;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only view of every revision of an indicator's figures: who changed what, when and why. */
@Repository
public class FigureHistoryRepository {

    /** One revision of one figure. */
    public record Revision(long figureId, String orgUnit, int year, String period, int version, Double value,
                           String verdict, boolean estimate, String state, String reason, String changedBy,
                           Instant changedAt, boolean demo) {
        /** The value as a person reads it: the number, or 完成 / 未完成. */
        public String valueText() {
            if (value != null) {
                return new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
            }
            for (cn.lantu.assessment.Verdict v : cn.lantu.assessment.Verdict.values()) {
                if (v.name().equals(verdict)) {
                    return v.label();
                }
            }
            return verdict == null ? "" : verdict;
        }

        /** The workflow state as a person reads it (the states of {@code collection.FigureState}). */
        public String stateLabel() {
            return state == null ? "" : switch (state) {
                case "DRAFT" -> "草稿";
                case "SUBMITTED" -> "已提交";
                case "SIGNED_OFF" -> "部门已审核";
                case "APPROVED" -> "已批准";
                case "RETURNED" -> "已退回";
                default -> state;
            };
        }
    }

    private final JdbcClient jdbc;

    public FigureHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Revision> ofIndicator(long indicatorId, boolean demo) {
        return jdbc.sql("""
                SELECT f.id, o.name, f.report_year, f.period, r.version, r.num_value, r.verdict, r.estimate, r.state,
                       r.reason, r.changed_by, r.changed_at, f.demo
                FROM figure f JOIN figure_revision r ON r.figure_id = f.id JOIN org_unit o ON o.id = f.org_unit_id
                WHERE f.indicator_id = ? AND f.demo = ?
                ORDER BY f.report_year, f.period, o.ordinal, r.version
                """).params(indicatorId, demo)
                .query((rs, n) -> new Revision(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getInt(5), rs.getObject(6, Double.class), rs.getString(7), rs.getBoolean(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant(),
                        rs.getBoolean(13)))
                .list();
    }
}
