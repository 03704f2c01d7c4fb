package cn.sciday.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.sciday.PostgresTestDatabase;
import cn.sciday.SciDayApplication;
import cn.sciday.web.ConflictException;

/** The city admin's list of divisions and departments (one grouped query) and the name check, on PostgreSQL. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
        disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
class OrganizationAdminPostgresTests {

    @Test
    void countsUnitsPerBodyAndRefusesTakenNames() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.freshSchema();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(SciDayApplication.class)
                     .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=",
                             "--spring.datasource.password=", "--server.port=0", "--sciday.demo.mode=off",
                             "--spring.flyway.schemas=" + db.schema(), "--logging.level.root=WARN",
                             "--sciday.crypto.key=c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=")) {
            Organizations organizations = app.getBean(Organizations.class);
            CoordinatingBodyOverviews overviews = app.getBean(CoordinatingBodyOverviews.class);
            OrganizationView body = organizations.createCoordinatingBody(OrganizationKind.DEPARTMENT, "市测试局",
                    "江门市测试局", List.of("测试局", "市测局"));
            organizations.createApprovedUnit(new UnitRegistration("测试学校", UnitType.SCHOOL,
                    CreditCode.complete("91440704MA5000001"), "联系人", "0750-1234567", null, body.id()));
            organizations.registerUnit(new UnitRegistration("测试医院", UnitType.HOSPITAL,
                    CreditCode.complete("91440704MA5000002"), "联系人", "0750-1234567", null, body.id()));

            CoordinatingBodyOverview overview = overviews.find(body.id()).orElseThrow();
            assertThat(overview.aliases()).containsExactly("测试局", "市测局");
            assertThat(overview.approvedUnits()).isEqualTo(1);
            assertThat(overview.pendingUnits()).isEqualTo(1);
            List<CoordinatingBodyOverview> all = overviews.all();
            assertThat(all).hasSize(organizations.coordinatingBodies().size());
            assertThat(all.get(0).kind()).isEqualTo(OrganizationKind.DIVISION);
            assertThat(all).filteredOn(o -> o.name().equals("江海区")).singleElement()
                    .satisfies(o -> assertThat(o.approvedUnits() + o.pendingUnits()).isZero());
            assertThat(overviews.find(organizations.city().id())).isEmpty();

            assertThatThrownBy(() -> organizations.rename(body.id(), "江海区", null, List.of()))
                    .isInstanceOf(ConflictException.class);
        }
    }
}
