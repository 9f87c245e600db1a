package cn.lantu.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.lantu.security.UserRepository.TokenOwner;
import cn.lantu.security.UserRepository.TokenScope;

/**
 * Authenticates API clients that send {@code Authorization: Bearer lt_…} with an unexpired token of an enabled
 * user. A request so authenticated is marked ({@link #HEADER_AUTHENTICATED}) and skips the CSRF token, since a
 * browser never adds the header by itself. A wrong or expired token is answered 401 at once; a read-only token is
 * answered 403 for anything but GET, HEAD and OPTIONS.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    /** Request attribute set when this request authenticated by a credential in its header (token or Basic). */
    public static final String HEADER_AUTHENTICATED = ApiTokenFilter.class.getName() + ".HEADER_AUTHENTICATED";

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final UserRepository users;

    public ApiTokenFilter(UserRepository users) {
        this.users = users;
    }

    /** The authentication of a request that sent an API token. */
    public static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final UserDetails principal;
        private final long tokenId;
        private final TokenScope scope;

        TokenAuthentication(UserDetails principal, long tokenId, TokenScope scope) {
            super(principal.getAuthorities());
            this.principal = principal;
            this.tokenId = tokenId;
            this.scope = scope;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        public long tokenId() {
            return tokenId;
        }

        public TokenScope scope() {
            return scope;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        Optional<TokenOwner> owner = token.isEmpty() ? Optional.empty()
                : users.findToken(hash(token)).filter(o -> o.user().enabled());
        if (owner.isEmpty()) {
            SecurityContextHolder.clearContext();
            ApiErrorsJson.write(response, HttpServletResponse.SC_UNAUTHORIZED, "接口令牌无效、已过期或已撤销");
            return;
        }
        TokenOwner o = owner.get();
        if (o.scope() == TokenScope.READ_ONLY && !READ_METHODS.contains(request.getMethod())) {
            ApiErrorsJson.write(response, HttpServletResponse.SC_FORBIDDEN, "只读令牌不能修改数据");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(UserService.details(o.user()), o.tokenId(), o.scope()));
        SecurityContextHolder.setContext(context);
        request.setAttribute(HEADER_AUTHENTICATED, "token");
        chain.doFilter(request, response);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
