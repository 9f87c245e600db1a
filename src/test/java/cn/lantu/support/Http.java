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

    private final HttpClient client;
    private final String base;
    private final String authorization;
    private String csrf;
    /** For {@link #hybrid}: the session that serves everything outside /api/ (opened at first use). */
    private java.util.function.Supplier<Http> pages;

    private Http(String base, String authorization) {
        this(base, authorization, HttpClient.newHttpClient());
    }

    private Http(String base, String authorization, HttpClient client) {
        this.base = base;
        this.authorization = authorization;
        this.client = client;
    }

    /**
     * A browser-like client: logs in through the login form (with its CSRF token) and keeps the session cookie, so
     * pages are requested the way a person's browser requests them (no Basic header, no bcrypt per request).
     */
    public static Http session(int port, String user, String password) {
        Http h = login(port, user, password, new java.net.CookieManager());
        h.csrf = h.csrfOf(h.firstPage());
        return h;
    }

    /**
     * Logs in through the form and returns the client without having asked for any page yet (a fresh session).
     * {@link #csrf()} is null until {@link #refreshCsrf()}.
     */
    public static Http login(int port, String user, String password) {
        return login(port, user, password, new java.net.CookieManager());
    }

    private static Http login(int port, String user, String password, java.net.CookieManager cookies) {
        Http h = new Http("http://localhost:" + port, null, HttpClient.newBuilder().cookieHandler(cookies).build());
        HttpResponse<String> r = h.tryLogin(user, password);
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")
                || r.headers().firstValue("Location").orElse("").contains("locked")) {
            throw new AssertionError("login of " + user + " failed: " + r.statusCode() + " "
                    + r.headers().firstValue("Location").orElse(""));
        }
        return h;
    }

    /** A client with a cookie jar and no login yet (for {@link #tryLogin}). */
    public static Http browser(int port) {
        return new Http("http://localhost:" + port, null, HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build());
    }

    /** Posts the login form (with the login page's CSRF token) and returns the answer, whatever it is. */
    public HttpResponse<String> tryLogin(String user, String password) {
        String login = page("/login").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(login);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the login page");
        }
        csrf = null;
        return postForm("/login", Map.of("username", user, "password", password, "_csrf", m.group(1)));
    }

    /** The plan list, or the page the server sends the user to first (the password page at a first login). */
    private String firstPage() {
        HttpResponse<String> r = page("/plans");
        String location = r.headers().firstValue("Location").orElse(null);
        return r.statusCode() == 302 && location != null ? page(URI.create(location).getPath()).body() : r.body();
    }

    /** Reads this session's CSRF token from a page. */
    public Http refreshCsrf() {
        csrf = csrfOf(firstPage());
        return this;
    }

    private static final Map<String, Http> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A client for tests that use one user for both the API and pages: API calls ({@code /api/...}) go with HTTP
     * Basic, everything else (pages, which do not accept Basic) through that user's form-login session, opened at
     * the first page and kept. The session does not remember the {@code ?lang=} choice, like a Basic client.
     */
    public static Http hybrid(int port, String user, String password) {
        Http h = basic(port, user, password);
        h.pages = () -> SESSIONS.computeIfAbsent(port + "|" + user + "|" + password,
                k -> pageSession(port, user, password));
        return h;
    }

    /** {@link #hybrid} for the administrator. */
    public static Http adminHybrid(int port) {
        return hybrid(port, "admin", TestUsers.adminPassword());
    }

    /** {@link #hybrid} for the administrator of the demo-mode context ({@link LantuDemoTest}). */
    public static Http demoAdminHybrid(int port) {
        return hybrid(port, "admin", TestUsers.demoAdminPassword());
    }

    /** The session a {@link #hybrid} client uses for this path, or null when the path goes with this client. */
    private Http route(String path) {
        return pages != null && !path.startsWith("/api/") ? pages.get() : null;
    }

    /**
     * The administrator's browser session for pages, logged in once per server and kept. Like the HTTP Basic
     * client it replaces for pages, it does not remember the {@code ?lang=} choice between requests.
     */
    public static Http adminSession(int port) {
        return SESSIONS.computeIfAbsent(port + "|admin", k -> pageSession(port, "admin", TestUsers.adminPassword()));
    }

    /**
     * A page session of an account created on first start — {@code sysadmin}, {@code secadmin} or
     * {@code auditadmin} (the 三员) — logged in once per server and kept.
     */
    public static Http initialSession(int port, String user) {
        return SESSIONS.computeIfAbsent(port + "|" + user,
                k -> pageSession(port, user, TestUsers.initialPassword(user)));
    }

    /** {@link #initialSession} in the demo-mode context ({@link LantuDemoTest}). */
    public static Http demoInitialSession(int port, String user) {
        return SESSIONS.computeIfAbsent(port + "|demo-" + user,
                k -> pageSession(port, user, TestUsers.demoInitialPassword(user)));
    }

    /** {@link #adminSession} in the demo-mode context ({@link LantuDemoTest}). */
    public static Http demoAdminSession(int port) {
        return SESSIONS.computeIfAbsent(port + "|demo-admin",
                k -> pageSession(port, "admin", TestUsers.demoAdminPassword()));
    }

    /** A browser session for pages that, like an HTTP Basic client, does not remember the {@code ?lang=} choice. */
    public static Http pageSession(int port, String user, String password) {
        java.net.CookieManager cookies = new java.net.CookieManager(null,
                (uri, cookie) -> !"lantu-lang".equals(cookie.getName())
                        && java.net.CookiePolicy.ACCEPT_ORIGINAL_SERVER.shouldAccept(uri, cookie));
        Http h = login(port, user, password, cookies);
        h.csrf = h.csrfOf(h.firstPage());
        return h;
    }

    /** The CSRF token of this session (from the meta tag of a page). */
    public String csrf() {
        return csrf;
    }

    private String csrfOf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** A page as a browser asks for it (Accept: text/html). */
    public HttpResponse<String> page(String path) {
        Http session = route(path);
        if (session != null) {
            return session.page(path);
        }
        return send(request(path).setHeader("Accept", "text/html,application/xhtml+xml").GET().build());
    }

    /** A form POST (application/x-www-form-urlencoded) as a browser sends it; adds this session's CSRF token. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Http session = route(path);
        if (session != null) {
            return session.postForm(path, fields);
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        String body = all.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(request(path).setHeader("Accept", "text/html,application/xhtml+xml")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
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
        Http session = route(path);
        if (session != null) {
            return session.get(path);
        }
        return send(request(path).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        Http session = route(path);
        if (session != null) {
            return session.getBytes(path);
        }
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postJson(String path, Object body) {
        Http session = route(path);
        if (session != null) {
            return session.postJson(path, body);
        }
        return send(withCsrf(request(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /**
     * A workflow move of a figure ({@code submit}, {@code sign-off}, {@code approve}, {@code return}) the way a client
     * makes it: it reads the figure first and sends the version it read (a move needs it). A client that may not
     * read the figure sends the body as it is.
     */
    public HttpResponse<String> move(long figureId, String move, Map<String, ?> body) {
        Map<String, Object> sent = new java.util.HashMap<>(body);
        HttpResponse<String> figure = get("/api/v1/figures/" + figureId);
        if (figure.statusCode() == 200 && !sent.containsKey("version")) {
            Map<String, Object> read = JSON.readValue(figure.body(), new TypeReference<Map<String, Object>>() {});
            Object f = read.containsKey("figure") ? read.get("figure") : read;
            sent.put("version", ((Map<?, ?>) f).get("version"));
        }
        return postJson("/api/v1/figures/" + figureId + "/" + move, sent);
    }

    public HttpResponse<String> putJson(String path, Object body) {
        Http session = route(path);
        if (session != null) {
            return session.putJson(path, body);
        }
        return send(withCsrf(request(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** A multipart/form-data POST with one file part. */
    public HttpResponse<String> postMultipart(String path, String field, String fileName, String contentType,
                                              byte[] bytes) {
        Http session = route(path);
        if (session != null) {
            return session.postMultipart(path, field, fileName, contentType, bytes);
        }
        String boundary = "lantu" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return send(withCsrf(request(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> delete(String path) {
        Http session = route(path);
        if (session != null) {
            return session.delete(path);
        }
        return send(withCsrf(request(path)).DELETE().build());
    }

    /**
     * A form POST with this client's cookies and the given extra headers but WITHOUT the CSRF token (to show that
     * it is refused).
     */
    public HttpResponse<String> postFormWithoutCsrf(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        HttpRequest.Builder b = request(path).setHeader("Accept", "text/html,application/xhtml+xml")
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A JSON POST with the given extra headers and WITHOUT the CSRF token. */
    public HttpResponse<String> postJsonWithoutCsrf(String path, Object json, String... headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json))).build());
    }

    /** A request with extra headers (e.g. {@code X-Forwarded-Proto}). */
    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = request(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return send(b.GET().build());
    }

    /** A session client sends its CSRF token as a header (as the pages' scripts do); others send none. */
    private HttpRequest.Builder withCsrf(HttpRequest.Builder b) {
        if (csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        return b;
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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        b.setHeader("Accept", "application/json");
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
