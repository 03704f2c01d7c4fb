package cn.sciday;

import static cn.sciday.HostileInput.ORDINARY;
import static cn.sciday.HostileInput.assertAllShown;
import static cn.sciday.HostileInput.assertJson;
import static cn.sciday.HostileInput.sweep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import cn.sciday.HostileInput.Payload;
import cn.sciday.organization.CreditCode;
import cn.sciday.web.Actor;
import tools.jackson.databind.ObjectMapper;

/**
 * Hostile input in the free-text fields of organizations and accounts (issue 9): a unit registering itself (unit
 * name, contact person, address, the organizer's name), the coordinator's rejection reason, the unit's corrected
 * contact details, divisions and departments as the city admin names them, staff accounts' names and API token
 * labels.
 */
@IntegrationTest
class HostileInputOrganizationTests extends HostileInputSupport {

    private static final AtomicLong SEQ = new AtomicLong();

    @Autowired
    ObjectMapper json;
    Actor city;
    Actor coordinator;

    @BeforeEach
    void people() {
        city = caller(MatrixFixtures.Caller.CITY);
        coordinator = caller(MatrixFixtures.Caller.COORDINATOR);
    }

    @Test
    void aUnitRegistersIsRejectedWithAReasonAndCorrectsItsDetails() throws Exception {
        Map<Payload, String> usernames = new EnumMap<>(Payload.class);
        Set<Payload> stored = sweep("unit registration (page)", () -> count("organization"),
                p -> register(p, p.text).andDo(r -> usernames.put(p, r.getRequest().getParameter("username")))
                        .andReturn());
        assertThat(stored).containsAll(ORDINARY);
        Map<Payload, Long> units = new EnumMap<>(Payload.class);
        for (Payload p : stored) {
            Map<String, Object> row = jdbc.sql("select id, contact_name, address from organization where name = ?")
                    .param(p.text).query().singleRow();
            assertThat(row).containsEntry("contact_name", p.text).containsEntry("address", p.and("江海路1号"));
            units.put(p, ((Number) row.get("id")).longValue());
            assertThat(jdbc.sql("select display_name from account where username = ?").param(usernames.get(p))
                    .query(String.class).single()).isEqualTo(p.text);
        }
        assertAllShown("units awaiting approval", stored, page("/units", coordinator), p -> p.text);
        String one = page("/units/" + units.get(Payload.SCRIPT), coordinator);
        assertAllShown("unit page", Set.of(Payload.SCRIPT), one, p -> p.and("江海路1号"));
        assertJson("units API", mvc.perform(get("/api/v1/units/" + units.get(Payload.SCRIPT))
                .with(TestLogins.as(coordinator))).andReturn().getResponse());

        // the coordinator rejects each with a reason; the unit's organizer sees it on the workbench
        register(Payload.FULL_WIDTH, "备用单位" + SEQ.incrementAndGet()).andReturn();
        List<Long> pending = new ArrayList<>(units.values());
        pending.add(jdbc.sql("select max(id) from organization").query(Long.class).single());
        Set<Payload> reasons = sweep("unit rejection reason (coordinator page)",
                () -> count("organization where status = 'REJECTED'"),
                p -> mvc.perform(post("/units/" + pending.get(0) + "/reject").param("reason", p.text).with(csrf())
                        .with(TestLogins.as(coordinator))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                pending.remove(0);
                            }
                        }).andReturn());
        assertThat(reasons).containsAll(ORDINARY);
        mvc.perform(post("/units/" + pending.get(0) + "/reject").param("reason", "资料不全").with(csrf())
                .with(TestLogins.as(coordinator)));
        List<Actor> rejected = jdbc.sql("select a.id from account a join organization o on o.id = a.organization_id "
                + "where o.status = 'REJECTED' and o.parent_id = ? order by o.id").param(coordinator.organizationId())
                .query(Long.class).list().stream().map(id -> accounts.currentActor(id).orElseThrow()).toList();
        StringBuilder workbenches = new StringBuilder();
        for (Actor a : rejected) {
            workbenches.append(page("/workbench", a));
        }
        assertAllShown("workbench", reasons, workbenches.toString(), p -> p.text);

        // each corrects its contact person and address and asks again
        int[] next = {0};
        Set<Payload> corrected = sweep("unit correction (workbench page)",
                () -> count("organization where status = 'PENDING'"),
                p -> mvc.perform(post("/workbench/unit/resubmit").param("contactName", p.text)
                        .param("contactPhone", "0750-3000000").param("address", p.and("江海路2号")).with(csrf())
                        .with(TestLogins.as(rejected.get(next[0])))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                next[0]++;
                            }
                        }).andReturn());
        assertThat(corrected).containsAll(ORDINARY);
        for (int i = 0; i < next[0]; i++) {
            Payload p = corrected.stream().toList().get(i);
            assertThat(jdbc.sql("select contact_name, address from organization where id = ?")
                    .param(rejected.get(i).organizationId()).query().singleRow()).containsEntry("contact_name", p.text)
                    .containsEntry("address", p.and("江海路2号"));
        }
    }

    @Test
    void aDepartmentRenamedByTheCityAdmin() throws Exception {
        long id = SEQ.incrementAndGet();
        mvc.perform(post("/admin/organizations").param("kind", "DEPARTMENT").param("name", "敌意输入部门" + id)
                .param("fullName", "江门市敌意输入部门" + id).param("aliases", "").with(csrf()).with(TestLogins.as(city)));
        long body = jdbc.sql("select id from organization where name = ?").param("敌意输入部门" + id).query(Long.class)
                .single();
        try {
            Set<Payload> stored = sweep("department (admin page)", null,
                    p -> mvc.perform(post("/admin/organizations/" + body).param("name", p.text)
                            .param("fullName", p.and("（全称）")).param("aliases", p.and("别名")).with(csrf())
                            .with(TestLogins.as(city))).andDo(r -> {
                                if (HostileInput.isStored(r)) {
                                    // aliases are a list: split at 、 , ; (so the SQL fragment is three aliases)
                                    assertThat(jdbc.sql("select name, full_name from organization where id = ?")
                                            .param(body).query().singleRow()).containsEntry("name", p.text)
                                            .containsEntry("full_name", p.and("（全称）"));
                                    HostileInput.assertShown("organizations", p.and("（全称）"),
                                            page("/admin/organizations", city));
                                    HostileInput.assertShown("registration form", p.text, page("/register", null));
                                    if (p == Payload.FORMULA) { // a sheet of its own, named so
                                        HostileInput.assertTextCells("summary table", read("/reports/summary.xlsx",
                                                city).getContentAsByteArray(), List.of(p.and("（全称）")));
                                    }
                                }
                            }).andReturn());
            assertThat(stored).containsAll(ORDINARY);
            Set<Payload> viaApi = sweep("department (API)", null,
                    p -> mvc.perform(put("/api/v1/admin/organizations/" + body).contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(Map.of("name", p.text, "fullName", p.and("（全称）"),
                                    "aliases", List.of(p.text)))).with(csrf()).with(TestLogins.as(city))).andDo(r -> {
                                        if (HostileInput.isStored(r)) {
                                            assertThat(jdbc.sql("select name, aliases from organization where id = ?")
                                                    .param(body).query().singleRow()).containsEntry("name", p.text);
                                        }
                                    }).andReturn());
            assertThat(viaApi).containsAll(ORDINARY);
            // each alias may have 50 characters, but together they are kept in 500
            var tooMany = mvc.perform(put("/api/v1/admin/organizations/" + body).contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("name", "敌意输入部门" + id, "aliases",
                            java.util.stream.IntStream.range(0, 11).mapToObj(i -> i + "科".repeat(48)).toList())))
                    .with(csrf()).with(TestLogins.as(city))).andReturn().getResponse();
            assertThat(tooMany.getStatus()).isEqualTo(400);
            assertThat(tooMany.getContentAsString()).contains("别名合计不能超过500个字");
        } finally {
            mvc.perform(post("/admin/organizations/" + body).param("name", "敌意输入部门" + id)
                    .param("fullName", "江门市敌意输入部门" + id).param("aliases", "").with(csrf()).with(TestLogins.as(city)));
        }
    }

    @Test
    void staffAccountNamesAndTokenLabels() throws Exception {
        long jianghai = organizations.findByName("江海区").orElseThrow().id();
        Set<Payload> stored = sweep("staff account (admin page)", () -> count("account"),
                p -> mvc.perform(post("/admin/accounts").param("username", "hostile-" + SEQ.incrementAndGet())
                        .param("displayName", p.text).param("email", "").param("role", "COORDINATOR")
                        .param("organizationId", String.valueOf(jianghai)).param("password", "Kepu-Day-2021-Hostile!")
                        .with(csrf()).with(TestLogins.as(city))).andReturn());
        assertThat(stored).containsAll(ORDINARY);
        for (Payload p : stored) {
            assertThat(count("account where display_name = '" + p.text.replace("'", "''") + "'")).as(p.name())
                    .isEqualTo(1);
        }
        assertAllShown("accounts", stored, page("/admin/accounts", city), p -> p.text);

        Actor me = caller(MatrixFixtures.Caller.UNIT_OWNER);
        Set<Payload> labels = sweep("API token label (profile page)", () -> count("api_token"),
                p -> mvc.perform(post("/profile/tokens").param("label", p.text).with(csrf()).with(TestLogins.as(me)))
                        .andReturn());
        assertThat(labels).containsAll(ORDINARY);
        assertThat(jdbc.sql("select label from api_token where account_id = ?").param(me.accountId())
                .query(String.class).set()).containsAll(labels.stream().map(p -> p.text).toList());
        assertAllShown("profile", labels, page("/profile", me), p -> p.text);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private org.springframework.test.web.servlet.ResultActions register(Payload p, String name) throws Exception {
        long n = SEQ.incrementAndGet();
        return mvc.perform(post("/register").param("name", name).param("unitType", "SCHOOL")
                .param("creditCode", CreditCode.complete("12440700MY" + String.format("%07d", n + 800_000)))
                .param("parentId", String.valueOf(coordinator.organizationId())).param("contactName", p.text)
                .param("contactPhone", "0750-3000000").param("address", p.and("江海路1号"))
                .param("username", "hostile-unit-" + n).param("displayName", p.text)
                .param("password", "Kepu-Day-2021-Hostile!").param("confirm", "Kepu-Day-2021-Hostile!").with(csrf()));
    }


}
