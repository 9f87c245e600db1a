package cn.lantu.ingest.review;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Form and multipart posts to the review pages through the user's login session (pages do not accept HTTP Basic):
 * logs in with the form, keeps the session cookie and sends the session's CSRF token with every request.
 */
final class ReviewHttp {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    private final String base;
    private final String csrf;

    ReviewHttp(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        java.util.regex.Matcher login = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(plain(HttpRequest.newBuilder(URI.create(base + "/login")).GET()).body());
        if (!login.find()) {
            throw new AssertionError("no CSRF token on the login page");
        }
        StringJoiner form = new StringJoiner("&");
        Map.of("username", user, "password", password, "_csrf", login.group(1)).forEach((k, v) -> form.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> in = plain(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        if (in.statusCode() != 302 || in.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("login of " + user + " failed: " + in.statusCode());
        }
        java.util.regex.Matcher meta = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(plain(HttpRequest.newBuilder(URI.create(base + "/plans")).GET()).body());
        this.csrf = meta.find() ? meta.group(1) : null;
    }

    HttpResponse<String> upload(String fileName, byte[] content) {
        String boundary = "----lantu" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/review/ingest"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        StringJoiner j = new StringJoiner("&");
        form.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(j.toString())));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** The review id from the redirect of a successful upload. */
    static long reviewId(HttpResponse<String> upload) {
        String location = upload.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: HTTP " + upload.statusCode() + " " + upload.body()));
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        return plain(csrf == null ? b : b.header("X-CSRF-TOKEN", csrf));
    }

    private HttpResponse<String> plain(HttpRequest.Builder b) {
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
