package cn.sciday;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import cn.sciday.account.Accounts;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityForm;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityUploads;
import cn.sciday.activity.ActivityView;
import cn.sciday.activity.Audience;
import cn.sciday.organization.CreditCode;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.signup.Registrations;
import cn.sciday.signup.SignupForm;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * The people and records of the authorization matrix: a unit under 江海区 (the owning unit) with a published activity
 * that takes sign-ups, a public user holding a ticket for it, and the seven other callers around them.
 */
final class MatrixFixtures {

    private static final AtomicLong SEQ = new AtomicLong();
    private static final AtomicLong MOBILE = new AtomicLong(13_500_000_000L);

    /** The callers, from the least to the most privileged (the order in which a row is played). */
    enum Caller {
        ANONYMOUS, PUBLIC, PUBLIC_OWNER, OTHER_UNIT, OTHER_COORDINATOR, UNIT_OWNER, COORDINATOR, CITY
    }

    /** Fresh records for one row of the matrix. */
    record Records(long unitId, long activityId, long registrationId, java.util.Map<Caller, Actor> callers) {
    }

    private final Organizations organizations;
    private final Activities activities;
    private final ActivityUploads uploads;
    private final Registrations registrations;
    private final Accounts accounts;

    MatrixFixtures(Organizations organizations, Activities activities, ActivityUploads uploads,
            Registrations registrations, Accounts accounts) {
        this.organizations = organizations;
        this.activities = activities;
        this.uploads = uploads;
        this.registrations = registrations;
        this.accounts = accounts;
    }

    private OrganizationView unit;
    private Actor owner;
    private Actor coordinator;
    private Actor city;
    private java.util.Map<Caller, Actor> staff;

    /**
     * A fresh published activity of the owning unit with a fresh ticket holder; the units and staff accounts are made
     * once and shared (they are real accounts, as every logged-in caller has one).
     */
    Records create() {
        return create("矩阵测试活动" + SEQ.incrementAndGet());
    }

    /** The same, with the activity named as given. */
    Records create(String activityName) {
        if (staff == null) {
            OrganizationView jianghai = organizations.findByName("江海区").orElseThrow();
            OrganizationView xinhui = organizations.findByName("新会区").orElseThrow();
            unit = unit(jianghai);
            OrganizationView other = unit(jianghai);
            owner = staff(Role.ORGANIZER, unit.id());
            coordinator = staff(Role.COORDINATOR, jianghai.id());
            city = staff(Role.CITY_ADMIN, organizations.city().id());
            staff = new java.util.EnumMap<>(Caller.class);
            staff.put(Caller.OTHER_UNIT, staff(Role.ORGANIZER, other.id()));
            staff.put(Caller.OTHER_COORDINATOR, staff(Role.COORDINATOR, xinhui.id()));
            staff.put(Caller.UNIT_OWNER, owner);
            staff.put(Caller.COORDINATOR, coordinator);
            staff.put(Caller.CITY, city);
        }
        ActivityView a = activities.create(owner, form(activityName));
        TestUploads.withEpidemicPlan(uploads, owner, a);
        activities.submit(owner, a.id());
        activities.endorse(coordinator, a.id(), null);
        activities.approve(city, a.id(), null);
        Actor holder = accounts.publicUser(String.valueOf(MOBILE.incrementAndGet()));
        long registration = registrations.register(holder, a.id(), new SignupForm("矩阵测试", null)).id();
        java.util.Map<Caller, Actor> callers = new java.util.EnumMap<>(staff);
        callers.put(Caller.PUBLIC, accounts.publicUser(String.valueOf(MOBILE.incrementAndGet())));
        callers.put(Caller.PUBLIC_OWNER, holder);
        return new Records(unit.id(), a.id(), registration, callers);
    }

    /** An organizer (a real account) of a new unit under 江海区 that still waits for approval. */
    Actor pendingOrganizer() {
        long n = SEQ.incrementAndGet();
        OrganizationView pending = organizations.registerUnit(new UnitRegistration("矩阵待审核单位" + n + "号",
                UnitType.SCHOOL, CreditCode.complete("12440700MP" + String.format("%07d", n + 700_000)), "测试联系人",
                "0750-3000000", "测试地址", organizations.findByName("江海区").orElseThrow().id()));
        return staff(Role.ORGANIZER, pending.id());
    }

    private Actor staff(Role role, long organizationId) {
        String name = "matrix-" + role.name().toLowerCase() + "-" + SEQ.incrementAndGet();
        long id = accounts.createStaff(name, "Kepu-Day-2021-Matrix!" + SEQ.get(), name, null, role, organizationId).id();
        return accounts.currentActor(id).orElseThrow();
    }

    private OrganizationView unit(OrganizationView division) {
        long n = SEQ.incrementAndGet();
        String code = CreditCode.complete("12440700MX" + String.format("%07d", n + 700_000));
        return organizations.createApprovedUnit(new UnitRegistration("矩阵测试单位" + n + "号", UnitType.SCHOOL, code,
                "测试联系人", "0750-3000000", "测试地址", division.id()));
    }

    /** A form for an offline activity of the owning unit that takes sign-ups, named as given. */
    ActivityForm form(String name) {
        return new ActivityForm(name, 2, List.of(2), null, ActivityFormat.OFFLINE,
                LocalDateTime.parse("2021-10-16T09:00"), LocalDateTime.parse("2021-10-16T11:30"),
                organizations.findByName("江海区").orElseThrow().id(), "江海区科技馆", null,
                EnumSet.of(Audience.YOUTH), 100, true, 50, false, "面向中学生的趣味科学实验。",
                "活动流程：签到、实验演示、分组动手。", "梁老师", "0750-3862101");
    }
}
