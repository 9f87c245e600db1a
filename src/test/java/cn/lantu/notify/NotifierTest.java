package cn.lantu.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

import cn.lantu.support.LantuTest;

/** In-app notifications always; the webhook only when configured, retried after failures, never blocking. */
@LantuTest
class NotifierTest {

    @Autowired JdbcClient jdbc;
    @Autowired Notifier configured;

    @Test
    void nothingIsSentOutsideTheAppWhenNothingIsConfigured() {
        assertThat(configured.webhookConfigured()).isFalse();
        assertThat(configured.mailConfigured()).isFalse();
        long before = jdbc.sql("SELECT COUNT(*) FROM outbound_message").query(Long.class).single();
        String user = "notify-" + System.nanoTime();
        configured.send("test", List.of(new Notifier.Recipient(user, "x@example.org")), "标题", "正文", "/x");
        assertThat(configured.forUser(user, 10)).singleElement().satisfies(n -> assertThat(n.title()).isEqualTo("标题"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_message").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aFailingWebhookIsRetriedInTheBackgroundWithADingTalkStylePayload() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/robot", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = calls.incrementAndGet() == 1 ? 500 : 200;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/robot";
            var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
            Notifier notifier = new Notifier(jdbc, new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                    "lantu@localhost", url, "dingtalk", "https://lantu.example.gov.cn", 3, 50, meters);
            long start = System.nanoTime();
            notifier.send("figure.approved", List.of(new Notifier.Recipient("someone", null)), "已批准：GDP", "数据已批准", "/x");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
            for (int i = 0; i < 100 && !"SENT".equals(status(url)); i++) {
                Thread.sleep(50);
            }
            assertThat(status(url)).isEqualTo("SENT");
            assertThat(calls.get()).isEqualTo(2);
            assertThat(meters.counter("lantu.notify.failures", "channel", "WEBHOOK", "outcome", "retrying").count())
                    .as("the failed first attempt is counted for Prometheus").isEqualTo(1.0);
            assertThat(bodies.get(0)).contains("\"msgtype\":\"markdown\"", "已批准：GDP", "https://lantu.example.gov.cn/x");
            notifier.stop();
        } finally {
            server.stop(0);
        }
    }

    String status(String url) {
        return jdbc.sql("SELECT status FROM outbound_message WHERE target = ? ORDER BY id DESC").param(url)
                .query(String.class).list().stream().findFirst().orElse(null);
    }
}
