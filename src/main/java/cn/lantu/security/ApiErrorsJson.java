package cn.lantu.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** The small JSON error bodies the security filters answer with ({@code {"status":401,"error":"…"}}). */
final class ApiErrorsJson {

    private ApiErrorsJson() {}

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getOutputStream().write(("{\"status\":" + status + ",\"error\":\"" + escaped + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
