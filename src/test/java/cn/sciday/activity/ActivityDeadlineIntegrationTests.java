package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignDetails;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.organization.Organizations;
import cn.sciday.web.ConflictException;

/** The intention deadline (end of 09-24, Beijing time) with the fixed clock, and the campaign's late-submission switch. */
@IntegrationTest
class ActivityDeadlineIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Organizations organizations;
    @Autowired
    CampaignManagement campaigns;
    @Autowired
    MutableClock clock;

    ActivityFixtures fixtures;
    Cast cast;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(organizations, activities, uploads);
        cast = fixtures.cast();
    }

    @AfterEach
    void restore() {
        clock.reset();
        allowLate(true);
    }

    @Test
    void aSubmissionAtTheLastMinuteOfTheDueDayIsOnTime() {
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);
        clock.set("2021-09-24T23:59:00+08:00");

        ActivityView submitted = activities.submit(cast.owner(), draft.id());

        assertThat(submitted.status()).isEqualTo(ActivityStatus.SUBMITTED);
        assertThat(submitted.late()).isFalse();
        assertThat(submitted.submittedAt()).hasToString("2021-09-24T23:59+08:00");
    }

    @Test
    void aSubmissionFromMidnightAfterTheDueDayIsMarkedLate() {
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);
        clock.set("2021-09-25T00:00:00+08:00");

        ActivityView submitted = activities.submit(cast.owner(), draft.id());

        assertThat(submitted.late()).isTrue();
        assertThat(activities.reviewQueue(cast.coordinator(), new ActivityFilter(null, null, null, true, 0, 500))
                .items()).extracting(ActivityView::id).contains(draft.id());
    }

    @Test
    void aLateSubmissionIsRefusedWith409WhenTheCampaignDoesNotAllowIt() throws Exception {
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);
        allowLate(false);
        clock.set("2021-09-25T00:00:00+08:00");

        mvc.perform(post("/api/v1/activities/" + draft.id() + "/submit").with(TestLogins.as(cast.owner()))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", Matchers.containsString("2021年9月24日 23:59")))
                .andExpect(jsonPath("$.detail", Matchers.containsString("没有开放逾期提交")));
        assertThat(activities.get(cast.owner(), draft.id()).status()).isEqualTo(ActivityStatus.DRAFT);

        clock.set("2021-09-24T23:59:59+08:00");
        assertThat(activities.submit(cast.owner(), draft.id()).late()).isFalse();
    }

    @Test
    void aReturnedActivitySubmittedOnTimeMayBeResubmittedAfterTheDeadlineAndStaysOnTime() {
        ActivityView returned = fixtures.inState(cast, ActivityStatus.RETURNED);
        allowLate(false);
        clock.set("2021-10-08T10:00:00+08:00");

        ActivityView resubmitted = activities.submit(cast.owner(), returned.id());

        assertThat(resubmitted.status()).isEqualTo(ActivityStatus.SUBMITTED);
        assertThat(resubmitted.late()).isFalse();
        assertThat(activities.history(cast.owner(), returned.id())).extracting(ActivityTransitionView::action)
                .containsExactly("CREATE", "SUBMIT", "RETURN", "RESUBMIT");
    }

    @Test
    void theRefusalIsAConflictForOtherCallersToo() {
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);
        allowLate(false);
        clock.set("2021-11-01T09:00:00+08:00");

        assertThatThrownBy(() -> activities.submit(cast.owner(), draft.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("截止");
    }

    private void allowLate(boolean allowed) {
        Campaign c = campaigns.requireCurrent();
        if (c.lateSubmissionAllowed() != allowed) {
            campaigns.edit(c.id(), new CampaignDetails(c.title(), c.theme(), c.startsOn(), c.endsOn(), c.brandLabel(),
                    c.affiliation(), allowed));
        }
    }
}
