package cn.lantu.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/** Health is open for the reverse proxy; Prometheus metrics need the system administrator and carry Lantu's own meters. */
@LantuTest
class OperationsEndpointsTest {

    @LocalServerPort int port;

    @Test
    void healthIsOpenAndPrometheusShowsRequestLatencyImportsAndReassessment() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        Http.admin(port).getMap("/api/v1/plans/zhuji-15th/cockpit?year=2026"); // at least one timed API request
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).header("Accept", "text/plain")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("sysadmin:" + cn.lantu.support.TestUsers.initialPassword("sysadmin")).getBytes(
                                java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count",
                "lantu_reassessment_duration_seconds_count",
                "lantu_import_duration_seconds_count");
        assertThat(metrics.body().lines().filter(l -> l.startsWith("lantu_import_duration_seconds_count")))
                .anyMatch(l -> l.contains("source=\"bulk-xlsx\""))
                .anyMatch(l -> l.contains("source=\"template-xlsx\""))
                .anyMatch(l -> l.contains("source=\"synthetic\""));
    }
}
