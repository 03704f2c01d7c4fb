package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Likes: once per person, entry and Beijing day; rate limits with Retry-After; scripted bursts flagged and voided;
 * the counter always equals the number of likes that count.
 */
@IntegrationTest
class LikesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    VideoEntries videos;
    @Autowired
    Likes likes;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Actor admin;
    VideoEntry entry;

    @BeforeEach
    void entry() {
        admin = OnlineTestData.cityAdmin(organizations);
        OnlineTestData.openRound(videos, admin, clock.instant(), 5, 5, 300);
        entry = OnlineTestData.approvedEntry(videos, admin, "点赞测试作品");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ResultActions like(Actor actor, long id, String address) throws Exception {
        return mvc.perform(post("/api/v1/online/videos/" + id + "/likes").with(csrf()).with(TestLogins.as(actor))
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }));
    }

    int rows(long id) {
        return jdbc.sql("select count(*) from online_like where target_type = 'VIDEO' and target_id = ? and voided = false")
                .param(id).query(Integer.class).single();
    }

    @Test
    void theFirstLikeOfTheDayCountsAndTheSecondIsRefused() throws Exception {
        Actor citizen = OnlineTestData.citizen();
        String address = OnlineTestData.address();
        like(citizen, entry.id(), address).andExpect(status().isCreated())
                .andExpect(jsonPath("$.targetType").value("VIDEO"))
                .andExpect(jsonPath("$.likes").value(1));
        like(citizen, entry.id(), address).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("您今天已经为这个作品点过赞了，每人每天可为同一作品点赞一次，明天再来吧。"));
        like(OnlineTestData.citizen(), entry.id(), address).andExpect(status().isCreated())
                .andExpect(jsonPath("$.likes").value(2));
        assertThat(rows(entry.id())).isEqualTo(2);
        assertThat(likes.count(LikeTarget.VIDEO, entry.id())).isEqualTo(2);
    }

    @Test
    void theDayEndsAtMidnightBeijingTimeNotUtc() throws Exception {
        Actor citizen = OnlineTestData.citizen();
        String address = OnlineTestData.address();
        clock.set("2021-09-15T23:50:00+08:00");
        like(citizen, entry.id(), address).andExpect(status().isCreated());
        clock.set("2021-09-15T23:59:59+08:00");
        like(citizen, entry.id(), address).andExpect(status().isConflict());
        // 00:10 in Beijing is still 2021-09-15 in UTC: a new day all the same
        clock.set("2021-09-16T00:10:00+08:00");
        like(citizen, entry.id(), address).andExpect(status().isCreated()).andExpect(jsonPath("$.likes").value(2));
        like(citizen, entry.id(), address).andExpect(status().isConflict());
        assertThat(jdbc.sql("select like_day from online_like where target_id = ? and target_type = 'VIDEO' order by id")
                .param(entry.id()).query(String.class).list()).containsExactly("2021-09-15", "2021-09-16");
    }

    @Test
    void onlyPublicUsersLikeAndOnlyApprovedEntries() throws Exception {
        mvc.perform(post("/api/v1/online/videos/" + entry.id() + "/likes")).andExpect(status().isUnauthorized());
        like(admin, entry.id(), OnlineTestData.address()).andExpect(status().isForbidden());
        like(TestLogins.actor(Role.ORGANIZER, OnlineTestData.unit(organizations, "江海区", "点赞单位").id()), entry.id(),
                OnlineTestData.address()).andExpect(status().isForbidden());
        VideoEntry pending = videos.submit(OnlineTestData.citizen(), OnlineTestData.form("待审作品", "https://e.com/p"),
                null, OnlineTestData.upload("c.png", OnlineTestData.png()));
        like(OnlineTestData.citizen(), pending.id(), OnlineTestData.address()).andExpect(status().isNotFound());
        like(OnlineTestData.citizen(), 987_654_321L, OnlineTestData.address()).andExpect(status().isNotFound());
        assertThat(rows(pending.id())).isZero();
    }

    @Test
    void aPersonLikingTooOftenGets429WithRetryAfter() throws Exception {
        Actor citizen = OnlineTestData.citizen();
        String address = OnlineTestData.address();
        like(citizen, entry.id(), address).andExpect(status().isCreated());
        for (int i = 1; i < 30; i++) {
            like(citizen, entry.id(), address).andExpect(status().isConflict());
        }
        like(citizen, entry.id(), address).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.detail").value(containsString("每分钟最多 30 次")));
        clock.advance(Duration.ofSeconds(45));
        like(citizen, entry.id(), address).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "15"));
        clock.advance(Duration.ofSeconds(16));
        like(citizen, entry.id(), address).andExpect(status().isConflict());
    }

    @Test
    void anAddressLikingTooOftenGets429AndItsBurstIsFlagged() throws Exception {
        String address = OnlineTestData.address();
        for (int i = 0; i < 120; i++) {
            like(OnlineTestData.citizen(), entry.id(), address).andExpect(status().isCreated());
        }
        like(OnlineTestData.citizen(), entry.id(), address).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        assertThat(rows(entry.id())).isEqualTo(120);
        assertThat(jdbc.sql("select count(*) from online_like where target_id = ? and target_type = 'VIDEO' and flagged")
                .param(entry.id()).query(Integer.class).single()).isEqualTo(120);
        // the page's like button answers the same limit with a message instead of a 429 page
        mvc.perform(post("/online/videos/" + entry.id() + "/like").with(csrf())
                        .with(TestLogins.as(OnlineTestData.citizen())).with(r -> {
                            r.setRemoteAddr(address);
                            return r;
                        }))
                .andExpect(redirectedUrl("/online/videos/" + entry.id()))
                .andExpect(flash().attribute("errorMessage", containsString("秒后再试")));
    }

    @Test
    void manyAccountsFromOneAddressWithinAMinuteAreFlaggedFromTheSixth() throws Exception {
        String address = OnlineTestData.address();
        for (int i = 0; i < 5; i++) {
            like(OnlineTestData.citizen(), entry.id(), address).andExpect(status().isCreated());
            clock.advance(Duration.ofMillis(1700 + i * 900L));
        }
        assertThat(flagged(entry.id())).isZero();
        like(OnlineTestData.citizen(), entry.id(), address).andExpect(status().isCreated());
        assertThat(flagged(entry.id())).isEqualTo(6);
        assertThat(likes.openFlags(1000)).filteredOn(f -> f.targetId() == entry.id())
                .allSatisfy(f -> assertThat(f.reason()).contains("一分钟内同一网络地址用 6 个不同账号"))
                .allSatisfy(f -> assertThat(f.addressMasked()).endsWith(".*"));
        // the same people from different addresses a minute later are not a burst
        clock.advance(Duration.ofMinutes(2));
        VideoEntry other = OnlineTestData.approvedEntry(videos, admin, "另一件作品");
        for (int i = 0; i < 6; i++) {
            like(OnlineTestData.citizen(), other.id(), OnlineTestData.address()).andExpect(status().isCreated());
            clock.advance(Duration.ofMillis(1300 + i * 700L));
        }
        assertThat(flagged(other.id())).isZero();
    }

    @Test
    void likesAtMachineRegularIntervalsAreFlagged() throws Exception {
        Actor script = OnlineTestData.citizen();
        List<VideoEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            entries.add(OnlineTestData.approvedEntry(videos, admin, "规律作品" + i));
        }
        for (int i = 0; i < 5; i++) {
            like(script, entries.get(i).id(), OnlineTestData.address()).andExpect(status().isCreated());
            clock.advance(Duration.ofMillis(3000));
        }
        assertThat(jdbc.sql("select count(*) from online_like where account_id = ? and flagged")
                .param(script.accountId()).query(Integer.class).single()).isZero();
        like(script, entries.get(5).id(), OnlineTestData.address()).andExpect(status().isCreated());
        assertThat(jdbc.sql("select count(*) from online_like where account_id = ? and flagged")
                .param(script.accountId()).query(Integer.class).single()).isEqualTo(6);

        Actor person = OnlineTestData.citizen();
        long[] gaps = {2100, 4700, 1800, 6100, 2600};
        for (int i = 0; i < 6; i++) {
            like(person, entries.get(i).id(), OnlineTestData.address()).andExpect(status().isCreated());
            clock.advance(Duration.ofMillis(gaps[i % gaps.length]));
        }
        assertThat(jdbc.sql("select count(*) from online_like where account_id = ? and flagged")
                .param(person.accountId()).query(Integer.class).single()).isZero();
    }

    @Test
    void voidedLikesStopCountingAndTheCounterAlwaysEqualsTheRows() throws Exception {
        String address = OnlineTestData.address();
        for (int i = 0; i < 8; i++) {
            like(OnlineTestData.citizen(), entry.id(), address).andExpect(status().isCreated());
            clock.advance(Duration.ofMillis(900 + 370L * i));
        }
        like(OnlineTestData.citizen(), entry.id(), OnlineTestData.address()).andExpect(status().isCreated());
        assertThat(likes.count(LikeTarget.VIDEO, entry.id())).isEqualTo(9).isEqualTo(rows(entry.id()));

        List<LikeFlag> flags = likes.openFlags(1000).stream().filter(f -> f.targetId() == entry.id()).toList();
        assertThat(flags).hasSize(8);
        mvc.perform(get("/admin/online/flags").with(TestLogins.as(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("点赞测试作品")));
        for (int i = 0; i < 7; i++) {
            mvc.perform(post("/admin/online/flags/" + flags.get(i).likeId() + "/void").with(csrf())
                    .with(TestLogins.as(admin))).andExpect(redirectedUrl("/admin/online/flags"));
        }
        mvc.perform(post("/admin/online/flags/" + flags.get(7).likeId() + "/keep").with(csrf())
                .with(TestLogins.as(admin))).andExpect(redirectedUrl("/admin/online/flags"));
        mvc.perform(post("/admin/online/flags/" + flags.get(0).likeId() + "/void").with(csrf())
                        .with(TestLogins.as(admin)))
                .andExpect(flash().attribute("errorMessage", "这个点赞已经作废了。"));
        assertThat(likes.count(LikeTarget.VIDEO, entry.id())).isEqualTo(2).isEqualTo(rows(entry.id()));
        assertThat(likes.openFlags(1000)).noneMatch(f -> f.targetId() == entry.id());
        mvc.perform(get("/api/v1/public/online/videos").param("sort", "likes")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + entry.id() + ")].likes").value(2));
        // a voided like keeps its day's slot: the same person cannot like again today
        long voidedAccount = jdbc.sql("select account_id from online_like where id = ?").param(flags.get(0).likeId())
                .query(Long.class).single();
        like(new Actor(voidedAccount, "p", "p", Role.PUBLIC, null, true), entry.id(), OnlineTestData.address())
                .andExpect(status().isConflict());

        // every entry's counter equals its rows
        assertThat(jdbc.sql("""
                select count(*) from video_entry e where e.like_count <> (select count(*) from online_like l
                    where l.target_type = 'VIDEO' and l.target_id = e.id and l.voided = false)""")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theRankingIsByLikes() throws Exception {
        VideoEntry popular = OnlineTestData.approvedEntry(videos, admin, "最受欢迎");
        for (int i = 0; i < 3; i++) {
            like(OnlineTestData.citizen(), popular.id(), OnlineTestData.address()).andExpect(status().isCreated());
            clock.advance(Duration.ofMillis(1234L * (i + 1)));
        }
        like(OnlineTestData.citizen(), entry.id(), OnlineTestData.address()).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/public/online/videos").param("sort", "likes")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("最受欢迎"))
                .andExpect(jsonPath("$[0].likes").value(3))
                .andExpect(jsonPath("$[1].title").value("点赞测试作品"));
        mvc.perform(get("/online/videos").param("sort", "likes")).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1 名")));
    }

    @Test
    void thePageLikeButtonNeedsALoginAndSaysWhatHappened() throws Exception {
        mvc.perform(post("/online/videos/" + entry.id() + "/like").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        Actor citizen = OnlineTestData.citizen();
        mvc.perform(post("/online/videos/" + entry.id() + "/like").with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(redirectedUrl("/online/videos/" + entry.id()))
                .andExpect(flash().attribute("successMessage", "点赞成功！现在共有 1 个赞。"));
        mvc.perform(get("/online/videos/" + entry.id()).with(TestLogins.as(citizen))).andExpect(status().isOk())
                .andExpect(content().string(containsString("您今天已经点过赞了")));
        mvc.perform(post("/online/videos/" + entry.id() + "/like").with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(flash().attribute("errorMessage", containsString("您今天已经为这个作品点过赞了")));
    }

    int flagged(long id) {
        return jdbc.sql("select count(*) from online_like where target_type = 'VIDEO' and target_id = ? and flagged")
                .param(id).query(Integer.class).single();
    }
}
