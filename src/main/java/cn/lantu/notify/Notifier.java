package cn.lantu.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends notifications: always in the app; by e-mail when SMTP is configured ({@code spring.mail.host}) and the
 * recipient has an address; to a generic JSON webhook when {@code lantu.notify.webhook.url} is set.
 * External sends run on a background thread, are retried ({@code lantu.notify.max-attempts}, backing off) and
 * logged in {@code outbound_message}; they never block or fail the user's request. Nothing external is sent
 * when nothing is configured.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Someone to notify; email may be null. */
    public record Recipient(String username, String email) {}

    /** One in-app notification. */
    public record Notification(long id, String title, String body, String link, Instant createdAt, Instant readAt) {}

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final String mailFrom;
    private final String webhookUrl;
    private final String webhookFormat;
    private final String baseUrl;
    private final int maxAttempts;
    private final long backoffMillis;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lantu-notify");
        t.setDaemon(true);
        return t;
    });

    public Notifier(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail,
                    @Value("${lantu.notify.mail.from:lantu@localhost}") String mailFrom,
                    @Value("${lantu.notify.webhook.url:}") String webhookUrl,
                    @Value("${lantu.notify.webhook.format:generic}") String webhookFormat,
                    @Value("${lantu.notify.base-url:}") String baseUrl,
                    @Value("${lantu.notify.max-attempts:4}") int maxAttempts,
                    @Value("${lantu.notify.backoff-millis:2000}") long backoffMillis,
                    io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.mail = mail;
        this.mailFrom = mailFrom;
        this.webhookUrl = webhookUrl == null ? "" : webhookUrl.trim();
        this.webhookFormat = webhookFormat;
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoffMillis = backoffMillis;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    public boolean mailConfigured() {
        return mail.getIfAvailable() != null;
    }

    public boolean webhookConfigured() {
        return !webhookUrl.isEmpty();
    }

    /** Where a notification goes: in the app, by e-mail (when SMTP is configured), to the webhook (when set). */
    public enum Channel {
        APP("站内通知"), MAIL("电子邮件"), WEBHOOK("Webhook推送");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** True when a notification can go out through this channel on this installation. */
    public boolean configured(Channel channel) {
        return switch (channel) {
            case APP -> true;
            case MAIL -> mailConfigured();
            case WEBHOOK -> webhookConfigured();
        };
    }

    /** Notifies the recipients in the app now and through the configured channels in the background. */
    public void send(String event, List<Recipient> recipients, String title, String body, String link) {
        send(event, recipients, title, body, link, java.util.EnumSet.allOf(Channel.class));
    }

    /**
     * Notifies the recipients through the chosen channels only (those not configured are skipped): in the app now,
     * by e-mail and to the webhook in the background.
     */
    public void send(String event, List<Recipient> recipients, String title, String body, String link,
                     java.util.Set<Channel> channels) {
        Timestamp now = Timestamp.from(Instant.now());
        for (Recipient r : channels.contains(Channel.APP) ? recipients : List.<Recipient>of()) {
            jdbc.sql("INSERT INTO notification (username, title, body, link, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(r.username(), cut(title, 300), cut(body, 2000), link, now).update();
        }
        String external = link != null && link.startsWith("/") ? baseUrl + link : link;
        JavaMailSender sender = channels.contains(Channel.MAIL) ? mail.getIfAvailable() : null;
        if (sender != null) {
            for (Recipient r : recipients) {
                if (r.email() != null && !r.email().isBlank()) {
                    long id = outbound("MAIL", r.email(), title, body);
                    schedule(id, "MAIL", 1, () -> {
                        SimpleMailMessage m = new SimpleMailMessage();
                        m.setFrom(mailFrom);
                        m.setTo(r.email());
                        m.setSubject("【蓝图】" + title);
                        m.setText(body + (external == null ? "" : "\n\n" + external));
                        sender.send(m);
                    }, 0);
                }
            }
        }
        if (channels.contains(Channel.WEBHOOK) && webhookConfigured()) {
            String payload = JSON.writeValueAsString(webhookPayload(webhookFormat, event, title, body, external,
                    recipients.stream().map(Recipient::username).toList()));
            long id = outbound("WEBHOOK", webhookUrl, title, payload);
            schedule(id, "WEBHOOK", 1, () -> post(payload), 0);
        }
    }

    /**
     * The JSON posted to the webhook. {@code generic}: {event, title, text, link, recipients, sentAt (ISO, for
     * machines), sentAtText (Beijing time, for people)};
     * {@code dingtalk}: a DingTalk-style robot message {"msgtype":"markdown","markdown":{"title":…,"text":…}}.
     */
    public static Map<String, Object> webhookPayload(String format, String event, String title, String body,
                                                     String link, List<String> recipients) {
        Map<String, Object> p = new LinkedHashMap<>();
        if ("dingtalk".equalsIgnoreCase(format)) {
            p.put("msgtype", "markdown");
            p.put("markdown", Map.of("title", title, "text",
                    "#### " + title + "\n\n" + body + (link == null ? "" : "\n\n[查看](" + link + ")")));
            p.put("at", Map.of("isAtAll", false));
            return p;
        }
        p.put("event", event);
        p.put("title", title);
        p.put("text", body);
        p.put("link", link);
        p.put("recipients", recipients);
        Instant now = Instant.now();
        p.put("sentAt", now.toString());
        // for a person reading the message where the webhook lands: Beijing time, 2026年3月5日 14:20
        p.put("sentAtText", cn.lantu.web.Formats.timeZh(now));
        return p;
    }

    public List<Notification> forUser(String username, int limit) {
        return jdbc.sql("SELECT * FROM notification WHERE username = ? ORDER BY id DESC LIMIT " + limit)
                .param(username)
                .query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                        rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    public long unread(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE username = ? AND read_at IS NULL").param(username)
                .query(Long.class).single();
    }

    public void markRead(String username, long id) {
        jdbc.sql("UPDATE notification SET read_at = ? WHERE id = ? AND username = ? AND read_at IS NULL")
                .params(Timestamp.from(Instant.now()), id, username).update();
    }

    private void post(String payload) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(webhookUrl)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + res.statusCode());
        }
    }

    interface Send {
        void run() throws Exception;
    }

    /**
     * Runs a send on the background thread; a failed attempt is counted in the Prometheus counter
     * {@code lantu_notify_failures_total{channel=MAIL|WEBHOOK, outcome=retrying|failed}} and retried with back-off.
     */
    private void schedule(long id, String channel, int attempt, Send send, long delayMillis) {
        executor.schedule(() -> {
            try {
                send.run();
                jdbc.sql("UPDATE outbound_message SET status = 'SENT', attempts = ?, sent_at = ? WHERE id = ?")
                        .params(attempt, Timestamp.from(Instant.now()), id).update();
            } catch (Exception e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                boolean last = attempt >= maxAttempts;
                log.warn("notification {} attempt {}/{} failed: {}", id, attempt, maxAttempts, error);
                meters.counter("lantu.notify.failures", "channel", channel, "outcome", last ? "failed" : "retrying")
                        .increment();
                jdbc.sql("UPDATE outbound_message SET status = ?, attempts = ?, last_error = ? WHERE id = ?")
                        .params(last ? "FAILED" : "RETRYING", attempt, cut(error, 1000), id).update();
                if (!last) {
                    schedule(id, channel, attempt + 1, send, backoffMillis * (1L << (attempt - 1)));
                }
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private long outbound(String channel, String target, String subject, String payload) {
        jdbc.sql("""
                INSERT INTO outbound_message (channel, target, subject, payload, attempts, status, created_at)
                VALUES (?, ?, ?, ?, 0, 'PENDING', ?)
                """).params(channel, cut(target, 500), cut(subject, 300), payload, Timestamp.from(Instant.now()))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM outbound_message WHERE channel = ?").param(channel)
                .query(Long.class).single();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
