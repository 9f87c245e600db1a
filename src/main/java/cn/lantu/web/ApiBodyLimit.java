package cn.lantu.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the body of every non-multipart request to {@code /api/} at {@code lantu.reporting.max-json-bytes}
 * (default 1 MB; uploads have their own multipart limits): a declared Content-Length over the limit is answered 413
 * at once, before anything reads the body; a body without a length (chunked) is counted as it is read and stops at
 * the limit with {@link TooLarge}, which {@link ApiErrors} answers with 413 too. The message is Chinese and names no
 * class.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class ApiBodyLimit extends OncePerRequestFilter {

    /** Thrown by the counted stream when a body passes the limit. */
    public static final class TooLarge extends IOException {
        private final long max;

        TooLarge(long max) {
            super("request body over " + max + " bytes");
            this.max = max;
        }

        public long max() {
            return max;
        }
    }

    private final long max;

    public ApiBodyLimit(@Value("${lantu.reporting.max-json-bytes:1048576}") long max) {
        this.max = max;
    }

    /** The Chinese message of a refused body. */
    public static String message(long max) {
        return "请求内容过大（超过 " + (max >= 1024 ? max / 1024 + " KB" : max + " 字节") + "），已拒绝";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String api = request.getContextPath() + "/api/";
        String type = request.getContentType();
        return uri == null || !uri.startsWith(api)
                || (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            response.setStatus(413);
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Connection", "close");
            response.getOutputStream().write(("{\"status\":413,\"error\":\"Payload Too Large\",\"message\":\""
                    + message(max) + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new Counted(request, max), response);
    }

    /** The request with its body counted as it is read. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    long read;

                    private int count(int n) throws TooLarge {
                        if (n > 0) {
                            read += n;
                            if (read > max) {
                                throw new TooLarge(max);
                            }
                        }
                        return n;
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return count(in.read(b, off, len));
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            return new BufferedReader(new InputStreamReader(getInputStream(), cs));
        }
    }
}
