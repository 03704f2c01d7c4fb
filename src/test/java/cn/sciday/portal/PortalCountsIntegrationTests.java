package cn.sciday.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;

/**
 * The calendar, the map and the home page count what the database holds: every number is checked against SQL
 * written here, independently of the portal's own queries.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalCountsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    cn.sciday.activity.ActivityUploads uploads;
    @Autowired
    Organizations organizations;
    @Autowired
    CampaignManagement campaigns;
    @Autowired
    JdbcClient jdbc;

    PortalFixtures fixtures;
    String token;

    @Autowired
    CacheManager caches;

    /**
     * These tests compare pages with counts read from the database; other test classes in the same context write
     * some rows with plain SQL (no event clears the caches), so start each test from empty caches.
     */
    @BeforeEach
    void emptyCaches() {
        caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
    }

    @BeforeAll
    void data() {
        fixtures = new PortalFixtures(organizations, activities, uploads);
        token = PortalFixtures.token();
        fixtures.publish(new PortalFixtures.Spec(token + "三天科学营").division("台山市")
                .at("2021-10-08T09:00", "2021-10-10T17:00"));
        fixtures.publish(new PortalFixtures.Spec(token + "恩平讲座").division("恩平市")
                .at("2021-10-09T09:00", "2021-10-09T11:00"));
        fixtures.publish(new PortalFixtures.Spec(token + "午夜结束").division("开平市")
                .at("2021-10-30T20:00", "2021-10-31T00:00"));
        fixtures.publish(new PortalFixtures.Spec(token + "线上课").division(null).format(ActivityFormat.ONLINE)
                .at("2021-10-09T19:00", "2021-10-09T20:00"));
        fixtures.draft(new PortalFixtures.Spec(token + "草稿").division("恩平市").at("2021-10-09T09:00",
                "2021-10-09T10:00"));
        long c = fixtures.publish(new PortalFixtures.Spec(token + "取消").division("鹤山市")
                .at("2021-10-09T09:00", "2021-10-09T10:00")).id();
        fixtures.cancel(c, "天气原因。");
    }

    @Test
    void calendarDaysCountWhatRunsOnThem() throws Exception {
        String html = page("/activities/calendar?month=2021-10");
        Map<Integer, Integer> shown = new HashMap<>();
        Matcher m = Pattern.compile("aria-label=\"10月(\\d+)日，(\\d+)项活动\"").matcher(html);
        while (m.find()) {
            shown.put(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        int total = 0;
        for (int day = 1; day <= 31; day++) {
            int expected = runningOn(LocalDate.of(2021, 10, day));
            assertThat(shown.getOrDefault(day, 0)).as("October " + day).isEqualTo(expected);
            total += expected;
        }
        assertThat(shown.get(8)).isGreaterThanOrEqualTo(1);
        assertThat(shown.get(10)).isGreaterThanOrEqualTo(1);
        assertThat(html).contains("本月共有 " + total + " 场次活动，" + shown.size() + " 天有活动。")
                .contains("href=\"/activities/calendar?month=2021-09\"").contains("href=\"/activities/calendar?month=2021-11\"");
        assertThat(shown.get(30)).as("an activity ending at midnight counts on its day only").isPositive();
    }

    @Test
    void theChosenDayListsItsActivities() throws Exception {
        String html = page("/activities/calendar?month=2021-10&day=2021-10-09");
        int expected = runningOn(LocalDate.of(2021, 10, 9));
        assertThat(html).contains("2021年10月9日的活动（" + expected + "项）")
                .contains(token + "三天科学营").contains(token + "恩平讲座").contains(token + "线上课")
                .doesNotContain(token + "草稿").doesNotContain(token + "取消")
                .contains("aria-current=\"date\"");
        assertThat(page("/activities/calendar?month=2021-13&day=x")).contains("2021年9月");
        assertThat(page("/activities/calendar?day=2021-10-09")).contains("2021年10月").contains(token + "恩平讲座");
    }

    @Test
    void mapAndTableShowEachDivisionsCountAndLinkToItsList() throws Exception {
        String html = page("/activities/map");
        Map<Long, Long> byDivision = new HashMap<>();
        jdbc.sql("""
                select division_id, count(*) from activity where campaign_id = ? and status = 'PUBLISHED'
                  and division_id is not null group by division_id""").param(campaign())
                .query(rs -> {
                    byDivision.put(rs.getLong(1), rs.getLong(2));
                });
        assertThat(organizations.divisions()).hasSize(7);
        for (OrganizationView d : organizations.divisions()) {
            long expected = byDivision.getOrDefault(d.id(), 0L);
            String link = "/activities?division=" + d.id() + "&amp;from=";
            assertThat(html).as(d.name())
                    .contains("<a href=\"" + link + "\" class=\"region")
                    .contains("<title>" + d.name() + "：" + expected + "项活动</title>")
                    .contains("<th scope=\"row\"><a href=\"" + link + "\">" + d.name() + "</a></th>\n        <td class=\"num\">"
                            + expected + "</td>");
            String list = page("/activities?division=" + d.id() + "&from=");
            assertThat(list).as("list of " + d.name()).contains("共找到 " + expected + " 项活动");
        }
        long online = jdbc.sql("select count(*) from activity where campaign_id = ? and status = 'PUBLISHED' and division_id is null")
                .param(campaign()).query(Long.class).single();
        assertThat(online).isPositive();
        assertThat(html).contains("线上活动（不属于某个市（区））</th>\n        <td class=\"num\">" + online + "</td>")
                .contains("<td class=\"num\">" + published() + "</td>");
    }

    @Test
    void homeCountsWhatIsPublished() throws Exception {
        String html = page("/");
        long organizers = jdbc.sql("""
                select count(distinct organization_id) from activity where campaign_id = ? and status = 'PUBLISHED'""")
                .param(campaign()).query(Long.class).single();
        long covered = jdbc.sql("""
                select count(distinct division_id) from activity where campaign_id = ? and status = 'PUBLISHED'""")
                .param(campaign()).query(Long.class).single();
        assertThat(html).contains("<strong>" + published() + "</strong>\n        <span>项已发布活动</span>")
                .contains("<strong>" + organizers + "</strong>\n        <span>个举办单位</span>")
                .contains("<strong>" + covered + "/7</strong>");
    }

    private int runningOn(LocalDate day) {
        return jdbc.sql("""
                select count(*) from activity where campaign_id = ? and status = 'PUBLISHED'
                  and starts_at < ? and ends_at > ?""")
                .params(campaign(), day.plusDays(1).atStartOfDay(Campaign.ZONE).toOffsetDateTime()
                        .withOffsetSameInstant(ZoneOffset.UTC), day.atStartOfDay(Campaign.ZONE).toOffsetDateTime()
                        .withOffsetSameInstant(ZoneOffset.UTC))
                .query(Integer.class).single();
    }

    private long published() {
        return jdbc.sql("select count(*) from activity where campaign_id = ? and status = 'PUBLISHED'")
                .param(campaign()).query(Long.class).single();
    }

    private long campaign() {
        return campaigns.requireCurrent().id();
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
