package cn.lantu.task;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lantu.org.OrgRepository;
import cn.lantu.org.OrgUnit;
import cn.lantu.plan.Plan;
import cn.lantu.security.Actor;
import cn.lantu.security.UserRepository;

/**
 * Reforms (专栏9 and any the plan office adds) moving through 征集申报 → 评估立项 → 过程管理 → 成果转化. Every move
 * records who, when, a note, attached documents, and for 成果转化 the outcome (a case, a policy, or a promotion to a
 * higher level). Default lead/cooperating departments are assigned like tasks and marked as defaults.
 */
@Service
public class ReformService {

    /** The four stages, in order. */
    public enum Stage {
        COLLECTING("征集申报"), EVALUATING("评估立项"), MANAGING("过程管理"), TRANSFORMING("成果转化");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Outcome {
        CASE("典型案例"), POLICY("制度政策"), PROMOTION("上级推广");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Event(long id, String fromStage, String toStage, String note, String outcomeKind,
                        String outcomeText, String actor, Instant actedAt, List<String> documents) {
        /** The stage moved to, as a person reads it (评估立项). */
        public String toStageLabel() {
            return label(toStage);
        }

        public String fromStageLabel() {
            return label(fromStage);
        }

        /** The kind of outcome (典型案例, 制度政策, 上级推广), or null. */
        public String outcomeLabel() {
            if (outcomeKind == null) {
                return null;
            }
            for (Outcome o : Outcome.values()) {
                if (o.name().equals(outcomeKind)) {
                    return o.label();
                }
            }
            return outcomeKind;
        }

        private static String label(String stage) {
            if (stage == null) {
                return null;
            }
            for (Stage s : Stage.values()) {
                if (s.name().equals(stage)) {
                    return s.label();
                }
            }
            return stage;
        }
    }

    public record Party(String orgCode, String orgName, String role, boolean isDefault) {}

    public record Item(Reform reform, String stageLabel, int version, List<Party> parties, List<Event> events) {}

    /** A document attached to a stage move. */
    public record Document(String fileName, String contentType, byte[] content) {}

    private final ReformRepository reforms;
    private final OrgRepository org;
    private final UserRepository users;
    private final JdbcClient jdbc;

    public ReformService(ReformRepository reforms, OrgRepository org, UserRepository users, JdbcClient jdbc) {
        this.reforms = reforms;
        this.org = org;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** Assigns default departments to reforms that have none (idempotent). */
    @Transactional
    public synchronized void ensureAssigned(long planId) {
        Map<String, Long> depts = new LinkedHashMap<>();
        org.findByType(planId, OrgUnit.Type.DEPARTMENT).forEach(u -> depts.put(u.code(), u.id()));
        for (Reform r : reforms.findByPlan(planId)) {
            int n = jdbc.sql("SELECT COUNT(*) FROM reform_org WHERE reform_id = ?").param(r.id()).query(Integer.class)
                    .single();
            if (n > 0) {
                continue;
            }
            List<String> codes = DefaultAssignment.assign(r.name(), r.body(), "c5", depts.keySet());
            for (int i = 0; i < codes.size(); i++) {
                jdbc.sql("INSERT INTO reform_org (reform_id, org_unit_id, role, is_default) VALUES (?, ?, ?, TRUE)")
                        .params(r.id(), depts.get(codes.get(i)), i == 0 ? "LEAD" : "COOPERATE").update();
            }
        }
    }

    public List<Item> items(long planId) {
        ensureAssigned(planId);
        return reforms.findByPlan(planId).stream().map(this::item).toList();
    }

    private Item item(Reform r) {
        List<Party> parties = jdbc.sql("""
                SELECT o.code, o.name, x.role, x.is_default FROM reform_org x JOIN org_unit o ON o.id = x.org_unit_id
                WHERE x.reform_id = ? ORDER BY x.role DESC, o.ordinal""").param(r.id())
                .query((rs, i) -> new Party(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
        List<Event> events = jdbc.sql("SELECT * FROM reform_event WHERE reform_id = ? ORDER BY id").param(r.id())
                .query((rs, i) -> new Event(rs.getLong("id"), rs.getString("from_stage"), rs.getString("to_stage"),
                        rs.getString("note"), rs.getString("outcome_kind"), rs.getString("outcome_text"),
                        rs.getString("actor"), rs.getTimestamp("acted_at").toInstant(), List.of()))
                .list().stream().map(e -> new Event(e.id(), e.fromStage(), e.toStage(), e.note(), e.outcomeKind(),
                        e.outcomeText(), e.actor(), e.actedAt(), jdbc.sql(
                        "SELECT file_name FROM reform_document WHERE event_id = ? ORDER BY id").param(e.id())
                        .query(String.class).list())).toList();
        return new Item(r, Stage.valueOf(r.stage()).label(), version(r.id()), parties, events);
    }

    public Item item(long planId, String code) {
        return reforms.findByPlan(planId).stream().filter(r -> r.code().equals(code)).findFirst().map(this::item)
                .orElseThrow(() -> Actor.bad("改革事项不存在: " + code));
    }

    /**
     * Moves a reform to the next stage (one step forward; the plan office may also move it back one step).
     * Moving to 成果转化 requires the outcome kind and text.
     */
    @Transactional
    public Item move(Plan plan, String code, String toStage, int version, String note, String outcomeKind,
                     String outcomeText, List<Document> documents) {
        Actor a = Actor.current(users);
        Item it = item(plan.id(), code);
        Reform r = it.reform();
        boolean lead = it.parties().stream().anyMatch(p -> "LEAD".equals(p.role())
                && org.findByCode(plan.id(), p.orgCode()).map(OrgUnit::id).map(id -> id.equals(a.orgUnitId()))
                .orElse(false));
        if (!a.admin() && !(lead && (a.role() == cn.lantu.security.Role.APPROVER
                || a.role() == cn.lantu.security.Role.REPORTER))) {
            throw Actor.forbidden("只有规划管理员或牵头部门可以推进改革事项");
        }
        Stage from = Stage.valueOf(r.stage());
        Stage to;
        try {
            to = Stage.valueOf(toStage);
        } catch (IllegalArgumentException e) {
            throw Actor.bad("未知阶段: " + toStage);
        }
        boolean forward = to.ordinal() == from.ordinal() + 1;
        boolean back = a.admin() && to.ordinal() == from.ordinal() - 1;
        if (!forward && !back) {
            throw Actor.conflict("只能推进到下一阶段（" + from.label() + " → …）");
        }
        if (to == Stage.TRANSFORMING) {
            if (outcomeKind == null || outcomeText == null || outcomeText.isBlank()) {
                throw Actor.bad("成果转化须填写成果形式（案例/政策/上级推广）和成果说明");
            }
            Outcome.valueOf(outcomeKind);
        }
        int n = jdbc.sql("UPDATE reform SET stage = ?, outcome_kind = ?, outcome_text = ?, version = version + 1 "
                + "WHERE id = ? AND version = ?").params(to.name(), to == Stage.TRANSFORMING ? outcomeKind : null,
                to == Stage.TRANSFORMING ? outcomeText : null, r.id(), version).update();
        if (n != 1) {
            throw Actor.conflict("改革事项已被他人修改，请刷新后重试");
        }
        jdbc.sql("""
                INSERT INTO reform_event (reform_id, from_stage, to_stage, note, outcome_kind, outcome_text, actor,
                  acted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(r.id(), from.name(), to.name(), note,
                to == Stage.TRANSFORMING ? outcomeKind : null, to == Stage.TRANSFORMING ? outcomeText : null,
                a.username(), Timestamp.from(Instant.now())).update();
        long eventId = jdbc.sql("SELECT MAX(id) FROM reform_event WHERE reform_id = ?").param(r.id())
                .query(Long.class).single();
        if (documents != null) {
            for (Document d : documents) {
                jdbc.sql("INSERT INTO reform_document (event_id, file_name, content_type, content) VALUES (?,?,?,?)")
                        .params(eventId, d.fileName(), d.contentType(), d.content()).update();
            }
        }
        return item(plan.id(), code);
    }

    public int version(long reformId) {
        return jdbc.sql("SELECT version FROM reform WHERE id = ?").param(reformId).query(Integer.class).single();
    }
}
