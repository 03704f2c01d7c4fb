package cn.sciday;

import static cn.sciday.HostileInput.ORDINARY;
import static cn.sciday.HostileInput.assertJson;
import static cn.sciday.HostileInput.assertShown;
import static cn.sciday.HostileInput.sweep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import cn.sciday.HostileInput.Payload;
import cn.sciday.web.Actor;
import tools.jackson.databind.ObjectMapper;

/**
 * Hostile input in the campaign plan as the city admin edits it in the app (issue 9): the headline (title, theme,
 * brand label, affiliation) and a joint action (name, description, lead units). A copy for a later year is edited,
 * so that the current campaign other tests read stays as it is.
 */
@IntegrationTest
class HostileInputCampaignTests extends HostileInputSupport {

    @Autowired
    ObjectMapper json;

    @Test
    void theHeadlineAndAJointActionOfACampaignCopy() throws Exception {
        Actor city = caller(MatrixFixtures.Caller.CITY);
        long current = jdbc.sql("select id from campaign where campaign_year = 2021").query(Long.class).single();
        assertThat(send(post("/admin/campaigns/" + current + "/clone").param("year", "2045"), city).getStatus())
                .isEqualTo(302);
        long copy = jdbc.sql("select id from campaign where campaign_year = 2045").query(Long.class).single();

        Set<Payload> headlines = sweep("campaign headline (admin page)", null,
                p -> mvc.perform(post("/admin/campaigns/" + copy).param("title", p.text).param("theme", p.and("主题"))
                        .param("startsOn", "2045-09-11").param("endsOn", "2045-12-10").param("brandLabel", p.text)
                        .param("affiliation", p.and("科协")).with(csrf()).with(TestLogins.as(city))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                assertThat(jdbc.sql("select title, theme, brand_label, affiliation from campaign "
                                        + "where id = ?").param(copy).query().singleRow())
                                        .containsEntry("title", p.text).containsEntry("theme", p.and("主题"))
                                        .containsEntry("brand_label", p.text).containsEntry("affiliation", p.and("科协"));
                                assertShown("campaign page", p.text, page("/admin/campaigns/" + copy, city));
                                assertShown("campaign list", p.text, page("/admin/campaigns", city));
                            }
                        }).andReturn());
        assertThat(headlines).containsAll(ORDINARY);
        assertJson("campaign API", read("/api/v1/admin/campaigns/" + copy, city));
        Set<Payload> viaApi = sweep("campaign headline (API)", null,
                p -> mvc.perform(put("/api/v1/admin/campaigns/" + copy).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", p.text, "theme", p.and("主题"), "startsOn",
                                "2045-09-11", "endsOn", "2045-12-10", "brandLabel", p.text, "affiliation",
                                p.and("科协")))).with(csrf()).with(TestLogins.as(city))).andDo(r -> {
                                    if (HostileInput.isStored(r)) {
                                        assertThat(jdbc.sql("select title from campaign where id = ?").param(copy)
                                                .query(String.class).single()).isEqualTo(p.text);
                                    }
                                }).andReturn());
        assertThat(viaApi).containsAll(ORDINARY);

        Set<Payload> actions = sweep("joint action (admin page)", null,
                p -> mvc.perform(post("/admin/campaigns/" + copy + "/joint-actions/1").param("name", p.text)
                        .param("description", p.and("的说明")).param("leadUnits", p.and("牵头单位") + "\n市科协")
                        .with(csrf()).with(TestLogins.as(city))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                Map<String, Object> row = jdbc.sql("select name, description from "
                                        + "campaign_joint_action where campaign_id = ? and number = 1").param(copy)
                                        .query().singleRow();
                                assertThat(row).containsEntry("name", p.text).containsEntry("description",
                                        p.and("的说明"));
                                String page = page("/admin/campaigns/" + copy, city);
                                assertShown("joint actions", p.text, page);
                                if (!p.text.matches("(?s).*[、，,；;].*")) {
                                    assertShown("joint actions", p.and("牵头单位"), page);
                                }
                            }
                        }).andReturn());
        // lead units are a list split at line breaks, 、 , and ; so the SQL fragment is three of them
        assertThat(actions).containsAll(ORDINARY);

        // the database holds 100 characters of a name and of each lead unit: more is refused on the form
        String name = jdbc.sql("select name from campaign_joint_action where campaign_id = ? and number = 1")
                .param(copy).query(String.class).single();
        assertThat(send(post("/admin/campaigns/" + copy + "/joint-actions/1").param("name", "科".repeat(101))
                .param("description", "").param("leadUnits", "市科协"), city).getContentAsString())
                .contains("联合行动名称最多100个字");
        assertThat(send(post("/admin/campaigns/" + copy + "/joint-actions/1").param("name", "联合行动")
                .param("description", "").param("leadUnits", "市科协\n" + "科".repeat(101)), city)
                .getContentAsString()).contains("每个牵头单位的名称最多100个字");
        assertThat(jdbc.sql("select name from campaign_joint_action where campaign_id = ? and number = 1").param(copy)
                .query(String.class).single()).as("nothing half-written").isEqualTo(name);
    }
}
