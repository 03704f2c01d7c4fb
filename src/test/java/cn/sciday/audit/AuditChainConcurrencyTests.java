package cn.sciday.audit;

/** The chain under concurrent appends on H2 (PostgreSQL mode). */
class AuditChainConcurrencyTests extends AuditChainConcurrencyContract {

    @Override
    AuditTestDatabase open() {
        return AuditTestDatabase.h2();
    }
}
