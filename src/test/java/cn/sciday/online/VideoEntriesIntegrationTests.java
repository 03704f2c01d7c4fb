package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.notification.InboxMessage;
import cn.sciday.notification.Notifications;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.Role;

/** Short-video entries: submission with files and limits, the MP4 duration check, review with the author told. */
@IntegrationTest
class VideoEntriesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    VideoEntries videos;
    @Autowired
    Organizations organizations;
    @Autowired
    Accounts accounts;
    @Autowired
    Notifications notifications;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Actor admin;
    VideoRound round;

    @BeforeEach
    void openRound() {
        admin = OnlineTestData.cityAdmin(organizations);
        round = OnlineTestData.openRound(videos, admin, clock.instant(), 1, 2, 300);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCitizenSubmitsALinkEntryWithACoverAndSeesItWaitForReview() throws Exception {
        Actor citizen = OnlineTestData.citizen();
        mvc.perform(multipart("/my/videos").file(OnlineTestData.coverFile())
                        .param("title", "厨房里的化学魔术").param("description", "紫甘蓝变色").param("authorName", "陈思雨")
                        .param("unitName", "江门一中").param("category", "科学实验")
                        .param("link", "https://www.bilibili.com/video/BV1xx")
                        .with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/my/videos"));
        VideoEntry e = videos.mine(citizen).get(0);
        assertThat(e.status()).isEqualTo(VideoEntryStatus.PENDING);
        assertThat(e.roundId()).isEqualTo(round.id());
        assertThat(e.linkUrl()).isEqualTo("https://www.bilibili.com/video/BV1xx");
        assertThat(e.coverMediaId()).isNotNull();
        assertThat(e.organizationId()).isNull();

        mvc.perform(get("/my/videos").with(TestLogins.as(citizen))).andExpect(status().isOk())
                .andExpect(content().string(containsString("厨房里的化学魔术")))
                .andExpect(content().string(containsString("等待审核")));
        // not in the gallery, nor its files, until approved
        mvc.perform(get("/online/videos")).andExpect(content().string(not(containsString("厨房里的化学魔术"))));
        mvc.perform(get("/online/videos/" + e.id())).andExpect(status().isNotFound());
        mvc.perform(get("/online/videos/" + e.id() + "/cover")).andExpect(status().isNotFound());
        mvc.perform(get("/online/videos/" + e.id() + "/cover").with(TestLogins.as(citizen))).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("private")));
    }

    @Test
    void missingAndWrongFieldsAreAllNamedAndNothingIsStored() throws Exception {
        Actor citizen = OnlineTestData.citizen();
        long files = jdbc.sql("select count(*) from media_file").query(Long.class).single();
        mvc.perform(multipart("/my/videos")
                        .file(new MockMultipartFile("coverFile", "cover.png", "image/png", "<html>x</html>".getBytes()))
                        .param("title", "").param("authorName", "").param("category", "不存在的类别")
                        .param("link", "javascript:alert(1)").with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写作品名称。")))
                .andExpect(content().string(containsString("请填写作者姓名。")))
                .andExpect(content().string(containsString("请从列出的作品类别中选择一个。")))
                .andExpect(content().string(containsString("请填写以 http:// 或 https:// 开头的完整网址。")))
                .andExpect(content().string(containsString("error-summary")));
        // text problems are found before any file is touched; a bad file is refused with the media module's words
        mvc.perform(multipart("/my/videos")
                        .file(new MockMultipartFile("coverFile", "cover.png", "image/png", "<html>x</html>".getBytes()))
                        .param("title", "标题").param("authorName", "作者").param("category", "科学实验")
                        .param("link", "https://example.com/v").with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#coverFile\"")))
                .andExpect(content().string(containsString("不能上传网页")));
        assertThat(videos.mine(citizen)).isEmpty();
        assertThat(jdbc.sql("select count(*) from media_file").query(Long.class).single()).isEqualTo(files);
    }

    @Test
    void aLinkAndAFileTogetherOrNeitherAreRefused() {
        Actor citizen = OnlineTestData.citizen();
        assertThatThrownBy(() -> videos.submit(citizen, OnlineTestData.form("两样都有", "https://example.com/v"),
                OnlineTestData.upload("v.mp4", OnlineTestData.mp4Seconds(30)),
                OnlineTestData.upload("c.png", OnlineTestData.png())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请只选择一种方式");
        assertThatThrownBy(() -> videos.submit(citizen, OnlineTestData.form("都没有", ""), null,
                OnlineTestData.upload("c.png", OnlineTestData.png())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写视频所在的网址");
        assertThatThrownBy(() -> videos.submit(citizen, OnlineTestData.form("没有封面", "https://example.com/v"),
                null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("封面");
    }

    @Test
    void anMp4LongerThanTheRoundAllowsIsRefusedWithItsDurationAndLeavesNothing() throws Exception {
        Actor citizen = OnlineTestData.citizen();
        long files = jdbc.sql("select count(*) from media_file").query(Long.class).single();
        mvc.perform(multipart("/my/videos").file(OnlineTestData.coverFile())
                        .file(new MockMultipartFile("videoFile", "作品.mp4", "video/mp4", OnlineTestData.mp4Seconds(301)))
                        .param("title", "太长的视频").param("authorName", "李四").param("category", "科学实验")
                        .with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("视频时长为 5 分 01 秒，超过了本轮规定的 5 分 00 秒。请剪辑后再上传。")))
                .andExpect(content().string(containsString("href=\"#videoFile\"")));
        assertThat(videos.mine(citizen)).isEmpty();
        assertThat(jdbc.sql("select count(*) from media_file").query(Long.class).single()).isEqualTo(files);

        mvc.perform(multipart("/my/videos").file(OnlineTestData.coverFile())
                        .file(new MockMultipartFile("videoFile", "作品.mp4", "video/mp4",
                                OnlineTestData.mp4(90_000L * 299, 90_000, 0, false)))
                        .param("title", "刚好的视频").param("authorName", "李四").param("category", "科学实验")
                        .with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(status().is3xxRedirection());
        VideoEntry e = videos.mine(citizen).get(0);
        assertThat(e.isUpload()).isTrue();
        assertThat(e.durationSeconds()).isEqualTo(299);
        assertThat(e.linkUrl()).isNull();
    }

    @Test
    void aFileThatIsNotAnMp4OrHasNoReadableDurationIsRefused() {
        Actor citizen = OnlineTestData.citizen();
        assertThatThrownBy(() -> videos.submit(citizen, OnlineTestData.form("图片冒充视频", ""),
                OnlineTestData.upload("v.mp4", OnlineTestData.png()), OnlineTestData.upload("c.png", OnlineTestData.png())))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).field()).isEqualTo("video"));
        byte[] cut = java.util.Arrays.copyOf(OnlineTestData.mp4(10_000, 1000, 0, false), 24 + 8 + 4096 + 20);
        assertThatThrownBy(() -> videos.submit(citizen, OnlineTestData.form("不完整的视频", ""),
                OnlineTestData.upload("v.mp4", cut), OnlineTestData.upload("c.png", OnlineTestData.png())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("无法读取视频的时长");
    }

    @Test
    void onePersonMayEnterOnceAndAReturnedEntryFreesTheSlot() {
        Actor citizen = OnlineTestData.citizen();
        VideoEntry first = videos.submit(citizen, OnlineTestData.form("第一件", "https://example.com/1"), null,
                OnlineTestData.upload("c.png", OnlineTestData.png()));
        assertThatThrownBy(() -> videos.submit(citizen, OnlineTestData.form("第二件", "https://example.com/2"), null,
                OnlineTestData.upload("c.png", OnlineTestData.png())))
                .isInstanceOf(ConflictException.class).hasMessage("每人在本轮最多投稿 1 件，您已投稿 1 件（未通过审核的作品不计在内）。");
        videos.reject(admin, first.id(), "画面模糊");
        VideoEntry second = videos.submit(citizen, OnlineTestData.form("第二件", "https://example.com/2"), null,
                OnlineTestData.upload("c.png", OnlineTestData.png()));
        assertThat(second.status()).isEqualTo(VideoEntryStatus.PENDING);
        // the returned one cannot come back while the new one takes the only slot
        assertThatThrownBy(() -> videos.edit(citizen, first.id(), OnlineTestData.form("第一件改", "https://example.com/1"),
                null, null)).isInstanceOf(ConflictException.class).hasMessageContaining("每人在本轮最多投稿 1 件");
    }

    @Test
    void aUnitMayEnterUpToItsQuotaWhateverOrganizerSubmits() {
        OrganizationView unit = OnlineTestData.unit(organizations, "江海区", "礼乐中学");
        Actor one = TestLogins.actor(Role.ORGANIZER, unit.id());
        Actor two = TestLogins.actor(Role.ORGANIZER, unit.id());
        VideoEntry a = videos.submit(one, OnlineTestData.form("单位作品一", "https://example.com/u1"), null,
                OnlineTestData.upload("c.png", OnlineTestData.png()));
        videos.submit(two, OnlineTestData.form("单位作品二", "https://example.com/u2"), null,
                OnlineTestData.upload("c.png", OnlineTestData.png()));
        assertThat(a.organizationId()).isEqualTo(unit.id());
        assertThat(a.unitName()).isEqualTo(unit.name());
        assertThatThrownBy(() -> videos.submit(one, OnlineTestData.form("单位作品三", "https://example.com/u3"), null,
                OnlineTestData.upload("c.png", OnlineTestData.png())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("每个单位在本轮最多投稿 2 件，贵单位已投稿 2 件");
        // another unit has its own quota; colleagues see and edit their unit's entries
        OrganizationView other = OnlineTestData.unit(organizations, "新会区", "会城小学");
        videos.submit(TestLogins.actor(Role.ORGANIZER, other.id()), OnlineTestData.form("别的单位", "https://example.com/o"),
                null, OnlineTestData.upload("c.png", OnlineTestData.png()));
        assertThat(videos.mine(two)).extracting(VideoEntry::title).contains("单位作品一", "单位作品二")
                .doesNotContain("别的单位");
        assertThat(videos.own(two, a.id()).id()).isEqualTo(a.id());
    }

    @Test
    void noEntriesOutsideTheRoundsPeriod() {
        clock.set(round.closesAt().plusSeconds(1));
        assertThatThrownBy(() -> videos.submit(OnlineTestData.citizen(), OnlineTestData.form("迟到", "https://e.com/x"),
                null, OnlineTestData.upload("c.png", OnlineTestData.png())))
                .isInstanceOf(ConflictException.class).hasMessage("现在没有正在征集的短视频活动，不能投稿。");
    }

    @Test
    void reviewTellsTheAuthorAndOnlyApprovedEntriesAreShown() throws Exception {
        Actor author = OnlineTestData.realCitizen(accounts);
        VideoEntry e = videos.submit(author, OnlineTestData.form("袁隆平爷爷的稻田梦", "https://example.com/yuan"), null,
                OnlineTestData.upload("c.png", OnlineTestData.png()));

        mvc.perform(post("/admin/online/videos/" + e.id() + "/reject").param("reason", " ")
                        .with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写退回的理由")));
        mvc.perform(post("/admin/online/videos/" + e.id() + "/reject").param("reason", "请补充作品简介")
                        .with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().is3xxRedirection());
        List<InboxMessage> inbox = notifications.inbox(author, 10);
        assertThat(inbox.get(0).subject()).isEqualTo("您的短视频作品未通过审核");
        assertThat(inbox.get(0).body()).contains("袁隆平爷爷的稻田梦", "理由：请补充作品简介");
        mvc.perform(get("/my/videos").with(TestLogins.as(author)))
                .andExpect(content().string(containsString("请补充作品简介")));

        // the author changes it; it goes back to review and is approved
        mvc.perform(multipart("/my/videos/" + e.id()).param("title", "袁隆平爷爷的稻田梦")
                        .param("description", "讲述杂交水稻之父的故事").param("authorName", "黄嘉怡")
                        .param("category", "科学实验").param("link", "https://example.com/yuan")
                        .with(csrf()).with(TestLogins.as(author)))
                .andExpect(status().is3xxRedirection());
        assertThat(videos.own(author, e.id()).status()).isEqualTo(VideoEntryStatus.PENDING);
        mvc.perform(post("/admin/online/videos/" + e.id() + "/approve").with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().is3xxRedirection());
        assertThat(notifications.inbox(author, 10).get(0).subject()).isEqualTo("您的短视频作品已通过审核");
        mvc.perform(post("/admin/online/videos/" + e.id() + "/approve").with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().is3xxRedirection());
        assertThatThrownBy(() -> videos.approve(admin, e.id())).isInstanceOf(ConflictException.class);

        mvc.perform(get("/online/videos")).andExpect(status().isOk())
                .andExpect(content().string(containsString("袁隆平爷爷的稻田梦")));
        mvc.perform(get("/online/videos/" + e.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("到 example.com 观看视频")))
                .andExpect(content().string(containsString("登录后点赞")));
        mvc.perform(get("/online/videos/" + e.id() + "/thumbnail")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", containsString("public")));
        mvc.perform(get("/api/v1/public/online/videos")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + e.id() + ")].title").value("袁隆平爷爷的稻田梦"));
        // approved entries cannot be changed any more
        assertThatThrownBy(() -> videos.edit(author, e.id(), OnlineTestData.form("改", "https://example.com/y"), null,
                null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anUploadedVideoIsServedWithByteRangesOnceApproved() throws Exception {
        Actor citizen = OnlineTestData.citizen();
        byte[] mp4 = OnlineTestData.mp4Seconds(42);
        VideoEntry e = videos.submit(citizen, OnlineTestData.form("上传的视频", ""), OnlineTestData.upload("v.mp4", mp4),
                OnlineTestData.upload("c.png", OnlineTestData.png()));
        mvc.perform(get("/online/videos/" + e.id() + "/video")).andExpect(status().isNotFound());
        videos.approve(admin, e.id());
        mvc.perform(get("/online/videos/" + e.id() + "/video")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "video/mp4"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(mp4));
        mvc.perform(get("/online/videos/" + e.id() + "/video").header("Range", "bytes=0-23"))
                .andExpect(status().isPartialContent())
                .andExpect(content().bytes(java.util.Arrays.copyOf(mp4, 24)));
        mvc.perform(get("/online/videos/" + e.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("<video")))
                .andExpect(content().string(containsString("42 秒")));
    }

    @Test
    void roundSettingsAreCheckedAndTheUploadLimitStaysWithinTheServers() throws Exception {
        mvc.perform(post("/admin/online/rounds").param("title", "").param("opensAt", "2021-09-20T00:00")
                        .param("closesAt", "2021-09-10T00:00").param("maxUploadMb", "2048")
                        .param("maxDurationSeconds", "abc").with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写征集活动的名称。")))
                .andExpect(content().string(containsString("截止时间应晚于开始时间。")))
                .andExpect(content().string(containsString("上传大小上限（MB）应在 1 到 320 之间。")))
                .andExpect(content().string(containsString("时长上限（秒）请填写整数。")));
        mvc.perform(post("/admin/online/rounds").param("title", "第二轮征集").param("opensAt", "2021-10-01T00:00")
                        .param("closesAt", "2021-10-31T23:59").param("categories", "")
                        .with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().is3xxRedirection());
        VideoRound saved = videos.rounds().stream().filter(r -> r.title().equals("第二轮征集")).findFirst().orElseThrow();
        assertThat(saved.maxUploadMb()).isEqualTo(300);
        assertThat(saved.maxDurationSeconds()).isEqualTo(300);
        assertThat(saved.entriesPerPerson()).isEqualTo(1);
        assertThat(saved.entriesPerUnit()).isEqualTo(5);
        assertThat(saved.categories()).isEqualTo(VideoEntries.DEFAULT_CATEGORIES);
        assertThat(saved.opensText()).isEqualTo("2021-10-01 00:00");
    }

    @Test
    void theApiEntersListsAndReviewsWithTheSameRules() throws Exception {
        Actor citizen = OnlineTestData.citizen();
        mvc.perform(multipart("/api/v1/online/videos").file(OnlineTestData.coverFile())
                        .file(new MockMultipartFile("videoFile", "v.mp4", "video/mp4", OnlineTestData.mp4Seconds(61)))
                        .param("title", "接口投稿").param("authorName", "赵六").param("category", "科普讲解")
                        .with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.durationSeconds").value(61));
        mvc.perform(multipart("/api/v1/online/videos").file(OnlineTestData.coverFile())
                        .param("title", "第二件").param("authorName", "赵六").param("category", "科普讲解")
                        .param("link", "https://example.com/2").with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("每人在本轮最多投稿 1 件")));
        mvc.perform(multipart("/api/v1/online/videos").param("title", "").with(csrf())
                        .with(TestLogins.as(OnlineTestData.citizen())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("请填写作品名称。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'cover')].message").value("请上传作品封面图片（JPEG 或 PNG）。"));
        long id = videos.mine(citizen).get(0).id();
        mvc.perform(get("/api/v1/online/videos/mine").with(TestLogins.as(citizen)))
                .andExpect(jsonPath("$[0].title").value("接口投稿"));
        mvc.perform(post("/api/v1/admin/online/videos/" + id + "/approve").with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/online/videos/" + id + "/approve")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/admin/online/videos").with(TestLogins.as(admin)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].title").value("接口投稿"));
        mvc.perform(post("/api/v1/admin/online/videos/" + id + "/reject").contentType("application/json")
                        .content("{\"reason\":\"\"}").with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/admin/online/videos/" + id + "/approve").with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post("/api/v1/admin/online/videos/" + id + "/approve").with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().isConflict());
    }
}
