package cn.lantu.collection;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.security.Role;
import cn.lantu.security.UserService;
import cn.lantu.support.Http;
import tools.jackson.core.type.TypeReference;

/** Test users per department, multipart uploads and database checksums for the reporting tests. */
final class ReportingFixture {

    static final String PLAN = "zhuji-15th";
    static final String PASSWORD = "reporting-test-pass-1";
    private static final AtomicInteger SEQ = new AtomicInteger();

    final int port;
    final JdbcClient jdbc;
    final UserService users;

    ReportingFixture(int port, JdbcClient jdbc, UserService users) {
        this.port = port;
        this.jdbc = jdbc;
        this.users = users;
    }

    /** The org unit id of the lead department of an indicator. */
    long leadOf(String indicatorCode) {
        return jdbc.sql("""
                SELECT r.org_unit_id FROM responsibility r JOIN indicator i ON i.id = r.indicator_id
                WHERE i.code = ? AND r.role = 'LEAD'""").param(indicatorCode).query(Long.class).list().get(0);
    }

    String unitCode(long unitId) {
        return jdbc.sql("SELECT code FROM org_unit WHERE id = ?").param(unitId).query(String.class).single();
    }

    /** Creates a user with a unique name and returns the name. */
    String user(String prefix, Role role, Long unitId) {
        String name = prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        users.createUser(name, "测试" + prefix, PASSWORD, role, unitId);
        return name;
    }

    /** The user's client: HTTP Basic for the API, the user's login session for pages. */
    Http as(String username) {
        return Http.hybrid(port, username, PASSWORD);
    }

    void openPeriod(int year, String period) {
        Http.ok(Http.admin(port).postJson("/api/v1/plans/" + PLAN + "/reporting/periods",
                Map.of("year", year, "period", period, "dueDate", (year + 1) + "-01-31", "open", true)));
    }

    static Map<String, Object> json(HttpResponse<String> r) {
        return Http.JSON.readValue(r.body(), new TypeReference<Map<String, Object>>() {});
    }

    static List<Map<String, Object>> jsonList(HttpResponse<String> r) {
        return Http.JSON.readValue(r.body(), new TypeReference<List<Map<String, Object>>>() {});
    }

    @SuppressWarnings("unchecked")
    static long figureId(HttpResponse<String> saved) {
        Map<String, Object> body = json(saved);
        Map<String, Object> f = body.containsKey("figure") ? (Map<String, Object>) body.get("figure") : body;
        return ((Number) f.get("id")).longValue();
    }

    HttpResponse<String> upload(String username, String fileName, byte[] bytes) {
        String boundary = "lantu" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/plans/" + PLAN
                        + "/reporting/upload"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A checksum over every row of figure, figure_revision and upload_batch. */
    String checksum() {
        StringBuilder sb = new StringBuilder();
        for (String table : List.of("figure", "figure_revision", "upload_batch")) {
            sb.append(table).append(':');
            jdbc.sql("SELECT * FROM " + table + " ORDER BY id").query(rs -> {
                int n = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= n; i++) {
                    sb.append(rs.getString(i)).append('|');
                }
                sb.append('\n');
            });
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
