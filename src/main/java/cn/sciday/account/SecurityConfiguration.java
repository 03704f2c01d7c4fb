package cn.sciday.account;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

import cn.sciday.web.PublicPaths;
import cn.sciday.web.UserMessages;

/**
 * Who may reach what. Pages: anonymous visitors are sent to the login page; API: 401. Modules open their public
 * URLs by declaring a {@link PublicPaths} bean; finer rules are checked in the modules (scoping, 404 for others'
 * records). CSRF protects every form; API calls with a bearer token need none.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "font-src 'self'; connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Always open: assets, error page, health, API description, login and registration. */
    static final List<String> ALWAYS_OPEN = List.of("/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
            "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs.yaml",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/login", "/login/**", "/register",
            "/api/v1/tokens", "/api/v1/public/**");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation of each security filter, authentication and authorization: requests are observed as a whole
     * ({@code http.server.requests}). Switching them off by property ({@code management.observations.enable.
     * spring.security}) makes them no-ops but still wraps every filter of the chain in one on every request: about a
     * tenth of a small API request's processor time.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Checks passwords for the token API with the same throttling events as the login form. */
    @Bean
    AuthenticationManager apiAuthenticationManager(AccountUserDetailsService users, PasswordEncoder encoder,
            ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<PublicPaths> modulePaths, ApiTokens tokens,
            Accounts accounts, LoginLimits loginLimits, UserMessages messages, LocaleResolver locales)
            throws Exception {
        List<String> open = new ArrayList<>(ALWAYS_OPEN);
        modulePaths.orderedStream().forEach(p -> open.addAll(p.patterns()));
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(open.toArray(String[]::new)).permitAll()
                .requestMatchers("/admin", "/admin/**", "/api/v1/admin/**").hasRole("CITY_ADMIN")
                .requestMatchers("/workbench", "/workbench/**", "/profile", "/profile/**", "/logout", "/api/v1/me",
                        "/api/v1/tokens/*", "/inbox", "/inbox/**", "/api/v1/inbox", "/api/v1/inbox/**").authenticated()
                .anyRequest().hasAuthority(SciDayPrincipal.APPROVED))
            .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                .defaultSuccessUrl("/workbench", false).failureHandler(loginFailure()).permitAll())
            .logout(out -> out.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"))
            .csrf(csrf -> csrf.ignoringRequestMatchers(
                    request -> api.matches(request) && BearerTokenFilter.hasBearer(request),
                    // no session, no ambient credentials to forge: the API then answers 401, not 403
                    request -> api.matches(request) && request.getSession(false) == null,
                    request -> "/api/v1/tokens".equals(path(request)),
                    request -> path(request).startsWith("/api/v1/public/")))
            .exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        request -> true))
            .addFilterBefore(new BearerTokenFilter(tokens, messages, locales),
                    UsernamePasswordAuthenticationFilter.class)
            .addFilterBefore(new LoginRateLimitFilter(loginLimits), UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new PendingOrganizerFilter(accounts), BasicAuthenticationFilter.class)
            .headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny()));
        return http.build();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof LockedException ? "/login?locked" : "/login?error"));
    }
}
