package cn.sciday.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityView;
import cn.sciday.activity.Audience;
import cn.sciday.organization.Organizations;
import cn.sciday.signup.Feedbacks;
import cn.sciday.signup.Registrations;
import cn.sciday.signup.SignupForm;
import cn.sciday.signup.Ticket;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/** The public activity page: what it shows, the sign-up choices, feedback, and 404 for anything not public. */
@IntegrationTest
class PortalActivityPageIntegrationTests {

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
    Feedbacks feedbacks;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    PortalFixtures fixtures() {
        return new PortalFixtures(organizations, activities, uploads);
    }

    @Test
    void showsWhatAParticipantNeedsWithTheContactMasked() throws Exception {
        PortalFixtures f = fixtures();
        String name = PortalFixtures.token() + "机器人编程体验营";
        ActivityView a = f.publish(new PortalFixtures.Spec(name).jointAction(2).themes(2, 6)
                .format(ActivityFormat.BOTH).capacity(120).audiences(Audience.YOUTH, Audience.GENERAL_PUBLIC)
                .description("第一段介绍。\n第二段介绍。"));
        String html = page("/activities/" + a.id());
        assertThat(html).contains("<p class=\"brand-label brand-label-large\">2021年全国科普日活动</p>")
                .contains("<h1 id=\"activity-title\">" + name + "</h1>")
                .contains("<time datetime=\"2021-10-16T09:00\">10月16日 09:00</time>–<time datetime=\"2021-10-16T11:30\">11:30</time>")
                .contains("线上+线下").contains("江海区礼乐街道文化中心")
                .contains("href=\"https://www.kepuri.cn/activity/portal-test\"")
                .contains(a.organizationName()).contains("江海区科协")
                .contains("青少年").contains("公众")
                .contains("弘扬科学精神，激发科学梦想").contains("宣传科学素质纲要，推动贯彻实施")
                .contains("href=\"/activities?jointAction=2&amp;from=\">青少年科技教育联合行动</a>")
                .contains("还剩 120 个名额（共 120 个）。")
                .contains("<a class=\"btn btn-primary btn-lg\" href=\"/activities/" + a.id() + "/signup\">报名</a>")
                .contains("梁**").contains("0750-386****").doesNotContain("3862101").doesNotContain("梁老师")
                .contains("data-read-aloud").contains("/js/portal.js")
                .contains("还没有评价");
        mvc.perform(get("/api/v1/public/activities/" + a.id()))
                .andExpect(jsonPath("$.maskedContactPhone").value("0750-386****"))
                .andExpect(jsonPath("$.maskedContactName").value("梁**"))
                .andExpect(jsonPath("$.contactPhone").doesNotExist());
    }

    @Test
    void aFullActivityOffersTheWaitlistAndOneWithoutSignUpSaysSo() throws Exception {
        PortalFixtures f = fixtures();
        ActivityView full = f.publish(new PortalFixtures.Spec(PortalFixtures.token() + "小课堂").capacity(1));
        registrations.register(TestLogins.actor(Role.PUBLIC, null), full.id(), new SignupForm("王先生", null));
        assertThat(page("/activities/" + full.id())).contains("1 个名额已满，已有 0 人候补")
                .contains("href=\"/activities/" + full.id() + "/signup\">名额已满，加入候补</a>");
        ActivityView free = f.publish(new PortalFixtures.Spec(PortalFixtures.token() + "开放参观"));
        assertThat(page("/activities/" + free.id())).contains("本活动不设网上报名")
                .doesNotContain("/activities/" + free.id() + "/signup");
        clock.set("2021-10-16T12:00:00+08:00");
        assertThat(page("/activities/" + full.id())).contains("本活动已经结束。")
                .doesNotContain("/activities/" + full.id() + "/signup");
    }

    @Test
    void aCancelledActivityShowsTheReasonAndNoSignUp() throws Exception {
        PortalFixtures f = fixtures();
        ActivityView a = f.publish(new PortalFixtures.Spec(PortalFixtures.token() + "户外观鸟").capacity(30));
        f.cancel(a.id(), "台风预警，暂停户外活动。");
        assertThat(page("/activities/" + a.id())).contains("本活动已取消").contains("取消原因：台风预警，暂停户外活动。")
                .contains("活动已取消，不再接受报名。").doesNotContain("/activities/" + a.id() + "/signup\"");
    }

    @Test
    void ratingsAndVisibleCommentsShowHiddenOnesDoNot() throws Exception {
        PortalFixtures f = fixtures();
        ActivityView a = f.publish(new PortalFixtures.Spec(PortalFixtures.token() + "天文观测").capacity(10));
        Actor staff = f.owner(a.id());
        Actor first = TestLogins.actor(Role.PUBLIC, null);
        Actor second = TestLogins.actor(Role.PUBLIC, null);
        Ticket t1 = registrations.register(first, a.id(), new SignupForm("陈奶奶", null));
        Ticket t2 = registrations.register(second, a.id(), new SignupForm("李伯伯", null));
        registrations.checkIn(staff, a.id(), t1.code());
        registrations.checkIn(staff, a.id(), t2.code());
        clock.set("2021-10-16T12:00:00+08:00");
        feedbacks.give(first, a.id(), 5, "孩子很喜欢，讲解清楚。");
        feedbacks.give(second, a.id(), 4, "不文明的评论");
        long abusive = feedbacks.all(staff, a.id()).stream().filter(x -> x.rating() == 4).findFirst().orElseThrow()
                .id();
        feedbacks.hide(staff, abusive, "含有不文明用语");
        String html = page("/activities/" + a.id());
        assertThat(html).contains("平均 4.5 分（满分 5 分），共 2 人评价").contains("孩子很喜欢，讲解清楚。").contains("陈**")
                .doesNotContain("不文明的评论");
    }

    @Test
    void anythingNotPublicIsNotFoundForEveryone() throws Exception {
        PortalFixtures f = fixtures();
        ActivityView draft = f.draft(new PortalFixtures.Spec(PortalFixtures.token() + "草稿"));
        Actor owner = f.owner(draft.id());
        long submitted = f.draft(new PortalFixtures.Spec(PortalFixtures.token() + "已提交")).id();
        activities.submit(f.owner(submitted), submitted);
        Actor otherUnit = f.organizerIn("新会区");
        for (long id : new long[] {draft.id(), submitted, 99_999_999L}) {
            mvc.perform(get("/activities/" + id)).andExpect(status().isNotFound());
            mvc.perform(get("/activities/" + id).with(as(owner))).andExpect(status().isNotFound());
            mvc.perform(get("/activities/" + id).with(as(otherUnit))).andExpect(status().isNotFound());
            mvc.perform(get("/activities/" + id).with(as(f.city))).andExpect(status().isNotFound());
        }
    }

    @Test
    void onlyThePublicPagesOfActivitiesAreOpen() throws Exception {
        ActivityView a = fixtures().publish(new PortalFixtures.Spec(PortalFixtures.token() + "开放").capacity(5));
        for (String url : new String[] {"/activities", "/activities/calendar", "/activities/map",
                "/activities/" + a.id(), "/notices", "/"}) {
            mvc.perform(get(url)).andExpect(status().isOk());
        }
        for (String url : new String[] {"/activities/" + a.id() + "/signup", "/activities/" + a.id() + "/registrations",
                "/activities/manage", "/activities/manage/" + a.id(), "/activities/" + a.id() + "/check-in",
                "/activities/x", "/admin/notices"}) {
            mvc.perform(get(url)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
    }

    private static RequestPostProcessor as(Actor actor) {
        return TestLogins.as(actor);
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
