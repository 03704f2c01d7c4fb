package cn.sciday.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.LocaleResolver;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityChangeForm;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityView;
import cn.sciday.organization.Organizations;
import cn.sciday.platform.CacheBus;
import cn.sciday.web.Role;

/**
 * Rendered pages for anonymous readers ({@link PageCache}): kept per path, parameters, language, elderly mode, htmx
 * and day; given to no one who is logged in or has a session; cleared by the events that change what the public
 * sees; never kept when rendered from data that changed meanwhile. "Served from the page cache" is shown by changing
 * a row behind the application's back and emptying the data caches: only a kept page still shows the old row.
 */
@IntegrationTest
class PageCacheIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    cn.sciday.activity.ActivityUploads uploads;
    @Autowired
    Organizations organizations;
    @Autowired
    CacheManager caches;
    @Autowired
    CacheBus bus;
    @Autowired
    PageCache pageCache;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void anonymousReadersShareOnePageUntilAnEventClearsIt() throws Exception {
        PortalFixtures f = new PortalFixtures(organizations, activities, uploads);
        String token = PortalFixtures.token();
        ActivityView a = f.publish(new PortalFixtures.Spec(token + "原名").capacity(30));
        String url = "/activities/" + a.id();
        assertThat(page(get(url))).contains(token + "原名");

        renameBehindTheApplicationsBack(a.id(), token + "新名");
        assertThat(page(get(url))).as("kept for the next anonymous reader").contains(token + "原名");
        assertThat(page(get(url).with(TestLogins.as(TestLogins.actor(Role.PUBLIC, null)))))
                .as("a logged-in reader gets a page of their own").contains(token + "新名");
        assertThat(page(get(url).session(new MockHttpSession())))
                .as("so does anyone with a session").contains(token + "新名");

        activities.change(f.owner(a.id()), a.id(), new ActivityChangeForm(ActivityFormat.OFFLINE,
                LocalDateTime.parse("2021-10-23T14:00"), LocalDateTime.parse("2021-10-23T16:00"),
                f.division("江海区"), "江海区图书馆二楼报告厅", null, 30));
        assertThat(page(get(url))).as("the change event cleared the kept page")
                .contains(token + "新名").contains("江海区图书馆二楼报告厅");
    }

    @Test
    void aLoggedInReadersPageIsNeverKeptForOthers() throws Exception {
        String url = "/activities?q=" + PortalFixtures.token();
        String own = page(get(url).with(TestLogins.as(TestLogins.actor(Role.PUBLIC, null))));
        assertThat(own).contains("action=\"/logout\"");
        assertThat(page(get(url))).doesNotContain("action=\"/logout\"").doesNotContain("_csrf");
    }

    @Test
    void languageElderlyModeHtmxAndParametersEachHaveTheirOwnPage() throws Exception {
        PortalFixtures f = new PortalFixtures(organizations, activities, uploads);
        String token = PortalFixtures.token();
        f.publish(new PortalFixtures.Spec(token + "分语言"));
        String url = "/activities?q=" + token;
        String chinese = page(get(url));
        String english = page(get(url).cookie(new Cookie("sciday-lang", "en")));
        String elderly = page(get(url).cookie(new Cookie("sciday-elderly", "on")));
        String fragment = page(get(url).header("HX-Request", "true"));
        assertThat(chinese).contains("lang=\"zh-CN\"").doesNotContain("class=\"elderly\"");
        assertThat(english).contains("lang=\"en\"");
        assertThat(elderly).contains("class=\"elderly\"");
        assertThat(fragment).doesNotContain("<html").contains(token + "分语言");
        assertThat(page(get(url))).isEqualTo(chinese);
        assertThat(PortalFixtures.cardNames(page(get("/activities?q=" + token + "不存在")))).isEmpty();
        assertThat(page(get("/activities?sort=start&q=" + token))).as("parameters in another order")
                .isEqualTo(page(get("/activities?q=" + token + "&sort=start")));
    }

    @Test
    void aKeptAnswerCarriesTheSecurityHeadersOnceAndNoCookie() throws Exception {
        String url = "/activities?q=" + PortalFixtures.token();
        MockHttpServletResponse first = answer(get(url));
        MockHttpServletResponse kept = answer(get(url));
        assertThat(kept.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(first.getContentAsString(StandardCharsets.UTF_8));
        for (String header : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                "Referrer-Policy", "Vary")) {
            assertThat(kept.getHeaders(header)).as(header).isEqualTo(first.getHeaders(header)).hasSize(1);
        }
        assertThat(kept.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(kept.getHeader("Set-Cookie")).isNull();

        MockHttpServletResponse switched = answer(get(url + "&lang=en"));
        assertThat(switched.getCookie("sciday-lang")).isNotNull();
        assertThat(answer(get(url + "&lang=en")).getCookie("sciday-lang"))
                .as("an answer that sets a cookie is not kept").isNotNull();
    }

    @Test
    void errorsAreNotKept() throws Exception {
        long missing = 9_999_999L;
        mvc.perform(get("/activities/" + missing)).andExpect(status().isNotFound());
        mvc.perform(get("/activities/" + missing)).andExpect(status().isNotFound());
        assertThat(keptPaths()).noneMatch(k -> k.startsWith("/activities/" + missing));
        long found = new PortalFixtures(organizations, activities, uploads)
                .publish(new PortalFixtures.Spec(PortalFixtures.token() + "存在")).id();
        page(get("/activities/" + found));
        assertThat(keptPaths()).as("negative control: a page found is kept")
                .anyMatch(k -> k.startsWith("/activities/" + found + "\t"));
    }

    @Test
    void theDayIsPartOfThePage() throws Exception {
        try {
            clock.set("2021-09-15T09:00:00+08:00");
            String monday = page(get("/"));
            clock.advance(Duration.ofDays(1));
            assertThat(page(get("/"))).isNotEqualTo(monday).contains("9月16日");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aPageRenderedWhileTheCacheWasClearedIsNotKept() {
        CachedPage rendered = new CachedPage("text/html;charset=UTF-8", List.of(), new byte[] {1});
        long before = pageCache.generation();
        bus.clear(PageCache.NAME);
        pageCache.put("stale", rendered, before);
        assertThat(pageCache.get("stale")).as("rendered before the clearing ended").isNull();

        pageCache.put("fresh", rendered, pageCache.generation());
        assertThat(pageCache.get("fresh")).as("negative control: rendered after it").isNotNull();
    }

    @Test
    void readersAskingForAPageBeingRenderedWaitForItInsteadOfRenderingItToo(@Autowired LocaleResolver locales)
            throws Exception {
        PageCacheFilter filter = new PageCacheFilter(pageCache, List.of("/activities"), locales, clock);
        String url = "/activities?q=" + PortalFixtures.token();
        assertThat(renderCount(filter, url, "text/html;charset=UTF-8", 12)).as("one reader renders for all")
                .isEqualTo(1);
        assertThat(renderCount(filter, url + "&other=1", "text/plain", 12))
                .as("negative control: a page that cannot be kept is rendered by each reader").isEqualTo(12);
    }

    /** How often {@code readers} concurrent anonymous readers of a missing page make the page below render it. */
    private int renderCount(PageCacheFilter filter, String url, String contentType, int readers) throws Exception {
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch asked = new CountDownLatch(readers);
        FilterChain page = (request, response) -> {
            renders.incrementAndGet();
            try {
                asked.await(5, TimeUnit.SECONDS); // every reader has asked by now
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.setContentType(contentType);
            response.getWriter().write("<p>page</p>");
        };
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<String>> bodies = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                bodies.add(pool.submit(() -> {
                    MockHttpServletRequest request = get(url).buildRequest(new MockServletContext());
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    asked.countDown();
                    filter.doFilter(request, response, page);
                    return response.getContentAsString(StandardCharsets.UTF_8);
                }));
            }
            for (Future<String> body : bodies) {
                assertThat(body.get(10, TimeUnit.SECONDS)).isEqualTo("<p>page</p>");
            }
        } finally {
            pool.shutdownNow();
        }
        return renders.get();
    }

    private void renameBehindTheApplicationsBack(long activityId, String name) {
        jdbc.sql("update activity set name = ? where id = ?").params(name, activityId).update();
        caches.getCacheNames().stream().filter(n -> !n.equals(PageCache.NAME))
                .forEach(n -> caches.getCache(n).clear());
    }

    @SuppressWarnings("unchecked")
    private List<String> keptPaths() {
        var kept = (com.github.benmanes.caffeine.cache.Cache<Object, Object>) caches.getCache(PageCache.NAME)
                .getNativeCache();
        return kept.asMap().keySet().stream().map(Object::toString).toList();
    }

    private MockHttpServletResponse answer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return answer(request).getContentAsString(StandardCharsets.UTF_8);
    }
}
