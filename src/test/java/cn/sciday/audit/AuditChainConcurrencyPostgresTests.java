package cn.sciday.audit;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import cn.sciday.PostgresTestDatabase;

/** The chain under concurrent appends on PostgreSQL: the lock must hold across connections as across instances. */
@EnabledIfEnvironmentVariable(named = PostgresTestDatabase.VARIABLE, matches = ".+",
        disabledReason = "PostgreSQL tests need SCIDAY_TEST_POSTGRES_URL (set by .ci/run)")
class AuditChainConcurrencyPostgresTests extends AuditChainConcurrencyContract {

    @Override
    AuditTestDatabase open() throws Exception {
        return AuditTestDatabase.postgres();
    }
}
