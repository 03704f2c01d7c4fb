package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;

/** The completion and summary pages as people use them: forms, errors next to their fields, flash messages. */
@IntegrationTest
class CompletionPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    CompletionManagement completions;
    @Autowired
    SummaryManagement summaries;
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
    void theOrganizerCompletesThroughThePageAndOthersOnlyRead() throws Exception {
        long id = fixtures.inState(cast, ActivityStatus.PUBLISHED).id();
        String url = "/activities/manage/" + id + "/completion";

        String detail = html(get("/activities/manage/" + id), cast.owner());
        assertThat(detail).contains("完整度 0%").contains("href=\"" + url + "\"");

        mvc.perform(multipart(url + "/photos").file(CompletionTestFiles.part("file", "合影.png", "image/png",
                CompletionTestFiles.png())).with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "照片已上传。"));
        mvc.perform(post(url + "/links").param("kind", "NEWS").param("title", "江门日报报道")
                .param("url", "https://www.jmnews.cn/a.html").with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(url).param("actualParticipants", "230").param("summary", "活动顺利。")
                .with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "已保存。"));

        long file = completions.view(cast.owner(), id).photos().get(0).fileId();
        String mine = html(get(url), cast.owner());
        assertThat(mine).contains("完整度 100%").contains("已完善")
                .contains("src=\"/media/" + file + "/thumbnail\"").contains("alt=\"照片 1：合影.png\"")
                .contains("江门日报报道").contains("name=\"actualParticipants\"").contains("value=\"230\"")
                .contains("enctype=\"multipart/form-data\"");
        String coordinator = html(get(url), cast.coordinator());
        assertThat(coordinator).contains("完整度 100%").contains("230").contains("活动顺利。")
                .doesNotContain("name=\"actualParticipants\"").doesNotContain("/completion/photos\"");
    }

    @Test
    void fieldErrorsAreSummarisedAndLinkedToTheirInputs() throws Exception {
        long id = fixtures.inState(cast, ActivityStatus.PUBLISHED).id();
        String url = "/activities/manage/" + id + "/completion";
        String page = html(post(url).param("actualParticipants", "一百").param("summary", "草稿").with(csrf()),
                cast.owner());
        assertThat(page).contains("error-summary").contains("href=\"#actualParticipants\"")
                .contains("实际参与人数请填写整数").contains("id=\"actualParticipants-error\"");
        page = html(post(url + "/links").param("kind", "VIDEO").param("title", "回放").param("url", "www.x.cn")
                .with(csrf()), cast.owner());
        assertThat(page).contains("href=\"#link-url\"").contains("id=\"url-error\"").contains("value=\"回放\"");
        assertThat(completions.view(cast.owner(), id).links()).isEmpty();

        for (int i = 0; i < CompletionManagement.MAX_PHOTOS; i++) {
            completions.addPhoto(cast.owner(), id, CompletionIntegrationTests.png(i + ".png"));
        }
        assertThat(html(get(url), cast.owner())).doesNotContain("id=\"photo-file\"").contains("已上传 9 张照片");
        mvc.perform(multipart(url + "/photos").file(CompletionTestFiles.part("file", "10.png", "image/png",
                CompletionTestFiles.png())).with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(flash().attribute("flashError", Matchers.containsString("最多上传 9 张照片")));
    }

    @Test
    void summariesAreSubmittedAcceptedAndShownToTheCoordinator() throws Exception {
        String board = html(get("/summaries"), cast.owner());
        assertThat(board).contains("本单位阶段性总结").contains("action=\"/summaries/submit/stage\"")
                .contains("action=\"/summaries/submit/full\"").contains("未提交");

        mvc.perform(multipart("/summaries/submit/stage").file(CompletionTestFiles.part("files", "总结.pdf",
                "application/pdf", CompletionTestFiles.pdf())).param("body", "本单位开展科普活动三项。")
                .with(TestLogins.as(cast.owner())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashSuccess", "阶段性总结已提交。"));
        mvc.perform(multipart("/summaries/submit/full").param("body", " ").with(TestLogins.as(cast.owner()))
                .with(csrf())).andExpect(flash().attribute("flashError", "请填写总结内容。"));

        long id = summaries.board(cast.owner()).own().get(0).state().summaryId();
        assertThat(html(get("/summaries"), cast.owner())).contains("已提交").contains("总结.pdf")
                .contains("修改后重新提交");
        String coordinatorBoard = html(get("/summaries"), cast.coordinator());
        assertThat(coordinatorBoard).contains(cast.unit().name()).contains("href=\"/summaries/" + id + "\"")
                .contains("本单位阶段性总结");
        String show = html(get("/summaries/" + id), cast.coordinator());
        assertThat(show).contains("本单位开展科普活动三项。").contains("总结.pdf")
                .contains("action=\"/summaries/" + id + "/accept\"");
        mvc.perform(post("/summaries/" + id + "/accept").with(TestLogins.as(cast.coordinator())).with(csrf()))
                .andExpect(flash().attribute("flashSuccess", "已确认收到该总结。"));
        assertThat(html(get("/summaries/" + id), cast.owner())).contains("已确认")
                .doesNotContain("/accept\"");
        assertThat(html(get("/summaries"), cast.city())).contains("各归口单位的总结").contains(cast.unit().name());
    }

    @Test
    void overviewPagesRenderForEveryStaffRole() throws Exception {
        fixtures.inState(cast, ActivityStatus.PUBLISHED);
        assertThat(html(get("/completion"), cast.owner())).contains("信息完善情况").contains(cast.unit().name())
                .doesNotContain("各举办单位");
        assertThat(html(get("/completion"), cast.coordinator())).contains("各归口单位").contains("各举办单位")
                .contains(cast.unit().name());
        assertThat(html(get("/completion"), cast.city())).contains("新会区").contains(cast.otherUnit().name());
        assertThat(html(get("/completion/" + cast.unit().id()), cast.coordinator())).contains("完整度 0%");
        assertThat(html(get("/completion").param("lang", "en"), cast.city())).contains("Information completion");
    }

    @Test
    void theNewEndpointsAreDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/activities/{id}/completion'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/activities/{id}/completion/photos'].post.summary")
                        .value(Matchers.containsString("at most 9")))
                .andExpect(jsonPath("$.paths['/api/v1/activities/batch/submit'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/activities/{id}/epidemic-plan'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/summaries'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/summaries/{id}/accept'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/completion'].get").exists());
    }

    private String html(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(TestLogins.as(actor))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String html(org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request,
            Actor actor) throws Exception {
        return mvc.perform(request.with(TestLogins.as(actor))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
