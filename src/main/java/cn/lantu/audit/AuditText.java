package cn.lantu.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.lantu.web.Formats;

/**
 * An audit entry as a person reads it. The log keeps what was written (action codes such as LOGIN_SUCCESS, subjects
 * such as {@code figure:12 …}, which is what filters and tests search by); the page and the CSV show the action's
 * name (登录成功), the subject's kind (数据、用户、单位…), periods as words (2026年全年) and Beijing time.
 */
@Component
class AuditText {

    /** One entry, every field ready to show. */
    record Row(long id, String time, String actor, String action, String subject, String detail) {}

    private static final Pattern SUBJECT = Pattern.compile("^([a-z_]+):(.*)$", Pattern.DOTALL);
    private static final Pattern ID_FIRST = Pattern.compile("^(\\d+)(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})[/ ](Y|Q[1-4]|M(?:0[1-9]|1[0-2]))\\b");

    private final MessageSource messages;

    AuditText(MessageSource messages) {
        this.messages = messages;
    }

    Row row(AuditLog.Entry e, Locale locale) {
        return new Row(e.id(), Formats.time(e.loggedAt(), locale), e.actor(), action(e.action(), locale),
                subject(e.subject(), locale), periods(e.detail(), locale));
    }

    /** The name of an action (登录成功 for LOGIN_SUCCESS); an action without a name is shown as written. */
    String action(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        return messages.getMessage("audit.action." + code, null, code, locale);
    }

    /** {@code figure:12 指标 · 单位 · 2026年全年} → 数据 12：指标 · 单位 · 2026年全年; {@code user:admin} → 用户：admin. */
    String subject(String subject, Locale locale) {
        if (subject == null) {
            return "";
        }
        Matcher m = SUBJECT.matcher(subject);
        if (!m.matches()) {
            return periods(subject, locale);
        }
        String kind = messages.getMessage("audit.subject." + m.group(1), null, m.group(1), locale);
        String rest = periods(m.group(2).strip(), locale);
        String colon = locale != null && "en".equals(locale.getLanguage()) ? ": " : "：";
        Matcher id = ID_FIRST.matcher(rest);
        if (id.matches()) {
            return kind + " " + id.group(1) + (id.group(2) == null ? "" : colon + id.group(2));
        }
        return kind + colon + rest;
    }

    /** Period codes written by older entries (2026/Y, 2026 Q1) as words. */
    static String periods(String text, Locale locale) {
        if (text == null) {
            return "";
        }
        Matcher m = PERIOD.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(
                    Formats.period(Integer.parseInt(m.group(1)), m.group(2), locale)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
