package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.media.Media;
import cn.sciday.organization.Organizations;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;

/** 五(五): an offline or online+offline activity needs its epidemic-prevention plan before it is submitted. */
@IntegrationTest
class EpidemicPlanIntegrationTests {

    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Organizations organizations;
    @Autowired
    Media media;
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
    void anOfflineOrMixedActivityIsNotSubmittedWithoutItsPlanAndNothingChanges() {
        for (ActivityFormat format : new ActivityFormat[] {ActivityFormat.OFFLINE, ActivityFormat.BOTH}) {
            ActivityView draft = activities.create(cast.owner(),
                    fixtures.form("无方案-" + format, format, "https://live.example.cn/x"));
            assertThatThrownBy(() -> activities.submit(cast.owner(), draft.id()))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("疫情防控方案");
            assertThat(activities.get(cast.owner(), draft.id()).status()).isEqualTo(ActivityStatus.DRAFT);
        }
        ActivityView online = activities.create(cast.owner(), fixtures.onlineForm("线上讲座"));
        assertThat(activities.submit(cast.owner(), online.id()).status()).isEqualTo(ActivityStatus.SUBMITTED);
    }

    @Test
    void withItsPlanItIsSubmittedAndTheCoordinatorAndTheCityReadThePlan() throws Exception {
        ActivityView draft = activities.create(cast.owner(), fixtures.form("有方案的活动"));
        ActivityView withPlan = uploads.attachEpidemicPlan(cast.owner(), draft.id(),
                CompletionTestFiles.upload("疫情防控方案.docx", CompletionTestFiles.docx()));
        assertThat(withPlan.epidemicPlanFileId()).isNotNull();
        assertThat(activities.submit(cast.owner(), draft.id()).status()).isEqualTo(ActivityStatus.SUBMITTED);

        String plan = "/media/" + withPlan.epidemicPlanFileId();
        mvc.perform(get(plan).with(TestLogins.as(cast.owner()))).andExpect(status().isOk());
        mvc.perform(get(plan).with(TestLogins.as(cast.coordinator()))).andExpect(status().isOk());
        mvc.perform(get(plan).with(TestLogins.as(cast.city()))).andExpect(status().isOk());
        mvc.perform(get(plan).with(TestLogins.as(cast.otherOrganizer()))).andExpect(status().isNotFound());
        mvc.perform(get(plan).with(TestLogins.as(cast.otherCoordinator()))).andExpect(status().isNotFound());
        mvc.perform(get(plan)).andExpect(status().isNotFound());

        String page = mvc.perform(get("/activities/manage/" + draft.id()).with(TestLogins.as(cast.coordinator())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("疫情防控方案").contains("href=\"" + plan + "\"").contains("疫情防控方案.docx");
    }

    @Test
    void aWebPageNamedPdfIsRefusedAndTheActivityKeepsNoPlan() {
        ActivityView draft = activities.create(cast.owner(), fixtures.form("伪装的方案"));
        long files = mediaRows();
        assertThatThrownBy(() -> uploads.attachEpidemicPlan(cast.owner(), draft.id(),
                CompletionTestFiles.upload("方案.pdf", CompletionTestFiles.html())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("网页");
        assertThatThrownBy(() -> uploads.attachEpidemicPlan(cast.owner(), draft.id(),
                CompletionTestFiles.upload("方案.pdf", new byte[] {0x00, 0x01, 0x02})))
                .isInstanceOf(InvalidInputException.class);
        assertThat(activities.get(cast.owner(), draft.id()).epidemicPlanFileId()).isNull();
        assertThat(mediaRows()).isEqualTo(files);
    }

    @Test
    void aNewPlanReplacesTheOldOneWhichIsDeleted() {
        ActivityView draft = activities.create(cast.owner(), fixtures.form("换方案"));
        long first = uploads.attachEpidemicPlan(cast.owner(), draft.id(),
                CompletionTestFiles.upload("方案一.pdf", CompletionTestFiles.pdf())).epidemicPlanFileId();
        long second = uploads.attachEpidemicPlan(cast.owner(), draft.id(),
                CompletionTestFiles.upload("方案二.png", CompletionTestFiles.png())).epidemicPlanFileId();
        assertThat(second).isNotEqualTo(first);
        assertThat(media.metadata(first)).isEmpty();
        assertThat(media.metadata(second)).hasValueSatisfying(f -> assertThat(f.originalName()).isEqualTo("方案二.png"));
    }

    @Test
    void onlyTheProposerAttachesAndOnlyWhileItMayEdit() {
        ActivityView submitted = fixtures.inState(cast, ActivityStatus.SUBMITTED);
        assertThatThrownBy(() -> uploads.attachEpidemicPlan(cast.owner(), submitted.id(),
                CompletionTestFiles.upload("方案.pdf", CompletionTestFiles.pdf())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("不能更换");
        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);
        assertThatThrownBy(() -> uploads.attachEpidemicPlan(cast.coordinator(), draft.id(),
                CompletionTestFiles.upload("方案.pdf", CompletionTestFiles.pdf())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> uploads.attachEpidemicPlan(cast.otherOrganizer(), draft.id(),
                CompletionTestFiles.upload("方案.pdf", CompletionTestFiles.pdf())))
                .isInstanceOf(cn.sciday.web.NotFoundException.class);
    }

    @Test
    void pagesAndApiSayWhatIsMissingAndTakeThePlan() throws Exception {
        ActivityView draft = activities.create(cast.owner(), fixtures.form("网页提交的活动"));
        mvc.perform(post("/activities/manage/" + draft.id() + "/submit").with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("疫情防控方案")));
        mvc.perform(post("/api/v1/activities/" + draft.id() + "/submit").with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("疫情防控方案")));
        String mine = mvc.perform(get("/my/activities").with(TestLogins.as(cast.owner())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("提交前须在活动页面上传疫情防控方案");

        mvc.perform(multipart("/activities/manage/" + draft.id() + "/epidemic-plan")
                .file(CompletionTestFiles.part("file", "plan.pdf", "application/pdf", CompletionTestFiles.html()))
                .with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("网页")));
        mvc.perform(multipart("/api/v1/activities/" + draft.id() + "/epidemic-plan")
                .file(CompletionTestFiles.part("file", "plan.pdf", "application/pdf", CompletionTestFiles.html()))
                .with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(activities.get(cast.owner(), draft.id()).epidemicPlanFileId()).isNull();

        mvc.perform(multipart("/activities/manage/" + draft.id() + "/epidemic-plan")
                .file(CompletionTestFiles.part("file", "plan.pdf", "application/pdf", CompletionTestFiles.pdf()))
                .with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", "疫情防控方案已上传。"));
        mvc.perform(post("/api/v1/activities/" + draft.id() + "/submit").with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.epidemicPlanFileId").isNumber());
    }

    long mediaRows() {
        return jdbc.sql("select count(*) from media_file").query(Long.class).single();
    }
}
