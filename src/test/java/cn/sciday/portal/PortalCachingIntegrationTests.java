package cn.sciday.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.sciday.TestClockConfiguration;
import cn.sciday.TestLogins;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityChangeForm;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityView;
import cn.sciday.organization.Organizations;
import cn.sciday.signup.Registrations;
import cn.sciday.signup.SignupForm;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Public pages are answered from the cache: a second request sends no SQL statement at all (counted on the
 * DataSource), while the same request with the caches emptied does (the negative control). Publishing, changing,
 * cancelling, a sign-up and a notice show at once, because their events evict; the short time to live (3 s here)
 * catches a change no event announced.
 */
@SpringBootTest(properties = "sciday.portal.cache-ttl=PT3S")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, StatementCounter.class})
class PortalCachingIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    cn.sciday.activity.ActivityUploads uploads;
    @Autowired
    Organizations organizations;
    @Autowired
    Registrations registrations;
    @Autowired
    Notices notices;
    @Autowired
    CacheManager caches;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecondReaderDoesNotReachTheDatabase() throws Exception {
        PortalFixtures f = new PortalFixtures(organizations, activities, uploads);
        String token = PortalFixtures.token();
        ActivityView a = f.publish(new PortalFixtures.Spec(token + "缓存测试").capacity(50));
        long notice = publishedNotice(token);
        List<String> urls = List.of("/", "/activities", "/activities?q=" + token,
                "/activities?q=" + token + "&seats=on&sort=seats&from=", "/activities/" + a.id(),
                "/activities/calendar?month=2021-10&day=2021-10-16", "/activities/map", "/notices",
                "/notices/" + notice);
        for (String url : urls) {
            page(get(url));
            StatementCounter.watch();
            page(get(url));
            assertThat(StatementCounter.count()).as("statements for a second " + url).isZero();
            page(get(url).header("HX-Request", "true"));
            assertThat(StatementCounter.count()).as("statements for " + url + " from htmx").isZero();

            emptyCaches();
            StatementCounter.watch();
            page(get(url));
            assertThat(StatementCounter.count()).as("statements for " + url + " with empty caches").isPositive();
        }
    }

    @Test
    void publishingChangingAndCancellingShowAtOnce() throws Exception {
        PortalFixtures f = new PortalFixtures(organizations, activities, uploads);
        String token = PortalFixtures.token();
        String name = token + "变更测试";
        assertThat(list(token)).isEmpty();
        ActivityView a = f.publish(new PortalFixtures.Spec(name).capacity(50));
        assertThat(list(token)).containsExactly(name);
        assertThat(page(get("/activities/" + a.id()))).contains("江海区礼乐街道文化中心").contains("还剩 50 个名额");

        activities.change(f.owner(a.id()), a.id(), new ActivityChangeForm(ActivityFormat.OFFLINE,
                LocalDateTime.parse("2021-10-23T14:00"), LocalDateTime.parse("2021-10-23T16:00"),
                f.division("江海区"), "江海区图书馆二楼报告厅", null, 80));
        String changed = page(get("/activities/" + a.id()));
        assertThat(changed).contains("江海区图书馆二楼报告厅").contains("10月23日 14:00").contains("还剩 80 个名额");
        assertThat(page(get("/activities?q=" + token))).contains("10月23日 14:00");

        registrations.register(TestLogins.actor(Role.PUBLIC, null), a.id(), new SignupForm("赵先生", null));
        assertThat(page(get("/activities/" + a.id()))).contains("还剩 79 个名额");
        assertThat(page(get("/activities?q=" + token))).contains("还剩 79 个名额");

        f.cancel(a.id(), "场地临时征用。");
        assertThat(page(get("/activities/" + a.id()))).contains("本活动已取消").contains("场地临时征用。");
        assertThat(list(token)).isEmpty();
    }

    @Test
    void draftsAndReviewsDoNotEmptyThePublicCache() throws Exception {
        PortalFixtures f = new PortalFixtures(organizations, activities, uploads);
        String token = PortalFixtures.token();
        f.publish(new PortalFixtures.Spec(token + "已发布"));
        page(get("/activities?q=" + token));
        ActivityView draft = f.draft(new PortalFixtures.Spec(token + "草稿"));
        activities.submit(f.owner(draft.id()), draft.id());
        StatementCounter.watch();
        assertThat(PortalFixtures.cardNames(page(get("/activities?q=" + token)))).containsExactly(token + "已发布");
        assertThat(StatementCounter.count()).isZero();
    }

    @Test
    void noticesShowAndDisappearAtOnce() throws Exception {
        String token = PortalFixtures.token();
        assertThat(page(get("/notices"))).doesNotContain(token);
        long id = publishedNotice(token);
        assertThat(page(get("/notices"))).contains(token);
        assertThat(page(get("/notices/" + id))).contains(token);
        notices.unpublish(city(), id);
        assertThat(page(get("/notices"))).doesNotContain(token);
        mvc.perform(get("/notices/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void theTimeToLiveCatchesAChangeNoEventAnnounced() throws Exception {
        PortalFixtures f = new PortalFixtures(organizations, activities, uploads);
        String token = PortalFixtures.token();
        ActivityView a = f.publish(new PortalFixtures.Spec(token + "原名"));
        assertThat(page(get("/activities/" + a.id()))).contains(token + "原名");
        emptyCaches();
        page(get("/activities/" + a.id()));
        jdbc.sql("update activity set name = ? where id = ?").params(token + "改名", a.id()).update();
        assertThat(page(get("/activities/" + a.id()))).as("still cached").contains(token + "原名");
        Thread.sleep(3_500);
        assertThat(page(get("/activities/" + a.id()))).contains(token + "改名");
    }

    private long publishedNotice(String token) {
        Actor city = city();
        NoticeView n = notices.create(city, new NoticeForm(token + "通知", null, "江门市科学技术协会",
                LocalDate.of(2021, 9, 20), null, "正文。", null, null, null));
        return notices.publish(city, n.id()).id();
    }

    private Actor city() {
        return TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
    }

    private void emptyCaches() {
        caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
    }

    private List<String> list(String token) throws Exception {
        return PortalFixtures.cardNames(page(get("/activities").param("q", token)));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
