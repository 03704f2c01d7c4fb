package cn.sciday.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Language (zh-CN first, English second) and elderly mode, both switched by a link and remembered per browser. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String ELDERLY_COOKIE = Preferences.ELDERLY_COOKIE;
    static final String ELDERLY_PARAM = "elderly";
    private static final Duration REMEMBER = Duration.ofDays(365);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(Preferences.LANGUAGE_COOKIE);
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setDefaultLocaleFunction(WebConfiguration::defaultLocale);
        resolver.setCookieMaxAge(REMEMBER);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /**
     * The language when the browser has no {@code sciday-lang} cookie (and no {@code ?lang=}): Chinese for pages,
     * whatever the browser's settings; the API follows {@code Accept-Language} when it prefers English or Chinese, so
     * that clients get messages in their language without a cookie.
     */
    static Locale defaultLocale(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header != null && ErrorAdvice.isApi(request)) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String tag = range.getRange();
                    if (tag.equals("en") || tag.startsWith("en-")) {
                        return Locale.ENGLISH;
                    }
                    if (tag.equals("zh") || tag.startsWith("zh-") || tag.equals("*")) {
                        return Locale.SIMPLIFIED_CHINESE;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // not a language list: the default
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /**
     * Links in pages are written as they are, not passed through the static-resource resolvers. Spring Boot registers
     * {@link ResourceUrlEncodingFilter} because webjars-locator-lite switches the resource chain on; it then resolves
     * every {@code th:href}/{@code th:src} of every page, and a link that is not a static file ({@code /activities/12})
     * is looked up, uncached, in four classpath locations, that is in every jar on the classpath: the packaged app
     * served the public list page at 1 to 10 requests/s on two cores. Version-less webjar URLs
     * ({@code /webjars/htmx.org/dist/htmx.min.js}) are still served: the resolver works on requests, not on links.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor locale = new LocaleChangeInterceptor();
        locale.setParamName("lang");
        locale.setIgnoreInvalidLocale(true);
        registry.addInterceptor(locale);
        registry.addInterceptor(new ElderlyModeInterceptor());
        registry.addInterceptor(ControlCharacters.interceptor());
        registry.addInterceptor(RateLimitedRedirect.interceptor());
    }

    /**
     * {@code ?elderly=on|off} on any page switches elderly mode and remembers the choice in a cookie.
     * Every request gets the attributes {@code elderly} and {@code currentPath} that the layout reads.
     */
    static final class ElderlyModeInterceptor implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            setElderlyFromParameter(request, response);
            request.setAttribute("elderly", Preferences.elderly(request));
            String uri = request.getRequestURI();
            Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
            if (forwarded instanceof String original) {
                uri = original;
            }
            String context = request.getContextPath();
            request.setAttribute("currentPath", uri.startsWith(context) ? uri.substring(context.length()) : uri);
            return true;
        }

        private static void setElderlyFromParameter(HttpServletRequest request, HttpServletResponse response) {
            String value = request.getParameter(ELDERLY_PARAM);
            if ("on".equals(value) || "off".equals(value)) {
                boolean on = "on".equals(value);
                Cookie cookie = new Cookie(ELDERLY_COOKIE, on ? "on" : "off");
                cookie.setPath("/");
                cookie.setMaxAge((int) REMEMBER.toSeconds());
                cookie.setHttpOnly(true);
                cookie.setAttribute("SameSite", "Lax");
                response.addCookie(cookie);
                request.setAttribute(ELDERLY_COOKIE, on);
            }
        }
    }
}
