package cn.sciday.activity;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.sciday.TestLogins;
import cn.sciday.organization.CreditCode;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Test data for activity tests: fresh units under 江海区 and 新会区, the actors of every role, a valid form, and
 * activities driven into any state through the facade (each with its epidemic-prevention plan attached).
 */
final class ActivityFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    /** The people of a scenario: two units under different divisions and everyone around them. */
    record Cast(OrganizationView unit, OrganizationView otherUnit, Actor owner, Actor otherOrganizer,
            Actor coordinator, Actor otherCoordinator, Actor city, Actor publicUser) {

        /**
         * The caller an authorization table names: ANONYMOUS (null), PENDING (an organizer of the unit not yet
         * approved), PUBLIC, OWNER, OTHER_ORGANIZER, COORDINATOR, OTHER_COORDINATOR or CITY.
         */
        Actor caller(String who) {
            return switch (who) {
                case "ANONYMOUS" -> null;
                case "PENDING" -> cn.sciday.TestLogins.pendingOrganizer(unit.id());
                default -> as(Who.valueOf(who));
            };
        }

        Actor as(Who who) {
            return switch (who) {
                case OWNER -> owner;
                case OTHER_ORGANIZER -> otherOrganizer;
                case COORDINATOR -> coordinator;
                case OTHER_COORDINATOR -> otherCoordinator;
                case CITY -> city;
                case PUBLIC -> publicUser;
            };
        }
    }

    /** The roles of the transition table. */
    enum Who {
        OWNER, OTHER_ORGANIZER, COORDINATOR, OTHER_COORDINATOR, CITY, PUBLIC
    }

    private final Organizations organizations;
    private final Activities activities;
    private final ActivityUploads uploads;

    ActivityFixtures(Organizations organizations, Activities activities, ActivityUploads uploads) {
        this.organizations = organizations;
        this.activities = activities;
        this.uploads = uploads;
    }

    /** A small valid PDF. */
    static byte[] pdf() {
        return DemoFiles.pdf("test plan");
    }

    /** Attaches an epidemic-prevention plan (a small PDF) as the activity's proposer, so that it may be submitted. */
    ActivityView withPlan(Actor proposer, ActivityView activity) {
        return uploads.attachEpidemicPlan(proposer, activity.id(), DemoFiles.upload("防疫方案.pdf", pdf()));
    }

    OrganizationView division(String name) {
        return organizations.findByName(name).orElseThrow();
    }

    OrganizationView newUnit(String divisionName) {
        int n = SEQ.incrementAndGet();
        String code = CreditCode.complete("12440700TT" + String.format("%07d", n));
        return organizations.createApprovedUnit(new UnitRegistration("测试单位" + divisionName + n + "号",
                UnitType.SCHOOL, code, "测试联系人", "0750-3000000", "测试地址", division(divisionName).id()));
    }

    /** A unit under 江海区 and one under 新会区, with their organizers, coordinators, the city and a citizen. */
    Cast cast() {
        OrganizationView unit = newUnit("江海区");
        OrganizationView other = newUnit("新会区");
        return new Cast(unit, other, TestLogins.actor(Role.ORGANIZER, unit.id()),
                TestLogins.actor(Role.ORGANIZER, other.id()),
                TestLogins.actor(Role.COORDINATOR, division("江海区").id()),
                TestLogins.actor(Role.COORDINATOR, division("新会区").id()),
                TestLogins.actor(Role.CITY_ADMIN, organizations.city().id()),
                TestLogins.actor(Role.PUBLIC, null));
    }

    ActivityForm form(String name) {
        return form(name, ActivityFormat.OFFLINE, null);
    }

    ActivityForm form(String name, ActivityFormat format, String url) {
        return new ActivityForm(name, 2, List.of(2, 6), "江海区科协", format,
                LocalDateTime.parse("2021-10-16T09:00"), LocalDateTime.parse("2021-10-16T11:30"),
                division("江海区").id(), "江海区礼乐街道文化中心", url, EnumSet.of(Audience.YOUTH, Audience.GENERAL_PUBLIC),
                200, true, 120, false, "面向中学生的趣味科学实验活动。", "活动流程：签到、实验演示、分组动手、答题。", "梁老师",
                "0750-3862101");
    }

    /** An activity of {@code cast.unit} driven through the real transitions into {@code status}. */
    ActivityView inState(Cast cast, ActivityStatus status) {
        ActivityView a = withPlan(cast.owner(),
                activities.create(cast.owner(), form("测试活动-" + status + "-" + SEQ.incrementAndGet())));
        long id = a.id();
        switch (status) {
            case DRAFT -> {
            }
            case SUBMITTED -> activities.submit(cast.owner(), id);
            case ENDORSED -> {
                activities.submit(cast.owner(), id);
                activities.endorse(cast.coordinator(), id, null);
            }
            case PUBLISHED -> publish(cast, id);
            case RETURNED -> {
                activities.submit(cast.owner(), id);
                activities.returnFor(cast.coordinator(), id, "请补充活动地点。");
            }
            case WITHDRAWN -> activities.withdraw(cast.owner(), id, null);
            case CANCELLED -> {
                publish(cast, id);
                activities.cancel(cast.owner(), id, "天气原因取消。");
            }
        }
        return activities.get(cast.city(), id);
    }

    /** A new division (市(区)) of its own, so that totals over its units are exact whatever other tests stored. */
    OrganizationView newDivision() {
        return organizations.createCoordinatingBody(cn.sciday.organization.OrganizationKind.DIVISION,
                "测试区" + SEQ.incrementAndGet(), null, null);
    }

    /** A unit's activity from {@code form}, with a plan when it has an offline part, walked to PUBLISHED. */
    ActivityView published(Actor owner, Actor coordinator, Actor city, ActivityForm form) {
        ActivityView a = activities.create(owner, form);
        if (form.format().hasOfflinePart()) {
            withPlan(owner, a);
        }
        activities.submit(owner, a.id());
        if (coordinator != null) {
            activities.endorse(coordinator, a.id(), null);
        }
        return activities.approve(city, a.id(), null);
    }

    /** An online activity's form (with its address). */
    ActivityForm onlineForm(String name) {
        return form(name, ActivityFormat.ONLINE, "https://live.example.cn/" + SEQ.incrementAndGet());
    }

    private void publish(Cast cast, long id) {
        activities.submit(cast.owner(), id);
        activities.endorse(cast.coordinator(), id, null);
        activities.approve(cast.city(), id, null);
    }
}
