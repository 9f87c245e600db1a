package cn.lantu.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in account on every request, so that what an administrator changes counts at once:
 * <ul>
 * <li>a session whose account is gone or disabled, or whose security stamp (renewed when the password is set or
 * the account disabled) is not the account's current one, is invalidated and the request goes on anonymous (a page
 * redirects to the login, the API answers 401);</li>
 * <li>the role is the one in the database now, not the one at login (a demoted administrator gets 403 at
 * once);</li>
 * <li>with {@code lantu.security.password-max-age-days} set, an expired password sends the browser to
 * {@code /account/password} and refuses HTTP Basic; so does a generated or administrator-set password that its
 * user has not yet replaced (first login).</li>
 * </ul>
 * Requests authenticated by an API token read the account in {@link ApiTokenFilter} already.
 */
public class AccountCheckFilter extends OncePerRequestFilter {

    /** Session attribute: the account's security stamp at login. */
    public static final String STAMP = "lantu.securityStamp";

    private static final List<String> OPEN_WHILE_EXPIRED = List.of("/account/password", "/logout", "/error",
            "/webjars/", "/css/", "/js/", "/img/", "/favicon.ico", "/api/v1/me/password");

    private final UserRepository users;
    private final SecuritySettings settings;

    public AccountCheckFilter(UserRepository users, SecuritySettings settings) {
        this.users = users;
        this.settings = settings;
    }

    static boolean passwordExpired(UserRepository.Account account, SecuritySettings settings, Instant now) {
        if (settings.passwordMaxAgeDays() <= 0) {
            return false;
        }
        Instant changed = account.passwordChangedAt() != null ? account.passwordChangedAt()
                : account.user().createdAt();
        return changed.plus(Duration.ofDays(settings.passwordMaxAgeDays())).isBefore(now);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                || auth instanceof ApiTokenFilter.TokenAuthentication) {
            chain.doFilter(request, response);
            return;
        }
        boolean fromHeader = request.getAttribute(ApiTokenFilter.HEADER_AUTHENTICATED) != null;
        if (fromHeader && settings.passwordMaxAgeDays() <= 0 && !settings.passwordChangeAtFirstLogin()) {
            chain.doFilter(request, response); // HTTP Basic: the account was read for this very request
            return;
        }
        Optional<UserRepository.Account> found = users.findAccount(auth.getName());
        HttpSession session = request.getSession(false);
        boolean valid = found.isPresent() && found.get().user().enabled();
        if (valid && !fromHeader) {
            Object stamp = session == null ? null : session.getAttribute(STAMP);
            valid = stamp != null && stamp.equals(found.get().stamp());
        }
        if (!valid) {
            SecurityContextHolder.clearContext();
            if (session != null && !fromHeader) {
                session.invalidate();
            }
            chain.doFilter(request, response);
            return;
        }
        UserRepository.Account account = found.get();
        String authority = account.user().role().authority();
        List<String> granted = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        if (!granted.equals(List.of(authority))) {
            UsernamePasswordAuthenticationToken current = UsernamePasswordAuthenticationToken.authenticated(
                    auth.getPrincipal(), null, List.of(new SimpleGrantedAuthority(authority)));
            current.setDetails(auth.getDetails());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(current);
            SecurityContextHolder.setContext(context); // this request only: the session keeps no copy
        }
        boolean first = settings.passwordChangeAtFirstLogin() && account.passwordChangeRequired();
        if ((first || passwordExpired(account, settings, Instant.now())) && !open(request)) {
            String why = first ? "须先修改初始密码" : "密码已过期";
            if (fromHeader) {
                ApiErrorsJson.write(response, HttpServletResponse.SC_UNAUTHORIZED, why + "，请登录网页修改密码");
            } else if ("GET".equals(request.getMethod()) && SecurityConfig.accepts(request, "text/html")) {
                response.sendRedirect(request.getContextPath() + "/account/password?" + (first ? "first" : "expired"));
            } else {
                ApiErrorsJson.write(response, HttpServletResponse.SC_FORBIDDEN, why + "，请先修改密码");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean open(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN_WHILE_EXPIRED.stream().anyMatch(path::startsWith);
    }
}
