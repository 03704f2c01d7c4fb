package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The metrics docs/operations.md tells operators to watch are all in {@code /actuator/prometheus} from the start
 * (counters at zero before the first event), with the tags the documentation names.
 */
@IntegrationTest
class OperationsMetricsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void everyDocumentedMetricIsExposed() throws Exception {
        mvc.perform(get("/activities")).andReturn(); // a public page: its cache records a lookup
        String body = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
        assertThat(body)
                .contains("sciday_signups_total{status=\"CONFIRMED\"}")
                .contains("sciday_signups_total{status=\"WAITLISTED\"}")
                .contains("sciday_signups_total{status=\"REFUSED\"}")
                .contains("sciday_quiz_submissions_total{kind=\"attempt\"}")
                .contains("sciday_quiz_submissions_total{kind=\"practice\"}")
                .contains("sciday_imports_total{form=\"intention\",outcome=\"imported\"}")
                .contains("sciday_imports_total{form=\"intention\",outcome=\"refused\"}")
                .contains("sciday_imports_total{form=\"questions\",outcome=\"imported\"}")
                .contains("sciday_imports_total{form=\"questions\",outcome=\"refused\"}")
                .contains("sciday_imports_rows_total{form=\"intention\"}")
                .contains("sciday_outbox_backlog{channel=\"email\"}")
                .contains("sciday_outbox_backlog{channel=\"sms\"}")
                .contains("sciday_outbox_oldest_age_seconds ")
                .contains("hikaricp_connections_timeout_total")
                .containsPattern("http_server_requests_seconds_count\\{.*uri=\"/activities\"");
        assertThat(body).containsPattern("cache_gets_total\\{cache=\"portal[^\"]*\".*result=\"hit\"")
                .containsPattern("cache_gets_total\\{cache=\"portal[^\"]*\".*result=\"miss\"");
    }
}
