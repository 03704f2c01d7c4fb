package cn.sciday.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.Audience;
import cn.sciday.organization.Organizations;
import cn.sciday.signup.Registrations;
import cn.sciday.signup.SignupForm;
import cn.sciday.web.Role;

/**
 * The activity list: each filter alone and combined, sorting, paging, the filter state in the URL, the htmx
 * fragment against the whole page, and the plain form that works without JavaScript. The test clock stands at
 * 2021-09-15 09:00, so the list starts on that day unless {@code from} says otherwise.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalListIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    cn.sciday.activity.ActivityUploads uploads;
    @Autowired
    Organizations organizations;
    @Autowired
    Registrations registrations;

    PortalFixtures fixtures;
    String token;
    String youth;
    String rural;
    String elder;
    String past;
    String draft;
    String cancelled;
    long xinhui;
    long jianghai;

    @BeforeAll
    void data() {
        fixtures = new PortalFixtures(organizations, activities, uploads);
        token = PortalFixtures.token();
        xinhui = fixtures.division("新会区");
        jianghai = fixtures.division("江海区");
        youth = token + "青少年编程营";
        rural = token + "乡村振兴直播课";
        elder = token + "长者智能手机课堂";
        past = token + "已经结束的讲座";
        draft = token + "草稿活动";
        cancelled = token + "取消的活动";
        fixtures.publish(new PortalFixtures.Spec(youth).jointAction(2).themes(2).capacity(100)
                .audiences(Audience.YOUTH, Audience.GENERAL_PUBLIC));
        fixtures.publish(new PortalFixtures.Spec(rural).division("新会区").jointAction(7).themes(4)
                .format(ActivityFormat.ONLINE).at("2021-10-20T09:00", "2021-10-21T12:00")
                .audiences(Audience.FARMERS).description("讲解陈皮种植的病虫害防治"));
        long elderId = fixtures.publish(new PortalFixtures.Spec(elder).division("蓬江区").themes(3)
                .format(ActivityFormat.BOTH).at("2021-11-05T14:00", "2021-11-05T16:00").capacity(1)
                .audiences(Audience.ELDERLY, Audience.RESIDENTS)).id();
        fixtures.publish(new PortalFixtures.Spec(past).at("2021-09-12T09:00", "2021-09-12T11:00"));
        fixtures.draft(new PortalFixtures.Spec(draft));
        long c = fixtures.publish(new PortalFixtures.Spec(cancelled)).id();
        fixtures.cancel(c, "场地维修。");
        registrations.register(TestLogins.actor(Role.PUBLIC, null), elderId, new SignupForm("陈奶奶", null));
    }

    @Test
    void textFindsPublishedActivitiesOnlyFromTodayInStartOrder() throws Exception {
        assertThat(names("q", token)).containsExactly(youth, rural, elder);
        assertThat(names("q", token, "from", "")).containsExactly(past, youth, rural, elder);
        assertThat(names("q", token + " 陈皮")).containsExactly(rural);
        assertThat(names("q", token + " 不存在的词")).isEmpty();
        assertThat(names("q", "%")).doesNotContain(youth);
    }

    @Test
    void eachFilterAlone() throws Exception {
        assertThat(names("q", token, "division", String.valueOf(xinhui))).containsExactly(rural);
        assertThat(names("q", token, "jointAction", "2")).containsExactly(youth);
        assertThat(names("q", token, "jointAction", "0")).containsExactly(elder);
        assertThat(names("q", token, "theme", "4")).containsExactly(rural);
        assertThat(names("q", token, "format", "ONLINE")).containsExactly(rural, elder);
        assertThat(names("q", token, "format", "OFFLINE")).containsExactly(youth, elder);
        assertThat(names("q", token, "format", "BOTH")).containsExactly(elder);
        assertThat(names("q", token, "audience", "ELDERLY")).containsExactly(elder);
        assertThat(names("q", token, "audience", "GENERAL_PUBLIC")).containsExactly(youth);
        assertThat(names("q", token, "from", "2021-10-21", "to", "2021-10-21")).containsExactly(rural);
        assertThat(names("q", token, "from", "2021-10-22")).containsExactly(elder);
        assertThat(names("q", token, "to", "2021-10-16")).containsExactly(youth);
        assertThat(names("q", token, "from", "2021-09-12", "to", "2021-09-12")).containsExactly(past);
        assertThat(names("q", token, "seats", "on")).containsExactly(youth);
    }

    @Test
    void filtersCombine() throws Exception {
        assertThat(names("q", token, "division", String.valueOf(jianghai), "format", "OFFLINE", "audience", "YOUTH",
                "theme", "2", "jointAction", "2", "seats", "on", "from", "2021-10-01", "to", "2021-10-31"))
                .containsExactly(youth);
        assertThat(names("q", token, "division", String.valueOf(jianghai), "theme", "4")).isEmpty();
        assertThat(names("q", token, "format", "ONLINE", "from", "2021-11-01")).containsExactly(elder);
        assertThat(names("q", token, "format", "ONLINE", "seats", "on")).isEmpty();
    }

    @Test
    void sortsByStartNewestAndSeatsLeft() throws Exception {
        assertThat(names("q", token, "sort", "start")).containsExactly(youth, rural, elder);
        assertThat(names("q", token, "sort", "newest")).containsExactly(elder, rural, youth);
        assertThat(names("q", token, "sort", "seats")).containsExactly(youth, elder, rural);
    }

    @Test
    void theFilterStateLivesInTheUrlAndTheForm() throws Exception {
        String html = page(get("/activities").param("q", token).param("division", String.valueOf(xinhui))
                .param("format", "ONLINE").param("audience", "FARMERS").param("jointAction", "7").param("theme", "4")
                .param("from", "2021-10-01").param("to", "2021-10-31").param("seats", "on").param("sort", "newest"));
        assertThat(html).contains("name=\"q\" maxlength=\"50\" value=\"" + token + "\"")
                .contains("<option value=\"" + xinhui + "\" selected=\"selected\">新会区</option>")
                .contains("<option value=\"ONLINE\" selected=\"selected\">")
                .contains("<option value=\"FARMERS\" selected=\"selected\">")
                .contains("<option value=\"7\" selected=\"selected\">")
                .contains("<option value=\"4\" selected=\"selected\">")
                .contains("name=\"from\" value=\"2021-10-01\"").contains("name=\"to\" value=\"2021-10-31\"")
                .contains("name=\"seats\" value=\"on\" checked=\"checked\"")
                .contains("<option value=\"newest\" selected=\"selected\">");
        String defaults = page(get("/activities"));
        assertThat(defaults).contains("name=\"from\" value=\"2021-09-15\"");
    }

    @Test
    void pagesKeepTheFiltersInTheirLinks() throws Exception {
        String many = PortalFixtures.token();
        for (int i = 1; i <= 23; i++) {
            fixtures.publish(new PortalFixtures.Spec(many + String.format("第%02d场", i))
                    .at(String.format("2021-10-%02dT09:00", i + 1), String.format("2021-10-%02dT10:00", i + 1)));
        }
        String first = page(get("/activities").param("q", many).param("division", String.valueOf(jianghai)));
        assertThat(PortalFixtures.cardNames(first)).hasSize(20).first().isEqualTo(many + "第01场");
        assertThat(first).contains("共找到 23 项活动").contains("第 1 页，共 2 页")
                .contains("href=\"/activities?division=" + jianghai + "&amp;from=2021-09-15&amp;q=" + encoded(many)
                        + "&amp;page=2\"");
        String second = page(get("/activities").param("q", many).param("division", String.valueOf(jianghai))
                .param("page", "2"));
        assertThat(PortalFixtures.cardNames(second)).containsExactly(many + "第21场", many + "第22场", many + "第23场");
        assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        String seatsOrder = page(get("/activities").param("q", many).param("sort", "seats").param("page", "2"));
        assertThat(PortalFixtures.cardNames(seatsOrder)).hasSize(3);
    }

    @Test
    void htmxGetsTheResultsFragmentAndEveryoneElseThePage() throws Exception {
        String fragment = mvc.perform(get("/activities").param("q", token).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(header().string("Vary", "HX-Request"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment.strip()).startsWith("<section id=\"results\"");
        assertThat(fragment).doesNotContain("<html").doesNotContain("<form")
                .contains("hx-swap-oob=\"innerHTML:#result-count\">共找到 3 项活动</span>");
        assertThat(PortalFixtures.cardNames(fragment)).containsExactly(youth, rural, elder);

        String whole = page(get("/activities").param("q", token));
        assertThat(whole).contains("<html").contains("id=\"result-count\" class=\"result-count\" role=\"status\">共找到 3 项活动")
                .contains("<section id=\"results\"").doesNotContain("hx-swap-oob");
        String restore = mvc.perform(get("/activities").param("q", token).header("HX-Request", "true")
                .header("HX-History-Restore-Request", "true"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(restore).contains("<html").contains("<form id=\"activity-filters\"");
    }

    @Test
    void theFormWorksWithoutJavaScript() throws Exception {
        String html = page(get("/activities"));
        assertThat(html).containsPattern("<form id=\"activity-filters\" class=\"portal-filters\" method=\"get\" action=\"/activities\"")
                .contains("hx-get=\"/activities\"").contains("hx-target=\"#results\" hx-swap=\"outerHTML\" hx-push-url=\"true\"")
                .contains("<button type=\"submit\" class=\"btn btn-primary\">查找</button>");
        for (String name : List.of("q", "division", "jointAction", "theme", "format", "audience", "from", "to",
                "seats", "sort")) {
            assertThat(html).as("form field " + name).contains("name=\"" + name + "\"");
        }
    }

    @Test
    void unreadableParametersAreIgnored() throws Exception {
        String html = page(get("/activities").param("q", token).param("division", "abc").param("page", "-3")
                .param("sort", "zzz").param("format", "NONE").param("to", "2021-13-45"));
        assertThat(PortalFixtures.cardNames(html)).containsExactly(youth, rural, elder);
        assertThat(names("q", token, "from", "2021-11-30", "to", "2021-10-17")).containsExactly(rural, elder);
    }

    private List<String> names(String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/activities");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return PortalFixtures.cardNames(page(request));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String encoded(String s) {
        return org.springframework.web.util.UriUtils.encode(s, StandardCharsets.UTF_8);
    }
}
