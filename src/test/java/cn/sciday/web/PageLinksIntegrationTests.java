package cn.sciday.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;

/**
 * Links are written as the templates have them (no resource-URL rewriting on every link of every page, which cost
 * the packaged app most of its throughput), and the version-less webjar URLs they point to are served.
 */
@IntegrationTest
class PageLinksIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void webjarLinksStayVersionLessAndAreServed() throws Exception {
        String page = mvc.perform(get("/activities")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/webjars/bootstrap/dist/css/bootstrap.min.css\"")
                .contains("src=\"/webjars/htmx.org/dist/htmx.min.js\"").contains("href=\"/css/sciday.css\"");
        for (String path : new String[] {"/webjars/bootstrap/dist/css/bootstrap.min.css",
                "/webjars/htmx.org/dist/htmx.min.js", "/css/sciday.css"}) {
            MockHttpServletResponse r = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(r.getStatus()).as(path).isEqualTo(200);
            assertThat(r.getContentAsByteArray()).as(path).isNotEmpty();
        }
    }
}
