package cn.sciday.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.sciday.PostgresTestDatabase;
import cn.sciday.SciDayApplication;

/**
 * {@code --sciday.audit.verify} on a real start-up: the runner verifies the chain, prints the line and asks to exit
 * with 0. The exit is replaced (a bean of type {@link AuditVerifyCommand.Exit}) so that the test JVM lives on.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditVerifyCommandTests {

    @Test
    void startingWithTheOptionVerifiesPrintsAndExitsWithZero(CapturedOutput output) {
        List<Integer> codes = new CopyOnWriteArrayList<>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SciDayApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("auditExit",
                        (AuditVerifyCommand.Exit) codes::add))
                .run("--spring.datasource.url=jdbc:h2:mem:verify-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "--server.port=0", "--sciday.demo.mode=off",
                        "--sciday.crypto.key=c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=",
                        "--logging.level.root=OFF", "--sciday.audit.verify")) {
            assertThat(codes).containsExactly(0);
            assertThat(output.getOut()).containsPattern("(?m)^Audit chain OK: \\d+ entr(y|ies)$");
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
            disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
    void onPostgresSeedingIsAuditedAndTheChainVerifies(CapturedOutput output) throws Exception {
        List<Integer> codes = new CopyOnWriteArrayList<>();
        try (PostgresTestDatabase db = PostgresTestDatabase.freshSchema();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(SciDayApplication.class)
                     .initializers(context -> context.getBeanFactory().registerSingleton("auditExit",
                             (AuditVerifyCommand.Exit) codes::add))
                     .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=",
                             "--spring.datasource.password=", "--spring.flyway.schemas=" + db.schema(),
                             "--server.port=0", "--sciday.demo.mode=off",
                             "--sciday.crypto.key=c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=",
                             "--logging.level.root=OFF", "--sciday.audit.verify")) {
            assertThat(codes).containsExactly(0);
            assertThat(output.getOut()).containsPattern("(?m)^Audit chain OK: \\d+ entr(y|ies)$");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long created = jdbc.sql("select count(*) from audit_entry where action = 'ORGANIZATION_CREATED'")
                    .query(Long.class).single();
            assertThat(created).as("the seeded divisions and departments are audited").isGreaterThan(10);
            AuditChainVerifier.Result result = app.getBean(AuditChainVerifier.class).verify();
            assertThat(result.ok()).as(result.line()).isTrue();
            assertThat(result.entriesChecked())
                    .isEqualTo(jdbc.sql("select count(*) from audit_entry").query(Long.class).single());
        }
    }
}
