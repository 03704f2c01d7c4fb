package cn.sciday.reporting;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Intention-form imports for {@code /actuator/prometheus}: {@code sciday_imports_total{form="intention",
 * outcome="imported"|"refused"}} (one per uploaded file) and {@code sciday_imports_rows_total{form="intention"}}
 * (activities created by imports). The online module counts question imports under the same names with
 * {@code form="questions"}.
 */
@Component
class ImportMetrics {

    static final String IMPORTS = "sciday.imports";
    static final String ROWS = "sciday.imports.rows";
    static final String FORM = "intention";

    private final Counter imported;
    private final Counter refused;
    private final Counter rows;

    ImportMetrics(MeterRegistry registry) {
        imported = outcome(registry, "imported");
        refused = outcome(registry, "refused");
        rows = Counter.builder(ROWS).description("Rows imported from spreadsheets").tag("form", FORM)
                .register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder(IMPORTS).description("Spreadsheet imports by outcome (all or nothing)")
                .tag("form", FORM).tag("outcome", outcome).register(registry);
    }

    void record(ImportResult result) {
        if (result.ok()) {
            imported.increment();
            rows.increment(result.imported());
        } else {
            refused.increment();
        }
    }
}
