package cn.sciday.portal;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.sciday.TestLogins;
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
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Activities for portal tests, made through the activity module's facade (draft, submit, endorse, approve) by a
 * fresh unit in the chosen division. Names carry a token so that a test finds its own activities among those of
 * other tests sharing the database.
 */
final class PortalFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    /** What to propose; defaults give an offline youth activity in 江海区 on 2021-10-16 without sign-up. */
    static final class Spec {
        String name;
        String division = "江海区";
        Integer jointAction;
        List<Integer> themes = List.of(2);
        ActivityFormat format = ActivityFormat.OFFLINE;
        LocalDateTime startsAt = LocalDateTime.parse("2021-10-16T09:00");
        LocalDateTime endsAt = LocalDateTime.parse("2021-10-16T11:30");
        Set<Audience> audiences = EnumSet.of(Audience.YOUTH);
        Integer capacity;
        String venue = "江海区礼乐街道文化中心";
        String coOrganizers = "江海区科协";
        String description = "活动流程：签到、实验演示、分组动手、答题。";

        Spec(String name) {
            this.name = name;
        }

        Spec division(String d) {
            division = d;
            return this;
        }

        Spec jointAction(Integer j) {
            jointAction = j;
            return this;
        }

        Spec themes(Integer... t) {
            themes = List.of(t);
            return this;
        }

        Spec format(ActivityFormat f) {
            format = f;
            return this;
        }

        Spec at(String start, String end) {
            startsAt = LocalDateTime.parse(start);
            endsAt = LocalDateTime.parse(end);
            return this;
        }

        Spec audiences(Audience first, Audience... more) {
            audiences = EnumSet.of(first, more);
            return this;
        }

        Spec capacity(Integer c) {
            capacity = c;
            return this;
        }

        Spec description(String d) {
            description = d;
            return this;
        }
    }

    private final Organizations organizations;
    private final Activities activities;
    final Actor city;
    private final java.util.Map<Long, Actor> owners = new java.util.concurrent.ConcurrentHashMap<>();

    private final ActivityUploads uploads;

    PortalFixtures(Organizations organizations, Activities activities, ActivityUploads uploads) {
        this.organizations = organizations;
        this.activities = activities;
        this.uploads = uploads;
        this.city = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
    }

    /** A word that occurs in no other test's data. */
    static String token() {
        return "标记" + UUID.randomUUID().toString().substring(0, 8);
    }

    long division(String name) {
        return organizations.findByName(name).orElseThrow().id();
    }

    /** A new approved unit under the division and its organizer. */
    Actor organizerIn(String divisionName) {
        int n = SEQ.incrementAndGet();
        OrganizationView unit = organizations.createApprovedUnit(new UnitRegistration("门户测试单位" + divisionName + n,
                UnitType.SCHOOL, CreditCode.complete("12440700PT" + String.format("%07d", n)), "测试联系人",
                "0750-3000000", "测试地址", division(divisionName)));
        return TestLogins.actor(Role.ORGANIZER, unit.id());
    }

    Actor coordinatorOf(String divisionName) {
        return TestLogins.actor(Role.COORDINATOR, division(divisionName));
    }

    /** The division of the proposing unit: the activity's, or 江海区 for an online activity without one. */
    private static String home(Spec s) {
        return s.division == null ? "江海区" : s.division;
    }

    ActivityForm form(Spec s) {
        boolean online = s.format.hasOnlinePart();
        return new ActivityForm(s.name, s.jointAction, s.themes, s.coOrganizers, s.format, s.startsAt, s.endsAt,
                s.division == null ? null : division(s.division), s.format.hasOfflinePart() ? s.venue : null,
                online ? "https://www.kepuri.cn/activity/portal-test" : null, s.audiences, 200, s.capacity != null,
                s.capacity, false, "门户测试活动的简介。", s.description, "梁老师", "0750-3862101");
    }

    ActivityView draft(Spec s) {
        Actor owner = organizerIn(home(s));
        ActivityView a = withPlan(owner, activities.create(owner, form(s)));
        owners.put(a.id(), owner);
        return a;
    }

    /** Attaches an epidemic-prevention plan to an activity with an offline part, as submission requires. */
    private ActivityView withPlan(Actor owner, ActivityView a) {
        return cn.sciday.TestUploads.withEpidemicPlan(uploads, owner, a);
    }

    /** The organizer who proposed an activity made here. */
    Actor owner(long activityId) {
        return owners.get(activityId);
    }

    /** Drafted by a unit of the spec's division, endorsed by that division and approved by the city. */
    ActivityView publish(Spec s) {
        Actor owner = organizerIn(home(s));
        long id = withPlan(owner, activities.create(owner, form(s))).id();
        owners.put(id, owner);
        activities.submit(owner, id);
        activities.endorse(coordinatorOf(home(s)), id, null);
        return activities.approve(city, id, null);
    }

    ActivityView cancel(long id, String reason) {
        return activities.cancel(city, id, reason);
    }

    /** The names of the activity cards of a list page, in order. */
    static List<String> cardNames(String html) {
        Matcher m = Pattern.compile("class=\"activity-card-title\"><a href=\"/activities/\\d+\">([^<]+)</a>")
                .matcher(html);
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
