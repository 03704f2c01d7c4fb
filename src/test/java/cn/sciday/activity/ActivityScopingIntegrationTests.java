package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/** Who sees which activity: by API, by page and in lists; another unit's or division's activity is 404. */
@IntegrationTest
class ActivityScopingIntegrationTests {

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
    void anOrganizerOfAnotherUnitGets404ForADraftByApiAndByPage() throws Exception {
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);
        Actor xhMuseum = cast.otherOrganizer();

        mvc.perform(get("/api/v1/activities/" + draft.id()).with(TestLogins.as(xhMuseum)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/activities/manage/" + draft.id()).with(TestLogins.as(xhMuseum)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/my/activities/" + draft.id() + "/edit").with(TestLogins.as(xhMuseum)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/activities/" + draft.id() + "/history").with(TestLogins.as(xhMuseum)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/activities/manage/" + draft.id() + "/submit").with(TestLogins.as(xhMuseum)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/activities/" + draft.id()).with(TestLogins.as(cast.owner())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(draft.id()))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.jointAction").value(2));
    }

    @Test
    void theCoordinatorOfXinhuiCannotEndorseAJianghaiActivity() throws Exception {
        ActivityView submitted = fixtures.inState(cast, ActivityStatus.SUBMITTED);

        mvc.perform(post("/api/v1/activities/" + submitted.id() + "/endorse").with(TestLogins.as(cast.otherCoordinator()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/activities/manage/" + submitted.id() + "/endorse")
                        .with(TestLogins.as(cast.otherCoordinator())).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(activities.endorseAll(cast.otherCoordinator(), List.of(submitted.id()), null).failed())
                .singleElement().satisfies(f -> assertThat(f.name()).as("nothing leaks").isNull());
        assertThat(activities.get(cast.city(), submitted.id()).status()).isEqualTo(ActivityStatus.SUBMITTED);
    }

    @Test
    void listsShowOnlyWhatTheCallerMaySee() throws Exception {
        ActivityView mine = fixtures.inState(cast, ActivityStatus.SUBMITTED);
        long otherId = activities.create(cast.otherOrganizer(), fixtures.form("新会区的活动")).id();

        assertThat(ids(cast.owner())).contains(mine.id()).doesNotContain(otherId);
        assertThat(ids(cast.otherOrganizer())).contains(otherId).doesNotContain(mine.id());
        assertThat(ids(cast.coordinator())).contains(mine.id()).doesNotContain(otherId);
        assertThat(ids(cast.otherCoordinator())).contains(otherId).doesNotContain(mine.id());
        assertThat(ids(cast.city())).contains(mine.id(), otherId);

        mvc.perform(get("/api/v1/activities").with(TestLogins.as(cast.owner())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", Matchers.hasItem((int) mine.id())))
                .andExpect(jsonPath("$.items[*].id", Matchers.not(Matchers.hasItem((int) otherId))));
        mvc.perform(get("/api/v1/activities").param("status", "SUBMITTED").with(TestLogins.as(cast.coordinator())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].status", Matchers.everyItem(Matchers.is("SUBMITTED"))))
                .andExpect(jsonPath("$.items[*].id", Matchers.hasItem((int) mine.id())));
        mvc.perform(get("/activities/manage").with(TestLogins.as(cast.otherOrganizer())))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.not(Matchers.containsString(mine.name()))));
    }

    @Test
    void listFiltersByDivisionAndJointAction() throws Exception {
        ActivityView mine = fixtures.inState(cast, ActivityStatus.DRAFT);
        long jianghai = fixtures.division("江海区").id();
        long xinhui = fixtures.division("新会区").id();

        mvc.perform(get("/api/v1/activities").param("division", String.valueOf(jianghai)).param("jointAction", "2")
                        .with(TestLogins.as(cast.owner())))
                .andExpect(jsonPath("$.items[*].id", Matchers.hasItem((int) mine.id())));
        mvc.perform(get("/api/v1/activities").param("division", String.valueOf(xinhui))
                        .with(TestLogins.as(cast.owner())))
                .andExpect(jsonPath("$.items[*].id", Matchers.not(Matchers.hasItem((int) mine.id()))));
        mvc.perform(get("/api/v1/activities").param("jointAction", "5").with(TestLogins.as(cast.owner())))
                .andExpect(jsonPath("$.items[*].id", Matchers.not(Matchers.hasItem((int) mine.id()))));
    }

    @Test
    void thePublicSeesOnlyPublishedAndCancelledActivities() throws Exception {
        ActivityView published = fixtures.inState(cast, ActivityStatus.PUBLISHED);
        ActivityView cancelled = fixtures.inState(cast, ActivityStatus.CANCELLED);
        ActivityView endorsed = fixtures.inState(cast, ActivityStatus.ENDORSED);

        assertThat(publicIds()).contains(published.id(), cancelled.id()).doesNotContain(endorsed.id());
        mvc.perform(get("/api/v1/public/activities").param("size", "500"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].status", Matchers.everyItem(Matchers.in(List.of("PUBLISHED", "CANCELLED")))));
        mvc.perform(get("/api/v1/public/activities/" + published.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(published.name()))
                .andExpect(jsonPath("$.brandLabel").value("2021年全国科普日活动"))
                .andExpect(jsonPath("$.jointAction").value(2))
                .andExpect(jsonPath("$.contactPhone").doesNotExist());
        mvc.perform(get("/api/v1/public/activities/" + cancelled.id()))
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancelReason").value("天气原因取消。"));
        mvc.perform(get("/api/v1/public/activities/" + endorsed.id())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/activities").param("status", "DRAFT"))
                .andExpect(jsonPath("$.total").value(0));
        Actor citizen = TestLogins.actor(Role.PUBLIC, null);
        mvc.perform(get("/api/v1/activities/" + published.id()).with(TestLogins.as(citizen)))
                .andExpect(status().isForbidden());
    }

    private List<Long> ids(Actor actor) {
        List<Long> ids = new java.util.ArrayList<>();
        ActivityPage<ActivityView> page;
        int n = 0;
        do {
            page = activities.visibleTo(actor, new ActivityFilter(null, null, null, false, n++, 500));
            page.items().forEach(a -> ids.add(a.id()));
        } while (page.hasNext());
        return ids;
    }

    private List<Long> publicIds() {
        List<Long> ids = new java.util.ArrayList<>();
        ActivityPage<PublicActivity> page;
        int n = 0;
        do {
            page = activities.publicList(new ActivityFilter(null, null, null, false, n++, 500));
            page.items().forEach(a -> ids.add(a.id()));
        } while (page.hasNext());
        return ids;
    }
}
