package cn.sciday.portal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import cn.sciday.campaign.Campaign;
import cn.sciday.web.Preferences;

/**
 * Answers a GET of a public page from {@link PageCache} when the reader is anonymous and has no session (so no
 * flash message, no CSRF token can be in the page), after the security filters (which add their headers to every
 * answer) and before the rendering; otherwise lets the request through and keeps what it answered. The key holds
 * everything such a page varies on: path and parameters, language, elderly mode, htmx's headers and today's date in
 * Beijing.
 */
final class PageCacheFilter extends OncePerRequestFilter {

    private final PageCache cache;
    private final List<PathPattern> pages;
    private final LocaleResolver locales;
    private final Clock clock;

    PageCacheFilter(PageCache cache, List<String> pagePatterns, LocaleResolver locales, Clock clock) {
        this.cache = cache;
        this.pages = pagePatterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.locales = locales;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getSession(false) != null || !anonymous()) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return pages.stream().noneMatch(p -> p.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        CachedPage page = cache.get(key);
        if (page != null) {
            page.writeTo(response);
            return;
        }
        long generation = cache.generation();
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, capture);
            CachedPage rendered = CachedPage.of(capture);
            if (rendered != null) {
                cache.put(key, rendered, generation);
            }
        } finally {
            capture.copyBodyToResponse();
        }
    }

    private String key(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(request.getRequestURI());
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                key.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return key.toString()
                + '\t' + locales.resolveLocale(request).toLanguageTag()
                + '\t' + Preferences.elderly(request)
                + '\t' + request.getHeader("HX-Request") + '\t' + request.getHeader("HX-History-Restore-Request")
                + '\t' + LocalDate.now(clock.withZone(Campaign.ZONE)).toString();
    }

    private static boolean anonymous() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || who instanceof AnonymousAuthenticationToken;
    }
}
