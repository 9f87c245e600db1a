package cn.lantu.cockpit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lantu.assessment.Warning;
import cn.lantu.audit.AuditLog;
import cn.lantu.monitoring.IndicatorAssessment;
import cn.lantu.plan.Plan;

/**
 * The warning lists of a plan and year: every red or yellow indicator, task and project with why (one sentence),
 * since when (the first time Lantu saw it in its current status, kept in {@code warning_status}) and who must act
 * (the lead unit), and the plan office's acknowledgements (已知悉). An acknowledged warning stays visible, marked,
 * but leaves the top list until its status changes; a new status raises it again.
 */
@Component
class WarningBoard {

    static final int MAX_NOTE = 500;

    /** What is warned about; the label is the bundle key {@code warning.subject.*}. */
    enum Subject { INDICATOR, TASK, PROJECT }

    /** A red or yellow item. {@code statusKey} identifies the status an acknowledgement applies to. */
    record Item(Subject subject, long id, String code, String name, String url, Warning level, String statusKey,
                String why, String lead) {}

    /** An acknowledgement: the status it was given for, the note, who and when, and its version for the next one. */
    record Ack(String statusKey, String note, String by, Instant at, int version) {}

    /** An item with since when it is in its status and its acknowledgement (null unless it holds for this status). */
    record Raised(Item item, Instant since, Ack ack, int version) {
        public boolean acknowledged() {
            return ack != null;
        }
    }

    /** The top lists (not acknowledged, red and yellow, indicators and work apart) and the acknowledged ones. */
    record Board(List<Raised> redIndicators, List<Raised> redWork, List<Raised> yellowIndicators,
                 List<Raised> yellowWork, List<Raised> acknowledged) {
        public List<Raised> all() {
            List<Raised> out = new ArrayList<>(redIndicators);
            out.addAll(redWork);
            out.addAll(yellowIndicators);
            out.addAll(yellowWork);
            out.addAll(acknowledged);
            return out;
        }

        public int top() {
            return redIndicators.size() + redWork.size() + yellowIndicators.size() + yellowWork.size();
        }

        /** The warnings a unit must act on: those it leads. */
        public Board ledBy(String unit) {
            java.util.function.Function<List<Raised>, List<Raised>> f = l -> l.stream()
                    .filter(r -> unit.equals(r.item().lead())).toList();
            return new Board(f.apply(redIndicators), f.apply(redWork), f.apply(yellowIndicators), f.apply(yellowWork),
                    f.apply(acknowledged));
        }
    }

    /** Why an acknowledgement was refused: the field it concerns (note, version or the warning) and the message. */
    static final class Refused extends RuntimeException {
        final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private record Key(Subject subject, String code) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final AuditLog audit;

    WarningBoard(JdbcClient jdbc, TransactionTemplate tx, MessageSource messages, AuditLog audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.messages = messages;
        this.audit = audit;
    }

    /** The board of a cockpit's red and yellow items, worded in the reader's language. */
    Board of(Plan plan, CockpitController.Cockpit c, Locale locale) {
        return board(plan, c.year(), items(c, locale));
    }

    /** The items of a cockpit, worded in the reader's language. */
    List<Item> items(CockpitController.Cockpit c, Locale locale) {
        List<Item> out = new ArrayList<>();
        for (IndicatorAssessment a : c.red()) {
            out.add(indicator(c, a, locale));
        }
        for (IndicatorAssessment a : c.yellow()) {
            out.add(indicator(c, a, locale));
        }
        for (CockpitController.WorkItem w : c.redWork()) {
            out.add(work(w, Warning.RED, locale));
        }
        for (CockpitController.WorkItem w : c.yellowWork()) {
            out.add(work(w, Warning.YELLOW, locale));
        }
        return out;
    }

    private static Item indicator(CockpitController.Cockpit c, IndicatorAssessment a, Locale locale) {
        var s = a.assessment();
        return new Item(Subject.INDICATOR, a.indicator().id(), a.indicator().code(), a.indicator().name(),
                "/plans/" + c.plan() + "/indicators/" + a.indicator().code() + "?year=" + c.year(), s.warning(),
                s.status().name() + "/" + s.warning().name(), s.explanation(locale), a.leadDepartment());
    }

