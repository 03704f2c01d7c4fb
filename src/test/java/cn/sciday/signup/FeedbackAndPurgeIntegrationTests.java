package cn.sciday.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.Role;

@IntegrationTest
class FeedbackAndPurgeIntegrationTests {

    static final AtomicLong IDS = new AtomicLong(500_000);
    static final AtomicLong MOBILE = new AtomicLong(13700000000L);

    @Autowired
    Registrations registrations;
    @Autowired
    Feedbacks feedbacks;
    @Autowired
    PersonalDataPurge purge;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void onlyAttendeesRateOnceAfterTheEndAndStaffCanHideAbuse() throws Exception {
        long activity = slot();
        Actor city = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
        Actor attendee = person();
        Actor absent = person();
        Ticket t = registrations.register(attendee, activity, new SignupForm("参加者甲", null));
        registrations.register(absent, activity, new SignupForm("没来的人", null));
        registrations.checkIn(city, activity, t.code());

        assertThatThrownBy(() -> feedbacks.give(attendee, activity, 5, "好")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("活动结束后");
        clock.set("2021-09-30T13:00:00+08:00");
        assertThatThrownBy(() -> feedbacks.give(absent, activity, 1, "差")).hasMessageContaining("已签到");
        assertThatThrownBy(() -> feedbacks.give(attendee, activity, 6, "")).hasMessageContaining("1到5");
        Feedback f = feedbacks.give(attendee, activity, 4, "讲解很生动，孩子很喜欢");
        assertThat(f.author()).isEqualTo("参**");
        assertThatThrownBy(() -> feedbacks.give(attendee, activity, 5, "再来一次")).hasMessageContaining("只能评价一次");
        assertThat(feedbacks.summary(activity).average()).isEqualTo(4.0);

        Actor otherCoordinator = TestLogins.actor(Role.COORDINATOR, organizations.findByName("新会区").orElseThrow().id());
        assertThatThrownBy(() -> feedbacks.hide(otherCoordinator, f.id(), "不当")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> feedbacks.hide(city, f.id(), " ")).hasMessageContaining("理由");
        feedbacks.hide(city, f.id(), "包含个人联系方式");
        assertThat(feedbacks.visible(activity)).isEmpty();
        assertThat(feedbacks.all(city, activity)).hasSize(1);
        mvc.perform(get("/api/v1/public/activities/" + activity + "/feedback")).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.count").value(1)).andExpect(jsonPath("$.comments").isEmpty());
    }

    @Test
    void personalDataIsPurgedOnlyAfterTheRetentionPeriod() {
        long activity = slot();
        Actor p = person();
        Ticket t = registrations.register(p, activity, new SignupForm("要被清除的人", null));
        clock.set("2022-03-10T12:00:00+08:00");
        assertThat(purge.purgeDue()).as("2021-12-10 + 90 days is not yet past").isZero();
        clock.set("2022-03-11T12:00:00+08:00");
        assertThat(purge.purgeDue()).isGreaterThanOrEqualTo(1);
        var row = jdbc.sql("select person_name, mobile_cipher, mobile_hash from registration where id = ?")
                .param(t.id()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        assertThat(row[0]).isEqualTo("（已清除）");
        assertThat(row[1]).isNull();
        assertThat(row[2]).isNull();
        assertThat(registrations.ticket(p, t.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(purge.purgeDue()).as("running twice changes nothing").isZero();
    }

    long slot() {
        long id = IDS.incrementAndGet();
        registrations.openSlot(id, organizations.city().id(), "评价测试" + id, 10, false, true,
                Instant.parse("2021-09-30T01:00:00Z"), Instant.parse("2021-09-30T04:00:00Z"));
        return id;
    }

    Actor person() {
        return accounts.publicUser(String.valueOf(MOBILE.incrementAndGet()));
    }
}
