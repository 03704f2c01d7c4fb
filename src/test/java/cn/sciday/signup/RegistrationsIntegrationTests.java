package cn.sciday.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.organization.CreditCode;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.Role;

@IntegrationTest
class RegistrationsIntegrationTests {

    static final AtomicLong ACTIVITY = new AtomicLong(700_000);
    static final AtomicLong MOBILE = new AtomicLong(13500000000L);

    @Autowired
    Registrations registrations;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void seatsFirstThenTheWaitlistAndACancellationPromotesTheFirstWaiting() {
        long activity = slot(2, false);
        Ticket a = registrations.register(person(), activity, new SignupForm("甲", null));
        Ticket b = registrations.register(person(), activity, new SignupForm("乙", null));
        Actor cActor = person();
        Ticket c = registrations.register(cActor, activity, new SignupForm("丙", null));
        Ticket d = registrations.register(person(), activity, new SignupForm("丁", null));
        assertThat(a.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(b.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(c.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(c.waitlistPosition()).isEqualTo(1);
        assertThat(d.waitlistPosition()).isEqualTo(2);
        assertThat(registrations.seats(activity).orElseThrow().left()).isZero();

        Actor aActor = new Actor(a.accountId(), "a", "a", Role.PUBLIC, null, true);
        registrations.cancel(aActor, a.id());
        assertThat(registrations.ticket(cActor, c.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        SeatInfo seats = registrations.seats(activity).orElseThrow();
        assertThat(seats.confirmed()).isEqualTo(2);
        assertThat(seats.waitlisted()).isEqualTo(1);
        assertThatThrownBy(() -> registrations.cancel(aActor, a.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void everySignUpIsAuditedAndAWaitlistPlaceToo() {
        long activity = slot(1, false);
        Ticket seated = registrations.register(person(), activity, new SignupForm("甲", null));
        Ticket waiting = registrations.register(person(), activity, new SignupForm("乙", null));
        assertThat(audited("REGISTERED", seated.id())).containsExactly("activity " + activity);
        assertThat(audited("REGISTRATION_WAITLISTED", seated.id())).isEmpty();
        assertThat(audited("REGISTERED", waiting.id())).containsExactly("activity " + activity);
        assertThat(audited("REGISTRATION_WAITLISTED", waiting.id())).containsExactly("activity " + activity);
    }

    private java.util.List<String> audited(String action, long registrationId) {
        return jdbc.sql("select detail from audit_entry where action = ? and target_type = 'REGISTRATION'"
                + " and target_id = ? order by id").params(action, String.valueOf(registrationId))
                .query(String.class).list();
    }

    @Test
    void theDeskListShowsTheSameQueuePositionsAsEachTicket() {
        long activity = slot(1, false);
        Actor first = person();
        Actor second = person();
        Actor third = person();
        registrations.register(first, activity, new SignupForm("一", null));
        Ticket b = registrations.register(second, activity, new SignupForm("二", null));
        Ticket c = registrations.register(third, activity, new SignupForm("三", null));
        Actor city = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
        var desk = registrations.registrationsOf(city, activity);
        assertThat(desk).extracting(Ticket::personName).containsExactly("一", "二", "三");
        assertThat(desk).extracting(Ticket::waitlistPosition).containsExactly(0, 1, 2);
        assertThat(registrations.ticket(second, b.id()).waitlistPosition()).isEqualTo(1);
        assertThat(registrations.ticket(third, c.id()).waitlistPosition()).isEqualTo(2);
    }

    @Test
    void onePersonRegistersOncePerActivityButMayComeBackAfterCancelling() {
        long activity = slot(10, false);
        Actor p = person();
        Ticket t = registrations.register(p, activity, new SignupForm("王阿姨", null));
        assertThatThrownBy(() -> registrations.register(p, activity, new SignupForm("王阿姨", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已报名");
        registrations.cancel(p, t.id());
        Ticket again = registrations.register(p, activity, new SignupForm("王阿姨", null));
        assertThat(again.id()).isEqualTo(t.id());
        assertThat(again.status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void realNameActivitiesNeedAValidIdNumber() {
        long activity = slot(10, true);
        Actor p = person();
        assertThatThrownBy(() -> registrations.register(p, activity, new SignupForm("李四", "440704199001011234")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("身份证");
        Ticket t = registrations.register(p, activity, new SignupForm("李四", "11010519491231002X"));
        assertThat(t.idNumberGiven()).isTrue();
        long plain = slot(10, false);
        assertThat(registrations.register(p, plain, new SignupForm("李四", "whatever")).idNumberGiven()).isFalse();
    }

    @Test
    void onlyPublicUsersSignUpAndNobodyAfterTheEnd() {
        long activity = slot(10, false);
        assertThatThrownBy(() -> registrations.register(TestLogins.actor(Role.ORGANIZER, 1L), activity,
                new SignupForm("x", null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registrations.register(person(), activity, new SignupForm(" ", null)))
                .hasMessageContaining("姓名");
        clock.set("2021-10-02T00:00:00+08:00");
        assertThatThrownBy(() -> registrations.register(person(), activity, new SignupForm("晚到", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("结束");
    }

    @Test
    void checkInOnceByTheOrganizerWithTheShortCode() {
        long unit = unit("签到测试学校");
        long activity = slot(unit, 5, false);
        Actor p = person();
        Ticket t = registrations.register(p, activity, new SignupForm("赵大爷", null));
        Actor organizer = TestLogins.actor(Role.ORGANIZER, unit);
        Ticket in = registrations.checkIn(organizer, activity, " " + t.code().toLowerCase() + " ");
        assertThat(in.checkedIn()).isTrue();
        assertThat(registrations.checkedIn(activity)).isEqualTo(1);
        assertThatThrownBy(() -> registrations.checkIn(organizer, activity, t.code()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已于").hasMessageContaining("请勿重复签到");
        assertThatThrownBy(() -> registrations.checkIn(organizer, activity, "NOSUCH99"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("没有找到");
        Actor otherUnit = TestLogins.actor(Role.ORGANIZER, unit("别的学校"));
        assertThatThrownBy(() -> registrations.checkIn(otherUnit, activity, t.code()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registrations.checkIn(p, activity, t.code())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registrations.cancel(p, t.id())).hasMessageContaining("已签到");
    }

    @Test
    void anotherPersonsTicketIsNotFound() {
        long activity = slot(5, false);
        Ticket mine = registrations.register(person(), activity, new SignupForm("我", null));
        Actor stranger = person();
        assertThatThrownBy(() -> registrations.ticket(stranger, mine.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registrations.cancel(stranger, mine.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void raisingTheCapacityPromotesWaitingPeople() {
        long activity = slot(1, false);
        registrations.register(person(), activity, new SignupForm("一", null));
        Actor second = person();
        Ticket waiting = registrations.register(second, activity, new SignupForm("二", null));
        assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        registrations.openSlot(activity, organizations.city().id(), "活动", 2, false, true, start(), end());
        assertThat(registrations.ticket(second, waiting.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void aSignUpChecksCachedTermsAndAChangeOfTermsAppliesToTheVeryNextSignUp() {
        long activity = slot(5, false);
        registrations.register(person(), activity, new SignupForm("甲", null)); // reads the terms once
        // a change behind the module's back is not seen: the terms are kept
        jdbc.sql("update signup_slot set activity_name = '改过的名字' where activity_id = ?").param(activity).update();
        assertThat(registrations.register(person(), activity, new SignupForm("乙", null)).activityName())
                .isEqualTo("测试活动" + activity);
        // the organizer switches real-name registration on: the next sign-up needs an ID number
        registrations.openSlot(activity, organizations.city().id(), "实名活动", 5, true, true, start(), end());
        assertThatThrownBy(() -> registrations.register(person(), activity, new SignupForm("丙", null)))
                .isInstanceOf(InvalidInputException.class);
        Ticket named = registrations.register(person(), activity, new SignupForm("丁", "11010519491231002X"));
        assertThat(named.activityName()).isEqualTo("实名活动");
        assertThat(named.idNumberGiven()).isTrue();
        // sign-up closes: the next one is refused
        registrations.closeSlot(activity);
        assertThatThrownBy(() -> registrations.register(person(), activity, new SignupForm("戊", "11010519491231002X")))
                .isInstanceOf(ConflictException.class);
        // closed behind the module's back: the seat statement itself still refuses, and nothing is written
        long other = slot(5, false);
        registrations.register(person(), other, new SignupForm("甲", null));
        jdbc.sql("update signup_slot set open_for_signup = false where activity_id = ?").param(other).update();
        assertThatThrownBy(() -> registrations.register(person(), other, new SignupForm("乙", null)))
                .isInstanceOf(ConflictException.class);
        assertThat(jdbc.sql("select count(*) from registration where activity_id = ?").param(other)
                .query(Long.class).single()).isEqualTo(1);
    }

    long slot(int capacity, boolean realName) {
        return slot(organizations.city().id(), capacity, realName);
    }

    long slot(long organizationId, int capacity, boolean realName) {
        long id = ACTIVITY.incrementAndGet();
        registrations.openSlot(id, organizationId, "测试活动" + id, capacity, realName, true, start(), end());
        return id;
    }

    static Instant start() {
        return Instant.parse("2021-09-30T01:00:00Z");
    }

    static Instant end() {
        return Instant.parse("2021-09-30T04:00:00Z");
    }

    Actor person() {
        return accounts.publicUser(String.valueOf(MOBILE.incrementAndGet()));
    }

    long unit(String name) {
        return organizations.createApprovedUnit(new UnitRegistration(name + ACTIVITY.incrementAndGet(),
                UnitType.SCHOOL, CreditCode.complete("12440704MR" + String.format("%07d", ACTIVITY.get() % 10_000_000)),
                "联系人", "0750-3861234", null, organizations.findByName("江海区").orElseThrow().id())).id();
    }
}
