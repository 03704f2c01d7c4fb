package cn.sciday.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.sciday.IntegrationTest;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityUploads;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import io.micrometer.core.instrument.MeterRegistry;

/** Every intention-form upload counts as imported (with its rows) or refused. */
@IntegrationTest
class ImportMetricsIntegrationTests {

    @Autowired
    IntentionForms forms;
    @Autowired
    Organizations organizations;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    double imports(String outcome) {
        return meters.get(ImportMetrics.IMPORTS).tag("form", "intention").tag("outcome", outcome).counter().count();
    }

    @Test
    void importsAreCountedByOutcomeWithTheirRows() throws Exception {
        ReportingFixtures fx = new ReportingFixtures(organizations, activities, uploads, jdbc);
        OrganizationView unit = fx.newUnit("江海区");
        Actor owner = fx.organizer(unit);
        double imported = imports("imported");
        double refused = imports("refused");
        double rows = meters.get(ImportMetrics.ROWS).tag("form", "intention").counter().count();

        byte[] good = ReportingFixtures.form(ReportingFixtures.row(ReportingFixtures.unique("计数导入"), unit.name()),
                ReportingFixtures.row(ReportingFixtures.unique("计数导入"), unit.name()));
        assertThat(forms.importForm(owner, good.length, new ByteArrayInputStream(good)).ok()).isTrue();
        byte[] bad = "not a spreadsheet".getBytes();
        assertThat(forms.importForm(owner, bad.length, new ByteArrayInputStream(bad)).ok()).isFalse();

        assertThat(imports("imported") - imported).isEqualTo(1);
        assertThat(imports("refused") - refused).isEqualTo(1);
        assertThat(meters.get(ImportMetrics.ROWS).tag("form", "intention").counter().count() - rows).isEqualTo(2);
    }
}
