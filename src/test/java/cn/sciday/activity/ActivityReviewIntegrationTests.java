package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/** Review queues, batch endorse and approve (all or nothing), and a division's own activity going to the city. */
@IntegrationTest
class ActivityReviewIntegrationTests {

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
    void theCityApprovesABatchOfEndorsedActivities() throws Exception {
        ActivityView a = fixtures.inState(cast, ActivityStatus.ENDORSED);
        ActivityView b = fixtures.inState(cast, ActivityStatus.ENDORSED);
        ActivityView c = fixtures.inState(cast, ActivityStatus.ENDORSED);

        mvc.perform(post("/api/v1/activities/batch/approve").with(TestLogins.as(cast.city())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\":[" + a.id() + "," + b.id() + "," + c.id() + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done", Matchers.hasSize(3)))
                .andExpect(jsonPath("$.failed", Matchers.empty()));

        for (ActivityView v : List.of(a, b, c)) {
            assertThat(activities.get(cast.city(), v.id()).status()).isEqualTo(ActivityStatus.PUBLISHED);
        }
    }

    @Test
    void aBatchWithOneActivityThatCannotBeApprovedChangesNothingAndSaysWhich() throws Exception {
        ActivityView ok = fixtures.inState(cast, ActivityStatus.ENDORSED);
        ActivityView notEndorsed = fixtures.inState(cast, ActivityStatus.SUBMITTED);

        mvc.perform(post("/api/v1/activities/batch/approve").with(TestLogins.as(cast.city())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\":[" + ok.id() + "," + notEndorsed.id() + "]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.done", Matchers.empty()))
                .andExpect(jsonPath("$.failed[0].id").value(notEndorsed.id()))
                .andExpect(jsonPath("$.failed[0].name").value(notEndorsed.name()))
                .andExpect(jsonPath("$.failed[0].reason").value("该活动还没有经过归口单位审核推荐，市科协暂不能发布。"));

        assertThat(activities.get(cast.city(), ok.id()).status()).isEqualTo(ActivityStatus.ENDORSED);
        assertThat(activities.history(cast.city(), ok.id())).hasSize(3);
    }

    @Test
    void theCoordinatorQueueHoldsItsUnitsSubmissionsAndBatchEndorsesFromThePage() throws Exception {
        ActivityView a = fixtures.inState(cast, ActivityStatus.SUBMITTED);
        ActivityView b = fixtures.inState(cast, ActivityStatus.SUBMITTED);
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);

        mvc.perform(get("/review").with(TestLogins.as(cast.coordinator())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(a.name())))
                .andExpect(content().string(Matchers.containsString(b.name())))
                .andExpect(content().string(Matchers.not(Matchers.containsString(draft.name()))))
                .andExpect(content().string(Matchers.containsString("/review/endorse")));
        mvc.perform(get("/review").with(TestLogins.as(cast.otherCoordinator())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(a.name()))));

        mvc.perform(post("/review/endorse").with(TestLogins.as(cast.coordinator())).with(csrf())
                        .param("ids", String.valueOf(a.id()), String.valueOf(b.id())).param("lateOnly", "false"))
                .andExpect(redirectedUrl("/review"))
                .andExpect(flash().attribute("flashSuccess", "已审核推荐 2 项活动。"));
        assertThat(activities.get(cast.city(), a.id()).status()).isEqualTo(ActivityStatus.ENDORSED);
        assertThat(activities.get(cast.city(), b.id()).status()).isEqualTo(ActivityStatus.ENDORSED);

        mvc.perform(get("/review").with(TestLogins.as(cast.city())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/review/approve")));
        assertThat(activities.reviewQueue(cast.city(), ActivityFilter.all()).items()).extracting(ActivityView::id)
                .contains(a.id(), b.id());
    }

    @Test
    void aFailedPageBatchRedirectsWithTheFailures() throws Exception {
        ActivityView endorsed = fixtures.inState(cast, ActivityStatus.ENDORSED);
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);

        mvc.perform(post("/review/endorse").with(TestLogins.as(cast.coordinator())).with(csrf())
                        .param("ids", String.valueOf(endorsed.id()), String.valueOf(draft.id()))
                        .param("division", "5"))
                .andExpect(redirectedUrl("/review?division=5"))
                .andExpect(flash().attribute("flashError", Matchers.containsString("有 2 项活动不能处理")))
                .andExpect(flash().attribute("batchFailures", Matchers.hasSize(2)));
        mvc.perform(post("/review/endorse").with(TestLogins.as(cast.coordinator())).with(csrf()))
                .andExpect(flash().attribute("flashError", "请至少选择一项活动。"));
    }

    @Test
    void aDivisionsOwnActivityGoesStraightToTheCity() throws Exception {
        OrganizationView jianghai = fixtures.division("江海区");
        Actor coordinator = cast.coordinator();
        ActivityView own = fixtures.withPlan(coordinator,
                activities.create(coordinator, fixtures.form("江海区科协自己的活动")));
        assertThat(own.reviewLevel()).isEqualTo(ReviewLevel.CITY);
        assertThat(own.organizationId()).isEqualTo(jianghai.id());

        ActivityView submitted = activities.submit(coordinator, own.id());
        assertThat(submitted.status()).isEqualTo(ActivityStatus.SUBMITTED);
        assertThat(submitted.reviewerName()).isEqualTo(organizations.city().name());
        assertThat(activities.reviewQueue(coordinator, ActivityFilter.all()).items()).extracting(ActivityView::id)
                .doesNotContain(own.id());
        assertThat(activities.reviewQueue(cast.city(), ActivityFilter.all()).items()).extracting(ActivityView::id)
                .contains(own.id());

        mvc.perform(post("/api/v1/activities/" + own.id() + "/endorse").with(TestLogins.as(coordinator)).with(csrf()))
                .andExpect(status().isForbidden());
        Actor otherJianghaiCoordinator = TestLogins.actor(Role.COORDINATOR, jianghai.id());
        mvc.perform(post("/api/v1/activities/" + own.id() + "/endorse").with(TestLogins.as(otherJianghaiCoordinator))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/activities/" + own.id()).with(TestLogins.as(cast.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/activities/" + own.id() + "/approve").with(TestLogins.as(cast.city())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.brandLabel").value("2021年全国科普日活动"));
    }

    @Test
    void anOnlineActivityWithoutAnAddressCannotBePublished() throws Exception {
        ActivityView online = activities.create(cast.owner(), fixtures.form("线上直播", ActivityFormat.ONLINE, null));
        activities.submit(cast.owner(), online.id());
        activities.endorse(cast.coordinator(), online.id(), "同意");

        mvc.perform(post("/api/v1/activities/" + online.id() + "/approve").with(TestLogins.as(cast.city())).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("线上活动发布前必须填写线上活动网址，请退回举办单位补充。"));
        mvc.perform(post("/activities/manage/" + online.id() + "/return").with(TestLogins.as(cast.city())).with(csrf())
                        .param("reason", "  "))
                .andExpect(redirectedUrl("/activities/manage/" + online.id()))
                .andExpect(flash().attribute("flashError", "请填写原因，举办单位会看到它。"));
        mvc.perform(post("/activities/manage/" + online.id() + "/return").with(TestLogins.as(cast.city())).with(csrf())
                        .param("reason", "请补充直播网址。"))
                .andExpect(redirectedUrl("/activities/manage/" + online.id()))
                .andExpect(flash().attribute("flashSuccess", "已退回举办单位修改。"));

        mvc.perform(get("/my/activities").with(TestLogins.as(cast.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请补充直播网址。")))
                .andExpect(content().string(Matchers.containsString("请按退回原因修改后重新提交。")));
    }
}
