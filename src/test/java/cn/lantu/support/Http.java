package cn.lantu.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests against the running server (JDK HttpClient, JSON with Jackson). */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Http anonymous(int port) {
        return new Http("http://localhost:" + port, null);
    }

    public static Http basic(int port, String user, String password) {
        return new Http("http://localhost:" + port, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static Http bearer(int port, String token) {
        return new Http("http://localhost:" + port, "Bearer " + token);
    }

    public static Http admin(int port) {
        return basic(port, "admin", TestUsers.adminPassword());
    }

    /** The administrator of the demo-mode context ({@link LantuDemoTest}). */
    public static Http demoAdmin(int port) {
        return basic(port, "admin", TestUsers.demoAdminPassword());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    public HttpResponse<String> putJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** A multipart/form-data POST with one file part. */
    public HttpResponse<String> postMultipart(String path, String field, String fileName, String contentType,
                                              byte[] bytes) {
        String boundary = "lantu" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public int status(String path) {
        return get(path).statusCode();
    }

    public Map<String, Object> getMap(String path) {
        return JSON.readValue(ok(get(path)), new TypeReference<Map<String, Object>>() {});
    }

    public List<Map<String, Object>> getList(String path) {
        return JSON.readValue(ok(get(path)), new TypeReference<List<Map<String, Object>>>() {});
    }

    public static String ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " for " + response.uri() + ": " + response.body());
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