    private Item work(CockpitController.WorkItem w, Warning level, Locale locale) {
        Subject subject = "PROJECT".equals(w.subject()) ? Subject.PROJECT : Subject.TASK;
        String why;
        if (!w.overdue().isEmpty()) {
            why = messages.getMessage("warning.why.overdue", new Object[] {String.join(
                    messages.getMessage("warning.listSeparator", null, locale), w.overdue())}, locale);
        } else if (w.progress() == null) {
            why = messages.getMessage("warning.why.noProgress." + subject.name(),
                    new Object[] {pct(w.schedulePct())}, locale);
        } else {
            why = messages.getMessage("warning.why.behind." + subject.name(), new Object[] {pct(w.progress()),
                    pct(w.schedulePct()), pct(w.schedulePct() - w.progress())}, locale);
        }
        // the overdue milestones are part of the status: a newly overdue one is a new status
        String key = w.state() + "/" + level.name() + (w.overdue().isEmpty() ? "" : "/" + String.join(",", w.overdue()));
        return new Item(subject, w.id(), w.code(), w.name(), w.url(), level, cut(key, 60), why, w.lead());
    }

    private static String pct(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 10) / 10.0).stripTrailingZeros().toPlainString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * The board for the items: records each item's status where it is new or changed (since = now), reads since when
     * and the acknowledgements, and splits the items into the top lists and the acknowledged ones.
     */
    Board board(Plan plan, int year, List<Item> items) {
        Map<Key, Object[]> status = new HashMap<>();
        jdbc.sql("SELECT subject_kind, subject_code, status_key, since_at FROM warning_status"
                        + " WHERE plan_id = ? AND report_year = ?").params(plan.id(), year)
                .query(rs -> {
                    status.put(new Key(Subject.valueOf(rs.getString(1)), rs.getString(2)),
                            new Object[] {rs.getString(3), rs.getTimestamp(4).toInstant()});
                });
        Map<Key, Ack> acks = acks(plan.id(), year);
        // at the precision every database keeps, so the first answer says what later ones will
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Raised> redI = new ArrayList<>(), redW = new ArrayList<>(), yellowI = new ArrayList<>(),
                yellowW = new ArrayList<>(), known = new ArrayList<>();
        for (Item it : items) {
            Key k = new Key(it.subject(), it.code());
            Object[] stored = status.get(k);
            Instant since;
            if (stored == null) {
                since = now;
                inserts.add(new Object[] {plan.id(), year, it.subject().name(), it.code(), it.statusKey(),
                        Timestamp.from(now)});
            } else if (!stored[0].equals(it.statusKey())) {
                since = now;
                updates.add(new Object[] {it.statusKey(), Timestamp.from(now), plan.id(), year, it.subject().name(),
                        it.code()});
            } else {
                since = (Instant) stored[1];
            }
            Ack ack = acks.get(k);
            int version = ack == null ? 0 : ack.version();
            Ack holding = ack != null && ack.statusKey().equals(it.statusKey()) ? ack : null;
            Raised r = new Raised(it, since, holding, version);
            if (holding != null) {
                known.add(r);
            } else if (it.level() == Warning.RED) {
                (it.subject() == Subject.INDICATOR ? redI : redW).add(r);
            } else {
                (it.subject() == Subject.INDICATOR ? yellowI : yellowW).add(r);
            }
        }
        if (!inserts.isEmpty() || !updates.isEmpty()) {
            tx.executeWithoutResult(s -> {
                for (Object[] u : updates) {
                    jdbc.sql("UPDATE warning_status SET status_key = ?, since_at = ? WHERE plan_id = ? AND report_year = ?"
                            + " AND subject_kind = ? AND subject_code = ?").params(u).update();
                }
                for (Object[] i : inserts) {
                    // a concurrent reader may have recorded it first: its time stands
                    jdbc.sql("INSERT INTO warning_status (plan_id, report_year, subject_kind, subject_code, status_key,"
                            + " since_at) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM warning_status"
                            + " WHERE plan_id = ? AND report_year = ? AND subject_kind = ? AND subject_code = ?)")
                            .params(i[0], i[1], i[2], i[3], i[4], i[5], i[0], i[1], i[2], i[3]).update();
                }
            });
        }
        return new Board(redI, redW, yellowI, yellowW, known);
    }

