package cn.sciday.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.campaign.MilestoneKind;
import cn.sciday.notification.Notifications;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Deadline compliance on a fixed clock (who submitted intentions on time, late, or not at all, and how late), the
 * "remind all late units" action, and the scheduled reminders 3 and 1 days before a deadline: sent once, also when
 * two schedulers run at the same time, and sent twice when the claim is switched off (the negative control).
 */
@IntegrationTest
class ComplianceIntegrationTests {

    static final String INTENTION = "活动意向征集表和汇总表报送";

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    Organizations organizations;
    @Autowired
    Activities activities;

    @Autowired
    cn.sciday.activity.ActivityUploads uploads;
    @Autowired
    Accounts accounts;
    @Autowired
    Notifications notifications;
    @Autowired
    Compliance compliance;
    @Autowired
    ReportContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    ReportingFixtures fx;
    static final AtomicInteger SEQ = new AtomicInteger();

    @BeforeEach
    void setUp() {
        fx = new ReportingFixtures(organizations, activities, uploads, jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A real organizer account for the unit (the inbox needs one). */
    Actor account(OrganizationView unit) {
        long id = accounts.createStaff("rpt" + System.nanoTime() % 1_000_000_000L + "x" + SEQ.incrementAndGet(),
                "Sciday-2021-pass", "报表测试员", null, Role.ORGANIZER, unit.id()).id();
        return accounts.currentActor(id).orElseThrow();
    }

    long messages(Actor actor, String subjectStart) {
        return notifications.inbox(actor, 100).stream().filter(m -> m.subject().startsWith(subjectStart)).count();
    }

    DeadlineReminders scheduler() {
        return new DeadlineReminders(compliance, context, notifications, dataSource, transactions, clock);
    }

    @Test
    void intentionsOnTimeLateAndMissingWithHowLate() throws Exception {
        OrganizationView onTime = fx.newUnit("恩平市");
        OrganizationView late = fx.newUnit("恩平市");
        OrganizationView missing = fx.newUnit("恩平市");
        Actor missingOrganizer = account(missing);
        Actor lateOrganizer = account(late);
        clock.set("2021-09-20T10:00:00+08:00");
        fx.submitted(onTime, fx.form(ReportingFixtures.unique("按时"), 2, ActivityFormat.OFFLINE, 100));
        clock.set("2021-09-24T23:59:00+08:00");
        assertThat(compliance.of(fx.coordinator("恩平市"), MilestoneKind.INTENTION).missing())
                .extracting(Compliance.UnitStatus::unitId).contains(late.id(), missing.id())
                .doesNotContain(onTime.id());
        clock.set("2021-09-26T10:00:00+08:00");
        fx.submitted(late, fx.form(ReportingFixtures.unique("逾期"), 2, ActivityFormat.OFFLINE, 100));
        clock.set("2021-09-28T09:00:00+08:00");

        Actor coordinator = fx.coordinator("恩平市");
        JsonNode all = json.readTree(mvc.perform(get("/api/v1/compliance").with(TestLogins.as(coordinator)))
                .andReturn().getResponse().getContentAsString());
        JsonNode intention = null;
        for (JsonNode m : all) {
            if (m.get("kind").asText().equals("INTENTION")) {
                intention = m;
            }
        }
        assertThat(intention).isNotNull();
        assertThat(intention.get("dueOn").asText()).isEqualTo("2021-09-24");
        assertThat(intention.get("passed").asBoolean()).isTrue();
        JsonNode lateEntry = entry(intention.get("metLate"), late.id());
        assertThat(lateEntry.get("daysLate").asInt()).isEqualTo(2);
        JsonNode missingEntry = entry(intention.get("missing"), missing.id());
        assertThat(missingEntry.get("daysLate").asInt()).isEqualTo(4);
        assertThat(missingEntry.get("late").asBoolean()).isTrue();
        assertThat(entry(intention.get("missing"), onTime.id())).isNull();
        assertThat(entry(intention.get("metLate"), onTime.id())).isNull();
        // another division's coordinator does not see these units
        JsonNode other = json.readTree(mvc.perform(get("/api/v1/compliance").with(TestLogins.as(fx.coordinator("江海区"))))
                .andReturn().getResponse().getContentAsString());
        assertThat(other.toString()).doesNotContain(missing.name());

        String page = mvc.perform(get("/compliance").with(TestLogins.as(coordinator))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(missing.name()).contains(late.name()).contains("向所有逾期未完成的单位发送催办提醒");

        // one action reminds every overdue unit in scope (not the one that submitted late)
        mvc.perform(post("/compliance/remind").param("milestone", "INTENTION").with(csrf())
                .with(TestLogins.as(coordinator)));
        assertThat(messages(missingOrganizer, "催办：" + INTENTION)).isEqualTo(1);
        assertThat(messages(lateOrganizer, "催办：")).isZero();
        assertThat(notifications.inbox(missingOrganizer, 10).get(0).body()).contains("已逾期4天");

        // completion and summaries come from the activity module
        assertThat(compliance.of(coordinator, MilestoneKind.STAGE_SUMMARY).known()).isTrue();
    }

    static JsonNode entry(JsonNode list, long unitId) {
        for (JsonNode n : list) {
            if (n.get("unitId").asLong() == unitId) {
                return n;
            }
        }
        return null;
    }

    @Test
    void remindersThreeAndOneDayBeforeGoOutOnceEvenWithTwoSchedulers() throws Exception {
        OrganizationView quiet = fx.newUnit("恩平市");
        OrganizationView done = fx.newUnit("恩平市");
        Actor quietOrganizer = account(quiet);
        Actor doneOrganizer = account(done);
        fx.submitted(done, fx.form(ReportingFixtures.unique("已提交"), 2, ActivityFormat.OFFLINE, 100));

        clock.set("2021-09-20T09:00:00+08:00");
        assertThat(runTogether(scheduler(), scheduler())).as("4 days before: nothing yet").isZero();
        assertThat(messages(quietOrganizer, "提醒：")).isZero();

        clock.set("2021-09-21T09:00:00+08:00");
        runTogether(scheduler(), scheduler());
        runTogether(scheduler(), scheduler());
        assertThat(messages(quietOrganizer, "提醒：" + INTENTION)).isEqualTo(1);
        assertThat(notifications.inbox(quietOrganizer, 10).get(0).body()).contains("还有3天");
        assertThat(messages(doneOrganizer, "提醒：")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from reminder_sent where organization_id = ?"
                + " and milestone = 'INTENTION' and days_before = 3", Long.class, quiet.id())).isEqualTo(1);

        clock.set("2021-09-23T18:00:00+08:00");
        runTogether(scheduler(), scheduler());
        clock.set("2021-09-24T08:00:00+08:00");
        runTogether(scheduler(), scheduler());
        assertThat(messages(quietOrganizer, "提醒：" + INTENTION)).isEqualTo(2);
        assertThat(notifications.inbox(quietOrganizer, 10).get(0).body()).contains("还有1天");

        clock.set("2021-09-25T09:00:00+08:00");
        runTogether(scheduler(), scheduler());
        assertThat(messages(quietOrganizer, "提醒：")).isEqualTo(2);
    }

    @Test
    void withoutTheClaimTwoSchedulersSendTwice() throws Exception {
        OrganizationView quiet = fx.newUnit("恩平市");
        Actor quietOrganizer = account(quiet);
        clock.set("2021-09-22T09:00:00+08:00");
        DeadlineReminders a = scheduler();
        DeadlineReminders b = scheduler();
        a.switchOffClaimForTest();
        b.switchOffClaimForTest();
        runTogether(a, b);
        assertThat(messages(quietOrganizer, "提醒：" + INTENTION)).isEqualTo(2);
    }

    /** Runs both schedulers at the same moment; returns how many reminders they sent together. */
    static int runTogether(DeadlineReminders a, DeadlineReminders b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = List.of(pool.submit(() -> {
                start.await();
                return a.remindDue();
            }), pool.submit(() -> {
                start.await();
                return b.remindDue();
            }));
            int sent = 0;
            for (Future<Integer> f : runs) {
                sent += f.get();
            }
            return sent;
        } finally {
            pool.shutdown();
        }
    }
}
