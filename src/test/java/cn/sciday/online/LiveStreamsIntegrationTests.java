package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;

/** Live streams: what is live now and what is next follows the clock; city admins manage them. */
@IntegrationTest
class LiveStreamsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    LiveStreams streams;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void liveAndNextFollowTheClock() throws Exception {
        Actor admin = OnlineTestData.cityAdmin(organizations);
        clock.set("2030-05-01T09:00:00+08:00");
        mvc.perform(post("/admin/online/streams").param("title", "开幕直播").param("platform", "江门科协视频号")
                        .param("url", "https://live.example.cn/a").param("startsAt", "2030-05-01T08:30")
                        .param("endsAt", "2030-05-01T10:00").param("activityId", "42").param("description", "开幕")
                        .with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().is3xxRedirection());
        LiveStream later = streams.create(admin, new LiveStreamForm("下午的直播", "江门疾控", "https://live.example.cn/b",
                "2030-05-01T15:00", "2030-05-01T16:00", "", ""));
        streams.create(admin, new LiveStreamForm("主场直播", "江门台", "https://live.example.cn/c", "2030-05-03T09:30",
                "2030-05-03T12:00", null, ""));

        LiveStreamsNow now = streams.liveAndNext(1);
        assertThat(now.live()).extracting(LiveStream::title).containsExactly("开幕直播");
        assertThat(now.live().get(0).activityId()).isEqualTo(42L);
        assertThat(now.next()).extracting(LiveStream::title).containsExactly("下午的直播");
        mvc.perform(get("/api/v1/public/online/streams").param("state", "live"))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].title").value("开幕直播"));
        mvc.perform(get("/api/v1/public/online/streams").param("state", "upcoming"))
                .andExpect(jsonPath("$[0].title").value("下午的直播")).andExpect(jsonPath("$[1].title").value("主场直播"));
        mvc.perform(get("/api/v1/public/online/streams").param("state", "yesterday")).andExpect(status().isBadRequest());
        mvc.perform(get("/online/live")).andExpect(status().isOk())
                .andExpect(content().string(containsString("直播中")))
                .andExpect(content().string(containsString("下午的直播")));

        clock.set("2030-05-01T15:30:00+08:00");
        assertThat(streams.liveAndNext(3).live()).extracting(LiveStream::title).containsExactly("下午的直播");
        assertThat(streams.liveAndNext(3).next()).extracting(LiveStream::title).containsExactly("主场直播");
        clock.set(Instant.parse("2030-05-01T08:00:00Z"));
        assertThat(streams.liveAndNext(3).live()).isEmpty();

        mvc.perform(post("/admin/online/streams/" + later.id() + "/delete").with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(streams.all()).extracting(LiveStream::title).doesNotContain("下午的直播");
    }

    @Test
    void badStreamsAreRefusedWithEveryProblemNamed() throws Exception {
        Actor admin = OnlineTestData.cityAdmin(organizations);
        mvc.perform(post("/admin/online/streams").param("title", "").param("platform", "")
                        .param("url", "http://insecure.example.cn").param("startsAt", "2021-09-15T10:00")
                        .param("endsAt", "2021-09-15T09:00").param("activityId", "abc")
                        .with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写直播的名称。")))
                .andExpect(content().string(containsString("请填写直播平台")))
                .andExpect(content().string(containsString("请填写以 https:// 开头的完整网址。")))
                .andExpect(content().string(containsString("结束时间应晚于开始时间。")))
                .andExpect(content().string(containsString("关联活动编号请填写整数。")));
        assertThat(streams.all()).noneMatch(s -> s.url().equals("http://insecure.example.cn"));
    }

    @Test
    void theHomePageShowsWhatIsLiveNowAndWhatIsNextAndForgetsADeletedStream() throws Exception {
        Actor admin = OnlineTestData.cityAdmin(organizations);
        clock.set("2031-06-01T09:00:00+08:00");
        LiveStream onAir = streams.create(admin, new LiveStreamForm("首页直播测试", "江门科协视频号",
                "https://live.example.cn/home", "2031-06-01T08:30", "2031-06-01T10:00", null, ""));
        LiveStream next = streams.create(admin, new LiveStreamForm("首页预告测试", "江门台",
                "https://live.example.cn/next", "2031-06-01T14:00", "2031-06-01T15:00", null, ""));
        String home = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(home).contains("科普直播").contains("首页直播测试").contains("直播中").contains("即将开始")
                .contains("首页预告测试").contains("href=\"https://live.example.cn/home\"");
        assertThat(home.indexOf("首页直播测试")).isLessThan(home.indexOf("首页预告测试"));

        streams.delete(admin, onAir.id());
        mvc.perform(get("/")).andExpect(content().string(org.hamcrest.Matchers.not(containsString("首页直播测试"))))
                .andExpect(content().string(containsString("首页预告测试")));
        streams.delete(admin, next.id()); // the other tests count upcoming streams
    }
}
