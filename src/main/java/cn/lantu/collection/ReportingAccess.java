package cn.lantu.collection;

import cn.lantu.security.Actor;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import cn.lantu.security.AppUser;
import cn.lantu.security.Role;
import cn.lantu.security.UserRepository;

/**
 * Who may do what with a figure, checked on the server for every page and API call.
 * A city-wide figure belongs to the indicator's lead department (牵头); a town's figure to that town.
 * Cooperating departments (配合) may read; leaders read everything; supervisors read approved figures only.
 */
@Component
class ReportingAccess {

    private final UserRepository users;
    private final JdbcClient jdbc;

    ReportingAccess(UserRepository users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    Actor actor(Authentication auth) {
        if (auth == null) {
            throw ReportingException.forbidden("请先登录");
        }
        AppUser u = users.findByUsername(auth.getName()).orElseThrow(() -> ReportingException.forbidden("未知用户"));
        return new Actor(u.username(), u.role(), u.orgUnitId());
    }

    /** The unit that reports a figure of this indicator for this org unit (town figure: the town). */
    Long ownerUnit(long indicatorId, long orgUnitId) {
        String type = jdbc.sql("SELECT unit_type FROM org_unit WHERE id = ?").param(orgUnitId).query(String.class)
                .single();
        if ("TOWN".equals(type)) {
            return orgUnitId;
        }
        return leadUnit(indicatorId).orElse(null);
    }

    Optional<Long> leadUnit(long indicatorId) {
        return jdbc.sql("SELECT org_unit_id FROM responsibility WHERE indicator_id = ? AND role = 'LEAD' ORDER BY id")
                .param(indicatorId).query(Long.class).list().stream().findFirst();
    }

    boolean cooperates(long unitId, long indicatorId) {
        return jdbc.sql("SELECT COUNT(*) FROM responsibility WHERE indicator_id = ? AND org_unit_id = ?")
                .params(indicatorId, unitId).query(Long.class).single() > 0;
    }

    boolean hasTownBreakdown(long indicatorId) {
        return jdbc.sql("SELECT COUNT(*) FROM responsibility WHERE indicator_id = ? AND role = 'LEAD' "
                + "AND town_breakdown <> 'NONE'").param(indicatorId).query(Long.class).single() > 0;
    }

    boolean canRead(Actor a, Figure f) {
        return switch (a.role()) {
            case ADMIN, LEADER -> true;
            // supervisors and the administrators of the system see only what the plan office approved
            case SUPERVISOR, SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> f.state() == FigureState.APPROVED;
            case REPORTER, APPROVER -> a.orgUnitId() != null && (a.orgUnitId().equals(ownerUnit(f.indicatorId(),
                    f.orgUnitId())) || (!isTown(f.orgUnitId()) && cooperates(a.orgUnitId(), f.indicatorId())));
        };
    }

    void requireRead(Actor a, Figure f) {
        if (!canRead(a, f)) {
            throw ReportingException.forbidden("无权查看其他单位的数据");
        }
    }

    /** Reporters write their own unit's figures; the administrator may write any. */
    void requireWrite(Actor a, long indicatorId, long orgUnitId) {
        if (a.role() == Role.ADMIN) {
            return;
        }
        if (a.role() != Role.REPORTER) {
            throw ReportingException.forbidden("只有部门填报员可以填报数据");
        }
        if (isTown(orgUnitId) && !hasTownBreakdown(indicatorId)) {
            throw ReportingException.forbidden(FigureValidator.NO_TOWN_BREAKDOWN);
        }
        Long owner = ownerUnit(indicatorId, orgUnitId);
        if (a.orgUnitId() == null || !a.orgUnitId().equals(owner)) {
            throw ReportingException.forbidden("只能填报本单位牵头的指标");
        }
    }

    void requireSignOff(Actor a, Figure f) {
        if (a.role() == Role.ADMIN) {
            return;
        }
        if (a.role() != Role.APPROVER || a.orgUnitId() == null
                || !a.orgUnitId().equals(ownerUnit(f.indicatorId(), f.orgUnitId()))) {
            throw ReportingException.forbidden("只有本单位审核人可以审核");
        }
    }

    void requireAdmin(Actor a) {
        if (a.role() != Role.ADMIN) {
            throw ReportingException.forbidden("只有规划管理员可以批准");
        }
    }

    boolean isTown(long orgUnitId) {
        return "TOWN".equals(jdbc.sql("SELECT unit_type FROM org_unit WHERE id = ?").param(orgUnitId)
                .query(String.class).single());
    }

    List<String> usernames(List<AppUser> list) {
        return list.stream().map(AppUser::username).toList();
    }
}
