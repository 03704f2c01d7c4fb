package cn.sciday.reporting;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.sciday.PostgresTestDatabase;
import cn.sciday.SciDayApplication;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Benchmark (not a test): generates 10,000 published activities of 1,000 units with 1,000,000 registrations (a
 * quarter checked in) and 100,000 ratings into a fresh PostgreSQL schema, then times the city-wide summary table
 * export (a city sheet plus one per division and department) and the import of a 2,000-row intention form, with the
 * peak heap of each. Run it with {@code bench/reporting-export.sh} (java -Xmx512m); needs SCIDAY_TEST_POSTGRES_URL.
 */
public final class SummaryExportBenchmark {

    static final int UNITS = Integer.getInteger("bench.units", 1_000);
    static final int ACTIVITIES = Integer.getInteger("bench.activities", 10_000);
    static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 1_000_000);
    /** 0 skips the import (to run the export alone in a smaller heap). */
    static final int FORM_ROWS = Integer.getInteger("bench.formRows", 2_000);

    private SummaryExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "java %s, max heap %d MB, %d cpus%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors());
        try (PostgresTestDatabase db = PostgresTestDatabase.freshSchema();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(SciDayApplication.class)
                     .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=",
                             "--spring.datasource.password=", "--server.port=0", "--sciday.demo.mode=off",
                             "--sciday.crypto.key=c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=",
                             "--sciday.reporting.reminders-enabled=false",
                             "--sciday.notification.dispatch-enabled=false",
                             "--sciday.media.dir=target/bench-media",
                             "--spring.flyway.schemas=" + db.schema(), "--logging.level.root=WARN")) {
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            long t0 = System.nanoTime();
            generate(jdbc);
            System.out.printf(Locale.ROOT, "generated %d units, %d activities, %d registrations in %.1f s%n",
                    UNITS, ACTIVITIES, REGISTRATIONS, (System.nanoTime() - t0) / 1e9);

            Organizations organizations = app.getBean(Organizations.class);
            Actor city = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
            SummaryTable table = app.getBean(SummaryTable.class);
            Path file = Files.createTempFile("summary-", ".xlsx");
            for (int run = 1; run <= 3; run++) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                    table.write(city, null, out);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "RESULT summary-export run=%d seconds=%.2f peak-heap-mb=%d file-kb=%d%n",
                        run, seconds, peakHeapMb(), Files.size(file) / 1024);
            }
            Files.deleteIfExists(file);

            long unit = jdbc.queryForObject("select min(id) from organization where kind = 'UNIT'", Long.class);
            Actor organizer = TestLogins.actor(Role.ORGANIZER, unit);
            IntentionForms forms = app.getBean(IntentionForms.class);
            byte[] form = TestXlsx.manyRows(FORM_ROWS);
            for (int run = 1; run <= 2 && FORM_ROWS > 0; run++) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                ImportResult result = forms.importForm(organizer, form.length, new ByteArrayInputStream(form));
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!result.ok()) {
                    throw new IllegalStateException("import refused: " + result.problems().get(0));
                }
                System.out.printf(Locale.ROOT,
                        "RESULT intention-import run=%d rows=%d seconds=%.2f peak-heap-mb=%d file-kb=%d%n", run,
                        result.imported(), seconds, peakHeapMb(), form.length / 1024);
            }
        }
        System.exit(0);
    }

    static void generate(JdbcTemplate jdbc) {
        jdbc.update("insert into organization (kind, name, full_name, parent_id, unit_type, credit_code, status,"
                + " created_at, version) select 'UNIT', '压测单位' || g, '压测单位' || g,"
                + " (select id from organization b where b.kind in ('DIVISION', 'DEPARTMENT') order by b.id"
                + " offset (g % (select count(*) from organization c where c.kind in ('DIVISION', 'DEPARTMENT')))"
                + " limit 1), 'SCHOOL', 'BENCH' || lpad(g::text, 13, '0'), 'APPROVED', now(), 0"
                + " from generate_series(1, ?) g", UNITS);
        jdbc.update("create temporary table bench_unit as select row_number() over (order by id) as n, id"
                + " from organization where kind = 'UNIT'");
        long campaign = jdbc.queryForObject("select id from campaign where status = 'ACTIVE'", Long.class);
        long division = jdbc.queryForObject("select min(id) from organization where kind = 'DIVISION'", Long.class);
        jdbc.update("insert into activity (campaign_id, organization_id, review_level, name, joint_action,"
                + " activity_format, starts_at, ends_at, division_id, venue, online_url, expected_participants,"
                + " signup_open, capacity, key_activity, summary, description, contact_name, contact_phone, status,"
                + " late, first_submitted_at, submitted_at, published_at, created_by, created_at, updated_at, version)"
                + " select ?, u.id, 'COORDINATOR', '压测活动' || g, case when g % 13 = 0 then null else g % 12 + 1 end,"
                + " (array['OFFLINE', 'ONLINE', 'BOTH'])[g % 3 + 1],"
                + " timestamptz '2021-09-18 09:00+08' + (g % 60) * interval '1 day',"
                + " timestamptz '2021-09-18 11:00+08' + (g % 60) * interval '1 day', ?, '压测地点' || g,"
                + " 'https://example.cn/' || g, 50 + g % 500, true, 1000, g % 10 = 0, '压测简介', '压测描述',"
                + " '联系人', '0750-3000000', 'PUBLISHED', false, now(), now(), now(), 1, now(), now(), 0"
                + " from generate_series(1, ?) g join bench_unit u on u.n = g % ? + 1", campaign, division, ACTIVITIES,
                UNITS);
        jdbc.update("insert into activity_theme (activity_id, theme_number) select id, id % 6 + 1 from activity");
        jdbc.update("insert into signup_slot (activity_id, organization_id, activity_name, capacity, confirmed,"
                + " waitlisted, real_name_required, open_for_signup, starts_at, ends_at, version) select id,"
                + " organization_id, name, 1000, 100, 0, false, true, starts_at, ends_at, 0 from activity");
        jdbc.update("create temporary table bench_activity as select row_number() over (order by id) as n, id"
                + " from activity");
        jdbc.update("insert into registration (activity_id, account_id, status, person_name, ticket_code, created_at,"
                + " confirmed_at, checked_in_at) select a.id, g, case when g % 20 = 0 then 'CANCELLED' else"
                + " 'CONFIRMED' end, '观众', 'B' || g, now(), now(), case when g % 4 = 0 then now() end"
                + " from generate_series(1, ?) g join bench_activity a on a.n = g % ? + 1", REGISTRATIONS,
                ACTIVITIES);
        jdbc.update("insert into feedback (registration_id, activity_id, account_id, rating, created_at)"
                + " select id, activity_id, account_id, id % 5 + 1, now() from registration where id % 10 = 0");
        jdbc.execute("analyze");
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the reset (an upper bound of the heap in use at any moment). */
    static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1024 * 1024);
    }
}
