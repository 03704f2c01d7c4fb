package cn.sciday;

import static cn.sciday.HostileInput.ORDINARY;
import static cn.sciday.HostileInput.assertAllShown;
import static cn.sciday.HostileInput.assertEscaped;
import static cn.sciday.HostileInput.assertJson;
import static cn.sciday.HostileInput.assertShown;
import static cn.sciday.HostileInput.assertTextCells;
import static cn.sciday.HostileInput.sweep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import cn.sciday.HostileInput.Payload;
import cn.sciday.activity.ActivityForm;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.Audience;
import cn.sciday.web.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Hostile input in free-text fields (issue 9), through the API and the pages: script and markup, SQL fragments, a
 * formula, 10,000 characters, emoji, zero-width, right-to-left, full-width and control characters ({@link
 * HostileInput}). Each is either stored exactly as given or refused with a 400 (or the form again) that says why in
 * words a person understands; never a server error; and wherever it is shown again (the organizer's page, the public
 * portal, the registration desk and its spreadsheet, search results) it is escaped. The other modules' fields are in
 * HostileInputOnlineTests, HostileInputOrganizationTests, HostileInputActivityTests and HostileInputCampaignTests.
 */
@IntegrationTest
class HostileInputIntegrationTests extends HostileInputSupport {

    @Autowired
    ObjectMapper json;