    private Map<Key, Ack> acks(long planId, int year) {
        Map<Key, Ack> out = new HashMap<>();
        jdbc.sql("SELECT subject_kind, subject_code, status_key, note, acked_by, acked_at, version FROM warning_ack"
                        + " WHERE plan_id = ? AND report_year = ?").params(planId, year)
                .query(rs -> {
                    out.put(new Key(Subject.valueOf(rs.getString(1)), rs.getString(2)), new Ack(rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7)));
                });
        return out;
    }

    /**
     * Acknowledges the warning on {@code code} in its current status, with a note. {@code version} is the version of
     * the acknowledgement the user saw (0 when there was none). Refused when the note is blank or too long, the item
     * is not on the board (not red or yellow), or someone acknowledged it in between.
     */
    Raised acknowledge(Plan plan, int year, Board board, Subject subject, String code, String note, Integer version,
                       String by) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new Refused("note", "请填写已知悉的原因");
        }
        if (text.length() > MAX_NOTE) {
            throw new Refused("note", "原因不能超过" + MAX_NOTE + "字");
        }
        if (text.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw new Refused("note", "原因含有不可见的控制字符");
        }
        if (version == null) {
            throw new Refused("version", "请带上版本号（刷新页面后重试）");
        }
        Raised raised = board.all().stream()
                .filter(r -> r.item().subject() == subject && r.item().code().equals(code)).findFirst()
                .orElseThrow(() -> new Refused("warning", "该事项当前没有预警，无需确认"));
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        try {
            return record(plan, year, raised, subject, code, text, version, by, now);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // two first acknowledgements at once: the other one won
            throw new Refused("version", "该预警已被他人确认或修改，请刷新页面后重试");
        }
    }

    private Raised record(Plan plan, int year, Raised raised, Subject subject, String code, String text, int version,
                          String by, Instant now) {
        Item it = raised.item();
        return tx.execute(s -> {
            Ack before = acks(plan.id(), year).get(new Key(subject, code));
            int current = before == null ? 0 : before.version();
            if (current != version) {
                throw new Refused("version", "该预警已被他人确认或修改，请刷新页面后重试");
            }
            int updated;
            if (before == null) {
                updated = jdbc.sql("INSERT INTO warning_ack (plan_id, report_year, subject_kind, subject_code, status_key,"
                                + " note, acked_by, acked_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")
                        .params(plan.id(), year, subject.name(), code, it.statusKey(), text, by, Timestamp.from(now))
                        .update();
            } else {
                updated = jdbc.sql("UPDATE warning_ack SET status_key = ?, note = ?, acked_by = ?, acked_at = ?,"
                                + " version = version + 1 WHERE plan_id = ? AND report_year = ? AND subject_kind = ?"
                                + " AND subject_code = ? AND version = ?")
                        .params(it.statusKey(), text, by, Timestamp.from(now), plan.id(), year, subject.name(), code,
                                version).update();
            }
            if (updated != 1) {
                throw new Refused("version", "该预警已被他人确认或修改，请刷新页面后重试");
            }
            String kindZh = messages.getMessage("warning.subject." + subject.name(), null, Locale.SIMPLIFIED_CHINESE);
            String levelZh = messages.getMessage("warning.level." + it.level().name(), null, Locale.SIMPLIFIED_CHINESE);
            audit.record(by, "WARNING_ACKNOWLEDGE", subject.name().toLowerCase(Locale.ROOT) + ":" + it.id(),
                    year + "年" + kindZh + "“" + it.name() + "”" + levelZh + "已知悉：" + text
                            + (before == null ? "" : "（此前：" + before.note() + "，" + before.by() + "）"));
            return new Raised(it, raised.since(), new Ack(it.statusKey(), text, by, now, current + 1), current + 1);
        });
    }
}
