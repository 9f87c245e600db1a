package cn.lantu.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import cn.lantu.audit.AuditLog;

/**
 * Everything needs a login except the public landing page, the public portal and static assets.
 * Browsers log in with a form (CSRF-protected session); API clients use HTTP Basic or a Bearer API token.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    /** Requests carrying credentials in a header cannot be forged cross-site, so they skip the CSRF token. */
    private static final RequestMatcher HEADER_AUTH = request -> request.getHeader("Authorization") != null;
    private static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, UserRepository users, AuditLog audit) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
        target.setDefaultTargetUrl("/plans");
        AuthenticationSuccessHandler loginSuccess = (request, response, authentication) -> {
            audit.record(authentication.getName(), "LOGIN_SUCCESS", "user:" + authentication.getName(),
                    "网页登录，来自 " + request.getRemoteAddr());
            target.onAuthenticationSuccess(request, response, authentication);
        };
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/actuator/health", "/public/**", "/api/v1/public/**",
                                "/lang").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(loginSuccess).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/").permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers(HEADER_AUTH))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; object-src 'none'; frame-ancestors 'self'")))
                .addFilterBefore(new ApiTokenFilter(users), BasicAuthenticationFilter.class);
        return http.build();
    }
}
