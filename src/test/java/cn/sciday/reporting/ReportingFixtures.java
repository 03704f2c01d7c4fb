package cn.sciday.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;

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
 * Test data for reporting: fresh units under a division, actors, activities driven to publication through the
 * activity facade, and sign-ups, check-ins and ratings written straight into the sign-up tables (test data only).
 */
final class ReportingFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final AtomicLong ACCOUNTS = new AtomicLong(5_000_000);

    final Organizations organizations;
    final Activities activities;
    final ActivityUploads uploads;
    final JdbcTemplate jdbc;

    ReportingFixtures(Organizations organizations, Activities activities, ActivityUploads uploads,
            JdbcTemplate jdbc) {
        this.organizations = organizations;
        this.activities = activities;
        this.uploads = uploads;
        this.jdbc = jdbc;
    }

    OrganizationView division(String name) {
        return organizations.findByName(name).orElseThrow();
    }

    OrganizationView newUnit(String divisionName) {
        int n = SEQ.incrementAndGet();
        String code = CreditCode.complete("12440700RP" + String.format("%07d", n + 500_000));
        return organizations.createApprovedUnit(new UnitRegistration("报表测试单位" + divisionName + n + "号",
                UnitType.SCHOOL, code, "测试联系人", "0750-3000000", "测试地址", division(divisionName).id()));
    }

    Actor organizer(OrganizationView unit) {
        return TestLogins.actor(Role.ORGANIZER, unit.id());
    }

    Actor coordinator(String division) {
        return TestLogins.actor(Role.COORDINATOR, division(division).id());
    }

    Actor city() {
        return TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
    }

    ActivityForm form(String name, Integer jointAction, ActivityFormat format, int expected) {
        return new ActivityForm(name, jointAction, List.of(2, 6), null, format,
                LocalDateTime.parse("2021-10-16T09:00"), LocalDateTime.parse("2021-10-16T11:30"),
                format.hasOfflinePart() ? division("江海区").id() : null,
                format.hasOfflinePart() ? "江海区科技馆" : null,
                format.hasOnlinePart() ? "https://live.example.cn/kepu" : null,
                EnumSet.of(Audience.YOUTH, Audience.GENERAL_PUBLIC), expected, false, null, false,
                "面向中学生的趣味科学实验活动。", "活动流程：签到、实验演示、分组动手、答题。", "梁老师", "0750-3862101");
    }

    /** A published activity of the unit (submitted by its organizer, endorsed by its coordinator, approved). */
    ActivityView published(OrganizationView unit, String divisionName, ActivityForm form) {
        Actor owner = organizer(unit);
        ActivityView a = withPlan(owner, activities.create(owner, form));
        activities.submit(owner, a.id());
        activities.endorse(coordinator(divisionName), a.id(), null);
        activities.approve(city(), a.id(), null);
        return a;
    }

    /** Attaches an epidemic-prevention plan when the activity has an offline part, as submission requires. */
    ActivityView withPlan(Actor owner, ActivityView a) {
        return cn.sciday.TestUploads.withEpidemicPlan(uploads, owner, a);
    }

    ActivityView submitted(OrganizationView unit, ActivityForm form) {
        Actor owner = organizer(unit);
        ActivityView a = withPlan(owner, activities.create(owner, form));
        activities.submit(owner, a.id());
        return a;
    }

    /** {@code signups} confirmed registrations, the first {@code checkins} checked in, with {@code ratings}. */
    void registrations(long activityId, long organizationId, int signups, int checkins, int... ratings) {
        OffsetDateTime at = OffsetDateTime.parse("2021-10-01T10:00:00+08:00").withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.update("insert into signup_slot (activity_id, organization_id, activity_name, capacity, confirmed,"
                + " waitlisted, real_name_required, open_for_signup, starts_at, ends_at, version)"
                + " values (?, ?, ?, ?, ?, 0, false, true, ?, ?, 0)", activityId, organizationId, "a" + activityId,
                signups + 10, signups, at, at.plusHours(2));
        for (int i = 0; i < signups; i++) {
            long account = ACCOUNTS.incrementAndGet();
            String code = Long.toString(account, 36).toUpperCase();
            jdbc.update("insert into registration (activity_id, account_id, status, person_name, ticket_code,"
                    + " created_at, confirmed_at, checked_in_at) values (?, ?, 'CONFIRMED', ?, ?, ?, ?, ?)",
                    activityId, account, "观众" + i, code, at, at, i < checkins ? at.plusHours(1) : null);
            if (i < ratings.length) {
                Long reg = jdbc.queryForObject("select id from registration where ticket_code = ?", Long.class, code);
                jdbc.update("insert into feedback (registration_id, activity_id, account_id, rating, created_at)"
                        + " values (?, ?, ?, ?, ?)", reg, activityId, account, ratings[i], at.plusHours(3));
            }
        }
        // a cancelled registration counts neither as a sign-up nor as a check-in
        long account = ACCOUNTS.incrementAndGet();
        jdbc.update("insert into registration (activity_id, account_id, status, person_name, ticket_code,"
                + " created_at, cancelled_at) values (?, ?, 'CANCELLED', ?, ?, ?, ?)", activityId, account, "取消者",
                Long.toString(account, 36).toUpperCase(), at, at);
    }

    static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    // ---- writing xlsx files --------------------------------------------------------------------------------

    /** A workbook with the template's title, filler and header rows, then the given rows. */
    static byte[] form(String[]... rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet s = book.createSheet("意向征集表");
            s.createRow(0).createCell(0).setCellValue("2021年江门市全国科普日活动项目意向征集表");
            s.createRow(1).createCell(0).setCellValue("填报单位：");
            Row h = s.createRow(2);
            for (IntentionColumn c : IntentionColumn.ALL) {
                h.createCell(c.ordinal()).setCellValue(c.header());
            }
            int r = 3;
            for (String[] values : rows) {
                Row row = s.createRow(r++);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        row.createCell(i).setCellValue(values[i]);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    /** A valid row (19 columns) for the intention form. */
    static String[] row(String name, String organizer) {
        return new String[] {"1", name, organizer, null, "2", "2、6", "线下", "2021-10-16 09:00", "2021-10-16 11:30",
                "江海区", "江海区科技馆", "青少年、公众", "200", "否", null, "面向中学生的科学实验活动。", "梁老师",
                "0750-3862101", null};
    }
}
