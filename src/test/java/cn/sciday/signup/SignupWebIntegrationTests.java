package cn.sciday.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.organization.CreditCode;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/** Sign-up pages and API for every role: the owner, another person, the unit's staff, others. */
@IntegrationTest
class SignupWebIntegrationTests {

    static final AtomicLong IDS = new AtomicLong(600_000);
    static final AtomicLong MOBILE = new AtomicLong(13600000000L);

    @Autowired
    MockMvc mvc;
    @Autowired
    Registrations registrations;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long activity;
    Actor me;
    Actor stranger;
    Map<String, Actor> staff;

    @BeforeEach
    void setUp() {
        long jianghai = organizations.findByName("江海区").orElseThrow().id();
        long xinhui = organizations.findByName("新会区").orElseThrow().id();
        long unit = unit(jianghai);
        activity = IDS.incrementAndGet();
        registrations.openSlot(activity, unit, "青少年机器人编程体验营", 2, false, true,
                Instant.parse("2021-09-30T01:00:00Z"), Instant.parse("2021-09-30T04:00:00Z"));
        me = accounts.publicUser(String.valueOf(MOBILE.incrementAndGet()));
        stranger = accounts.publicUser(String.valueOf(MOBILE.incrementAndGet()));
        staff = Map.of(
                "owner", TestLogins.actor(Role.ORGANIZER, unit),
                "otherUnit", TestLogins.actor(Role.ORGANIZER, unit(jianghai)),
                "coordinator", TestLogins.actor(Role.COORDINATOR, jianghai),
                "otherCoordinator", TestLogins.actor(Role.COORDINATOR, xinhui),
                "city", TestLogins.actor(Role.CITY_ADMIN, organizations.city().id()));
    }

    @Test
    void aCitizenSignsUpSeesTheTicketAndCancels() throws Exception {
        mvc.perform(get("/activities/" + activity + "/signup")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/activities/" + activity + "/signup").with(TestLogins.as(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("还剩2个名额")));
        String location = mvc.perform(post("/activities/" + activity + "/signup").param("name", "陈奶奶")
                .with(csrf()).with(TestLogins.as(me))).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/tickets/");
        long ticket = Long.parseLong(location.substring("/tickets/".length()));
        mvc.perform(get(location).with(TestLogins.as(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("陈奶奶")))
                .andExpect(content().string(containsString("qr.png")));
        mvc.perform(get(location + "/qr.png").with(TestLogins.as(me))).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG));
        mvc.perform(get(location).with(TestLogins.as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get(location + "/qr.png").with(TestLogins.as(stranger))).andExpect(status().isNotFound());
        mvc.perform(post(location + "/cancel").with(csrf()).with(TestLogins.as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/my/tickets").with(TestLogins.as(me))).andExpect(content().string(containsString("青少年机器人编程体验营")));
        mvc.perform(get("/my/tickets").with(TestLogins.as(stranger)))
                .andExpect(content().string(not(containsString("青少年机器人编程体验营"))));
        mvc.perform(post(location + "/cancel").with(csrf()).with(TestLogins.as(me))).andExpect(status().is3xxRedirection());
        assertThat(registrations.ticket(me, ticket).status()).isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void theApiSignsUpOnceAndKeepsTicketsPrivate() throws Exception {
        mvc.perform(post("/api/v1/activities/" + activity + "/registrations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\"}")).andExpect(status().isUnauthorized());
        String body = mvc.perform(post("/api/v1/activities/" + activity + "/registrations").with(TestLogins.as(me))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"刘先生\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/api/v1/activities/" + activity + "/registrations").with(TestLogins.as(me)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"刘先生\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/registrations/" + id).with(TestLogins.as(stranger))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/registrations/" + id).with(TestLogins.as(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/activities/" + activity + "/registrations").with(TestLogins.as(staff.get("owner")))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"职员\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/activities/999999999/registrations").with(TestLogins.as(me)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}")).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/registrations/" + id).with(TestLogins.as(me)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void theRegistrationDeskIsForTheUnitTheCoordinatorAboveAndTheCity() throws Exception {
        Ticket t = registrations.register(me, activity, new SignupForm("=HYPERLINK(\"x\")", null));
        String desk = "/activities/" + activity + "/registrations";
        expect(get(desk), null, 302);
        expect(get(desk), "owner", 200);
        expect(get(desk), "otherUnit", 404);
        expect(get(desk), "coordinator", 200);
        expect(get(desk), "otherCoordinator", 404);
        expect(get(desk), "city", 200);
        mvc.perform(get(desk).with(TestLogins.as(me))).andExpect(status().isNotFound());
        mvc.perform(get(desk).with(TestLogins.as(staff.get("owner"))))
                .andExpect(content().string(not(containsString(mobileOf(me)))))
                .andExpect(content().string(containsString(mobileOf(me).substring(0, 3) + "****")));

        mvc.perform(post(desk + "/" + t.id() + "/mobile").with(csrf()).with(TestLogins.as(staff.get("otherUnit"))))
                .andExpect(status().isNotFound());
        String redirect = mvc.perform(post(desk + "/" + t.id() + "/mobile").with(csrf())
                .with(TestLogins.as(staff.get("owner")))).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(redirect).isEqualTo(desk);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'REGISTRANT_PHONE_VIEWED' and target_id = ?")
                .param(String.valueOf(t.id())).query(Integer.class).single()).as("the reveal is audited").isEqualTo(1);

        expect(get(desk + ".xlsx"), "otherCoordinator", 404);
        byte[] xlsx = mvc.perform(get(desk + ".xlsx").with(TestLogins.as(staff.get("coordinator"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var row = book.getSheetAt(0).getRow(2);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(row.getCell(2).getStringCellValue()).contains("****").doesNotContain(mobileOf(me).substring(3, 7));
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo(t.code());
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'REGISTRATIONS_EXPORTED' and target_id = ?")
                .param(String.valueOf(activity)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void checkInOverTheApiOnceAndOnlyByStaffInScope() throws Exception {
        Ticket t = registrations.register(me, activity, new SignupForm("签到人", null));
        String url = "/api/v1/activities/" + activity + "/check-ins";
        String json = "{\"code\":\"" + t.code() + "\"}";
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isUnauthorized());
        for (String role : new String[] {"otherUnit", "otherCoordinator"}) {
            mvc.perform(post(url).with(TestLogins.as(staff.get(role))).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isNotFound());
        }
        mvc.perform(post(url).with(TestLogins.as(me)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isNotFound());
        mvc.perform(post(url).with(TestLogins.as(staff.get("owner"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk())
                .andExpect(jsonPath("$.checkedInAt").exists());
        mvc.perform(post(url).with(TestLogins.as(staff.get("city"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("请勿重复签到")));
        mvc.perform(get("/activities/" + activity + "/check-in").with(TestLogins.as(staff.get("coordinator"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已签到1人")));
    }

    private String mobileOf(Actor actor) {
        return String.valueOf(MOBILE.get() - (actor == me ? 1 : 0));
    }

    private void expect(MockHttpServletRequestBuilder request, String role, int status) throws Exception {
        if (role != null) {
            request.with(TestLogins.as(staff.get(role)));
        }
        mvc.perform(request).andExpect(status().is(status));
    }

    private long unit(long parent) {
        long n = IDS.incrementAndGet();
        return organizations.createApprovedUnit(new UnitRegistration("单位" + n, UnitType.SCHOOL,
                CreditCode.complete("12440704MW" + String.format("%07d", n % 10_000_000)), "联系人", "0750-3861234",
                null, parent)).id();
    }
}
