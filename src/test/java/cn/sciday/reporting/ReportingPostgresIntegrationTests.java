package cn.sciday.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import cn.sciday.PostgresTestDatabase;
import cn.sciday.SciDayApplication;
import cn.sciday.TestLogins;
import cn.sciday.notification.Notifications;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Reporting SQL on PostgreSQL with the demo data: the city-wide summary table's totals against the database, the
 * dashboard, filing and compliance queries, the special report job; and the deadline reminders' claim under a real
 * race between two schedulers (with the negative control).
 */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
        disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
class ReportingPostgresIntegrationTests {

    @Test
    void reportsAndRemindersOnPostgres() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.freshSchema();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(SciDayApplication.class)
                     .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=",
                             "--spring.datasource.password=", "--server.port=0", "--sciday.demo.mode=on",
                             "--sciday.crypto.key=c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=",
                             "--sciday.reporting.reminders-enabled=false",
                             "--sciday.notification.dispatch-enabled=false",
                             "--spring.flyway.schemas=" + db.schema(), "--logging.level.root=WARN")) {
            Organizations organizations = app.getBean(Organizations.class);
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            Actor city = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            app.getBean(SummaryTable.class).write(city, null, out);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                var total = SummaryTableIntegrationTests.find(book.getSheet("全市"), 0, "合计");
                long counted = jdbc.queryForObject("select count(*) from activity where status in "
                        + SummaryTableIntegrationTests.COUNTED, Long.class);
                assertThat(counted).isPositive();
                assertThat(total.getCell(1).getStringCellValue()).isEqualTo("共 " + counted + " 项活动");
                assertThat((long) total.getCell(11).getNumericCellValue()).isEqualTo(jdbc.queryForObject(
                        "select sum(expected_participants) from activity where status in "
                                + SummaryTableIntegrationTests.COUNTED, Long.class));
            }
            Dashboard.Data d = app.getBean(Dashboard.class).data(city);
            assertThat(d.activities()).isPositive();
            assertThat(app.getBean(Compliance.class).all(city)).hasSize(5);
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            app.getBean(NationalFiling.class).writeCsv(city, null, csv);
            assertThat(csv.toString(java.nio.charset.StandardCharsets.UTF_8).split("\r\n").length).isEqualTo(1
                    + jdbc.queryForObject("select count(*) from activity where status = 'PUBLISHED'", Long.class));

            ReportJobs jobs = app.getBean(ReportJobs.class);
            ReportJobs.Job job = jobs.start(city);
            for (int i = 0; i < 240 && !jobs.get(city, job.id()).finished(); i++) {
                Thread.sleep(250);
            }
            assertThat(jobs.get(city, job.id()).status()).isEqualTo("DONE");

            // reminders: two schedulers at the same moment, 3 days before the intention deadline
            Clock threeDaysBefore = Clock.fixed(Instant.parse("2021-09-21T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
            // due 09-24: intentions (units without a submitted activity) and national filing (published, no reference)
            long noIntention = jdbc.queryForObject("select count(*) from organization o where o.kind = 'UNIT' and"
                    + " o.status = 'APPROVED' and not exists (select 1 from activity a where a.organization_id = o.id"
                    + " and a.first_submitted_at is not null)", Long.class);
            long notFiled = jdbc.queryForObject("select count(distinct a.organization_id) from activity a join"
                    + " organization o on o.id = a.organization_id where o.kind = 'UNIT' and o.status = 'APPROVED'"
                    + " and a.status = 'PUBLISHED' and not exists (select 1 from activity_national_ref n"
                    + " where n.activity_id = a.id)", Long.class);
            long units = noIntention + notFiled;
            assertThat(noIntention).isPositive();
            assertThat(notFiled).isPositive();
            int sent = ComplianceIntegrationTests.runTogether(reminders(app, threeDaysBefore),
                    reminders(app, threeDaysBefore));
            assertThat(sent).isEqualTo((int) units);
            assertThat(ComplianceIntegrationTests.runTogether(reminders(app, threeDaysBefore),
                    reminders(app, threeDaysBefore))).isZero();
            assertThat(jdbc.queryForObject("select count(*) from reminder_sent", Long.class)).isEqualTo(units);

            // negative control: without the claim both send
            DeadlineReminders a = reminders(app, threeDaysBefore);
            DeadlineReminders b = reminders(app, threeDaysBefore);
            a.switchOffClaimForTest();
            b.switchOffClaimForTest();
            assertThat(ComplianceIntegrationTests.runTogether(a, b)).isEqualTo(2 * (int) units);
        }
    }

    static DeadlineReminders reminders(ConfigurableApplicationContext app, Clock clock) {
        return new DeadlineReminders(app.getBean(Compliance.class), app.getBean(ReportContext.class),
                app.getBean(Notifications.class), app.getBean(DataSource.class),
                app.getBean(PlatformTransactionManager.class), clock);
    }

}
