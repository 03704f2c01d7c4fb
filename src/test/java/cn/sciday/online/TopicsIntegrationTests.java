package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.notification.Notifications;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.Role;

/** Topic interaction: comments shown at once or after approval, sensitive words held, moderators hide with a reason. */
@IntegrationTest
class TopicsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Topics topics;
    @Autowired
    Organizations organizations;
    @Autowired
    Accounts accounts;
    @Autowired
    Notifications notifications;
    @Autowired
    MutableClock clock;

    Actor admin;

    @BeforeEach
    void admin() {
        admin = OnlineTestData.cityAdmin(organizations);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Topic topic(String question, TopicModeration moderation) {
        Instant now = clock.instant();
        return topics.create(admin, new TopicForm(question, "说明", VideoRound.INPUT.format(now.minus(Duration.ofHours(1))),
                VideoRound.INPUT.format(now.plus(Duration.ofDays(3))), moderation.name()), null);
    }

    @Test
    void aCityAdminOpensATopicWithAPictureThroughThePage() throws Exception {
        mvc.perform(multipart("/admin/online/topics").file(new MockMultipartFile("pictureFile", "图.png", "image/png",
                                OnlineTestData.png()))
                        .param("question", "您身边有哪些低碳生活的好做法？").param("description", "说说看")
                        .param("opensAt", "2021-09-14T08:00").param("closesAt", "2021-10-01T23:59")
                        .param("moderation", "SHOW_AT_ONCE").with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().is3xxRedirection());
        Topic t = topics.all().stream().filter(x -> x.question().equals("您身边有哪些低碳生活的好做法？")).findFirst()
                .orElseThrow();
        assertThat(t.pictureMediaId()).isNotNull();
        assertThat(t.moderation()).isEqualTo(TopicModeration.SHOW_AT_ONCE);
        mvc.perform(get("/online/topics")).andExpect(content().string(containsString("您身边有哪些低碳生活的好做法？")));
        mvc.perform(get("/online/topics/" + t.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("/media/" + t.pictureMediaId())))
                .andExpect(content().string(containsString("登录后留言")));
        mvc.perform(get("/media/" + t.pictureMediaId())).andExpect(status().isOk());

        mvc.perform(multipart("/admin/online/topics").param("question", "").param("opensAt", "明天")
                        .param("closesAt", "").param("moderation", "NONSENSE").with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写话题。")))
                .andExpect(content().string(containsString("时间格式不正确")))
                .andExpect(content().string(containsString("请填写结束时间。")))
                .andExpect(content().string(containsString("请选择留言的展示方式。")));
    }

    @Test
    void commentsShowAtOnceButASensitiveWordHoldsOneForReview() throws Exception {
        Topic t = topic("即时展示的话题", TopicModeration.SHOW_AT_ONCE);
        Actor citizen = OnlineTestData.realCitizen(accounts);
        mvc.perform(post("/online/topics/" + t.id() + "/comments").param("body", "我家把灯都换成了LED。")
                        .with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(flash().attribute("successMessage", "留言已发表。"));
        mvc.perform(post("/online/topics/" + t.id() + "/comments").param("body", "专业代 开 发票，加我")
                        .with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(flash().attribute("successMessage", "留言已提交，审核通过后展示。"));
        mvc.perform(get("/online/topics/" + t.id()))
                .andExpect(content().string(containsString("我家把灯都换成了LED。")))
                .andExpect(content().string(not(containsString("专业代 开 发票"))))
                .andExpect(content().string(containsString(citizen.displayName())));
        mvc.perform(get("/online/topics/" + t.id()).with(TestLogins.as(citizen)))
                .andExpect(content().string(containsString("专业代 开 发票")))
                .andExpect(content().string(containsString("等待审核")));
        TopicComment held = topics.forModeration(admin, t.id()).get(0);
        assertThat(held.status()).isEqualTo(TopicCommentStatus.PENDING);
        assertThat(held.heldWords()).isEqualTo("代开发票");
        mvc.perform(get("/admin/online/topics/" + t.id()).with(TestLogins.as(admin)))
                .andExpect(content().string(containsString("含敏感词：代开发票")));

        // the moderator hides it with a reason the author sees
        mvc.perform(post("/admin/online/topics/comments/" + held.id() + "/hide").param("reason", "含广告内容")
                .with(csrf()).with(TestLogins.as(admin))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/online/topics/" + t.id()).with(TestLogins.as(citizen)))
                .andExpect(content().string(containsString("理由：含广告内容")));
        assertThat(notifications.inbox(citizen, 5).get(0).body()).contains("含广告内容");
        // and can hide a shown one too
        TopicComment shown = topics.visibleComments(t.id(), 10).get(0);
        topics.hide(admin, shown.id(), "与话题无关");
        assertThat(topics.visibleComments(t.id(), 10)).isEmpty();
        assertThatThrownBy(() -> topics.hide(admin, shown.id(), "再藏一次")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> topics.hide(admin, shown.id(), "")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onTopicsThatWaitForApprovalNothingShowsUntilAModeratorApproves() throws Exception {
        Topic t = topic("审核后展示的话题", TopicModeration.WAIT_FOR_APPROVAL);
        Actor citizen = OnlineTestData.citizen();
        mvc.perform(post("/api/v1/online/topics/" + t.id() + "/comments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"想问屠呦呦奶奶是怎么坚持下来的？\"}").with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(get("/api/v1/public/online/topics/" + t.id())).andExpect(jsonPath("$.comments.length()").value(0));
        TopicComment c = topics.forModeration(admin, t.id()).get(0);
        mvc.perform(post("/admin/online/topics/comments/" + c.id() + "/approve").with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/public/online/topics/" + t.id()))
                .andExpect(jsonPath("$.comments[0].body").value("想问屠呦呦奶奶是怎么坚持下来的？"))
                .andExpect(jsonPath("$.topic.comments").value(1));
        assertThatThrownBy(() -> topics.approve(admin, c.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void commentsAreShortFromPublicUsersWithinThePeriodAndNotTooOften() throws Exception {
        Topic t = topic("规则话题", TopicModeration.SHOW_AT_ONCE);
        Actor citizen = OnlineTestData.citizen();
        mvc.perform(post("/online/topics/" + t.id() + "/comments").param("body", "长".repeat(301))
                        .with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(flash().attribute("bodyError", "留言不能超过 300 个字（现在是 301 个字）。"));
        assertThat(topics.comment(citizen, t.id(), "😀".repeat(300)).status()).isEqualTo(TopicCommentStatus.VISIBLE);
        mvc.perform(post("/online/topics/" + t.id() + "/comments").param("body", "  ")
                        .with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(flash().attribute("bodyError", "请写下您的留言。"));
        mvc.perform(post("/api/v1/online/topics/" + t.id() + "/comments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"工作人员留言\"}").with(csrf())
                        .with(TestLogins.as(TestLogins.actor(Role.COORDINATOR, organizations.findByName("江海区").orElseThrow().id()))))
                .andExpect(status().isForbidden());
        for (int i = 1; i < 5; i++) {
            topics.comment(citizen, t.id(), "第" + i + "条");
        }
        mvc.perform(post("/api/v1/online/topics/" + t.id() + "/comments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"第六条\"}").with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "60"));
        clock.advance(Duration.ofDays(4));
        assertThatThrownBy(() -> topics.comment(OnlineTestData.citizen(), t.id(), "太晚了"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("结束");
        mvc.perform(get("/online/topics/" + t.id())).andExpect(content().string(containsString("讨论已经结束")));
    }

    @Test
    void aTopicThatHasNotStartedIsNotShownToThePublic() throws Exception {
        Instant now = clock.instant();
        Topic later = topics.create(admin, new TopicForm("明天的话题", "", VideoRound.INPUT.format(now.plus(Duration.ofDays(1))),
                VideoRound.INPUT.format(now.plus(Duration.ofDays(2))), "SHOW_AT_ONCE"), null);
        mvc.perform(get("/online/topics/" + later.id())).andExpect(status().isNotFound());
        mvc.perform(get("/online/topics")).andExpect(content().string(not(containsString("明天的话题"))));
        mvc.perform(get("/online/topics/" + later.id()).with(TestLogins.as(admin))).andExpect(status().isOk());
    }
}
