package cn.lantu.task;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

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

        /** The outcome stored as {@code kind}, or null when there is none or it is unknown. */
        public static Outcome of(String kind) {
            for (Outcome o : values()) {
                if (o.name().equals(kind)) {
                    return o;
                }
            }
            return null;
        }

        /** The Chinese label of an outcome kind as stored (典型案例 for CASE), or null when there is none. */
        public static String labelOf(String kind) {
            Outcome o = of(kind);
            return o != null ? o.label : kind;
        }
    }

    /** A document attached to a stage move as listed: its id (for the download link) and file name. */
    public record Attachment(long id, String fileName) {}

    public record Event(long id, String fromStage, String toStage, String note, String outcomeKind,
                        String outcomeLabel, String outcomeText, String actor, Instant actedAt,
                        List<String> documents, List<Attachment> attachments) {

        /** The stage moved to, as a person reads it (评估立项). */
        public String toStageLabel() {
            return label(toStage);
        }

        public String fromStageLabel() {
            return label(fromStage);
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

    /** A reform with its stage, the label of its outcome kind (in 成果转化), departments and history. */
    public record Item(Reform reform, String stageLabel, String outcomeLabel, int version, List<Party> parties,
                       List<Event> events) {}

    /** What is wrong with a stage move: the form field, the HTTP status, a pages-work message key and arguments. */
    public record Problem(String field, int status, String key, List<String> args) {}

    /** A document attached to a stage move. */
    public record Document(String fileName, String contentType, byte[] content) {}

    /** The note and outcome text columns hold 2,000 characters, a document's file name 300. */
    static final int TEXT_MAX = 2000;
    static final int FILE_NAME_MAX = 300;

    private final ReformRepository reforms;
    private final OrgRepository org;
    private final UserRepository users;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    private final cn.lantu.audit.AuditLog audit;

    public ReformService(ReformRepository reforms, OrgRepository org, UserRepository users, JdbcClient jdbc,
                         MessageSource messages, cn.lantu.audit.AuditLog audit) {
        this.audit = audit;
        this.reforms = reforms;
        this.org = org;
        this.users = users;
        this.jdbc = jdbc;
        this.messages = messages;
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
                        rs.getString("note"), rs.getString("outcome_kind"),
                        Outcome.labelOf(rs.getString("outcome_kind")), rs.getString("outcome_text"),
                        rs.getString("actor"), rs.getTimestamp("acted_at").toInstant(), List.of(), List.of()))
                .list().stream().map(e -> {
                    List<Attachment> files = jdbc.sql(
                            "SELECT id, file_name FROM reform_document WHERE event_id = ? ORDER BY id").param(e.id())
                            .query((rs, i) -> new Attachment(rs.getLong(1), rs.getString(2))).list();
                    return new Event(e.id(), e.fromStage(), e.toStage(), e.note(), e.outcomeKind(), e.outcomeLabel(),
                            e.outcomeText(), e.actor(), e.actedAt(), files.stream().map(Attachment::fileName).toList(),
                            files);
                }).toList();
        return new Item(r, Stage.valueOf(r.stage()).label(), Outcome.labelOf(r.outcomeKind()), version(r.id()),
                parties, events);
    }

    /** A document attached to a move of a reform of the plan, or empty (also when it belongs to another reform). */
    public Optional<Document> document(long planId, String code, long id) {
        return jdbc.sql("""
                SELECT d.file_name, d.content_type, d.content FROM reform_document d
                JOIN reform_event e ON e.id = d.event_id JOIN reform r ON r.id = e.reform_id
                WHERE d.id = ? AND r.plan_id = ? AND r.code = ?""").params(id, planId, code)
                .query((rs, i) -> new Document(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /**
     * What is wrong with moving a reform to {@code toStage} with this outcome and note, in form order (empty when
     * the move may go ahead): a move goes one stage forward (the plan office may also go one back), and 成果转化
     * needs the outcome kind and text.
     */
    public List<Problem> check(Item it, String toStage, String note, String outcomeKind, String outcomeText,
                               List<Document> documents) {
        boolean admin = Actor.current(users).admin();
        List<Problem> out = new ArrayList<>();
        Stage from = Stage.valueOf(it.reform().stage());
        Stage to = Arrays.stream(Stage.values()).filter(s -> s.name().equals(toStage)).findFirst().orElse(null);
        String next = from.ordinal() + 1 < Stage.values().length ? Stage.values()[from.ordinal() + 1].label() : "—";
        if (to == null) {
            out.add(new Problem("to", 400, "task.reforms.error.stage", List.of(String.valueOf(toStage))));
        } else if (to == from) {
            out.add(new Problem("to", 409, "task.reforms.error.same", List.of(from.label(), next)));
        } else if (!(to.ordinal() == from.ordinal() + 1 || (admin && to.ordinal() == from.ordinal() - 1))) {
            out.add(new Problem("to", 409, "task.reforms.error.notNext", List.of(from.label(), next)));
        }
        if (note != null && note.length() > TEXT_MAX) {
            out.add(new Problem("note", 400, "task.reforms.error.tooLong", List.of(String.valueOf(TEXT_MAX))));
        }
        if (to == Stage.TRANSFORMING && Outcome.of(outcomeKind) == null) {
            out.add(new Problem("outcomeKind", 400, "task.reforms.error.outcomeKind", List.of()));
        }
        if (to == Stage.TRANSFORMING && (outcomeText == null || outcomeText.isBlank())) {
            out.add(new Problem("outcomeText", 400, "task.reforms.error.outcomeText", List.of()));
        } else if (outcomeText != null && outcomeText.length() > TEXT_MAX) {
            out.add(new Problem("outcomeText", 400, "task.reforms.error.tooLong", List.of(String.valueOf(TEXT_MAX))));
        }
        if (documents != null && documents.stream().anyMatch(d -> d.fileName() == null || d.fileName().isBlank()
                || d.fileName().length() > FILE_NAME_MAX)) {
            out.add(new Problem("files", 400, "task.reforms.error.fileName", List.of(String.valueOf(FILE_NAME_MAX))));
        }
        return out;
    }

    /** A problem's message in a locale. */
    public String message(Problem p, Locale locale) {
        return messages.getMessage(p.key(), p.args().toArray(), locale);
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
        List<Problem> problems = check(it, toStage, note, outcomeKind, outcomeText, documents);
        if (!problems.isEmpty()) {
            Problem p = problems.get(0);
            throw new ResponseStatusException(HttpStatus.valueOf(p.status()), message(p, Locale.SIMPLIFIED_CHINESE));
        }
        Stage to = Stage.valueOf(toStage);
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
                String type = d.contentType() != null && d.contentType().length() <= 100 ? d.contentType() : null;
                jdbc.sql("INSERT INTO reform_document (event_id, file_name, content_type, content) VALUES (?,?,?,?)")
                        .params(eventId, d.fileName(), type, d.content()).update();
            }
        }
        audit.record(a.username(), "REFORM_MOVE", "reform:" + r.id(), r.name() + "：" + from.label() + " → "
                + to.label() + (note == null || note.isBlank() ? "" : "，说明：" + note)
                + (documents == null || documents.isEmpty() ? "" : "，附件" + documents.size() + "份"));
        return item(plan.id(), code);
    }

    public int version(long reformId) {
        return jdbc.sql("SELECT version FROM reform WHERE id = ?").param(reformId).query(Integer.class).single();
    }
}
