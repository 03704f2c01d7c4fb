package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.organization.Organizations;

import tools.jackson.databind.ObjectMapper;

/** After publication: time, place, format and capacity changes are logged with before and after, and announced. */
@IntegrationTest
@RecordApplicationEvents
class ActivityChangesIntegrationTests {

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
    @Autowired
    ApplicationEvents events;

    ActivityFixtures fixtures;
    Cast cast;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(organizations, activities, uploads);
        cast = fixtures.cast();
    }

    @Test
    void changingTimeAndVenueOfAPublishedActivityIsLoggedAndAnnounced() throws Exception {
        ActivityView published = fixtures.inState(cast, ActivityStatus.PUBLISHED);
        ActivityForm f = published.toForm();
        ActivityForm moved = new ActivityForm(f.name(), f.jointAction(), f.themes(), f.coOrganizers(), f.format(),
                LocalDateTime.parse("2021-10-17T14:00"), LocalDateTime.parse("2021-10-17T16:30"), f.divisionId(),
                "江海区图书馆报告厅", f.onlineUrl(), f.audiences(), f.expectedParticipants(), f.signupOpen(), 150,
                f.keyActivity(), f.summary(), f.description(), f.contactName(), f.contactPhone());

        mvc.perform(put("/api/v1/activities/" + published.id()).with(TestLogins.as(cast.owner())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(moved)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.venue").value("江海区图书馆报告厅"))
                .andExpect(jsonPath("$.capacity").value(150));

        mvc.perform(get("/api/v1/activities/" + published.id() + "/changes").with(TestLogins.as(cast.coordinator())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].field", Matchers.contains("startsAt", "endsAt", "venue", "capacity")))
                .andExpect(jsonPath("$[0].before").value("2021-10-16 09:00"))
                .andExpect(jsonPath("$[0].after").value("2021-10-17 14:00"))
                .andExpect(jsonPath("$[2].before").value("江海区礼乐街道文化中心"))
                .andExpect(jsonPath("$[2].after").value("江海区图书馆报告厅"))
                .andExpect(jsonPath("$[3].before").value("120"))
                .andExpect(jsonPath("$[3].after").value("150"));

        ActivityChanged changed = events.stream(ActivityChanged.class)
                .filter(e -> e.activityId() == published.id()).findFirst().orElseThrow();
        assertThat(changed.fieldsChanged()).containsExactly("startsAt", "endsAt", "venue", "capacity");
        assertThat(changed.before()).containsEntry("venue", "江海区礼乐街道文化中心");
        assertThat(changed.after()).containsEntry("startsAt", "2021-10-17 14:00");
        assertThat(changed.actorId()).isEqualTo(cast.owner().accountId());
        assertThat(changed.organizationId()).isEqualTo(cast.unit().id());

        mvc.perform(get("/activities/manage/" + published.id()).with(TestLogins.as(cast.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("发布后的变更")))
                .andExpect(content().string(Matchers.containsString("江海区图书馆报告厅")));
    }

    @Test
    void otherFieldsOfAPublishedActivityCannotChange() throws Exception {
        ActivityView published = fixtures.inState(cast, ActivityStatus.PUBLISHED);
        ActivityForm f = published.toForm();
        ActivityForm renamed = new ActivityForm("改了名字", f.jointAction(), f.themes(), f.coOrganizers(), f.format(),
                f.startsAt(), f.endsAt(), f.divisionId(), f.venue(), f.onlineUrl(), f.audiences(),
                f.expectedParticipants(), f.signupOpen(), f.capacity(), f.keyActivity(), "新简介", f.description(),
                f.contactName(), f.contactPhone());

        mvc.perform(put("/api/v1/activities/" + published.id()).with(TestLogins.as(cast.owner())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(renamed)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", Matchers.containsString("活动名称、活动简介")));
        assertThat(activities.get(cast.owner(), published.id()).name()).isEqualTo(published.name());
        assertThat(activities.changes(cast.owner(), published.id())).isEmpty();
    }

    @Test
    void theChangePageRecordsAFormatChangeAndRefusesAnOnlineFormatWithoutAnAddress() throws Exception {
        ActivityView published = fixtures.inState(cast, ActivityStatus.PUBLISHED);
        String path = "/my/activities/" + published.id() + "/change";

        mvc.perform(get("/my/activities/" + published.id() + "/edit").with(TestLogins.as(cast.owner())))
                .andExpect(redirectedUrl(path));
        mvc.perform(get(path).with(TestLogins.as(cast.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("2021年全国科普日活动")));
        mvc.perform(post(path).with(TestLogins.as(cast.owner())).with(csrf()).param("format", "BOTH")
                        .param("startsAt", "2021-10-16T09:00").param("endsAt", "2021-10-16T11:30")
                        .param("divisionId", String.valueOf(published.divisionId())).param("venue", published.venue())
                        .param("capacity", "120"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("线上活动请填写线上活动网址。")));
        mvc.perform(post(path).with(TestLogins.as(cast.owner())).with(csrf()).param("format", "BOTH")
                        .param("startsAt", "2021-10-16T09:00").param("endsAt", "2021-10-16T11:30")
                        .param("divisionId", String.valueOf(published.divisionId())).param("venue", published.venue())
                        .param("onlineUrl", "https://live.example.cn/jh").param("capacity", "120"))
                .andExpect(redirectedUrl("/activities/manage/" + published.id()));

        assertThat(activities.changes(cast.owner(), published.id())).extracting(ActivityChangeView::field)
                .containsExactly("format", "onlineUrl");
        assertThat(activities.changes(cast.owner(), published.id()).get(0).before()).isEqualTo("OFFLINE");
        assertThat(activities.changes(cast.owner(), published.id()).get(0).after()).isEqualTo("BOTH");
    }

    @Test
    void savingAPublishedActivityUnchangedLogsNothing() {
        ActivityView published = fixtures.inState(cast, ActivityStatus.PUBLISHED);
        activities.change(cast.owner(), published.id(), published.toChangeForm());
        assertThat(activities.changes(cast.owner(), published.id())).isEmpty();
        assertThat(events.stream(ActivityChanged.class).filter(e -> e.activityId() == published.id())).isEmpty();
    }

    @Test
    void theTransitionsPublishEventsWithWhatAnAuditLineNeeds() {
        ActivityView returned = fixtures.inState(cast, ActivityStatus.RETURNED);
        ActivityReturned event = events.stream(ActivityReturned.class)
                .filter(e -> e.activityId() == returned.id()).findFirst().orElseThrow();
        assertThat(event.reason()).isEqualTo("请补充活动地点。");
        assertThat(event.from()).isEqualTo(ActivityStatus.SUBMITTED);
        assertThat(event.actorId()).isEqualTo(cast.coordinator().accountId());
        assertThat(event.actorName()).isEqualTo(cast.coordinator().displayName());
        assertThat(event.name()).isEqualTo(returned.name());
        assertThat(event.organizationId()).isEqualTo(cast.unit().id());
        ActivitySubmitted submitted = events.stream(ActivitySubmitted.class)
                .filter(e -> e.activityId() == returned.id()).findFirst().orElseThrow();
        assertThat(submitted.reviewLevel()).isEqualTo(ReviewLevel.COORDINATOR);
        assertThat(submitted.reviewerOrganizationId()).isEqualTo(fixtures.division("江海区").id());
        assertThat(events.stream(ActivityDrafted.class).filter(e -> e.activityId() == returned.id())).hasSize(1);

        ActivityView cancelled = fixtures.inState(cast, ActivityStatus.CANCELLED);
        assertThat(events.stream(ActivityEndorsed.class).filter(e -> e.activityId() == cancelled.id())).hasSize(1);
        assertThat(events.stream(ActivityPublished.class).filter(e -> e.activityId() == cancelled.id())).hasSize(1);
        assertThat(events.stream(ActivityCancelled.class).filter(e -> e.activityId() == cancelled.id()))
                .singleElement().extracting(ActivityCancelled::reason).isEqualTo("天气原因取消。");
        assertThat(activities.history(cast.city(), cancelled.id())).extracting(ActivityTransitionView::to)
                .containsExactly(ActivityStatus.DRAFT, ActivityStatus.SUBMITTED, ActivityStatus.ENDORSED,
                        ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED);
    }
}
