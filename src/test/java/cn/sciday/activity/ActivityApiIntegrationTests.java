package cn.sciday.activity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.organization.Organizations;

import tools.jackson.databind.ObjectMapper;

/** The JSON shape of the activity API and its OpenAPI description. */
@IntegrationTest
class ActivityApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Organizations organizations;
    @Autowired
    ObjectMapper json;

    ActivityFixtures fixtures;
    Cast cast;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(organizations, activities, uploads);
        cast = fixtures.cast();
    }

    @Test
    void creatingADraftAnswers201WithTheActivityAndWhatTheCallerMayDo() throws Exception {
        mvc.perform(post("/api/v1/activities").with(TestLogins.as(cast.owner())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(fixtures.form("接口新建的活动"))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.matchesPattern("/api/v1/activities/\\d+")))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.name").value("接口新建的活动"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.reviewLevel").value("COORDINATOR"))
                .andExpect(jsonPath("$.jointAction").value(2))
                .andExpect(jsonPath("$.jointActionName").value("青少年科技教育联合行动"))
                .andExpect(jsonPath("$.themes", Matchers.contains(2, 6)))
                .andExpect(jsonPath("$.audiences", Matchers.contains("YOUTH", "GENERAL_PUBLIC")))
                .andExpect(jsonPath("$.format").value("OFFLINE"))
                .andExpect(jsonPath("$.startsAt").value("2021-10-16T09:00:00"))
                .andExpect(jsonPath("$.divisionName").value("江海区"))
                .andExpect(jsonPath("$.organizationName").value(cast.unit().name()))
                .andExpect(jsonPath("$.coordinatorName").value("江海区"))
                .andExpect(jsonPath("$.brandLabel").doesNotExist())
                .andExpect(jsonPath("$.actions", Matchers.containsInAnyOrder("EDIT", "SUBMIT", "WITHDRAW")));
    }

    @Test
    void historyListsEveryTransitionWithActorTimeAndComment() throws Exception {
        ActivityView returned = fixtures.inState(cast, ActivityStatus.RETURNED);
        mvc.perform(get("/api/v1/activities/" + returned.id() + "/history").with(TestLogins.as(cast.owner())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action", Matchers.contains("CREATE", "SUBMIT", "RETURN")))
                .andExpect(jsonPath("$[2].from").value("SUBMITTED"))
                .andExpect(jsonPath("$[2].to").value("RETURNED"))
                .andExpect(jsonPath("$[2].actorId").value(cast.coordinator().accountId()))
                .andExpect(jsonPath("$[2].actorRole").value("COORDINATOR"))
                .andExpect(jsonPath("$[2].remark").value("请补充活动地点。"))
                .andExpect(jsonPath("$[2].at").value(Matchers.endsWith("+08:00")));
        mvc.perform(get("/api/v1/activities/" + returned.id()).with(TestLogins.as(cast.owner())))
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.returnReason").value("请补充活动地点。"));
    }

    @Test
    void countsAndTheReviewQueueAreScoped() throws Exception {
        ActivityView submitted = fixtures.inState(cast, ActivityStatus.SUBMITTED);
        mvc.perform(get("/api/v1/activities/counts").with(TestLogins.as(cast.owner())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.SUBMITTED").value(1))
                .andExpect(jsonPath("$.PUBLISHED").value(0));
        mvc.perform(get("/api/v1/activities/review-queue").with(TestLogins.as(cast.coordinator())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", Matchers.hasItem((int) submitted.id())));
        mvc.perform(get("/api/v1/activities/review-queue").with(TestLogins.as(cast.otherCoordinator())))
                .andExpect(jsonPath("$.items[*].id", Matchers.not(Matchers.hasItem((int) submitted.id()))));
    }

    @Test
    void theApiIsDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/activities'].post.summary")
                        .value("Create a draft activity for the caller's own organization"))
                .andExpect(jsonPath("$.paths['/api/v1/activities/{id}/return'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/activities/{id}/approve'].post.summary")
                        .value("Approve and publish (the city)"))
                .andExpect(jsonPath("$.paths['/api/v1/public/activities'].get").exists());
    }
}
