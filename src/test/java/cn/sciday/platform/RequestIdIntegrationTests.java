package cn.sciday.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;

/** The request id filter is in the app's filter chain: pages, the API and errors answer with the id. */
@IntegrationTest
class RequestIdIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void everyAnswerCarriesTheRequestId() throws Exception {
        mvc.perform(get("/").header("X-Request-Id", "lb-123")).andExpect(status().isOk())
                .andExpect(header().string("X-Request-Id", "lb-123"));
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(header().string("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{16}")));
    }
}
