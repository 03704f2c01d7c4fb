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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.notification.Notifications;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.Role;

/** Science volunteers: units submit, the city approves or returns, the public sees and likes approved ones. */
@IntegrationTest
class VolunteersIntegrationTests {

    static final String STORY = "十年来带领学生科技社团开展气象观测，每周六为社区孩子义务上科学实验课。";

    @Autowired
    MockMvc mvc;
    @Autowired
    Volunteers volunteers;
    @Autowired
    Organizations organizations;
    @Autowired
    Accounts accounts;
    @Autowired
    Notifications notifications;

    @Test
    void aUnitSubmitsTheCityApprovesAndThePublicLikes() throws Exception {
        OrganizationView unit = OnlineTestData.unit(organizations, "江海区", "礼乐中学");
        Actor organizer = TestLogins.actor(Role.ORGANIZER, unit.id());
        mvc.perform(multipart("/my/volunteers").file(new MockMultipartFile("photoFile", "林老师.jpg", "image/png",
                                OnlineTestData.png()))
                        .param("name", "林晓彤").param("story", STORY).with(csrf()).with(TestLogins.as(organizer)))
                .andExpect(status().is3xxRedirection());
        Volunteer v = volunteers.ofMyUnit(organizer).get(0);
        assertThat(v.status()).isEqualTo(VolunteerStatus.PENDING);
        assertThat(v.unitName()).isEqualTo(unit.name());
        assertThat(v.hasPhoto()).isTrue();
        mvc.perform(get("/online/volunteers")).andExpect(content().string(not(containsString("林晓彤"))));
        mvc.perform(get("/online/volunteers/" + v.id() + "/photo")).andExpect(status().isNotFound());
        mvc.perform(get("/online/volunteers/" + v.id() + "/photo").with(TestLogins.as(organizer)))
                .andExpect(status().isOk());

        Actor admin = OnlineTestData.cityAdmin(organizations);
        mvc.perform(post("/admin/online/volunteers/" + v.id() + "/approve").with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/online/volunteers")).andExpect(content().string(containsString("林晓彤")))
                .andExpect(content().string(containsString(unit.name())));
        mvc.perform(get("/online/volunteers/" + v.id() + "/photo")).andExpect(status().isOk());

        Actor citizen = OnlineTestData.citizen();
        mvc.perform(post("/api/v1/online/volunteers/" + v.id() + "/likes").with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.likes").value(1));
        mvc.perform(post("/api/v1/online/volunteers/" + v.id() + "/likes").with(csrf()).with(TestLogins.as(citizen)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("您今天已经为这位志愿者点过赞了")));
        mvc.perform(post("/online/volunteers/" + v.id() + "/like").with(csrf()).with(TestLogins.as(OnlineTestData.citizen())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/public/online/volunteers")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + v.id() + ")].likes").value(2))
                .andExpect(jsonPath("$[?(@.id == " + v.id() + ")].photoUrl").value("/online/volunteers/" + v.id() + "/photo"));
        assertThatThrownBy(() -> volunteers.edit(organizer, v.id(), new VolunteerForm("林晓彤", STORY), null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aReturnedProfileIsFixedByTheUnitAndTheSubmitterIsTold() throws Exception {
        OrganizationView unit = OnlineTestData.unit(organizations, "新会区", "新会科技馆");
        Actor organizer = TestLogins.actor(Role.ORGANIZER, unit.id());
        Volunteer v = volunteers.submit(organizer, new VolunteerForm("陈美玲", STORY), null);
        Actor admin = OnlineTestData.cityAdmin(organizations);
        mvc.perform(post("/admin/online/volunteers/" + v.id() + "/reject").param("reason", "")
                        .with(csrf()).with(TestLogins.as(admin)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorMessage", "请填写退回的理由，提交单位会看到它。"));
        assertThat(volunteers.ofOwnUnit(organizer, v.id()).status()).isEqualTo(VolunteerStatus.PENDING);
        mvc.perform(post("/admin/online/volunteers/" + v.id() + "/reject").param("reason", "请补充服务时长")
                .with(csrf()).with(TestLogins.as(admin))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/my/volunteers").with(TestLogins.as(organizer)))
                .andExpect(content().string(containsString("请补充服务时长")));
        mvc.perform(multipart("/my/volunteers/" + v.id()).param("name", "陈美玲")
                        .param("story", STORY + "累计服务 800 小时。").with(csrf()).with(TestLogins.as(organizer)))
                .andExpect(status().is3xxRedirection());
        assertThat(volunteers.ofOwnUnit(organizer, v.id()).status()).isEqualTo(VolunteerStatus.PENDING);

        // a real organizer account receives the review result
        Actor submitter = accounts.currentActor(accounts.createStaff("vol" + System.nanoTime() % 100_000_000,
                "Sciday-2021-pass", "王老师", null, Role.ORGANIZER, unit.id()).id()).orElseThrow();
        Volunteer mine = volunteers.submit(submitter, new VolunteerForm("周建华", STORY), null);
        volunteers.approve(admin, mine.id());
        assertThat(notifications.inbox(submitter, 5).get(0).subject()).isEqualTo("科技志愿者资料已通过审核");
    }

    @Test
    void badInputIsNamedByField() throws Exception {
        OrganizationView unit = OnlineTestData.unit(organizations, "蓬江区", "白沙小学");
        Actor organizer = TestLogins.actor(Role.ORGANIZER, unit.id());
        mvc.perform(multipart("/my/volunteers").param("name", "").param("story", "太短")
                        .file(new MockMultipartFile("photoFile", "a.png", "image/png", "%PDF-1.4 not an image".getBytes()))
                        .with(csrf()).with(TestLogins.as(organizer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写志愿者的姓名。")))
                .andExpect(content().string(containsString("服务故事请至少写 20 个字")));
        assertThat(volunteers.ofMyUnit(organizer)).isEmpty();
    }
}
