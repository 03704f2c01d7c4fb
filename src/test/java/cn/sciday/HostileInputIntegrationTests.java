package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.account.Accounts;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityForm;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityUploads;
import cn.sciday.activity.Audience;
import cn.sciday.organization.Organizations;
import cn.sciday.signup.Registrations;
import cn.sciday.web.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Hostile input in free-text fields, through the API and the pages: script and markup, SQL fragments, 10,000
 * characters, emoji, zero-width, right-to-left, full-width and control characters. Each is either stored exactly as
 * given or refused with a 400 that names the field in words a person understands; never a server error; and
 * wherever it is shown again (the organizer's page, the public page, the registration desk) it is escaped.
 */
@IntegrationTest
class HostileInputIntegrationTests {

    static final AtomicLong MOBILE = new AtomicLong(13_400_000_000L);

    /** The inputs, by what they try. */
    static final Map<String, String> PAYLOADS = new LinkedHashMap<>();

    static {
        PAYLOADS.put("script", "<script>alert('x')</script>科普");
        PAYLOADS.put("attribute", "\"><img src=x onerror=alert(1)>科普");
        PAYLOADS.put("sql", "科普'; DROP TABLE activity; --");
        PAYLOADS.put("long", "科".repeat(10_000));
        PAYLOADS.put("emoji", "机器人🤖实验🧪👵");
        PAYLOADS.put("zero-width", "科\u200b普\u200d日\ufeff");
        PAYLOADS.put("right-to-left", "科普\u202egnp.exe");
        PAYLOADS.put("full-width", "ＡＢＣ科普１２３");
        PAYLOADS.put("control", "科\u0000普\u0007日\u001b[31m");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Organizations organizations;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Registrations registrations;
    @Autowired
    Accounts accounts;

    @Test
    void activityTextFieldsThroughTheApi() throws Exception {
        MatrixFixtures.Records world = new MatrixFixtures(organizations, activities, uploads, registrations, accounts)
                .create();
        Actor owner = world.callers().get(MatrixFixtures.Caller.UNIT_OWNER);
        List<String> stored = new ArrayList<>();
        for (Map.Entry<String, String> p : PAYLOADS.entrySet()) {
            String text = p.getValue();
            ActivityForm form = form(text);
            MockHttpServletResponse r = mvc.perform(post("/api/v1/activities").with(TestLogins.as(owner)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
                    .andReturn().getResponse();
            assertThat(r.getStatus()).as(p.getKey()).isIn(201, 400);
            String body = r.getContentAsString();
            if (r.getStatus() == 400) {
                assertThat(body).as(p.getKey() + ": the refusal says why").containsAnyOf("不能超过", "控制字符");
                continue;
            }
            stored.add(p.getKey());
            JsonNode created = json.readTree(body);
            long id = created.get("id").asLong();
            JsonNode read = json.readTree(mvc.perform(get("/api/v1/activities/" + id).with(TestLogins.as(owner)))
                    .andReturn().getResponse().getContentAsString());
            assertThat(read.get("name").asText()).as(p.getKey() + ": stored as given").isEqualTo(text);
            assertThat(read.get("description").asText()).isEqualTo(text + "的活动流程");
            String page = mvc.perform(get("/activities/manage/" + id).with(TestLogins.as(owner))).andReturn()
                    .getResponse().getContentAsString();
            assertEscaped(p.getKey(), text, page);
        }
        assertThat(stored).as("ordinary odd text is accepted")
                .containsExactly("script", "attribute", "sql", "emoji", "zero-width", "right-to-left", "full-width");
    }

    @Test
    void aSignUpNameThroughThePageAndTheRegistrationDesk() throws Exception {
        MatrixFixtures.Records world = new MatrixFixtures(organizations, activities, uploads, registrations, accounts)
                .create();
        Actor owner = world.callers().get(MatrixFixtures.Caller.UNIT_OWNER);
        for (Map.Entry<String, String> p : PAYLOADS.entrySet()) {
            Actor person = accounts.publicUser(String.valueOf(MOBILE.incrementAndGet()));
            MockHttpServletResponse r = mvc.perform(post("/activities/" + world.activityId() + "/signup")
                    .param("name", p.getValue()).with(TestLogins.as(person)).with(csrf())).andReturn().getResponse();
            assertThat(r.getStatus()).as(p.getKey()).isIn(200, 302, 400);
            if (r.getStatus() != 302) {
                assertThat(r.getContentAsString()).as(p.getKey() + ": the page says what is wrong")
                        .containsAnyOf("姓名", "控制字符");
                assertEscaped(p.getKey(), p.getValue(), r.getContentAsString());
            }
        }
        String desk = mvc.perform(get("/activities/" + world.activityId() + "/registrations")
                .with(TestLogins.as(owner))).andReturn().getResponse().getContentAsString();
        for (Map.Entry<String, String> p : PAYLOADS.entrySet()) {
            assertEscaped(p.getKey(), p.getValue(), desk);
        }
        assertThat(desk).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;科普");
    }

    @Test
    void noticeTextThroughTheAdminPagesAndThePublicPage() throws Exception {
        Actor city = new MatrixFixtures(organizations, activities, uploads, registrations, accounts).create()
                .callers().get(MatrixFixtures.Caller.CITY);
        int published = 0;
        for (Map.Entry<String, String> p : PAYLOADS.entrySet()) {
            String text = p.getValue();
            MockHttpServletResponse r = mvc.perform(post("/admin/notices").param("title", text)
                    .param("issuer", "江门市科协").param("issuedOn", "2021-09-16").param("summary", text)
                    .param("body", text + "\n第二段").with(TestLogins.as(city)).with(csrf())).andReturn().getResponse();
            assertThat(r.getStatus()).as(p.getKey()).isIn(200, 302, 400);
            if (r.getStatus() != 302) {
                assertThat(r.getContentAsString()).as(p.getKey() + ": the form says what is wrong")
                        .containsAnyOf("标题", "控制字符");
                assertEscaped(p.getKey(), text, r.getContentAsString());
                continue;
            }
            String edit = r.getRedirectedUrl();
            long id = Long.parseLong(edit.replaceAll("\\D+", " ").trim().split(" ")[0]);
            mvc.perform(post("/admin/notices/" + id + "/publish").with(TestLogins.as(city)).with(csrf()));
            MockHttpServletResponse page = mvc.perform(get("/notices/" + id)).andReturn().getResponse();
            assertThat(page.getStatus()).as(p.getKey()).isEqualTo(200);
            assertEscaped(p.getKey(), text, page.getContentAsString());
            assertEscaped(p.getKey(), text, mvc.perform(get("/notices")).andReturn().getResponse().getContentAsString());
            published++;
        }
        assertThat(published).as("ordinary odd text is published").isEqualTo(7);
    }

    /** Markup from the input never reaches a page as markup. */
    static void assertEscaped(String what, String input, String page) {
        if (input.contains("<script>")) {
            assertThat(page).as(what).doesNotContain("<script>alert");
        }
        if (input.contains("<img")) {
            assertThat(page).as(what).doesNotContain("<img src=x").doesNotContain("\"><img");
        }
        assertThat(page).as(what + ": no raw control characters").doesNotContain("\u0000").doesNotContain("\u001b");
    }

    private ActivityForm form(String text) {
        return new ActivityForm(text, 2, List.of(2), text, ActivityFormat.OFFLINE,
                LocalDateTime.parse("2021-10-16T09:00"), LocalDateTime.parse("2021-10-16T11:30"),
                organizations.findByName("江海区").orElseThrow().id(), text, null, EnumSet.of(Audience.YOUTH), 100,
                false, null, false, text.length() > 150 ? text.substring(0, 150) : text, text + "的活动流程", "梁老师",
                "0750-3862101");
    }
}