    @Test
    void activityTextFieldsThroughTheApi() throws Exception {
        Actor owner = caller(MatrixFixtures.Caller.UNIT_OWNER);
        Set<Payload> stored = sweep("activity (API)", () -> count("activity"),
                p -> mvc.perform(post("/api/v1/activities").with(TestLogins.as(owner)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form(p.text))))
                        .andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                assertStoredActivity(owner, p.text, r.getResponse());
                            }
                        }).andReturn());
        assertThat(stored).containsAll(ORDINARY);
    }

    @Test
    void activityTextFieldsThroughThePageAndThePublicPortal() throws Exception {
        Actor owner = caller(MatrixFixtures.Caller.UNIT_OWNER);
        long jianghai = organizations.findByName("江海区").orElseThrow().id();
        Set<Payload> stored = sweep("activity (organizer page)", () -> count("activity"),
                p -> mvc.perform(post("/my/activities/new").param("name", p.text).param("jointAction", "2")
                        .param("themes", "2").param("coOrganizers", p.text).param("format", "OFFLINE")
                        .param("startsAt", "2021-10-16T09:00").param("endsAt", "2021-10-16T11:30")
                        .param("divisionId", String.valueOf(jianghai)).param("venue", p.text)
                        .param("audiences", "YOUTH").param("expectedParticipants", "100").param("signupOpen", "false")
                        .param("keyActivity", "false").param("summary", p.text).param("description", p.and("的活动流程"))
                        .param("contactName", p.text).param("contactPhone", "0750-3862101").with(csrf())
                        .with(TestLogins.as(owner))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                long id = newest("activity");
                                assertThat(jdbc.sql("select name, co_organizers, venue, summary, description, "
                                        + "contact_name from activity where id = ?").param(id).query().singleRow())
                                        .containsEntry("name", p.text).containsEntry("co_organizers", p.text)
                                        .containsEntry("venue", p.text).containsEntry("summary", p.text)
                                        .containsEntry("description", p.and("的活动流程"))
                                        .containsEntry("contact_name", p.text);
                                assertShown("organizer's page", p.text, page("/activities/manage/" + id, owner));
                                assertShown("edit form", p.and("的活动流程"), page("/my/activities/" + id + "/edit",
                                        owner));
                            }
                        }).andReturn());
        assertThat(stored).containsAll(ORDINARY);
        assertAllShown("my activities", stored, page("/my/activities", owner), p -> p.text);

        // published, the names are on every public page that lists activities
        for (Payload p : List.of(Payload.SCRIPT, Payload.ATTRIBUTE)) {
            long id = fixtures().create(p.text).activityId();
            assertShown("public activity page", p.text, page("/activities/" + id, null));
            assertShown("activity list", p.text, mvc.perform(get("/activities").queryParam("q", p.text)).andReturn()
                    .getResponse().getContentAsString());
            assertEscaped("home, calendar and map", p, page("/", null) + page("/activities/calendar", null)
                    + page("/activities/map", null));
        }
        assertJson("public API", read("/api/v1/public/activities", null));
    }

    @Test
    void aSignUpNameThroughThePageTheRegistrationDeskAndItsSpreadsheet() throws Exception {
        MatrixFixtures.Records world = fixtures().create();
        Actor owner = caller(MatrixFixtures.Caller.UNIT_OWNER);
        Set<Payload> stored = sweep("sign-up name (public page)", () -> count("registration"),
                p -> mvc.perform(post("/activities/" + world.activityId() + "/signup").param("name", p.text)
                        .with(TestLogins.as(citizen())).with(csrf())).andReturn());
        assertThat(stored).contains(Payload.SCRIPT, Payload.SQL, Payload.EMOJI, Payload.ZERO_WIDTH,
                Payload.RIGHT_TO_LEFT, Payload.FULL_WIDTH);
        Set<Payload> viaApi = sweep("sign-up name (API)", () -> count("registration"),
                p -> mvc.perform(post("/api/v1/activities/" + world.activityId() + "/registrations")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("name", p.text)))
                        .with(TestLogins.as(citizen())).with(csrf())).andReturn());
        assertThat(viaApi).isEqualTo(stored);
        assertThat(jdbc.sql("select person_name from registration where activity_id = ?").param(world.activityId())
                .query(String.class).list()).containsAll(stored.stream().map(p -> p.text).toList());
        String desk = page("/activities/" + world.activityId() + "/registrations", owner);
        assertAllShown("registration desk", stored, desk, p -> p.text);
        assertThat(desk).contains("&lt;script&gt;alert(1)&lt;/script&gt;科普");
        assertTextCells("registrations.xlsx", read("/activities/" + world.activityId() + "/registrations.xlsx", owner)
                .getContentAsByteArray(), stored.stream().map(p -> p.text).toList());
    }

    @Test
    void noticeTextThroughTheAdminPagesAndThePublicPage() throws Exception {
        Actor city = caller(MatrixFixtures.Caller.CITY);
        Set<Payload> published = sweep("notice (admin page)", () -> count("notice"),
                p -> mvc.perform(post("/admin/notices").param("title", p.text).param("issuer", "江门市科协")
                        .param("issuedOn", "2021-09-16").param("summary", p.text).param("body", p.and("\n第二段"))
                        .with(TestLogins.as(city)).with(csrf())).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                long id = newest("notice");
                                send(post("/admin/notices/" + id + "/publish"), city);
                                assertShown("notice page", p.text, page("/notices/" + id, null));
                            }
                        }).andReturn());
        assertThat(published).containsAll(ORDINARY);
        assertAllShown("notices", published, page("/notices", null), p -> p.text);
    }

    @Test
    void searchBoxesShowWhatWasTypedEscaped() throws Exception {
        Actor city = caller(MatrixFixtures.Caller.CITY);
        Map<String, String> searches = Map.of("/activities", "q", "/recommendations", "q", "/admin/quiz/questions", "q",
                "/admin/audit", "actor");
        for (Map.Entry<String, String> s : searches.entrySet()) {
            for (Payload p : Payload.values()) {
                MockHttpServletResponse r = mvc.perform(get(s.getKey()).queryParam(s.getValue(), p.text)
                        .with(TestLogins.as(city))).andReturn().getResponse();
                String what = "search " + s.getKey() + " / " + p;
                assertThat(r.getStatus()).as(what).isIn(200, 400);
                if (r.getStatus() == 400) {
                    assertThat(r.getContentAsString()).as(what).contains("控制字符");
                }
                assertEscaped(what, p, r.getContentAsString());
            }
        }
        // and the audit trail, which records many of the texts above as details, shows them as text
        for (Payload p : Payload.values()) {
            assertEscaped("audit trail", p, page("/admin/audit", city));
        }
    }

    private void assertStoredActivity(Actor owner, String text, MockHttpServletResponse created) throws Exception {
        long id = json.readTree(created.getContentAsString()).get("id").asLong();
        MockHttpServletResponse r = read("/api/v1/activities/" + id, owner);
        assertJson("activity API", r);
        JsonNode read = json.readTree(r.getContentAsString());
        assertThat(read.get("name").asText()).as("stored as given").isEqualTo(text);
        assertThat(read.get("description").asText()).isEqualTo(text + "的活动流程");
        assertShown("organizer's page", text, page("/activities/manage/" + id, owner));
    }

    private ActivityForm form(String text) {
        return new ActivityForm(text, 2, List.of(2), text, ActivityFormat.OFFLINE,
                LocalDateTime.parse("2021-10-16T09:00"), LocalDateTime.parse("2021-10-16T11:30"),
                organizations.findByName("江海区").orElseThrow().id(), text, null, EnumSet.of(Audience.YOUTH), 100,
                false, null, false, text.length() > 150 ? text.substring(0, 150) : text, text + "的活动流程", "梁老师",
                "0750-3862101");
    }
}
