package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.organization.Organizations;
import cn.sciday.web.InvalidInputException;

/**
 * The intention batch (意向征集): a unit submits several activities together with ONE stamped scan (PDF, JPG or PNG,
 * at most 10 MB, checked by its content). All or nothing; the coordinator and the city see the scan.
 */
@IntegrationTest
class IntentionBatchIntegrationTests {

    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Organizations organizations;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    ActivityFixtures fixtures;
    Cast cast;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(organizations, activities, uploads);
        cast = fixtures.cast();
    }

    @Test
    void theSelectedActivitiesAreSubmittedTogetherAndEachCarriesTheScan() throws Exception {
        ActivityView a = fixtures.inState(cast, ActivityStatus.DRAFT);
        ActivityView b = fixtures.inState(cast, ActivityStatus.RETURNED);
        ActivityView online = activities.create(cast.owner(), fixtures.onlineForm("线上直播课"));

        BatchResult result = uploads.submitWithScan(cast.owner(), List.of(a.id(), b.id(), online.id()),
                CompletionTestFiles.upload("意向征集表（盖章）.jpg", CompletionTestFiles.jpeg()));

        assertThat(result.ok()).isTrue();
        assertThat(result.done()).containsExactly(a.id(), b.id(), online.id());
        long scan = activities.get(cast.owner(), a.id()).intentionScanFileId();
        for (long id : List.of(a.id(), b.id(), online.id())) {
            ActivityView v = activities.get(cast.coordinator(), id);
            assertThat(v.status()).isEqualTo(ActivityStatus.SUBMITTED);
            assertThat(v.intentionScanFileId()).isEqualTo(scan);
        }
        mvc.perform(get("/media/" + scan).with(TestLogins.as(cast.coordinator()))).andExpect(status().isOk());
        mvc.perform(get("/media/" + scan).with(TestLogins.as(cast.city()))).andExpect(status().isOk());
        mvc.perform(get("/media/" + scan).with(TestLogins.as(cast.otherCoordinator()))).andExpect(status().isNotFound());
        mvc.perform(get("/media/" + scan).with(TestLogins.as(cast.otherOrganizer()))).andExpect(status().isNotFound());
        for (var who : List.of(cast.coordinator(), cast.city())) {
            String page = mvc.perform(get("/activities/manage/" + a.id()).with(TestLogins.as(who))).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("意向征集盖章扫描件").contains("href=\"/media/" + scan + "\"")
                    .contains("意向征集表（盖章）.jpg");
        }
    }

    @Test
    void oneActivityThatCannotBeSubmittedStopsTheWholeBatchAndNoScanIsKept() {
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);
        ActivityView submitted = fixtures.inState(cast, ActivityStatus.SUBMITTED);
        ActivityView noPlan = activities.create(cast.owner(), fixtures.form("缺方案"));
        long other = fixtures.inState(new Cast(cast.otherUnit(), cast.unit(), cast.otherOrganizer(), cast.owner(),
                cast.otherCoordinator(), cast.coordinator(), cast.city(), cast.publicUser()), ActivityStatus.DRAFT).id();
        long files = mediaRows();

        BatchResult result = uploads.submitWithScan(cast.owner(),
                List.of(draft.id(), submitted.id(), noPlan.id(), other),
                CompletionTestFiles.upload("scan.pdf", CompletionTestFiles.pdf()));

        assertThat(result.ok()).isFalse();
        assertThat(result.done()).isEmpty();
        assertThat(result.failed()).extracting(BatchResult.Failure::id)
                .containsExactly(submitted.id(), noPlan.id(), other);
        assertThat(result.failed().get(1).reason()).contains("疫情防控方案");
        assertThat(result.failed().get(2).name()).as("another unit's activity is not named").isNull();
        assertThat(activities.get(cast.owner(), draft.id()).status()).isEqualTo(ActivityStatus.DRAFT);
        assertThat(activities.get(cast.owner(), draft.id()).intentionScanFileId()).isNull();
        assertThat(mediaRows()).isEqualTo(files);
    }

    @Test
    void aWebPageNamedPdfIsRefusedAndNothingChanges() throws Exception {
        ActivityView a = fixtures.inState(cast, ActivityStatus.DRAFT);
        ActivityView b = fixtures.inState(cast, ActivityStatus.DRAFT);
        long files = mediaRows();

        assertThatThrownBy(() -> uploads.submitWithScan(cast.owner(), List.of(a.id(), b.id()),
                CompletionTestFiles.upload("盖章扫描件.pdf", CompletionTestFiles.html())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("网页");
        assertThatThrownBy(() -> uploads.submitWithScan(cast.owner(), List.of(a.id(), b.id()),
                CompletionTestFiles.upload("盖章扫描件.docx", CompletionTestFiles.docx())))
                .as("Word is not a scan").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> uploads.submitWithScan(cast.owner(), List.of(a.id(), b.id()), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("盖章");

        mvc.perform(multipart("/my/activities/submit-batch")
                .file(CompletionTestFiles.part("file", "scan.pdf", "application/pdf", CompletionTestFiles.html()))
                .param("ids", String.valueOf(a.id()), String.valueOf(b.id()))
                .with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", Matchers.containsString("网页")));
        mvc.perform(multipart("/api/v1/activities/batch/submit")
                .file(CompletionTestFiles.part("file", "scan.pdf", "application/pdf", CompletionTestFiles.html()))
                .param("ids", String.valueOf(a.id()), String.valueOf(b.id()))
                .with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));

        for (long id : List.of(a.id(), b.id())) {
            assertThat(activities.get(cast.owner(), id).status()).isEqualTo(ActivityStatus.DRAFT);
            assertThat(activities.get(cast.owner(), id).intentionScanFileId()).isNull();
        }
        assertThat(mediaRows()).isEqualTo(files);
    }

    @Test
    void myActivitiesOffersTheBatchAndTheApiAnswersTheSame() throws Exception {
        ActivityView a = fixtures.inState(cast, ActivityStatus.DRAFT);
        ActivityView submitted = fixtures.inState(cast, ActivityStatus.SUBMITTED);
        String page = mvc.perform(get("/my/activities").with(TestLogins.as(cast.owner()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("action=\"/my/activities/submit-batch\"").contains("enctype=\"multipart/form-data\"")
                .contains("id=\"batch-" + a.id() + "\"").doesNotContain("id=\"batch-" + submitted.id() + "\"");

        mvc.perform(multipart("/api/v1/activities/batch/submit")
                .file(CompletionTestFiles.part("file", "scan.png", "image/png", CompletionTestFiles.png()))
                .param("ids", String.valueOf(a.id()), String.valueOf(submitted.id()))
                .with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.failed[0].id").value(submitted.id()));
        mvc.perform(multipart("/my/activities/submit-batch")
                .file(CompletionTestFiles.part("file", "scan.png", "image/png", CompletionTestFiles.png()))
                .param("ids", String.valueOf(a.id()))
                .with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", "已提交 1 项活动，盖章扫描件已附上。"));
        assertThat(activities.get(cast.owner(), a.id()).status()).isEqualTo(ActivityStatus.SUBMITTED);
    }

    long mediaRows() {
        return jdbc.sql("select count(*) from media_file").query(Long.class).single();
    }
}
