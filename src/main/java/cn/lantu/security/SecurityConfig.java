package cn.lantu.security;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import cn.lantu.audit.AuditLog;
import cn.lantu.audit.LoginBurstRecorder;

/**
 * Two filter chains (the actuator has its own, {@code OpsSecurityConfig}):
 * <ul>
 * <li>{@code /api/**}: HTTP Basic or a Bearer API token, or the browser's session. A request that authenticated by
 * a credential in its header skips the CSRF token (a browser never adds one by itself); one that relies on the
 * session cookie needs it. Never creates a session.</li>
 * <li>everything else (pages): form login with a CSRF-protected session only. No HTTP Basic (browsers would keep
 * and resend the credentials) and no token.</li>
 * </ul>
 * The CSRF token lives in a cookie ({@code XSRF-TOKEN}, HttpOnly), not in the session, so anonymous pages create no
 * session and concurrent first requests of a session do not race to store it. Every request re-reads the account
 * ({@link AccountCheckFilter}): disabled accounts and sessions of an earlier password end at once and the role is
 * always the current one. Failed logins lock the account and throttle the client address ({@link LoginAttempts}).
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfig {

    static final String[] PUBLIC_PAGES = {"/", "/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
            "/favicon.ico", "/actuator/health", "/public/**", "/lang"};
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    /** Creates the data folder with mode 0700 before the database is opened (a static bean: it runs first). */
    @Bean
    static DataDirectory dataDirectory() {
        return new DataDirectory();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    /** The one authentication manager of the form login and the API's HTTP Basic; publishes success and failure. */
    record LoginManager(AuthenticationManager manager) {}

    @Bean
    LoginManager lantuAuthentication(UserService users, PasswordEncoder encoder, ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return new LoginManager(manager);
    }

    static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieCustomizer(c -> c.sameSite("Lax"));
        tokens.setHeaderName("X-CSRF-TOKEN");
        return tokens;
    }

    static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; object-src 'none'; frame-ancestors 'self'; base-uri 'self'; "
                                + "form-action 'self'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new PermissionsPolicyHeaderWriter(
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                // written only for requests that came over HTTPS (directly or through a trusted proxy)
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    /** Answers 401 with a short JSON body (no {@code WWW-Authenticate}, so browsers never ask for Basic credentials). */
    static AuthenticationEntryPoint apiEntryPoint(SecuritySettings settings) {
        return (request, response, e) -> ApiErrorsJson.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                e instanceof LockedException ? lockedMessage(settings)
                        : e instanceof BadCredentialsException ? "用户名或密码错误" : "需要登录");
    }

    static String lockedMessage(SecuritySettings settings) {
        return "账号已锁定，请" + settings.lockout().minutes() + "分钟后再试";
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, LoginManager authentication, UserRepository users,
                                    LoginAttempts attempts, LoginBurstRecorder bursts, SecuritySettings settings)
            throws Exception {
        AuthenticationEntryPoint entryPoint = apiEntryPoint(settings);
        BasicAuthenticationFilter basic = new BasicAuthenticationFilter(authentication.manager(), entryPoint) {
            @Override
            protected boolean authenticationIsRequired(String username) {
                return true; // a Basic header is always checked, never taken for the session's login
            }

            @Override
            protected void onSuccessfulAuthentication(HttpServletRequest request, HttpServletResponse response,
                                                      org.springframework.security.core.Authentication result) {
                request.setAttribute(ApiTokenFilter.HEADER_AUTHENTICATED, "basic");
            }
        };
        http.securityMatcher("/api/**")
                .authenticationManager(authentication.manager())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .ignoringRequestMatchers(r -> r.getAttribute(ApiTokenFilter.HEADER_AUTHENTICATED) != null))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
                .headers(SecurityConfig::headers)
                .addFilterBefore(new LoginThrottleFilter(attempts, bursts), CsrfFilter.class)
                .addFilterBefore(new ApiTokenFilter(users), CsrfFilter.class)
                .addFilterBefore(basic, CsrfFilter.class)
                .addFilterBefore(new AccountCheckFilter(users, settings), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageSecurity(HttpSecurity http, LoginManager authentication, UserRepository users,
                                     AuditLog audit, LoginAttempts attempts, LoginBurstRecorder bursts,
                                     SecuritySettings settings) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
        target.setDefaultTargetUrl("/work"); // 我的工作: each role lands on its own work (cn.lantu.workbench)
        AuthenticationSuccessHandler loginSuccess = (request, response, auth) -> {
            audit.record(auth.getName(), "LOGIN_SUCCESS", "user:" + auth.getName(),
                    "网页登录，来自 " + request.getRemoteAddr());
            UserRepository.Account account = users.findAccount(auth.getName()).orElseThrow();
            request.getSession().setAttribute(AccountCheckFilter.STAMP, account.stamp());
            if (settings.passwordChangeAtFirstLogin() && account.passwordChangeRequired()) {
                response.sendRedirect(request.getContextPath() + "/account/password?first");
                return;
            }
            if (AccountCheckFilter.passwordExpired(account, settings, Instant.now())) {
                response.sendRedirect(request.getContextPath() + "/account/password?expired");
                return;
            }
            target.onAuthenticationSuccess(request, response, auth);
        };
        AuthenticationFailureHandler loginFailure = (request, response, e) -> response.sendRedirect(
                request.getContextPath() + (e instanceof LockedException ? "/login?locked" : "/login?error"));
        // The page a person asked for before logging in is remembered in a cookie, not in a session: an anonymous
        // visitor (or a crawler) creates no session row. Only pages count (never an asset, a fragment or JSON).
        CookieRequestCache requestCache = new CookieRequestCache();
        requestCache.setRequestMatcher(r -> "GET".equals(r.getMethod()) && accepts(r, "text/html")
                && r.getHeader("X-Requested-With") == null && r.getHeader("HX-Request") == null);
        target.setRequestCache(requestCache);
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (accepts(request, "text/html") && request.getHeader("X-Requested-With") == null) {
                login.commence(request, response, e);
            } else {
                ApiErrorsJson.write(response, HttpServletResponse.SC_UNAUTHORIZED, "需要登录");
            }
        };
        http.authenticationManager(authentication.manager())
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PUBLIC_PAGES).permitAll();
                    if (settings.apiDocsPublic()) {
                        auth.requestMatchers(API_DOCS).permitAll();
                    }
                    // Each page under /admin names its own administrator (三员分立); see the controllers.
                    auth.requestMatchers("/admin/**")
                            .hasAnyRole("ADMIN", "SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN")
                            .anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login").successHandler(loginSuccess).failureHandler(loginFailure)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/").permitAll()
                        .addLogoutHandler((request, response, auth) -> {
                            if (auth != null) {
                                audit.record(auth.getName(), "LOGOUT", "user:" + auth.getName(),
                                        "网页退出，来自 " + request.getRemoteAddr());
                            }
                        }))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
                .requestCache(c -> c.requestCache(requestCache))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
                .headers(SecurityConfig::headers)
                .addFilterBefore(new LoginThrottleFilter(attempts, bursts), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AccountCheckFilter(users, settings), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    static boolean accepts(HttpServletRequest request, String type) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(type);
    }
}
