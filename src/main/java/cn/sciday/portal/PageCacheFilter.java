package cn.sciday.portal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    /** Pages being rendered now, by key, for the readers who ask for the same page meanwhile. */
    private final ConcurrentHashMap<String, CompletableFuture<CachedPage>> rendering = new ConcurrentHashMap<>();
    /** How long a reader waits for a page someone else renders before rendering it itself. */
    static final Duration WAIT = Duration.ofSeconds(5);

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
        // one reader renders a missing page; those who ask for it meanwhile wait for that page instead of rendering it
        // too (when a kept page expired under 64 connections, all of them rendered it at once: p99 over 200 ms)
        CompletableFuture<CachedPage> mine = new CompletableFuture<>();
        CompletableFuture<CachedPage> theirs = rendering.putIfAbsent(key, mine);
        if (theirs != null) {
            CachedPage shared = awaitQuietly(theirs);
            if (shared != null) {
                shared.writeTo(response);
                return;
            }
            render(key, request, response, chain, null); // theirs could not be shared (an error, a cookie): our own
            return;
        }
        try {
            render(key, request, response, chain, mine);
        } finally {
            mine.complete(null); // a no-op when rendered; otherwise the waiting readers render their own
            rendering.remove(key, mine);
        }
    }

    private void render(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            CompletableFuture<CachedPage> waiting) throws ServletException, IOException {
        long generation = cache.generation();
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, capture);
            CachedPage rendered = CachedPage.of(capture);
            if (rendered != null) {
                cache.put(key, rendered, generation);
                if (waiting != null && cache.generation() == generation) {
                    waiting.complete(rendered);
                }
            }
        } finally {
            capture.copyBodyToResponse();
        }
    }

    /** The page another reader is rendering, or null when it could not be kept or took longer than {@link #WAIT}. */
    private static CachedPage awaitQuietly(CompletableFuture<CachedPage> rendering) {
        try {
            return rendering.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
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
