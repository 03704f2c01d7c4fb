package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.sciday.IntegrationTest;
import cn.sciday.RecordingSmsSender;
import cn.sciday.account.Accounts;
import cn.sciday.organization.Organizations;
import cn.sciday.signup.RegistrationStatus;
import cn.sciday.signup.Registrations;
import cn.sciday.signup.SeatInfo;
import cn.sciday.signup.SignupForm;
import cn.sciday.signup.Ticket;
import cn.sciday.web.Actor;

/** Publication opens the seats; changes and cancellation reach every registrant; reviewers and units are told. */
@IntegrationTest
class ActivitySignupWiringIntegrationTests {

    static final AtomicLong MOBILE = new AtomicLong(13900000000L);

    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Organizations organizations;
    @Autowired
    Registrations registrations;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordingSmsSender sms;
    @Autowired
    cn.sciday.notification.OutboxDispatcher dispatcher;

    @Test
    void publishingOpensSeatsAndChangesAndCancellationTellRegistrants() {
        ActivityFixtures fixtures = new ActivityFixtures(organizations, activities, uploads);
        ActivityFixtures.Cast cast = fixtures.cast();
        ActivityView draft = fixtures.withPlan(cast.owner(),
                activities.create(cast.owner(), fixtures.form("科学实验开放日")));
        assertThat(registrations.seats(draft.id())).as("no seats before publication").isEmpty();
        activities.submit(cast.owner(), draft.id());
        activities.endorse(cast.coordinator(), draft.id(), null);
        activities.approve(cast.city(), draft.id(), null);

        SeatInfo seats = registrations.seats(draft.id()).orElseThrow();
        assertThat(seats.capacity()).isEqualTo(120);
        assertThat(seats.open()).isTrue();

        String mobile = String.valueOf(MOBILE.incrementAndGet());
        Actor citizen = accounts.publicUser(mobile);
        Ticket t = registrations.register(citizen, draft.id(), new SignupForm("黄伯伯", null));
        assertThat(t.status()).isEqualTo(RegistrationStatus.CONFIRMED);

        activities.change(cast.owner(), draft.id(), new ActivityChangeForm(ActivityFormat.OFFLINE,
                LocalDateTime.parse("2021-10-17T14:00"), LocalDateTime.parse("2021-10-17T16:00"),
                fixtures.division("江海区").id(), "江海区科技馆二楼报告厅", null, 150));
        assertThat(registrations.seats(draft.id()).orElseThrow().capacity()).isEqualTo(150);
        dispatcher.dispatchDue();
        assertThat(sms.to(mobile)).anySatisfy(m -> assertThat(m.text()).contains("科学实验开放日").contains("有变更")
                .contains("2021-10-17").contains("江海区科技馆二楼报告厅"));
        assertThat(inbox(citizen.accountId())).anySatisfy(s -> assertThat(s).contains("有变更"));

        activities.cancel(cast.owner(), draft.id(), "台风预警，活动取消。");
        assertThat(registrations.seats(draft.id()).orElseThrow().open()).isFalse();
        dispatcher.dispatchDue();
        assertThat(sms.to(mobile)).anySatisfy(m -> assertThat(m.text()).contains("已取消").contains("台风预警"));
    }

    @Test
    void reviewersAndUnitsAreToldOfTheirWork() {
        ActivityFixtures fixtures = new ActivityFixtures(organizations, activities, uploads);
        ActivityFixtures.Cast cast = fixtures.cast();
        long coordinatorAccount = staff("jhc", cast.coordinator().organizationId(), cn.sciday.web.Role.COORDINATOR);
        long organizerAccount = staff("org", cast.unit().id(), cn.sciday.web.Role.ORGANIZER);
        ActivityView a = fixtures.withPlan(cast.owner(),
                activities.create(cast.owner(), fixtures.form("节水知识讲座")));
        activities.submit(cast.owner(), a.id());
        assertThat(inbox(coordinatorAccount)).anySatisfy(s -> assertThat(s).contains("待审核").contains("节水知识讲座"));
        activities.returnFor(cast.coordinator(), a.id(), "请写明讲座地点。");
        assertThat(inbox(organizerAccount)).anySatisfy(s -> assertThat(s).contains("退回").contains("请写明讲座地点"));
    }

    private long staff(String prefix, long organizationId, cn.sciday.web.Role role) {
        String username = prefix + MOBILE.incrementAndGet();
        return accounts.createStaff(username, "Good-password-1", username, null, role, organizationId).id();
    }

    private java.util.List<String> inbox(long accountId) {
        return jdbc.sql("select subject || ' ' || body from inbox_message where account_id = ?").param(accountId)
                .query(String.class).list();
    }
}
