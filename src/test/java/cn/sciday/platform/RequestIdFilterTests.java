package cn.sciday.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every request carries an id in the MDC (for the log) and in the response header. */
class RequestIdFilterTests {

    String run(String incoming, MockHttpServletResponse response) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        if (incoming != null) {
            request.addHeader(RequestIdFilter.HEADER, incoming);
        }
        AtomicReference<String> seen = new AtomicReference<>();
        new RequestIdFilter().doFilter(request, response, (req, res) -> seen.set(MDC.get(RequestIdFilter.MDC_KEY)));
        assertThat(MDC.get(RequestIdFilter.MDC_KEY)).as("cleared after the request").isNull();
        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo(seen.get());
        return seen.get();
    }

    @Test
    void keepsAPlausibleIncomingIdAndReplacesOthers() throws Exception {
        assertThat(run("nginx-3f2a.17", new MockHttpServletResponse())).isEqualTo("nginx-3f2a.17");
        String generated = run(null, new MockHttpServletResponse());
        assertThat(generated).matches("[0-9a-f]{16}");
        assertThat(run(null, new MockHttpServletResponse())).isNotEqualTo(generated);
        assertThat(run("bad id\r\nX-Evil: 1", new MockHttpServletResponse())).matches("[0-9a-f]{16}");
        assertThat(run("x".repeat(65), new MockHttpServletResponse())).matches("[0-9a-f]{16}");
    }
}
