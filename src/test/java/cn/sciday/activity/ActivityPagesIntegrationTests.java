package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.organization.Organizations;

/** What the pages show: the allowed actions as buttons, history, return reasons, brand label, flash messages. */
@IntegrationTest
class ActivityPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Organizations organizations;

    ActivityFixtures fixtures;
    Cast cast;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(organizations, activities, uploads);
        cast = fixtures.cast();
    }

    @Test
    void theDetailPageOffersEachRoleItsActions() throws Exception {
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);
        String ownerPage = page("/activities/manage/" + draft.id(), cast.owner());
        assertThat(ownerPage).contains("/activities/manage/" + draft.id() + "/submit")
                .contains("/activities/manage/" + draft.id() + "/withdraw")
                .contains("/my/activities/" + draft.id() + "/edit")
                .doesNotContain("/endorse").doesNotContain("/approve")
                .contains("创建草稿").contains("办理记录");

        ActivityView submitted = fixtures.inState(cast, ActivityStatus.SUBMITTED);
        String coordinatorPage = page("/activities/manage/" + submitted.id(), cast.coordinator());
        assertThat(coordinatorPage).contains("/activities/manage/" + submitted.id() + "/endorse")
                .contains("/activities/manage/" + submitted.id() + "/return").contains("name=\"reason\"")
                .doesNotContain("/submit\"").doesNotContain("/approve\"")
                .contains("等待江海区审核");

        ActivityView endorsed = fixtures.inState(cast, ActivityStatus.ENDORSED);
        assertThat(page("/activities/manage/" + endorsed.id(), cast.city()))
                .contains("/activities/manage/" + endorsed.id() + "/approve")
                .contains("/activities/manage/" + endorsed.id() + "/return");
        assertThat(page("/activities/manage/" + endorsed.id(), cast.coordinator()))
                .doesNotContain("/activities/manage/" + endorsed.id() + "/return");
    }

    @Test
    void publishedActivitiesCarryTheBrandLabelWhereverShown() throws Exception {
        ActivityView published = fixtures.inState(cast, ActivityStatus.PUBLISHED);
        assertThat(page("/activities/manage/" + published.id(), cast.owner())).contains("2021年全国科普日活动")
                .contains("/activities/manage/" + published.id() + "/cancel")
                .contains("/my/activities/" + published.id() + "/change");
        assertThat(page("/my/activities", cast.owner())).contains("2021年全国科普日活动");
        assertThat(page("/activities/manage?status=PUBLISHED&division=" + published.divisionId(), cast.owner()))
                .contains(published.name()).contains("2021年全国科普日活动");
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);
        assertThat(page("/activities/manage/" + draft.id(), cast.owner())).doesNotContain("2021年全国科普日活动");
    }

    @Test
    void aConflictOnAPageRedirectsBackWithTheMessage() throws Exception {
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);
        mvc.perform(post("/activities/manage/" + draft.id() + "/submit").with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(redirectedUrl("/activities/manage/" + draft.id()))
                .andExpect(flash().attribute("flashSuccess", "已提交审核。"));
        mvc.perform(post("/activities/manage/" + draft.id() + "/submit").with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(redirectedUrl("/activities/manage/" + draft.id()))
                .andExpect(flash().attribute("flashError", "该活动现在的状态是“已提交，待审核”，不能提交。"));
        mvc.perform(get("/my/activities/" + draft.id() + "/edit").with(TestLogins.as(cast.owner())))
                .andExpect(redirectedUrl("/activities/manage/" + draft.id()))
                .andExpect(flash().attribute("flashError", Matchers.containsString("正在审核中")));
    }

    @Test
    void aReturnedActivityShowsItsReasonAndCanBeEditedAndResubmitted() throws Exception {
        ActivityView returned = fixtures.inState(cast, ActivityStatus.RETURNED);
        String edit = page("/my/activities/" + returned.id() + "/edit", cast.owner());
        assertThat(edit).contains("请补充活动地点。").contains("value=\"" + returned.name() + "\"")
                .contains("value=\"2021-10-16T09:00\"").contains("checked");

        mvc.perform(post("/my/activities/" + returned.id() + "/edit").with(TestLogins.as(cast.owner())).with(csrf())
                        .param("name", returned.name()).param("jointAction", "2").param("themes", "2")
                        .param("format", "OFFLINE").param("startsAt", "2021-10-16T09:00")
                        .param("endsAt", "2021-10-16T11:30").param("divisionId", String.valueOf(returned.divisionId()))
                        .param("venue", "江海区礼乐街道文化中心二楼").param("audiences", "YOUTH")
                        .param("expectedParticipants", "200").param("summary", "简介").param("description", "介绍")
                        .param("contactName", "梁老师").param("contactPhone", "0750-3862101"))
                .andExpect(redirectedUrl("/activities/manage/" + returned.id()))
                .andExpect(flash().attribute("flashSuccess", "修改已保存。"));
        assertThat(activities.get(cast.owner(), returned.id()).venue()).isEqualTo("江海区礼乐街道文化中心二楼");
        assertThat(activities.submit(cast.owner(), returned.id()).returnReason()).isNull();
    }

    @Test
    void myActivitiesGroupsByStateWithWhatIsDueNext() throws Exception {
        fixtures.inState(cast, ActivityStatus.DRAFT);
        fixtures.inState(cast, ActivityStatus.ENDORSED);
        mvc.perform(get("/my/activities").with(TestLogins.as(cast.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"group-DRAFT\"")))
                .andExpect(content().string(Matchers.containsString("id=\"group-ENDORSED\"")))
                .andExpect(content().string(Matchers.containsString("请在2021年9月24日前提交活动意向")))
                .andExpect(content().string(Matchers.containsString("2021年10月22日")));
        mvc.perform(get("/my/activities").param("lang", "en").with(TestLogins.as(cast.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("My activities")))
                .andExpect(content().string(Matchers.containsString("Submit your intentions by 24 Sep 2021")));
    }

    private String page(String url, cn.sciday.web.Actor actor) throws Exception {
        return mvc.perform(get(url).with(TestLogins.as(actor))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
