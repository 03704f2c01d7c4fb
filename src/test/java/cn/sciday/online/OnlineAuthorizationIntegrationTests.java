package cn.sciday.online;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Who may reach every page and endpoint of the online module: anonymous visitors (login page or 401), public users,
 * the owning unit, another unit (404), the coordinator above and another one, city admins.
 */
@IntegrationTest
class OnlineAuthorizationIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    VideoEntries videos;
    @Autowired
    Volunteers volunteers;
    @Autowired
    Topics topics;
    @Autowired
    LiveStreams streams;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;

    Actor admin;
    Actor citizen;
    Actor otherCitizen;
    Actor organizer;
    Actor otherOrganizer;
    Actor coordinator;
    Actor otherCoordinator;
    VideoEntry approved;
    VideoEntry pending;
    Volunteer volunteer;
    Topic topic;
    LiveStream stream;

    @BeforeEach
    void data() {
        admin = OnlineTestData.cityAdmin(organizations);
        OrganizationView unit = OnlineTestData.unit(organizations, "江海区", "权限测试学校");
        OrganizationView otherUnit = OnlineTestData.unit(organizations, "新会区", "别的学校");
        citizen = OnlineTestData.citizen();
        otherCitizen = OnlineTestData.citizen();
        organizer = TestLogins.actor(Role.ORGANIZER, unit.id());
        otherOrganizer = TestLogins.actor(Role.ORGANIZER, otherUnit.id());
        coordinator = TestLogins.actor(Role.COORDINATOR, unit.parentId());
        otherCoordinator = TestLogins.actor(Role.COORDINATOR, otherUnit.parentId());
        OnlineTestData.openRound(videos, admin, clock.instant(), 3, 5, 300);
        approved = OnlineTestData.approvedEntry(videos, admin, "公开的作品");
        pending = videos.submit(citizen, OnlineTestData.form("待审的作品", "https://example.com/p"), null,
                OnlineTestData.upload("c.png", OnlineTestData.png()));
        volunteer = volunteers.submit(organizer, new VolunteerForm("权限志愿者", VolunteersIntegrationTests.STORY), null);
        Instant now = clock.instant();
        topic = topics.create(admin, new TopicForm("权限话题", "", VideoRound.INPUT.format(now.minus(Duration.ofHours(1))),
                VideoRound.INPUT.format(now.plus(Duration.ofDays(1))), "SHOW_AT_ONCE"), null);
        stream = streams.create(admin, new LiveStreamForm("权限直播", "平台", "https://live.example.cn/x",
                VideoRound.INPUT.format(now), VideoRound.INPUT.format(now.plus(Duration.ofHours(1))), "", ""));
    }

    void expect(AbstractMockHttpServletRequestBuilder<?> request, Actor actor, ResultMatcher matcher) throws Exception {
        if (actor != null) {
            request.with(TestLogins.as(actor));
        }
        mvc.perform(request).andExpect(matcher);
    }

    @Test
    void publicPagesAndApisAreOpenToAnyone() throws Exception {
        List<String> open = List.of("/online", "/online/videos", "/online/videos?sort=likes",
                "/online/videos/" + approved.id(), "/online/videos/" + approved.id() + "/cover",
                "/online/videos/" + approved.id() + "/thumbnail", "/online/volunteers", "/online/topics",
                "/online/topics/" + topic.id(), "/online/live", "/api/v1/public/online/videos?sort=likes",
                "/api/v1/public/online/videos/" + approved.id(), "/api/v1/public/online/volunteers",
                "/api/v1/public/online/streams?state=live", "/api/v1/public/online/streams?state=upcoming",
                "/api/v1/public/online/topics", "/api/v1/public/online/topics/" + topic.id());
        for (String url : open) {
            for (Actor a : new Actor[] {null, citizen, organizer, coordinator, admin}) {
                expect(get(url), a, status().isOk());
            }
        }
    }

    @Test
    void entriesThatAreNotApprovedAreSeenOnlyByTheirAuthorAndTheCity() throws Exception {
        for (String url : List.of("/online/videos/" + pending.id(), "/online/videos/" + pending.id() + "/cover",
                "/api/v1/public/online/videos/" + pending.id())) {
            expect(get(url), null, status().isNotFound());
            expect(get(url), otherCitizen, status().isNotFound());
            expect(get(url), organizer, status().isNotFound());
            expect(get(url), coordinator, status().isNotFound());
        }
        expect(get("/online/videos/" + pending.id()), citizen, status().isOk());
        expect(get("/online/videos/" + pending.id()), admin, status().isOk());
        expect(get("/online/videos/" + pending.id() + "/cover"), citizen, status().isOk());
        expect(get("/online/volunteers/" + volunteer.id() + "/photo"), null, status().isNotFound());
    }

    @Test
    void myVideosAreForPublicUsersAndOrganizersAndAnEntryOnlyForItsOwner() throws Exception {
        for (String url : List.of("/my/videos", "/my/videos/new")) {
            expect(get(url), null, redirectedUrl("/login"));
            expect(get(url), citizen, status().isOk());
            expect(get(url), organizer, status().isOk());
            expect(get(url), coordinator, status().isForbidden());
            expect(get(url), admin, status().isForbidden());
        }
        String edit = "/my/videos/" + pending.id() + "/edit";
        expect(get(edit), null, redirectedUrl("/login"));
        expect(get(edit), citizen, status().isOk());
        expect(get(edit), otherCitizen, status().isNotFound());
        expect(get(edit), organizer, status().isNotFound());
        expect(multipart("/my/videos/" + pending.id()).param("title", "偷改").with(csrf()), otherCitizen,
                status().isNotFound());
        expect(multipart("/my/videos").param("title", "匿名").with(csrf()), null, redirectedUrl("/login"));
        expect(multipart("/my/videos").param("title", "管理员").with(csrf()), admin, status().isForbidden());
    }

    @Test
    void myVolunteersAreForOrganizersOfTheirOwnUnit() throws Exception {
        expect(get("/my/volunteers"), null, redirectedUrl("/login"));
        expect(get("/my/volunteers"), organizer, status().isOk());
        expect(get("/my/volunteers"), citizen, status().isForbidden());
        expect(get("/my/volunteers"), coordinator, status().isForbidden());
        expect(get("/my/volunteers"), admin, status().isForbidden());
        expect(get("/my/volunteers/new"), organizer, status().isOk());
        String edit = "/my/volunteers/" + volunteer.id() + "/edit";
        expect(get(edit), organizer, status().isOk());
        expect(get(edit), otherOrganizer, status().isNotFound());
        expect(multipart("/my/volunteers/" + volunteer.id()).param("name", "偷改").with(csrf()), otherOrganizer,
                status().isNotFound());
        expect(get(edit), coordinator, status().isForbidden());
        expect(get(edit), citizen, status().isForbidden());
        // an organizer whose unit is still pending has no APPROVED authority
        expect(get(edit), TestLogins.pendingOrganizer(volunteer.organizationId()), status().isForbidden());
        // staff whose scope covers the unit see the photo route's entry; others do not
        expect(get("/online/volunteers/" + volunteer.id() + "/photo"), otherCoordinator, status().isNotFound());
    }

    @Test
    void adminPagesAreForCityAdminsOnly() throws Exception {
        List<String> pages = List.of("/admin/online/videos", "/admin/online/videos?status=APPROVED",
                "/admin/online/videos/" + pending.id(), "/admin/online/rounds", "/admin/online/rounds/new",
                "/admin/online/volunteers", "/admin/online/topics", "/admin/online/topics/new",
                "/admin/online/topics/" + topic.id(), "/admin/online/topics/" + topic.id() + "/edit",
                "/admin/online/streams", "/admin/online/streams/new", "/admin/online/streams/" + stream.id(),
                "/admin/online/flags");
        for (String url : pages) {
            expect(get(url), null, redirectedUrl("/login"));
            expect(get(url), citizen, status().isForbidden());
            expect(get(url), organizer, status().isForbidden());
            expect(get(url), coordinator, status().isForbidden());
            expect(get(url), otherCoordinator, status().isForbidden());
            expect(get(url), admin, status().isOk());
        }
        List<String> actions = List.of("/admin/online/videos/" + pending.id() + "/approve",
                "/admin/online/videos/" + pending.id() + "/reject", "/admin/online/volunteers/" + volunteer.id() + "/approve",
                "/admin/online/streams/" + stream.id() + "/delete", "/admin/online/flags/1/void");
        for (String url : actions) {
            expect(post(url).with(csrf()), null, redirectedUrl("/login"));
            expect(post(url).with(csrf()), organizer, status().isForbidden());
            expect(post(url).with(csrf()), coordinator, status().isForbidden());
        }
        expect(get("/admin/online/videos/987654321"), admin, status().isNotFound());
        expect(post("/admin/online/videos/" + pending.id() + "/approve"), admin, status().isForbidden());
    }

    @Test
    void likingAndCommentingNeedAPublicUser() throws Exception {
        for (String url : List.of("/api/v1/online/videos/" + approved.id() + "/likes",
                "/api/v1/online/volunteers/" + volunteer.id() + "/likes")) {
            expect(post(url), null, status().isUnauthorized());
            expect(post(url).with(csrf()), organizer, status().isForbidden());
            expect(post(url).with(csrf()), coordinator, status().isForbidden());
            expect(post(url).with(csrf()), admin, status().isForbidden());
        }
        expect(post("/api/v1/online/videos/" + approved.id() + "/likes").with(csrf()), citizen, status().isCreated());
        // a volunteer waiting for review cannot be liked
        expect(post("/api/v1/online/volunteers/" + volunteer.id() + "/likes").with(csrf()), citizen,
                status().isNotFound());
        expect(post("/online/videos/" + approved.id() + "/like").with(csrf()), null, redirectedUrl("/login"));
        expect(post("/online/topics/" + topic.id() + "/comments").param("body", "匿名").with(csrf()), null,
                redirectedUrl("/login"));
        expect(post("/api/v1/online/topics/" + topic.id() + "/comments"), null, status().isUnauthorized());
        expect(post("/online/topics/" + topic.id() + "/comments").param("body", "无令牌"), citizen,
                status().isForbidden());
    }
}
